import "server-only";
import { MESSAGES } from "../../i18n/messages";
import type { Timeline } from "../../schemas/timeline";
import { dayCell, type ListExport, unpaged } from "../office/list-export";
import { getTimeline } from "./get-timeline";

type Texts = Record<string, string>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const M = MESSAGES["zh-CN"] as unknown as {
  timeline: Texts & { table: Texts; filters: Texts };
  grade: Texts;
  enums: { status: Texts; measureStatus: Texts };
};

type TimelineRow = Timeline["items"][number];

/** One measure as a line of its cell: "1. 描述（责任单位）节点 2026-06-30 · 50% · 推进中 · 已逾期". */
function measureLine(m: TimelineRow["measures"][number]): string {
  const owner = m.ownerUnitName ? `（${m.ownerUnitName}）` : "";
  const status = M.enums.measureStatus[m.status] ?? m.status;
  const late = m.late ? " · 已逾期" : "";
  return `${m.seq}. ${m.description}${owner} 节点 ${m.milestone ?? M.timeline.noMilestone} · ${m.percent}% · ${status}${late}`;
}

/** 挂图作战 as the timeline page draws it: the same problems (filters, scope, at most 200, nearest deadline first). */
export const timelineExport: ListExport<TimelineRow> = {
  permission: "problem.read",
  entityType: "Timeline",
  sheetName: M.timeline.title ?? "挂图作战",
  fileName: M.timeline.title ?? "挂图作战",
  asciiName: "timeline",
  columns: [
    { header: "问题编号", width: 16, value: (p) => p.code },
    { header: M.timeline.table.problem ?? "问题", width: 40, value: (p) => p.title },
    { header: M.timeline.filters.district ?? "属地", width: 10, value: (p) => p.districtName },
    { header: M.timeline.filters.leadUnit ?? "牵头单位", width: 18, value: (p) => p.leadUnitName },
    { header: M.timeline.filters.leadOfficial ?? "挂钩领导", width: 10, value: (p) => p.leadOfficialName },
    { header: M.timeline.filters.status ?? "状态", width: 10, value: (p) => M.enums.status[p.status] ?? p.status },
    { header: M.grade.label ?? "颜色等级", width: 10, value: (p) => M.grade[p.colour] ?? p.colour },
    { header: M.timeline.table.start ?? "开始", width: 12, kind: "date", value: (p) => dayCell(p.start) },
    { header: M.timeline.table.deadline ?? "整改时限", width: 12, kind: "date", value: (p) => dayCell(p.deadline) },
    { header: "原定时限", width: 12, kind: "date", value: (p) => dayCell(p.originalDeadline) },
    { header: "延期次数", width: 8, kind: "int", value: (p) => p.extensionCount },
    { header: "进度", width: 8, kind: "percent", value: (p) => p.progress },
    { header: "序时进度", width: 8, kind: "percent", value: (p) => p.plannedPercent },
    { header: "逾期天数", width: 8, kind: "int", value: (p) => (p.overdue ? p.overdueDays : null) },
    { header: M.timeline.table.measures ?? "措施节点", width: 60, value: (p) => p.measures.map(measureLine).join("\n") },
  ],
  // The board answers its problems at once (≤ 200, its own `limit`): one page.
  read: (actor, filters, page, _pageSize, locale) =>
    unpaged(async () => (await getTimeline(actor, filters, { locale })).items, page),
};
