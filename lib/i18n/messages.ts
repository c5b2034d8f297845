import en from "../../messages/en.json";
import adminEn from "../../messages/modules/admin.en.json";
import adminZhCN from "../../messages/modules/admin.zh-CN.json";
import bottomLineEn from "../../messages/modules/bottom-line.en.json";
import bottomLineZhCN from "../../messages/modules/bottom-line.zh-CN.json";
import findingsEn from "../../messages/modules/findings.en.json";
import findingsZhCN from "../../messages/modules/findings.zh-CN.json";
import namedEn from "../../messages/modules/named.en.json";
import namedZhCN from "../../messages/modules/named.zh-CN.json";
import penaltiesEn from "../../messages/modules/penalties.en.json";
import penaltiesZhCN from "../../messages/modules/penalties.zh-CN.json";
import sectionsEn from "../../messages/modules/sections.en.json";
import sectionsZhCN from "../../messages/modules/sections.zh-CN.json";
import securityEn from "../../messages/modules/security.en.json";
import securityZhCN from "../../messages/modules/security.zh-CN.json";
import zhCN from "../../messages/zh-CN.json";
import type { Locale } from "../schemas/parse";

/**
 * Every message of a locale: the core file plus one file per module (`messages/modules/<area>.<locale>.json`,
 * each holding its own top-level namespaces), so a new module adds its words without touching the others'.
 */
export const MODULES: Record<Locale, Record<string, unknown>[]> = {
  "zh-CN": [namedZhCN, penaltiesZhCN, findingsZhCN, adminZhCN, sectionsZhCN, securityZhCN, bottomLineZhCN],
  en: [namedEn, penaltiesEn, findingsEn, adminEn, sectionsEn, securityEn, bottomLineEn],
};

/** The core file of each locale. */
export const CORE: Record<Locale, Record<string, unknown>> = { "zh-CN": zhCN, en };

export const MESSAGES: Record<Locale, Record<string, unknown>> = {
  "zh-CN": Object.assign({}, zhCN, ...MODULES["zh-CN"]),
  en: Object.assign({}, en, ...MODULES.en),
};
