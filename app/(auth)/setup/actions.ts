"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { clientIp } from "@/lib/auth/request-meta";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { adminText } from "@/lib/i18n/admin-text";
import { isLocale } from "@/lib/i18n/labels";
import type { ActionResult } from "@/lib/schemas/action-result";
import { completeSetup, type SetupResult } from "@/lib/server/setup/first-run";

/** The setup page's form: the same use case as POST /api/v1/setup. */
export async function setupAction(form: FormData): Promise<ActionResult<SetupResult>> {
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "zh-CN";
  const password = String(form.get("password") ?? "");
  if (password !== String(form.get("confirm") ?? "")) {
    return { ok: false, message: null, fields: { confirm: [adminText(locale, "passwordRules.mismatch")] } };
  }
  try {
    const data = await completeSetup(
      getDb(),
      {
        token: String(form.get("token") ?? ""),
        username: String(form.get("username") ?? ""),
        displayName: String(form.get("displayName") ?? ""),
        password,
      },
      { locale, ip: clientIp(await headers()) },
    );
    return { ok: true, data };
  } catch (e) {
    if (isAppError(e)) return { ok: false, message: e.fields ? null : e.message, fields: e.fields ?? {} };
    console.error("[setup]", e);
    return { ok: false, message: adminText(locale, "adminErrors.setupTokenInvalid"), fields: {} };
  }
}
