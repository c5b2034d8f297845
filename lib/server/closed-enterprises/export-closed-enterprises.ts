import "server-only";
import { CLOSURE_STAGES } from "../../domain/bottom-line";
import { MESSAGES } from "../../i18n/messages";
import { dayCell, type ListExport, unpaged } from "../office/list-export";
import type { ExportColumn } from "../office/table-export";
import type { ClosedEnterpriseDto } from "./closed-enterprise-dto";
import { listClosedEnterprises } from "./list-closed-enterprises";

type Texts = Record<string, string>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const B = (MESSAGES["zh-CN"] as unknown as { bottomLine: Texts & { closed: Texts; stage: Texts; recheck: Texts; tabs: Texts } })
  .bottomLine;

/** One column per closure stage: its completion day, "跳过：理由" when skipped, empty when not recorded. */
const stageColumns: ExportColumn<ClosedEnterpriseDto>[] = CLOSURE_STAGES.map((stage) => ({
  header: B.stage[stage] ?? stage,
  width: 14,
  value: (e: ClosedEnterpriseDto) => {
    const s = e.stages.find((x) => x.stage === stage);
    if (!s?.recorded) return null;
    if (s.skipped) return `跳过：${s.skipReason ?? ""}`;
    return s.completedOn;
  },
}));

/** 退出化工企业 as the closed-enterprises page lists them (district, not re-checked this year; the person's scope). */
export const closedEnterpriseExport: ListExport<ClosedEnterpriseDto> = {
  permission: "closedEnterprise.read",
  entityType: "ClosedEnterprise",
  sheetName: B.tabs.closedEnterprises ?? "退出化工企业",
  fileName: B.tabs.closedEnterprises ?? "退出化工企业",
  asciiName: "closed-enterprises",
  columns: [
    { header: B.closed.name ?? "企业", width: 30, value: (e) => e.name },
    { header: "统一社会信用代码", width: 22, value: (e) => e.creditCode },
    { header: B.closed.district ?? "属地", width: 10, value: (e) => e.district.name },
    { header: "地址", width: 30, value: (e) => e.address },
    { header: B.closed.closedOn ?? "关闭日期", width: 12, kind: "date", value: (e) => dayCell(e.closedOn) },
    {
      header: B.closed.stage ?? "关停进度",
      width: 12,
      value: (e) => (e.stageReached ? B.stage[e.stageReached] : B.closed.noStage),
    },
    { header: "已完成阶段数", width: 8, kind: "int", value: (e) => e.stagesDone },
    ...stageColumns,
    { header: "最近复查日期", width: 12, kind: "date", value: (e) => dayCell(e.lastRecheck?.checkedOn) },
    {
      header: B.recheck.result ?? "复查结论",
      width: 10,
      value: (e) => (e.lastRecheck ? (e.lastRecheck.ok ? B.recheck.ok : B.recheck.notOk) : B.closed.never),
    },
    { header: "最近复查发现", width: 30, value: (e) => e.rechecks[0]?.findings },
    { header: "今年已复查", width: 8, value: (e) => (e.recheckedThisYear ? "是" : "否") },
    { header: B.demo ?? "演示", width: 6, value: (e) => (e.isDemo ? "是" : "") },
  ],
  // The list answers its window at once: one page.
  read: (actor, filters, page, _pageSize, locale) =>
    unpaged(async () => (await listClosedEnterprises(actor, filters, { locale })).items, page),
};
