import "server-only";
import { shanghaiMinute } from "../../i18n/format-time";
import { MESSAGES } from "../../i18n/messages";
import type { ListExport } from "../office/list-export";
import type { ClueDto } from "./clue-dto";
import { listClues } from "./list-clues";

type Texts = Record<string, string>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const Z = MESSAGES["zh-CN"] as unknown as {
  offsiteClues: Texts;
  offsiteEnums: { rule: Texts; clueStatus: Texts; dismissReason: Texts };
};
const T = Z.offsiteClues;
const E = Z.offsiteEnums;

/** 非现场执法线索 as the clues page lists them (status, rule, district, enterprise; newest first, the person's scope). */
export const clueExport: ListExport<ClueDto> = {
  permission: "clue.read",
  entityType: "Clue",
  sheetName: T.title ?? "非现场执法线索",
  fileName: T.title ?? "非现场执法线索",
  asciiName: "clues",
  columns: [
    { header: T.enterprise ?? "企业", width: 30, value: (c) => c.enterprise.name },
    { header: "统一社会信用代码", width: 22, value: (c) => c.enterprise.creditCode },
    { header: T.district ?? "属地", width: 10, value: (c) => c.district.name },
    { header: T.outlet ?? "排放口", width: 12, value: (c) => c.outletCode },
    { header: T.pollutant ?? "监测项目", width: 12, value: (c) => c.pollutant },
    { header: T.rule ?? "规则", width: 10, value: (c) => E.rule[c.rule] ?? c.rule },
    // Instants written as Beijing wall-clock text, as the page shows them.
    { header: "异常开始（北京时间）", width: 18, value: (c) => shanghaiMinute(c.windowStart) },
    { header: "异常结束（北京时间）", width: 18, value: (c) => shanghaiMinute(c.windowEnd) },
    { header: "时长（小时）", width: 10, kind: "int", value: (c) => c.hours },
    { header: "峰值", width: 10, value: (c) => (c.peak === null ? null : String(c.peak)) },
    { header: T.limit ?? "限值", width: 10, value: (c) => (c.limit === null ? null : String(c.limit)) },
    { header: "计量单位", width: 10, value: (c) => c.unit },
    { header: T.status ?? "状态", width: 12, value: (c) => E.clueStatus[c.status] ?? c.status },
    { header: T.assignee ?? "核查人", width: 10, value: (c) => c.assignee?.displayName },
    { header: "分派时间", width: 18, value: (c) => (c.assignedAt ? shanghaiMinute(c.assignedAt) : null) },
    {
      header: T.dismissReason ?? "排除原因",
      width: 16,
      value: (c) => (c.dismissReason ? (E.dismissReason[c.dismissReason] ?? c.dismissReason) : null),
    },
    { header: T.dismissNote ?? "说明", width: 30, value: (c) => c.dismissNote },
    { header: "关闭时间", width: 18, value: (c) => (c.closedAt ? shanghaiMinute(c.closedAt) : null) },
    { header: T.demo ?? "演示数据", width: 8, value: (c) => (c.enterprise.isDemo ? "是" : "") },
  ],
  // The list pages by its own size (50): the export reads page after page.
  read: async (actor, filters, page, _pageSize, locale) => (await listClues(actor, { ...filters, page }, { locale })).items,
};
