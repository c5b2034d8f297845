import { describe, expect, it } from "vitest";
import { CsvStreamParser } from "@/lib/domain/csv-stream";

function parseInPieces(text: string, size: number): string[][] {
  const p = new CsvStreamParser();
  const rows: string[][] = [];
  for (let i = 0; i < text.length; i += size) rows.push(...p.push(text.slice(i, i + size)));
  rows.push(...p.end());
  return rows;
}

describe("CsvStreamParser", () => {
  const text = '\uFEFFa,b,c\r\n1,"x, ""y""",3\n"multi\nline",,\r\nlast,row,"q"';
  const expected = [
    ["a", "b", "c"],
    ["1", 'x, "y"', "3"],
    ["multi\nline", "", ""],
    ["last", "row", "q"],
  ];
  it("reads quotes, escapes, CRLF and a BOM whatever the piece size", () => {
    for (const size of [1, 2, 3, 7, 1000]) expect(parseInPieces(text, size)).toEqual(expected);
  });
  it("a trailing newline adds no empty row", () => {
    expect(parseInPieces("a,b\n1,2\n", 3)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});
