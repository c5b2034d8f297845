import en from "../../messages/en.json";
import securityEn from "../../messages/modules/security.en.json";
import securityZhCN from "../../messages/modules/security.zh-CN.json";
import zhCN from "../../messages/zh-CN.json";
import type { Locale } from "../schemas/parse";

/**
 * Every message of a locale: the core file plus one file per module (`messages/modules/<area>.<locale>.json`,
 * each holding its own top-level namespaces), so a new module adds its words without touching the others'.
 */
export const MODULES: Record<Locale, Record<string, unknown>[]> = {
  "zh-CN": [securityZhCN],
  en: [securityEn],
};

/** The core file of each locale. */
export const CORE: Record<Locale, Record<string, unknown>> = { "zh-CN": zhCN, en };

export const MESSAGES: Record<Locale, Record<string, unknown>> = {
  "zh-CN": Object.assign({}, zhCN, ...MODULES["zh-CN"]),
  en: Object.assign({}, en, ...MODULES.en),
};
