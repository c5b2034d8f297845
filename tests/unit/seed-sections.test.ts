import { describe, expect, it } from "vitest";
import { evaluateDistrictPenalties } from "@/lib/domain/penalties";
import { isWaterExempt, missedMonths } from "@/lib/domain/water-sections";
import { DEMO_SECTIONS, planDemoSectionResults } from "@/prisma/seed-sections";

const NOW = new Date("2026-12-03T04:00:00Z");

describe("demo sections", () => {
  const results = planDemoSectionResults(NOW);
  const of = (code: string, year: number) => results.filter((r) => r.code === code && r.year === year);

  it("covers 24 months ending last month for every section, with names marked as demo", () => {
    expect(results).toHaveLength(DEMO_SECTIONS.length * 24);
    expect(of("DEMO-WX-01", 2026).map((r) => r.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(DEMO_SECTIONS.every((s) => s.name.includes("演示"))).toBe(true);
  });

  it("gives the penalty rule a doubled national hit and a provincial hit this year, and 江阴 an exemption", () => {
    const record = (code: string) => {
      const s = DEMO_SECTIONS.find((x) => x.code === code);
      if (!s) throw new Error(code);
      return {
        sectionCode: s.code,
        sectionName: s.name,
        level: s.level,
        missedMonths: missedMonths(of(code, 2026), s.targetClass, 11),
      };
    };
    const penalty = evaluateDistrictPenalties(
      { districtCode: "x", air: [], problems: [], sections: [record("DEMO-WX-05"), record("DEMO-WX-07")] },
      11,
    );
    // Two episodes of the national section (3 missed months, then 6: doubled), one of the provincial.
    expect(penalty.hits).toEqual([
      expect.objectContaining({ sectionCode: "DEMO-WX-05", fee: 5_000_000, repeated: false }),
      expect.objectContaining({ sectionCode: "DEMO-WX-05", fee: 10_000_000, repeated: true }),
      expect.objectContaining({ sectionCode: "DEMO-WX-07", fee: 3_000_000, repeated: false }),
    ]);
    // No other section misses this year.
    for (const s of DEMO_SECTIONS.filter((x) => !x.missThisYear)) {
      expect(missedMonths(of(s.code, 2026), s.targetClass)).toEqual([]);
    }
    const jiangyin = DEMO_SECTIONS.filter((s) => s.district === "320281").map((s) => ({
      targetClass: s.targetClass,
      results: of(s.code, 2026),
    }));
    expect(isWaterExempt(jiangyin, 11)).toBe(true);
  });
});
