import { describe, expect, it } from "vitest";
import {
  classLabel,
  isMiss,
  isWaterExempt,
  missedMonths,
  parseWaterClass,
  percentText,
  validateSectionTable,
  waterRatios,
} from "@/lib/domain/water-sections";

describe("parseWaterClass", () => {
  it.each([
    ["Ⅰ", 1],
    ["Ⅱ", 2],
    ["Ⅲ", 3],
    ["Ⅳ", 4],
    ["Ⅴ", 5],
    ["I", 1],
    ["ii", 2],
    ["III", 3],
    ["IV", 4],
    ["v", 5],
    ["1", 1],
    ["5", 5],
    ["6", 6],
    ["劣Ⅴ", 6],
    ["劣V", 6],
    ["劣v", 6],
    [" Ⅲ类 ", 3],
    ["III类", 3],
    ["３", 3],
    ["劣Ⅴ类", 6],
  ])("%s → %i", (text, expected) => {
    expect(parseWaterClass(text)).toBe(expected);
  });

  it.each(["", "0", "7", "VI", "劣Ⅳ", "劣", "3.0", "IIII", "A", "Ⅲ-Ⅳ"])("%j is refused", (text) => {
    expect(parseWaterClass(text)).toBeNull();
  });

  it("labels classes as published", () => {
    expect([1, 2, 3, 4, 5, 6].map(classLabel)).toEqual(["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"]);
    expect(classLabel(0)).toBe("—");
  });
});

describe("validateSectionTable", () => {
  const known = new Set(["WX01", "WX02"]);
  const header = ["section_code", "period", "class", "key_pollutant"];

  it("accepts a good table, normalising classes and empty pollutants", () => {
    const r = validateSectionTable(
      [header, ["WX01", "2026-03", "III", "总磷"], ["WX02", "2026-03", "劣V", ""], ["WX01", "2026-4", "2", ""]],
      known,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { sectionCode: "WX01", year: 2026, month: 3, waterClass: 3, keyPollutants: "总磷" },
      { sectionCode: "WX02", year: 2026, month: 3, waterClass: 6, keyPollutants: null },
      { sectionCode: "WX01", year: 2026, month: 4, waterClass: 2, keyPollutants: null },
    ]);
  });

  it("lists every bad row in Chinese and returns no rows at all", () => {
    const r = validateSectionTable(
      [
        header,
        ["WX01", "2026-03", "Ⅲ", ""],
        ["WX99", "2026-03", "Ⅲ", ""],
        ["WX02", "2026-13", "Ⅲ", ""],
        ["WX02", "2026-03", "Ⅶ", ""],
        ["WX01", "2026-03", "Ⅱ", ""],
        ["WX02", "2026-05", "Ⅱ", "=HYPERLINK()"],
      ],
      known,
    );
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([
      { row: 3, column: "section_code", reason: "未登记的断面：WX99" },
      { row: 4, column: "period", reason: "月份格式应为 YYYY-MM（如 2026-03）" },
      { row: 5, column: "class", reason: "水质类别应为 Ⅰ–Ⅴ、I–V、1–5 或 劣Ⅴ/劣V/6" },
      { row: 6, column: null, reason: "与第 2 行重复（同一断面同一月份）" },
      { row: 7, column: "key_pollutant", reason: "主要污染物不能以 =、+、-、@ 或控制字符开头" },
    ]);
  });

  it("names missing columns, an empty file and a header without rows", () => {
    expect(validateSectionTable([["section_code", "class"]], known).errors).toEqual([
      { row: 1, column: "period", reason: "缺少列 period" },
    ]);
    expect(validateSectionTable([], known).errors[0]?.reason).toBe("文件为空");
    expect(validateSectionTable([header], known).errors[0]?.reason).toBe("没有数据行");
  });

  it("accepts the optional pollutant column being absent and the header in any case or order", () => {
    const r = validateSectionTable(
      [
        ["CLASS", "Section_Code", "period"],
        ["Ⅳ", "WX02", "2025-12"],
      ],
      known,
    );
    expect(r.rows).toEqual([{ sectionCode: "WX02", year: 2025, month: 12, waterClass: 4, keyPollutants: null }]);
  });
});

describe("the miss rule", () => {
  it("a month is missed only when the class is worse than the target", () => {
    expect(isMiss(4, 3)).toBe(true);
    expect(isMiss(3, 3)).toBe(false);
    expect(isMiss(2, 3)).toBe(false);
    expect(isMiss(6, 5)).toBe(true);
  });

  it("counts the missed months through the given month; months without a result are not misses", () => {
    const results = [
      { month: 1, waterClass: 4 },
      { month: 2, waterClass: 3 },
      { month: 4, waterClass: 5 },
      { month: 5, waterClass: 6 },
      { month: 7, waterClass: 4 },
    ];
    expect(missedMonths(results, 3)).toEqual([1, 4, 5, 7]);
    expect(missedMonths(results, 3, 5)).toEqual([1, 4, 5]);
    expect(missedMonths(results, 4, 12)).toEqual([4, 5]);
    expect(missedMonths([], 3)).toEqual([]);
  });
});

describe("water ratios", () => {
  it("rounds half up exactly at one decimal", () => {
    expect(percentText(2, 3)).toBe("66.7");
    expect(percentText(1, 3)).toBe("33.3");
    expect(percentText(1, 8)).toBe("12.5");
    expect(percentText(1, 16)).toBe("6.3");
    expect(percentText(0, 5)).toBe("0.0");
    expect(percentText(7, 7)).toBe("100.0");
    expect(() => percentText(3, 2)).toThrow(RangeError);
    expect(() => percentText(0, 0)).toThrow(RangeError);
  });

  it("优Ⅲ is class Ⅲ or better, 劣Ⅴ only class 6", () => {
    expect(waterRatios([1, 2, 3, 4, 5, 6])).toEqual({ good: "50.0", bad: "16.7", sectionMonths: 6 });
    expect(waterRatios([3, 3, 4])).toEqual({ good: "66.7", bad: "0.0", sectionMonths: 3 });
    expect(waterRatios([])).toBeNull();
  });
});

describe("water exemption", () => {
  const all = (waterClass: number, months: number) => Array.from({ length: months }, (_, i) => ({ month: i + 1, waterClass }));

  it("exempt when every active section met Ⅲ and its target every month so far", () => {
    expect(
      isWaterExempt(
        [
          { targetClass: 3, results: all(3, 4) },
          { targetClass: 2, results: all(2, 4) },
        ],
        4,
      ),
    ).toBe(true);
  });

  it("not exempt: a month at Ⅳ even if the target is Ⅳ; a month worse than a Ⅱ target; a missing month; no sections", () => {
    expect(isWaterExempt([{ targetClass: 4, results: [...all(3, 3), { month: 4, waterClass: 4 }] }], 4)).toBe(false);
    expect(isWaterExempt([{ targetClass: 2, results: [...all(2, 3), { month: 4, waterClass: 3 }] }], 4)).toBe(false);
    expect(isWaterExempt([{ targetClass: 3, results: all(3, 3) }], 4)).toBe(false);
    expect(isWaterExempt([], 4)).toBe(false);
    // Later months do not count against an earlier evaluation.
    expect(isWaterExempt([{ targetClass: 3, results: [...all(3, 3), { month: 4, waterClass: 6 }] }], 3)).toBe(true);
  });
});
