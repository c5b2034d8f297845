import { describe, expect, it } from "vitest";
import { nextSort, sortRows } from "@/components/ui/data-table-sort";

type Row = { name: string; amount: number | null; on?: Date };
const rows: Row[] = [
  { name: "江阴市", amount: 30 },
  { name: "宜兴市", amount: null },
  { name: "梁溪区", amount: 5 },
  { name: "滨湖区", amount: 30 },
  { name: "新吴区", amount: 120 },
];

describe("sorting the data table", () => {
  it("sorts numbers as numbers, both ways, ties keeping their order", () => {
    expect(sortRows(rows, (r) => r.amount, "asc").map((r) => r.name)).toEqual(["梁溪区", "江阴市", "滨湖区", "新吴区", "宜兴市"]);
    expect(sortRows(rows, (r) => r.amount, "desc").map((r) => r.name)).toEqual([
      "新吴区",
      "江阴市",
      "滨湖区",
      "梁溪区",
      "宜兴市",
    ]);
  });

  it("puts empty values last in either direction", () => {
    expect(sortRows(rows, (r) => r.amount, "desc").at(-1)?.name).toBe("宜兴市");
    expect(sortRows(rows, (r) => r.amount, "asc").at(-1)?.name).toBe("宜兴市");
  });

  it("sorts text with numbers in it by their value (第2批 before 第10批)", () => {
    const batches = [{ name: "第10批" }, { name: "第2批" }, { name: "第1批" }];
    expect(sortRows(batches, (r) => r.name, "asc").map((r) => r.name)).toEqual(["第1批", "第2批", "第10批"]);
  });

  it("sorts dates by time", () => {
    const dated = [{ on: new Date("2026-03-01") }, { on: new Date("2025-12-31") }];
    expect(sortRows(dated, (r) => r.on, "asc").map((r) => r.on.getUTCFullYear())).toEqual([2025, 2026]);
  });

  it("does not change the rows it was given", () => {
    const copy = [...rows];
    sortRows(rows, (r) => r.amount, "asc");
    expect(rows).toEqual(copy);
  });

  it("a header click sorts a new column ascending and flips the same one", () => {
    expect(nextSort(null, "amount")).toEqual({ key: "amount", direction: "asc" });
    expect(nextSort({ key: "amount", direction: "asc" }, "amount")).toEqual({ key: "amount", direction: "desc" });
    expect(nextSort({ key: "amount", direction: "desc" }, "amount")).toEqual({ key: "amount", direction: "asc" });
    expect(nextSort({ key: "amount", direction: "desc" }, "name")).toEqual({ key: "name", direction: "asc" });
  });
});
