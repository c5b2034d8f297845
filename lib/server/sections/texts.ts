import "server-only";
import en from "../../../messages/modules/sections.en.json";
import zhCN from "../../../messages/modules/sections.zh-CN.json";
import type { Locale } from "../../schemas/parse";

type Key = keyof typeof zhCN.sectionValidation;

/** A validation message of the sections and targets module in the caller's locale, with {placeholders} filled. */
export function sectionText(key: Key, locale: Locale, values: Record<string, string | number> = {}): string {
  const text = (locale === "zh-CN" ? zhCN : en).sectionValidation[key];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
