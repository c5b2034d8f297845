import en from "../../messages/modules/admin.en.json";
import zhCN from "../../messages/modules/admin.zh-CN.json";
import type { Locale } from "../schemas/parse";

const TEXT: Record<Locale, Record<string, Record<string, string>>> = { "zh-CN": zhCN, en };

/** A text of the administration module for use cases (`"passwordRules.length"`), `{name}` filled from `values`. */
export function adminText(locale: Locale | undefined, key: string, values: Record<string, string | number> = {}): string {
  const [ns, name] = key.split(".") as [string, string];
  const template = TEXT[locale ?? "en"][ns]?.[name] ?? key;
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k] ?? `{${k}}`));
}
