import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCookieActor } from "../auth/next-auth";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../schemas/parse";
import { MESSAGES } from "./messages";

export const LOCALE_COOKIE = "locale";

/** The signed-in person's saved language wins; otherwise the cookie; otherwise Chinese. */
export async function currentLocale(): Promise<Locale> {
  const actor = await getCookieActor().catch(() => null);
  if (actor && (LOCALES as readonly string[]).includes(actor.locale)) return actor.locale as Locale;
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return (LOCALES as readonly string[]).includes(fromCookie ?? "") ? (fromCookie as Locale) : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await currentLocale();
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Shanghai" };
});
