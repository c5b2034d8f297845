import { describe, expect, it } from "vitest";
import { safeCell } from "@/lib/server/audit/export-audit";

describe("audit export cells", () => {
  it("prefixes text a spreadsheet would run as a formula", () => {
    for (const text of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]) expect(safeCell(text)).toBe(`'${text}`);
  });
  it("leaves other text alone", () => {
    for (const text of ["账号 张三", "2026-12-01 08:00", "名称：甲 → 乙", ""]) expect(safeCell(text)).toBe(text);
  });
});
