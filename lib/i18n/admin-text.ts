import coreEn from "../../messages/en.json";
import en from "../../messages/modules/admin.en.json";
import zhCN from "../../messages/modules/admin.zh-CN.json";
import core from "../../messages/zh-CN.json";
import type { Locale } from "../schemas/parse";

const TEXT: Record<Locale, unknown> = { "zh-CN": zhCN, en };
const CORE: Record<Locale, unknown> = { "zh-CN": core, en: coreEn };

function lookup(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k] ?? `{${k}}`));

/** A text of the administration module for use cases (`"passwordRules.length"`), `{name}` filled from `values`. */
export function adminText(locale: Locale | undefined, key: string, values: Record<string, string | number> = {}): string {
  return fill(lookup(TEXT[locale ?? "en"], key) ?? key, values);
}

/** A text of the administration module, else of the core messages (`enums.role.ADMIN`), else undefined. */
export function anyText(locale: Locale, key: string): string | undefined {
  return lookup(TEXT[locale], key) ?? lookup(CORE[locale], key);
}
