import "server-only";
import { MESSAGES } from "../../i18n/messages";
import type { ListExport } from "../office/list-export";
import { dayCell } from "../office/list-export";
import type { CaseDto } from "./case-dto";
import type { InspectionDto } from "./inspection-dto";
import { listCases } from "./list-cases";
import { listInspections } from "./list-inspections";

type Texts = Record<string, Record<string, string>>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const T = (MESSAGES["zh-CN"] as unknown as { enforcement: Texts }).enforcement;
const label = (group: string, key: string | null | undefined) => (key ? (T[group]?.[key] ?? key) : "");

/** 案件 (立案查处) as the cases page lists them, with its filters. */
export const caseExport: ListExport<CaseDto> = {
  permission: "case.read",
  entityType: "EnforcementCase",
  sheetName: label("cases", "title"),
  fileName: "立案查处案件",
  asciiName: "cases",
  columns: [
    { header: label("cases", "number"), width: 20, value: (c) => c.number },
    { header: label("inspections", "enterprise"), width: 30, value: (c) => c.enterprise.name },
    { header: label("common", "district"), width: 10, value: (c) => c.enterprise.districtName },
    { header: label("inspections", "date"), width: 12, kind: "date", value: (c) => dayCell(c.inspection.inspectedOn) },
    { header: label("inspections", "mode"), width: 12, value: (c) => label("modes", c.inspection.mode) },
    { header: label("inspections", "action"), width: 12, value: (c) => label("actions", c.inspection.actionType ?? "NONE") },
    { header: label("cases", "violation"), width: 40, value: (c) => c.violation },
    { header: label("cases", "legalBasis"), width: 30, value: (c) => c.legalBasis },
    { header: label("cases", "fine"), width: 12, kind: "int", value: (c) => c.fineYuan },
    { header: label("cases", "measures"), width: 20, value: (c) => c.measures.map((m) => label("measures", m)).join("、") },
    { header: label("cases", "status"), width: 10, value: (c) => label("caseStatus", c.status) },
    { header: label("cases", "filedOn"), width: 12, kind: "date", value: (c) => dayCell(c.filedOn) },
    { header: "告知日期", width: 12, kind: "date", value: (c) => dayCell(c.notifiedOn) },
    { header: "决定日期", width: 12, kind: "date", value: (c) => dayCell(c.decidedOn) },
    { header: "执行日期", width: 12, kind: "date", value: (c) => dayCell(c.executedOn) },
    { header: "结案日期", width: 12, kind: "date", value: (c) => dayCell(c.closedOn) },
    { header: label("cases", "problem"), width: 16, value: (c) => c.problem?.code },
  ],
  read: async (actor, filters, page, pageSize, locale) =>
    (await listCases(actor, { ...filters, page, pageSize }, { locale })).items,
};

/** 检查 (执法检查) as the inspections page lists them, with its filters. */
export const inspectionExport: ListExport<InspectionDto> = {
  permission: "inspection.read",
  entityType: "Inspection",
  sheetName: label("inspections", "title"),
  fileName: "执法检查",
  asciiName: "inspections",
  columns: [
    { header: label("inspections", "date"), width: 12, kind: "date", value: (i) => dayCell(i.inspectedOn) },
    { header: label("inspections", "enterprise"), width: 30, value: (i) => i.enterprise.name },
    { header: "统一社会信用代码", width: 22, value: (i) => i.enterprise.creditCode },
    { header: label("common", "district"), width: 10, value: (i) => i.enterprise.districtName },
    { header: label("inspections", "mode"), width: 12, value: (i) => label("modes", i.mode) },
    {
      header: label("inspections", "action"),
      width: 14,
      value: (i) => i.action?.campaignName ?? label("inspections", "noAction"),
    },
    { header: label("inspections", "leadUnit"), width: 16, value: (i) => i.leadUnit.name },
    { header: label("inspections", "inspectors"), width: 24, value: (i) => i.inspectors.map((p) => p.name).join("、") },
    { header: label("inspections", "findings"), width: 40, value: (i) => i.findings },
    { header: label("inspections", "result"), width: 14, value: (i) => label("results", i.result) },
    { header: label("inspections", "photos"), width: 8, kind: "int", value: (i) => i.photos.length },
    { header: label("tabs", "cases"), width: 20, value: (i) => i.cases.map((c) => c.number).join("、") },
  ],
  read: async (actor, filters, page, pageSize, locale) =>
    (await listInspections(actor, { ...filters, page, pageSize }, { locale })).items,
};
