import "server-only";
import { INDICATORS } from "../../domain/indicators";
import type { RankedUnit } from "../../domain/ranking";
import { MESSAGES } from "../../i18n/messages";
import type { ListExport } from "../office/list-export";
import { getRankings } from "./get-rankings";

type Texts = Record<string, string>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const Z = MESSAGES["zh-CN"] as unknown as {
  dashboard: Texts & { indicators: Texts; units: Texts };
  targetBadges: Texts;
};
const B = Z.targetBadges;
const VERSUS: Record<string, string> = { BETTER: B.better ?? "", EQUAL: B.equal ?? "", WORSE: B.worse ?? "" };

/** A ranked unit with the ranking it belongs to (indicator, period, provincial average). */
export type RankingRow = RankedUnit & {
  indicator: string;
  period: string;
  cumulative: boolean;
  provincialAverage: string | null;
};

/** "后10位第3名（并列）" as the badge prints it, with "按全省数据" when computed from the province's table. */
function namedText(u: RankingRow): string {
  if (u.named === null) return "未知";
  if (!u.named || !u.namedBy) return "否";
  const by = u.namedBy;
  const rank = `${by.kind === "WORST" ? "后" : "前"}${by.size}位第${by.printedRank}名${by.tied ? "（并列）" : ""}`;
  return by.basis === "PRINTED_LIST" ? `省通报·${rank}` : `按全省数据·${rank}`;
}

/** One indicator's ranking (the province's cities or counties, or the city's districts) as the dashboard ranks it. */
export const rankingExport: ListExport<RankingRow> = {
  permission: "indicator.read",
  entityType: "Ranking",
  sheetName: "排名",
  fileName: "指标排名",
  asciiName: "rankings",
  columns: [
    { header: Z.dashboard.rank ?? "排名", width: 6, kind: "int", value: (u) => u.rank },
    { header: B.tied ?? "并列", width: 6, value: (u) => (u.tied ? "是" : "") },
    { header: "地区代码", width: 10, value: (u) => u.unitCode },
    { header: "地区", width: 14, value: (u) => u.unitName },
    { header: "指标", width: 22, value: (u) => Z.dashboard.indicators[u.indicator] ?? u.indicator },
    { header: "期间", width: 10, value: (u) => `${u.period}${u.cumulative ? "（累计）" : "（当月）"}` },
    // Values as published (decimal text): a number cell would lose the printed precision ("31.0").
    { header: Z.dashboard.value ?? "数值", width: 10, value: (u) => u.value ?? Z.dashboard.noRank },
    {
      header: "单位",
      width: 8,
      value: (u) => {
        const unit = INDICATORS[u.indicator as keyof typeof INDICATORS]?.unit;
        return unit ? (Z.dashboard.units[unit] ?? unit) : "";
      },
    },
    { header: "全省平均", width: 10, value: (u) => u.provincialAverage },
    { header: "与全省平均", width: 14, value: (u) => (u.versusProvincialAverage ? VERSUS[u.versusProvincialAverage] : "") },
    { header: B.top3 ?? "前三", width: 6, value: (u) => (u.topThree ? "是" : "") },
    { header: "省通报", width: 22, value: namedText },
  ],
  // A ranking is answered whole: one page.
  read: async (actor, filters, page, _pageSize, locale) => {
    if (page > 1) return [];
    const r = await getRankings(actor, filters, { locale });
    const ranking = {
      indicator: r.indicator,
      period: r.period,
      cumulative: r.cumulative,
      provincialAverage: r.provincialAverage,
    };
    return r.items.map((u) => ({ ...u, ...ranking }));
  },
};
