import { redirect } from "next/navigation";
import { getCookieActor } from "@/lib/auth/next-auth";
import type { Actor } from "@/lib/permissions";

/** Where a person who must set a new password is sent from every page. */
export const PASSWORD_CHANGE_PATH = "/account/password";

/**
 * The signed-in person, or a redirect to the login page that brings them back to `returnTo`
 * afterwards; a person who must set a new password is sent to the password form first.
 */
export async function requireActor(returnTo?: string): Promise<Actor> {
  const actor = await getCookieActor();
  if (!actor) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  if (actor.mustChangePassword && !returnTo?.startsWith(PASSWORD_CHANGE_PATH)) redirect(PASSWORD_CHANGE_PATH);
  return actor;
}

/** Rebuilds the query string of a page's `searchParams` (for a login round-trip back to the same view). */
export function pathWithQuery(path: string, searchParams: Record<string, string | string[] | undefined>): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) qs.append(key, v);
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}
