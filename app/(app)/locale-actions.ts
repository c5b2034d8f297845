"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { getCookieActor } from "@/lib/auth/next-auth";
import { isLocale } from "@/lib/i18n/labels";
import { LOCALE_COOKIE } from "@/lib/i18n/request";
import { setMyLocale } from "@/lib/server/users/update-user";

/**
 * Switches the interface language. Saved on the account (it follows the person to other devices)
 * and in a cookie (so the login page, before anyone signs in, speaks it too).
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  const actor = await getCookieActor();
  if (actor) await setMyLocale(actor, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  refresh();
}
