import { describe, expect, it } from "vitest";
import { buildTimeScale, truncate } from "@/components/timeline/time-scale";

describe("the timeline board's time axis", () => {
  it("covers every date and today, padded by a month on each side, from the first of a month", () => {
    const s = buildTimeScale(["2026-03-15", "2026-07-02"], "2026-05-10");
    expect(s.start).toBe("2026-02-01");
    expect(s.end).toBe("2026-09-01");
    expect(s.ticks.map((t) => t.date)).toEqual([
      "2026-02-01",
      "2026-03-01",
      "2026-04-01",
      "2026-05-01",
      "2026-06-01",
      "2026-07-01",
      "2026-08-01",
    ]);
    expect(s.x("2026-02-01")).toBe(0);
    expect(s.x("2026-09-01")).toBeCloseTo(s.width, 6);
  });

  it("today alone still gives an axis, and today lies inside it", () => {
    const s = buildTimeScale([], "2026-01-20");
    expect(s.start).toBe("2025-12-01");
    expect(s.end).toBe("2026-03-01");
    expect(s.x("2026-01-20")).toBeGreaterThan(0);
    expect(s.x("2026-01-20")).toBeLessThan(s.width);
  });

  it("maps days linearly: later dates lie further right, equal gaps give equal distances", () => {
    const s = buildTimeScale(["2025-01-01", "2027-12-31"], "2026-06-15");
    const a = s.x("2026-01-01");
    const b = s.x("2026-01-11");
    const c = s.x("2026-01-21");
    expect(b).toBeGreaterThan(a);
    expect(c - b).toBeCloseTo(b - a, 6);
    expect(s.pxPerDay * 10).toBeCloseTo(b - a, 6);
  });

  it("a short span fills the target width, but a month never gets wider than the maximum", () => {
    const short = buildTimeScale(["2026-05-20"], "2026-05-10", { targetWidth: 900, maxMonthWidth: 120 });
    // Apr, May, Jun: 3 months × 120 px at most.
    expect(short.ticks).toHaveLength(3);
    expect(short.width).toBe(360);
    const medium = buildTimeScale(["2026-01-05", "2026-12-20"], "2026-06-01", { targetWidth: 700 });
    expect(medium.ticks).toHaveLength(14);
    expect(medium.width).toBe(700);
  });

  it("a long span keeps a minimum month width and becomes wider than the target (the board scrolls)", () => {
    const s = buildTimeScale(["2021-01-01", "2030-12-31"], "2026-01-01", { targetWidth: 600, minMonthWidth: 14 });
    expect(s.ticks).toHaveLength(122);
    expect(s.width).toBe(122 * 14);
  });

  it("labels every month when there is room, otherwise every 2nd, 3rd, 6th or 12th, always starting in January", () => {
    const labelledMonths = (dates: string[], targetWidth: number) =>
      buildTimeScale(dates, "2026-06-01", { targetWidth, minLabelGap: 44 })
        .ticks.filter((t) => t.labelled)
        .map((t) => t.month);
    expect(labelledMonths(["2026-03-01", "2026-08-31"], 900)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    // 14 months on 400 px ≈ 28.6 px a month → every 2nd month.
    expect(labelledMonths(["2026-01-05", "2026-12-20"], 400)).toEqual([1, 3, 5, 7, 9, 11, 1]);
    // 14 months on 200 px ≈ 14.3 px a month: 3 × 14.3 < 44 ≤ 6 × 14.3 → every 6th month.
    expect(labelledMonths(["2026-01-05", "2026-12-20"], 200)).toEqual([1, 7, 1]);
    const decade = buildTimeScale(["2021-01-01", "2030-12-31"], "2026-01-01", { targetWidth: 600, minMonthWidth: 3 });
    expect(decade.ticks.filter((t) => t.labelled).every((t) => t.month === 1)).toBe(true);
  });

  it("marks January and the first tick as the start of a year", () => {
    const s = buildTimeScale(["2026-10-15", "2027-02-10"], "2026-11-01");
    expect(s.ticks.filter((t) => t.yearStart).map((t) => t.date)).toEqual(["2026-09-01", "2027-01-01"]);
  });

  it("refuses a date that is not a calendar day rather than drawing it at the epoch", () => {
    expect(() => buildTimeScale(["2026/05/01"], "2026-05-10")).toThrow();
  });
});

describe("truncate", () => {
  it("keeps short text and cuts long text with an ellipsis, counting characters not UTF-16 units", () => {
    expect(truncate("太湖蓝藻", 8)).toBe("太湖蓝藻");
    expect(truncate("某化工园区污水处理厂尾水总氮超标排放", 8)).toBe("某化工园区污水…");
    expect([...truncate("𠀀𠀁𠀂𠀃𠀄", 3)]).toHaveLength(3);
  });
});
