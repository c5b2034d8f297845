import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { getCookieActor } from "@/lib/auth/next-auth";
import { isAppError, Unauthorized } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/labels";
import type { Actor } from "@/lib/permissions";
import type { Locale } from "@/lib/schemas/parse";
import type { ActionResult } from "./action-result";

/**
 * What the problem page's server actions share: the signed-in person, the failure → form value
 * mapping, and the refresh after success. Each action calls the same use case as the REST API
 * (authorization, validation, one transaction with its audit rows and notices).
 */
export type ActionContext = { actor: Actor; locale: Locale; requestId: string };

async function actionContext(): Promise<ActionContext> {
  const actor = await getCookieActor();
  if (!actor) throw new Unauthorized();
  const locale = await getLocale();
  return { actor, locale: isLocale(locale) ? locale : "zh-CN", requestId: randomUUID() };
}

function versionOf(current: unknown): number | undefined {
  const v = (current as { version?: unknown } | null)?.version;
  return typeof v === "number" ? v : undefined;
}

export type RunOptions = {
  /** Pages to refresh on success. */
  revalidate: readonly string[];
  /** Tag of the server log line of an unexpected failure. */
  tag: string;
  /** Show the refusal's own (localised) text for a 403, instead of the generic one. */
  ownForbiddenText?: boolean;
};

async function failure(e: unknown, opts: RunOptions): Promise<ActionResult> {
  const t = await getTranslations("problemWork.errors");
  if (isAppError(e)) {
    switch (e.code) {
      case "VALIDATION_FAILED":
      case "BAD_REQUEST": {
        const { _: general, ...fields } = e.fields ?? {};
        const message = general?.join(" ") ?? (Object.keys(fields).length ? null : t("invalid"));
        return { ok: false, message, fields };
      }
      case "CONFLICT": {
        const version = versionOf(e.extra?.current);
        return { ok: false, message: t("conflict"), fields: {}, ...(version ? { conflict: { version } } : {}) };
      }
      case "FORBIDDEN":
        return { ok: false, message: (opts.ownForbiddenText && e.message) || t("forbidden"), fields: {} };
      case "NOT_FOUND":
        return { ok: false, message: t("notFound"), fields: {} };
      case "UNAUTHORIZED":
        return { ok: false, message: t("signedOut"), fields: {} };
    }
  }
  const ref = randomUUID().slice(0, 8);
  console.error(`[${opts.tag} ${ref}]`, e);
  return { ok: false, message: t("unexpected", { ref }), fields: {} };
}

/** Runs one use case for a server action: refreshes `revalidate` on success, turns every failure into a value the form shows. */
export async function runAction(opts: RunOptions, work: (ctx: ActionContext) => Promise<unknown>): Promise<ActionResult> {
  try {
    await work(await actionContext());
    for (const path of opts.revalidate) revalidatePath(path);
    return { ok: true };
  } catch (e) {
    return failure(e, opts);
  }
}
