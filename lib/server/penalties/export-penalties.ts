import "server-only";
import { bureauToday } from "../../domain/calendar";
import { MESSAGES } from "../../i18n/messages";
import { type Locale, parseInput } from "../../schemas/parse";
import { penaltyListQuerySchema } from "../../schemas/penalties";
import { dayCell, type ListExport, unpaged } from "../office/list-export";
import { listPenaltyProposals, type PenaltyProposalDto } from "./list-penalties";

type Texts = Record<string, string>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const T = (
  MESSAGES["zh-CN"] as unknown as {
    penalties: Texts & { cols: Texts; trigger: Texts; status: Texts; reason: Texts; filters: Texts };
  }
).penalties;

/** The months a proposal covers, as the page lists them: an air or water trigger its months, a problem or hazard its own. */
function monthsOf(p: PenaltyProposalDto): string {
  const f = p.figures as { months?: (number | { month: number })[] };
  const months =
    p.trigger === "PROBLEM" || p.trigger === "HAZARD"
      ? [p.month]
      : (f.months ?? []).map((m) => (typeof m === "number" ? m : m.month));
  return months.join("、");
}

/** 惩戒建议与决定 of a year as the penalties page lists them (year — this year by default —, district, status). */
export const penaltyExport: ListExport<PenaltyProposalDto> = {
  permission: "penalty.read",
  entityType: "PenaltyProposal",
  sheetName: T.pageTitle ?? "惩戒建议与决定",
  fileName: T.pageTitle ?? "惩戒建议与决定",
  asciiName: "penalties",
  columns: [
    { header: T.filters.year ?? "年度", width: 8, kind: "int", value: (p) => p.year },
    { header: T.cols.district ?? "市（区）", width: 10, value: (p) => p.districtName },
    { header: T.cols.trigger ?? "情形", width: 34, value: (p) => T.trigger[p.trigger] ?? p.trigger },
    { header: "触发月份", width: 8, kind: "int", value: (p) => p.month },
    { header: T.cols.months ?? "月份", width: 14, value: monthsOf },
    { header: "关联问题", width: 30, value: (p) => (p.problem ? `${p.problem.code} ${p.problem.title}` : "") },
    { header: "建议金额（元）", width: 14, kind: "int", value: (p) => p.decision?.proposedAmount ?? p.amount },
    { header: "惩戒金（元）", width: 14, kind: "int", value: (p) => p.decision?.amount ?? null },
    { header: "封顶核减（元）", width: 14, kind: "int", value: (p) => (p.decision?.capped ? p.decision.excess : null) },
    { header: T.cols.status ?? "状态", width: 10, value: (p) => T.status[p.displayStatus] ?? p.displayStatus },
    { header: "理由", width: 30, value: (p) => p.statusReason },
    { header: "决定文号", width: 22, value: (p) => p.decision?.number },
    { header: "决定日期", width: 12, kind: "date", value: (p) => dayCell(p.decision?.decidedOn) },
    { header: "认定人", width: 10, value: (p) => p.decidedByName },
    { header: "缴纳日期", width: 12, kind: "date", value: (p) => dayCell(p.decision?.paidOn) },
    {
      header: T.suspensions ?? "暂停措施",
      width: 40,
      value: (p) => p.decision?.suspensions.map((s) => `${s.label}：${s.startsOn} 至 ${s.endsOn}`).join("\n"),
    },
  ],
  // The page lists a year's proposals at once: one page. Without a year, this year, as the page.
  read: (actor, filters, page, _pageSize, locale?: Locale) =>
    unpaged(async () => {
      const raw = { ...filters, year: filters.year || String(bureauToday().getUTCFullYear()) };
      return listPenaltyProposals(actor, parseInput(penaltyListQuerySchema, raw, locale));
    }, page),
};
