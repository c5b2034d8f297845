import { z } from "zod";
import en from "../../messages/en.json";
import adminEn from "../../messages/modules/admin.en.json";
import adminZhCN from "../../messages/modules/admin.zh-CN.json";
import zhCN from "../../messages/zh-CN.json";
import { plausibleDateRange } from "../domain/calendar";
import { Invalid, zodFieldErrors } from "../errors";
import { MESSAGES } from "../i18n/messages";

export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];
export const DEFAULT_LOCALE: Locale = "zh-CN";

const validationText: Record<Locale, Record<string, string>> = {
  "zh-CN": { ...adminZhCN.adminValidation, ...zhCN.validation },
  en: { ...adminEn.adminValidation, ...en.validation },
};
const zodLocale = { "zh-CN": z.locales.zhCN().localeError, en: z.locales.en().localeError };

/**
 * A number or text out of its range says the bound in words a person reads ("不能小于 1", "最多
 * 200 个字符") instead of zod's "数值过小：期望 number >=1"; anything else falls to zod's own
 * text in that language. Messages written in a schema (keys such as `v.percentRange`) win.
 */
function rangeErrors(locale: Locale): z.core.$ZodErrorMap {
  const text = (key: string, n: number | bigint) => (validationText[locale][key] ?? key).replace("{n}", n.toString());
  return (issue) => {
    if (issue.inclusive !== false) {
      if (issue.code === "too_small" && issue.origin === "number") return text("numberMin", issue.minimum);
      if (issue.code === "too_big" && issue.origin === "number") return text("numberMax", issue.maximum);
      if (issue.code === "too_small" && issue.origin === "string")
        return issue.minimum === 1 ? text("required", 1) : text("textMin", issue.minimum);
      if (issue.code === "too_big" && issue.origin === "string") return text("textMax", issue.maximum);
    }
    return zodLocale[locale](issue);
  };
}
const localeErrors = { "zh-CN": rangeErrors("zh-CN"), en: rangeErrors("en") };

/** Custom messages in schemas are keys (`v.<key>`, or `security.<path>` / `reflectValidation.<key>` / `office.<path>` of those modules), translated here for the caller's locale. */
export function localizeMessage(message: string, locale: Locale): string {
  if (message.startsWith("v.")) return validationText[locale][message.slice(2)] ?? message;
  if (message.startsWith("security.") || message.startsWith("reflectValidation.") || message.startsWith("office.")) {
    let node: unknown = MESSAGES[locale];
    for (const part of message.split("."))
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== "string") return message;
    const range = plausibleDateRange();
    return node.replace("{min}", range.min).replace("{max}", range.max);
  }
  return message;
}

/** Parses input or throws `Invalid` (422) with per-field messages in the caller's locale. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, locale: Locale = "en"): z.output<S> {
  const result = schema.safeParse(data, { error: localeErrors[locale] });
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: localizeMessage("v.unknownField", locale) }))
      : [{ path: issue.path, message: localizeMessage(issue.message, locale) }],
  );
  throw new Invalid(zodFieldErrors(issues));
}
