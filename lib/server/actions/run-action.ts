import "server-only";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { getCookieActor } from "@/lib/auth/next-auth";
import { type FieldErrors, isAppError, PasswordChangeRequired, Unauthorized } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/labels";
import type { Actor } from "@/lib/permissions";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { Locale } from "@/lib/schemas/parse";

/**
 * The one runner of every server action: the signed-in person (from the session cookie), then the
 * use case — the same one the REST API calls, which authorizes, parses its input with the shared
 * zod schema and writes in one transaction with its audit row — then the pages to refresh. Every
 * failure becomes a value the form shows, in the person's language; nothing raw reaches the browser.
 */
export type ActionContext = { actor: Actor; locale: Locale; requestId: string };

export type RunOptions = {
  /** Pages to refresh on success; `[path, "layout"]` refreshes a whole subtree. */
  revalidate: readonly (string | readonly [string, "layout" | "page"])[];
  /** Tag of the server log line of an unexpected failure. */
  tag: string;
  /**
   * Show a refusal's own (localised) text — a 403 that says why, a 409 without a newer record —
   * instead of the generic one. For use cases whose refusals are written for people.
   */
  ownRefusalText?: boolean;
  /** The password form runs while the person must still change their password; nothing else does. */
  duringPasswordChange?: boolean;
  /** `coUnitIds.2` → `coUnitIds`: for forms that show one message per input, not per list entry. */
  topLevelFields?: boolean;
};

async function requestLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : "zh-CN";
}

function versionOf(current: unknown): number | undefined {
  const v = (current as { version?: unknown } | null)?.version;
  return typeof v === "number" ? v : undefined;
}

function byTopLevelField(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(fields)) {
    const field = key.split(".")[0] ?? key;
    out[field] = [...new Set([...(out[field] ?? []), ...messages])];
  }
  return out;
}

const GENERIC_FORBIDDEN = "You may not do this";

/** The one error → message mapping of server actions (the REST API's is lib/api/handler.ts). */
export async function actionFailure(e: unknown, opts: Pick<RunOptions, "tag" | "ownRefusalText" | "topLevelFields">) {
  const t = await getTranslations("problemWork.errors");
  const fail = (message: string | null, fields: FieldErrors = {}) => ({ ok: false as const, message, fields });
  if (isAppError(e)) {
    switch (e.code) {
      case "VALIDATION_FAILED":
      case "BAD_REQUEST": {
        const all = opts.topLevelFields ? byTopLevelField(e.fields ?? {}) : (e.fields ?? {});
        const { _: general, ...fields } = all;
        return fail(general?.join(" ") ?? (Object.keys(fields).length ? null : t("invalid")), fields);
      }
      case "CONFLICT": {
        const current = e.extra?.current;
        const version = versionOf(current);
        if (current !== undefined) return { ...fail(t("conflict")), ...(version ? { conflict: { version, current } } : {}) };
        return fail((opts.ownRefusalText && e.message) || t("conflict"));
      }
      case "FORBIDDEN":
        return fail(opts.ownRefusalText && e.message !== GENERIC_FORBIDDEN ? e.message : t("forbidden"));
      case "PASSWORD_CHANGE_REQUIRED":
        return fail((await getTranslations("passwordRules"))("changeRequired"));
      case "NOT_FOUND":
        return fail(t("notFound"));
      case "UNAUTHORIZED":
        return fail(t("signedOut"));
    }
  }
  const ref = randomUUID().slice(0, 8);
  console.error(`[${opts.tag} ${ref}]`, e);
  return fail(t("unexpected", { ref }));
}

/**
 * Runs one use case for a server action. Example (app/(app)/problems/[id]/actions.ts):
 *
 *     export async function submitPlanAction(problemId: string, input: { target: string }) {
 *       return runAction({ revalidate: [`/problems/${problemId}`, "/work"], tag: "problem-action" },
 *         (c) => submitPlan(c.actor, problemId, input, c));
 *     }
 */
export async function runAction<T>(opts: RunOptions, work: (ctx: ActionContext) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const actor = await getCookieActor();
    if (!actor) throw new Unauthorized();
    if (actor.mustChangePassword && !opts.duringPasswordChange) throw new PasswordChangeRequired();
    const data = await work({ actor, locale: await requestLocale(), requestId: randomUUID() });
    for (const p of opts.revalidate) {
      if (typeof p === "string") revalidatePath(p);
      else revalidatePath(p[0], p[1]);
    }
    return { ok: true, data };
  } catch (e) {
    return actionFailure(e, opts);
  }
}

/**
 * The same for the few actions that run before anyone is signed in (first-run setup): no session,
 * the same error → message mapping.
 */
export async function runPublicAction<T>(
  opts: Omit<RunOptions, "duringPasswordChange">,
  work: (ctx: { locale: Locale; requestId: string }) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const data = await work({ locale: await requestLocale(), requestId: randomUUID() });
    for (const p of opts.revalidate) {
      if (typeof p === "string") revalidatePath(p);
      else revalidatePath(p[0], p[1]);
    }
    return { ok: true, data };
  } catch (e) {
    return actionFailure(e, opts);
  }
}
