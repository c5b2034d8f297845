import { describe, expect, it } from "vitest";
import { decisionNumber, suspensionEnd } from "@/lib/domain/penalty-decisions";
import { describePenalty, formatYuan } from "@/lib/domain/penalty-text";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("decision numbers", () => {
  it("reads 锡环惩〔year〕n号", () => {
    expect(decisionNumber(2026, 3)).toBe("锡环惩〔2026〕3号");
    expect(decisionNumber(2027, 12)).toBe("锡环惩〔2027〕12号");
  });
});

describe("suspension end", () => {
  it("runs to the day before the same date months later", () => {
    expect(iso(suspensionEnd(day("2026-12-03"), 6))).toBe("2027-06-02");
    expect(iso(suspensionEnd(day("2026-01-01"), 12))).toBe("2026-12-31");
    expect(iso(suspensionEnd(day("2026-03-15"), 1))).toBe("2026-04-14");
  });

  it("ends with the shorter month when the date does not exist there", () => {
    expect(iso(suspensionEnd(day("2026-08-31"), 6))).toBe("2027-02-28");
    expect(iso(suspensionEnd(day("2027-08-31"), 6))).toBe("2028-02-29");
    expect(iso(suspensionEnd(day("2026-01-31"), 1))).toBe("2026-02-28");
  });
});

describe("the fee notice's wording", () => {
  it("shows whole 万 as 万元, anything else in yuan", () => {
    expect(formatYuan(3_000_000)).toBe("300万元");
    expect(formatYuan(10_000)).toBe("1万元");
    expect(formatYuan(12_345)).toBe("12,345元");
  });

  it("names each trigger with its figures", () => {
    const months = [{ month: 1, value: "40", lastYear: "36", cityAverage: "35" }];
    expect(describePenalty("PM25", { months })).toBe(
      "PM2.5浓度同比上升且高于全市平均5%以上：1月40微克/立方米（上年同期36，全市平均35）",
    );
    expect(describePenalty("GOOD_AIR", { months })).toBe(
      "空气质量优良天数比率同比下降且低于全市平均1个百分点以上：1月40%（上年同期36，全市平均35）",
    );
    expect(describePenalty("SECTION", { level: "NATIONAL", sectionName: "望虞河", months: [1, 2, 3], repeated: true })).toBe(
      "国考断面望虞河未达到市定目标：1月、2月、3月（年内再次发生，加倍）",
    );
    expect(describePenalty("SECTION", { level: "PROVINCIAL", sectionName: "锡澄运河", months: [4] })).toBe(
      "省考断面锡澄运河未达到市定目标：4月",
    );
    expect(describePenalty("PROBLEM", { code: "WX-1", reason: "OVERDUE" })).toBe("突出环境问题WX-1整改不到位（逾期未整改）");
    expect(describePenalty("PROBLEM", { code: "WX-1", reason: "FALSE" })).toBe("突出环境问题WX-1虚假整改");
    expect(describePenalty("PROBLEM", { code: "WX-1", reason: "PERFUNCTORY" })).toBe("突出环境问题WX-1敷衍整改");
    expect(describePenalty("HAZARD", { title: "化工园区应急池", deadline: "2026-05-01" })).toBe(
      "环境风险隐患管控不力：红色隐患“化工园区应急池”超过管控期限（2026-05-01）",
    );
    expect(describePenalty("OTHER", {})).toBe("OTHER");
  });
});
