import "server-only";
import { CHECK_VERDICTS } from "../../domain/bottom-line";
import { shanghaiMinute } from "../../i18n/format-time";
import { MESSAGES } from "../../i18n/messages";
import { sweepListExportQuerySchema, sweepTargetsExportQuerySchema } from "../../schemas/bottom-line";
import { parseInput } from "../../schemas/parse";
import { dayCell, type ListExport, unpaged } from "../office/list-export";
import type { ExportColumn } from "../office/table-export";
import { getSweep, type SweepTargetDto } from "./get-sweep";
import { listSweeps } from "./list-sweeps";
import type { SweepSummaryDto } from "./sweep-dto";

type Texts = Record<string, string>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const Z = MESSAGES["zh-CN"] as unknown as {
  bottomLine: Texts & { level: Texts; verdict: Texts; tabs: Texts };
  sweepState: Texts;
};
const B = Z.bottomLine;

/** 隐患排查任务 as the sweeps page lists them: newest first; targets, checks and hazards over the person's scope. */
export const sweepListExport: ListExport<SweepSummaryDto> = {
  permission: "sweep.read",
  entityType: "Sweep",
  sheetName: "排查任务",
  fileName: "隐患排查任务",
  asciiName: "sweeps",
  columns: [
    { header: "排查任务", width: 30, value: (s) => s.title },
    { header: "开始日期", width: 12, kind: "date", value: (s) => dayCell(s.startsOn) },
    { header: "结束日期", width: 12, kind: "date", value: (s) => dayCell(s.endsOn) },
    { header: "排查清单", width: 20, value: (s) => s.template.name },
    { header: "清单项数", width: 8, kind: "int", value: (s) => s.template.items.length },
    { header: "排查对象", width: 8, kind: "int", value: (s) => s.progress.total },
    { header: "已查", width: 8, kind: "int", value: (s) => s.progress.checked },
    { header: "进度", width: 8, kind: "percent", value: (s) => s.progress.percent },
    {
      header: "各属地进度",
      width: 36,
      value: (s) => s.progress.byDistrict.map((d) => `${d.districtName} ${d.checked}/${d.total}`).join("；"),
    },
    { header: "发现隐患", width: 8, kind: "int", value: (s) => s.hazards.total },
    ...(["SEVERE", "MAJOR", "GENERAL"] as const).map(
      (l): ExportColumn<SweepSummaryDto> => ({
        header: `${B.level[l] ?? l}隐患`,
        width: 8,
        kind: "int",
        value: (s) => s.hazards[l],
      }),
    ),
    { header: Z.sweepState.label ?? "状态", width: 10, value: (s) => Z.sweepState[s.state] ?? s.state },
    { header: B.demo ?? "演示数据", width: 8, value: (s) => (s.isDemo ? "是" : "") },
  ],
  // The list answers its sweeps at once: one page.
  read: (actor, filters, page, _pageSize, locale) =>
    unpaged(async () => {
      parseInput(sweepListExportQuerySchema, filters, locale);
      return (await listSweeps(actor)).items;
    }, page),
};

export type SweepTargetRow = SweepTargetDto & { sweep: SweepSummaryDto; itemTitles: Map<string, string> };

const verdictCount = (v: (typeof CHECK_VERDICTS)[number]): ExportColumn<SweepTargetRow> => ({
  header: B.verdict[v] ?? v,
  width: 8,
  kind: "int",
  value: (t) => (t.checkedAt ? t.results.filter((r) => r.verdict === v).length : null),
});

/** "检查项：说明" one per line, for the results `pick` chooses, in the checklist's order. */
function resultLines(t: SweepTargetRow, pick: (r: SweepTargetDto["results"][number]) => boolean): string {
  const order = [...t.itemTitles.keys()];
  return t.results
    .filter(pick)
    .sort((a, b) => order.indexOf(a.itemId) - order.indexOf(b.itemId))
    .map((r) => [t.itemTitles.get(r.itemId) ?? "", r.note].filter(Boolean).join("："))
    .join("\n");
}

/**
 * One sweep's targets (排查对象) as its page lists them: unchecked first, the person's districts
 * only; when each was checked (Beijing time), its verdict counts, the failed items and the notes.
 */
export const sweepTargetsExport: ListExport<SweepTargetRow> = {
  permission: "sweep.read",
  entityType: "Sweep",
  sheetName: "排查对象",
  fileName: "隐患排查对象",
  asciiName: "sweep-targets",
  columns: [
    { header: "序号", width: 6, kind: "int", value: (_t, i) => i + 1 },
    { header: "排查任务", width: 24, value: (t) => t.sweep.title },
    { header: "排查对象", width: 30, value: (t) => t.name },
    { header: "类型", width: 8, value: (t) => (t.kind === "PARK" ? "园区" : "企业") },
    { header: "属地", width: 10, value: (t) => t.districtName },
    { header: "地址", width: 30, value: (t) => t.address },
    { header: "排查时间（北京时间）", width: 18, value: (t) => (t.checkedAt ? shanghaiMinute(t.checkedAt) : "未查") },
    ...CHECK_VERDICTS.map(verdictCount),
    { header: "发现隐患", width: 8, kind: "int", value: (t) => t.hazards },
    { header: "不合格项", width: 40, value: (t) => resultLines(t, (r) => r.verdict === "FAIL") },
    { header: "检查说明", width: 40, value: (t) => resultLines(t, (r) => r.verdict !== "FAIL" && r.note !== "") },
    { header: "照片数", width: 8, kind: "int", value: (t) => t.results.reduce((n, r) => n + r.files.length, 0) },
  ],
  // A sweep's targets in the person's scope at once (hundreds): one page.
  read: (actor, filters, page, _pageSize, locale) =>
    unpaged(async () => {
      const { sweepId } = parseInput(sweepTargetsExportQuerySchema, filters, locale);
      const { targets, ...sweep } = await getSweep(actor, sweepId);
      const itemTitles = new Map(sweep.template.items.map((i) => [i.id, i.title]));
      return targets.map((t) => ({ ...t, sweep, itemTitles }));
    }, page),
};
