/**
 * The seven people of a test world, each signed in with a real session cookie, for the server
 * actions' role × action matrices: `as(who, work)` runs `work` as that person's browser would.
 */
import { browserCookie, withCookie } from "./cookie-session";
import { createWorld, type World } from "./world";

export type Who = "admin" | "leader" | "coordinator" | "headA" | "headB" | "officerA" | "viewer";
export const WHO: Who[] = ["admin", "leader", "coordinator", "headA", "headB", "officerA", "viewer"];
export type RunAs = <T>(who: Who, work: () => Promise<T>) => Promise<T>;

export async function worldWithSessions(): Promise<{ world: World; as: RunAs }> {
  const world = await createWorld();
  const cookies = new Map<Who, string>();
  for (const who of WHO) cookies.set(who, (await browserCookie(world[who].user.id)).cookie);
  return { world, as: (who, work) => withCookie(cookies.get(who) as string, work) };
}

/** A form as the browser posts it. */
export function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}
