import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import type { AdminResult } from "@/components/admin/admin-result";
import { getCookieActor } from "@/lib/auth/next-auth";
import { isAppError, PasswordChangeRequired, Unauthorized } from "@/lib/errors";
import { adminText } from "@/lib/i18n/admin-text";
import { isLocale } from "@/lib/i18n/labels";
import type { Actor } from "@/lib/permissions";
import type { Locale } from "@/lib/schemas/parse";

export type AdminContext = { actor: Actor; locale: Locale; requestId: string };

/**
 * Runs one use case for an administration or account server action (the same use case as the
 * REST API) and turns every failure into a value the form shows; refreshes `revalidate` on success.
 */
export async function runAdmin<T>(
  revalidate: readonly string[],
  work: (ctx: AdminContext) => Promise<T>,
  opts: { duringPasswordChange?: boolean } = {},
): Promise<AdminResult<T>> {
  const raw = await getLocale();
  const locale: Locale = isLocale(raw) ? raw : "zh-CN";
  try {
    const actor = await getCookieActor();
    if (!actor) throw new Unauthorized();
    if (actor.mustChangePassword && !opts.duringPasswordChange) throw new PasswordChangeRequired();
    const data = await work({ actor, locale, requestId: randomUUID() });
    for (const p of revalidate) revalidatePath(p);
    return { ok: true, data };
  } catch (e) {
    const t = await getTranslations("problemWork.errors");
    if (isAppError(e)) {
      switch (e.code) {
        case "VALIDATION_FAILED":
        case "BAD_REQUEST": {
          const fields = { ...(e.fields ?? {}) };
          return { ok: false, message: Object.keys(fields).length ? null : t("invalid"), fields };
        }
        case "UNAUTHORIZED":
          return { ok: false, message: t("signedOut"), fields: {} };
        case "NOT_FOUND":
          return { ok: false, message: t("notFound"), fields: {} };
        case "PASSWORD_CHANGE_REQUIRED":
          return { ok: false, message: adminText(locale, "passwordRules.changeRequired"), fields: {} };
        case "CONFLICT":
          return { ok: false, message: e.extra?.current ? t("conflict") : e.message, fields: {} };
        case "FORBIDDEN":
          return { ok: false, message: e.message === "You may not do this" ? t("forbidden") : e.message, fields: {} };
      }
    }
    const ref = randomUUID().slice(0, 8);
    console.error(`[admin ${ref}]`, e);
    return { ok: false, message: t("unexpected", { ref }), fields: {} };
  }
}
