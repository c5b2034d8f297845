/**
 * One row of a server-action matrix and the checks every row gets: called as a person who may, the
 * action succeeds, changes what it should, writes an audit row naming that person and refreshes its
 * pages; called as anyone else it answers the expected refusal (no permission → "forbidden", out of
 * scope → "notFound" or a field message) and nothing changes, no page is refreshed.
 *
 * A test file records the refreshed pages with
 *
 *   vi.mock("next/cache", async () => (await import("../support/action-cases")).nextCache);
 */
import type { Prisma } from "@prisma/client";
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { RunAs, Who } from "./action-roles";
import { withCookie } from "./cookie-session";
import type { World } from "./world";

/** The pages the actions asked to refresh since the last `refreshed.length = 0`. */
export const refreshed: string[] = [];
export const nextCache = {
  revalidatePath: (path: string) => {
    refreshed.push(path);
  },
};

/** How someone is refused: no permission, out of scope (looks missing), or out of scope on a field. */
export type Refusal = "forbidden" | "notFound" | { field: string };

export type Target = {
  run: () => Promise<ActionResult<unknown>>;
  /** Everything the action could write (rows, versions, audit counts): equal before and after a refusal. */
  state: () => Promise<unknown>;
  /** Which audit rows the action writes (read after it ran); one of them must name the person. */
  audit: () => Promise<Prisma.AuditLogWhereInput>;
  /** Further checks after a success (the effect itself, a notification). */
  after?: (who: Who) => Promise<void>;
  /** A bad input of the same action: refused with these field errors, nothing written. */
  invalid?: { run: () => Promise<ActionResult<unknown>>; fields: string[] };
};

export type ActionCase = {
  name: string;
  /** Who may (the permission table and the scope rules, pinned here, never read from the code). */
  may: readonly Who[];
  /** Who holds the permission but is outside the record's scope, and how they are refused. */
  scoped?: Partial<Record<Who, Refusal>>;
  /** Makes a fresh record for one call (`who` is the caller, for distinct names or days). */
  setup: (who: Who) => Promise<Target>;
  /** The action refreshes no page (a search, a count). */
  refreshesNothing?: boolean;
};

export function refusalOf(c: ActionCase, who: Who): Refusal {
  return c.scoped?.[who] ?? "forbidden";
}

function expectRefused(result: ActionResult<unknown>, refusal: Refusal) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return;
  if (typeof refusal === "string") expect(result.message, JSON.stringify(result)).toBe(refusal);
  else expect(result.fields[refusal.field]?.length ?? 0, JSON.stringify(result)).toBeGreaterThan(0);
}

/** One cell of the matrix: `c` called as `who`. */
export async function checkCell(world: World, as: RunAs, c: ActionCase, who: Who): Promise<void> {
  const t = await c.setup(who);
  const before = await t.state();
  refreshed.length = 0;
  const result = await as(who, t.run);
  if (c.may.includes(who)) {
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(await t.state()).not.toEqual(before);
    const written = await t.audit();
    expect(written.entityId, "the record written is found").toEqual(expect.any(String));
    const audit = await db.auditLog.count({ where: { ...written, actorId: world[who].user.id } });
    expect(audit, "an audit row naming the person").toBeGreaterThan(0);
    if (!c.refreshesNothing) expect(refreshed.length, "pages refreshed").toBeGreaterThan(0);
    await t.after?.(who);
  } else {
    expectRefused(result, refusalOf(c, who));
    expect(await t.state()).toEqual(before);
    expect(refreshed, "no page refreshed").toEqual([]);
  }
}

/** Without a session: "signed out", nothing written. */
export async function checkSignedOut(c: ActionCase): Promise<void> {
  const t = await c.setup(c.may[0] as Who);
  const before = await t.state();
  const result = await withCookie("", t.run);
  expect(result, c.name).toMatchObject({ ok: false, message: "signedOut" });
  expect(await t.state(), c.name).toEqual(before);
}

/** A bad input from a person who may: the field errors, nothing written. */
export async function checkInvalid(as: RunAs, c: ActionCase): Promise<void> {
  const who = c.may[0] as Who;
  const t = await c.setup(who);
  if (!t.invalid) throw new Error(`${c.name} has no invalid input`);
  const before = await t.state();
  const result = await as(who, t.invalid.run);
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (!result.ok) expect(Object.keys(result.fields).sort(), JSON.stringify(result)).toEqual([...t.invalid.fields].sort());
  expect(await t.state()).toEqual(before);
}
