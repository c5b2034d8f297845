import "server-only";
import { parseCalendarDate } from "../../domain/calendar";
import { MESSAGES } from "../../i18n/messages";
import { type ListExport, unpaged } from "../office/list-export";
import { type HazardDto, listHazards } from "./list-hazards";

type Texts = Record<string, Record<string, string>>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const zh = MESSAGES["zh-CN"] as unknown as {
  bottomLine: Texts & { hazards: Record<string, string> };
  enums: Texts;
  office: { ledger: { colour: Record<string, string> } };
};
const H = zh.bottomLine.hazards;

/** 隐患清单 as the sweeps page lists it (scope and filters: sweep, level, district, open, overdue). */
export const hazardExport: ListExport<HazardDto> = {
  permission: "hazard.read",
  entityType: "Hazard",
  sheetName: "隐患清单",
  fileName: "隐患清单",
  asciiName: "hazards",
  columns: [
    { header: H.level ?? "等级", width: 8, value: (h) => zh.bottomLine.level?.[h.level] ?? h.level },
    { header: H.hazard ?? "隐患", width: 40, value: (h) => h.description },
    { header: "排查项", width: 24, value: (h) => h.item },
    { header: H.target ?? "对象", width: 24, value: (h) => h.target },
    { header: "排查", width: 24, value: (h) => h.sweep.title },
    { header: H.district ?? "属地", width: 10, value: (h) => h.district.name },
    { header: H.deadline ?? "整改期限", width: 12, kind: "date", value: (h) => parseCalendarDate(h.deadline) },
    { header: H.colour ?? "状态", width: 10, value: (h) => zh.office.ledger.colour[h.colour] ?? h.colour },
    { header: H.overdue ?? "逾期", width: 8, value: (h) => (h.overdue ? "是" : "否") },
    { header: H.problem ?? "问题台账", width: 16, value: (h) => h.problem?.code ?? H.notYet },
    { header: "问题状态", width: 10, value: (h) => (h.problem ? (zh.enums.status?.[h.problem.status] ?? h.problem.status) : "") },
  ],
  // The list answers all its rows at once (a sweep finds hundreds): one page.
  read: (actor, filters, page, _pageSize, locale) =>
    unpaged(async () => (await listHazards(actor, filters, { locale })).items, page),
};
