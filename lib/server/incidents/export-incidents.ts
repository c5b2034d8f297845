import "server-only";
import { parseCalendarDate } from "../../domain/calendar";
import { MESSAGES } from "../../i18n/messages";
import type { IncidentDto } from "../../schemas/self-review";
import { type ListExport, unpaged } from "../office/list-export";
import { listIncidents } from "./list-incidents";

type Texts = Record<string, string> & { types: Record<string, string>; levels: Record<string, string> };
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const T = (MESSAGES["zh-CN"] as unknown as { incidents: Texts }).incidents;

/** 突发环境事件 of a year as the incidents page lists them (year, month, district, level). */
export const incidentExport: ListExport<IncidentDto> = {
  permission: "incident.read",
  entityType: "Incident",
  sheetName: T.title ?? "突发环境事件",
  fileName: T.title ?? "突发环境事件",
  asciiName: "incidents",
  columns: [
    { header: T.occurredOn ?? "", width: 12, kind: "date", value: (i) => parseCalendarDate(i.occurredOn) },
    { header: T.name ?? "", width: 30, value: (i) => i.title },
    { header: T.district ?? "", width: 10, value: (i) => i.district.name },
    { header: T.enterprise ?? "", width: 24, value: (i) => i.enterprise?.name },
    { header: T.type ?? "", width: 12, value: (i) => T.types[i.type] ?? i.type },
    { header: T.level ?? "", width: 10, value: (i) => T.levels[i.level] ?? i.level },
    { header: T.cause ?? "", width: 40, value: (i) => i.cause },
    { header: T.response ?? "", width: 40, value: (i) => i.response },
    { header: T.problems ?? "", width: 20, value: (i) => i.problems.map((p) => p.code).join("、") },
    { header: T.demo ?? "", width: 8, value: (i) => (i.isDemo ? "是" : "") },
  ],
  // The list answers a year at once: one page.
  read: (actor, filters, page, _pageSize, locale) =>
    unpaged(async () => (await listIncidents(actor, filters, { locale })).items, page),
};
