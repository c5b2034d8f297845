/**
 * The Chinese wording of a penalty's trigger and figures, for the fee notice (缴款通知书), an
 * official document written in Chinese whatever the reader's language. Pure.
 */
export type PenaltyFigures = {
  months?: ({ month: number; value: string; lastYear: string; cityAverage: string } | number)[];
  sectionName?: string;
  level?: string;
  repeated?: boolean;
  code?: string;
  reason?: string;
  title?: string;
  deadline?: string;
};

const yuan = (amount: number) => `${amount.toLocaleString("en-US")}元`;

export function formatYuan(amount: number): string {
  return amount % 10_000 === 0 ? `${amount / 10_000}万元` : yuan(amount);
}

export function describePenalty(trigger: string, f: PenaltyFigures): string {
  const airMonths = (unit: string) =>
    (f.months ?? [])
      .map((m) =>
        typeof m === "number" ? `${m}月` : `${m.month}月${m.value}${unit}（上年同期${m.lastYear}，全市平均${m.cityAverage}）`,
      )
      .join("；");
  switch (trigger) {
    case "PM25":
      return `PM2.5浓度同比上升且高于全市平均5%以上：${airMonths("微克/立方米")}`;
    case "GOOD_AIR":
      return `空气质量优良天数比率同比下降且低于全市平均1个百分点以上：${airMonths("%")}`;
    case "SECTION":
      return `${f.level === "NATIONAL" ? "国考" : "省考"}断面${f.sectionName ?? ""}未达到市定目标：${(f.months ?? []).map((m) => (typeof m === "number" ? `${m}月` : "")).join("、")}${f.repeated ? "（年内再次发生，加倍）" : ""}`;
    case "PROBLEM":
      return `突出环境问题${f.code ?? ""}${f.reason === "OVERDUE" ? "整改不到位（逾期未整改）" : f.reason === "FALSE" ? "虚假整改" : "敷衍整改"}`;
    case "HAZARD":
      return `环境风险隐患管控不力：红色隐患“${f.title ?? ""}”超过管控期限（${f.deadline ?? ""}）`;
    default:
      return trigger;
  }
}
