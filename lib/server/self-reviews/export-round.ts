import "server-only";
import { SELF_REVIEW_QUESTIONS } from "../../domain/self-review";
import { shanghaiMinute } from "../../i18n/format-time";
import { MESSAGES } from "../../i18n/messages";
import { parseInput } from "../../schemas/parse";
import { roundExportQuerySchema } from "../../schemas/self-review";
import { type ListExport, unpaged } from "../office/list-export";
import type { ExportColumn } from "../office/table-export";
import { getRound } from "./get-round";

type Texts = Record<string, string>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const S = (MESSAGES["zh-CN"] as unknown as { selfReview: Texts & { questions: Texts; statuses: Texts; roundStatuses: Texts } })
  .selfReview;

type RoundDto = Awaited<ReturnType<typeof getRound>>;
export type RoundSheetRow = RoundDto["sheets"][number] & { round: Omit<RoundDto, "sheets"> };

/** One column per question: the submitted rating (a draft's ratings are not shown, as on the page). */
const ratingColumns: ExportColumn<RoundSheetRow>[] = SELF_REVIEW_QUESTIONS.map((q) => ({
  header: S.questions[q] ?? q,
  width: 10,
  kind: "int" as const,
  value: (r: RoundSheetRow) => r.ratings[q] ?? null,
}));

/**
 * A self-review round's results (八个方面反思) as its page shows them to the person: a row per
 * unit sheet in their scope (a unit's own staff get their unit's row only), in the page's order,
 * with the status, the lateness, the eight submitted ratings and their mean, plus when it was
 * submitted (Beijing time), the leader's comment, how often it was sent back and how many of its
 * findings became ledger problems.
 */
export const roundResultsExport: ListExport<RoundSheetRow> = {
  permission: "selfReview.read",
  entityType: "SelfReviewRound",
  sheetName: S.title ?? "八个方面反思",
  fileName: `${S.title ?? "八个方面反思"}结果`,
  asciiName: "self-review-results",
  columns: [
    { header: "序号", width: 6, kind: "int", value: (_r, i) => i + 1 },
    { header: "反思轮次", width: 24, value: (r) => r.round.title },
    { header: S.period ?? "期间", width: 14, value: (r) => r.round.period },
    { header: S.unit ?? "单位", width: 20, value: (r) => r.unit.name },
    { header: S.status ?? "状态", width: 10, value: (r) => S.statuses[r.status] ?? r.status },
    { header: S.late ?? "逾期", width: 6, value: (r) => (r.late ? "是" : "否") },
    { header: "提交时间（北京时间）", width: 18, value: (r) => (r.submittedAt ? shanghaiMinute(r.submittedAt) : null) },
    ...ratingColumns,
    { header: S.mean ?? "平均", width: 8, value: (r) => r.mean },
    { header: "退回次数", width: 8, kind: "int", value: (r) => r.returnCount },
    { header: S.leaderComment ?? "领导点评", width: 36, value: (r) => r.leaderComment },
    { header: "转为问题数", width: 10, kind: "int", value: (r) => r.raisedProblems },
    { header: S.demo ?? "演示数据", width: 8, value: (r) => (r.round.isDemo ? "是" : "") },
  ],
  // A round has a sheet per unit (tens): one page.
  read: (actor, filters, page, _pageSize, locale) =>
    unpaged(async () => {
      const { roundId } = parseInput(roundExportQuerySchema, filters, locale);
      const { sheets, ...round } = await getRound(actor, roundId);
      return sheets.map((s) => ({ ...s, round }));
    }, page),
};
