import "server-only";
import type { Tx } from "../../db";
import { db } from "../../db";
import { checkPassword } from "../../domain/password-policy";
import { Invalid } from "../../errors";
import { adminText } from "../../i18n/admin-text";
import type { Locale } from "../../schemas/parse";
import { getSettings } from "../settings/get-settings";

/** Refuses a password that breaks the password policy in force, naming each broken rule in the caller's language (422). */
export async function assertAcceptablePassword(
  password: string,
  username: string,
  opts: { locale?: Locale; field?: string; tx?: Tx } = {},
): Promise<void> {
  const settings = await getSettings(opts.tx ?? db);
  const broken = checkPassword(password, username, {
    minLength: settings.passwordMinLength,
    minClasses: settings.passwordMinClasses,
  });
  if (broken.length === 0) return;
  const values = { min: settings.passwordMinLength, classes: settings.passwordMinClasses };
  throw new Invalid(
    { [opts.field ?? "password"]: broken.map((rule) => adminText(opts.locale, `passwordRules.${rule}`, values)) },
    adminText(opts.locale, `passwordRules.${broken[0]}`, values),
  );
}
