import en from "../../messages/en.json";
import adminEn from "../../messages/modules/admin.en.json";
import adminZhCN from "../../messages/modules/admin.zh-CN.json";
import bottomLineEn from "../../messages/modules/bottom-line.en.json";
import bottomLineZhCN from "../../messages/modules/bottom-line.zh-CN.json";
import bottomLineFormsEn from "../../messages/modules/bottom-line-forms.en.json";
import bottomLineFormsZhCN from "../../messages/modules/bottom-line-forms.zh-CN.json";
import enforcementEn from "../../messages/modules/enforcement.en.json";
import enforcementZhCN from "../../messages/modules/enforcement.zh-CN.json";
import explainEn from "../../messages/modules/explain.en.json";
import explainZhCN from "../../messages/modules/explain.zh-CN.json";
import findingsEn from "../../messages/modules/findings.en.json";
import findingsZhCN from "../../messages/modules/findings.zh-CN.json";
import importsEn from "../../messages/modules/imports.en.json";
import importsZhCN from "../../messages/modules/imports.zh-CN.json";
import mapEn from "../../messages/modules/map.en.json";
import mapZhCN from "../../messages/modules/map.zh-CN.json";
import namedEn from "../../messages/modules/named.en.json";
import namedZhCN from "../../messages/modules/named.zh-CN.json";
import objectionsEn from "../../messages/modules/objections.en.json";
import objectionsZhCN from "../../messages/modules/objections.zh-CN.json";
import officeEn from "../../messages/modules/office.en.json";
import officeZhCN from "../../messages/modules/office.zh-CN.json";
import offsiteEn from "../../messages/modules/offsite.en.json";
import offsiteZhCN from "../../messages/modules/offsite.zh-CN.json";
import penaltiesEn from "../../messages/modules/penalties.en.json";
import penaltiesZhCN from "../../messages/modules/penalties.zh-CN.json";
import reflectEn from "../../messages/modules/reflect.en.json";
import reflectZhCN from "../../messages/modules/reflect.zh-CN.json";
import sectionsEn from "../../messages/modules/sections.en.json";
import sectionsZhCN from "../../messages/modules/sections.zh-CN.json";
import securityEn from "../../messages/modules/security.en.json";
import securityZhCN from "../../messages/modules/security.zh-CN.json";
import storageEn from "../../messages/modules/storage.en.json";
import storageZhCN from "../../messages/modules/storage.zh-CN.json";
import sweepExportsEn from "../../messages/modules/sweep-exports.en.json";
import sweepExportsZhCN from "../../messages/modules/sweep-exports.zh-CN.json";
import taihuFormsEn from "../../messages/modules/taihu-forms.en.json";
import taihuFormsZhCN from "../../messages/modules/taihu-forms.zh-CN.json";
import uiEn from "../../messages/modules/ui.en.json";
import uiZhCN from "../../messages/modules/ui.zh-CN.json";
import zhCN from "../../messages/zh-CN.json";
import type { Locale } from "../schemas/parse";

/**
 * Every message of a locale: the core file plus one file per module (`messages/modules/<area>.<locale>.json`,
 * each holding its own top-level namespaces), so a new module adds its words without touching the others'.
 */
export const MODULES: Record<Locale, Record<string, unknown>[]> = {
  "zh-CN": [
    reflectZhCN,
    namedZhCN,
    penaltiesZhCN,
    findingsZhCN,
    adminZhCN,
    sectionsZhCN,
    securityZhCN,
    uiZhCN,
    explainZhCN,
    mapZhCN,
    importsZhCN,
    officeZhCN,
    enforcementZhCN,
    offsiteZhCN,
    bottomLineZhCN,
    storageZhCN,
    objectionsZhCN,
    bottomLineFormsZhCN,
    taihuFormsZhCN,
    sweepExportsZhCN,
  ],
  en: [
    reflectEn,
    namedEn,
    penaltiesEn,
    findingsEn,
    adminEn,
    sectionsEn,
    securityEn,
    uiEn,
    explainEn,
    mapEn,
    importsEn,
    officeEn,
    enforcementEn,
    offsiteEn,
    bottomLineEn,
    storageEn,
    objectionsEn,
    bottomLineFormsEn,
    taihuFormsEn,
    sweepExportsEn,
  ],
};

/** The core file of each locale. */
export const CORE: Record<Locale, Record<string, unknown>> = { "zh-CN": zhCN, en };

export const MESSAGES: Record<Locale, Record<string, unknown>> = {
  "zh-CN": Object.assign({}, zhCN, ...MODULES["zh-CN"]),
  en: Object.assign({}, en, ...MODULES.en),
};
