import { describe, expect, it } from "vitest";
import { ACCOUNT_HEADERS_ZH, parseAccountRows } from "@/lib/domain/account-import";

const ctx = {
  roleLabels: { 只读: "VIEWER", 派出机构: "FIELD_OFFICER" } as const,
  units: new Map([["AG-1", "u1"]]),
  districts: new Map([["320281", "d1"]]),
  taken: new Set(["admin"]),
};
const table = (...rows: string[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));

describe("account import rows", () => {
  it("reads good rows with Chinese role labels, unit and district codes", () => {
    const r = parseAccountRows(table([...ACCOUNT_HEADERS_ZH], ["li.si", "李四", "派出机构", "AG-1", "320281", "", ""]), ctx);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        row: 2,
        username: "li.si",
        displayName: "李四",
        role: "FIELD_OFFICER",
        unitId: "u1",
        districtId: "d1",
        phone: null,
        email: null,
      },
    ]);
  });
  it("is all or nothing and names every bad row and column", () => {
    const r = parseAccountRows(
      table(
        [...ACCOUNT_HEADERS_ZH],
        ["ok.one", "甲", "只读", "", "", "", ""],
        ["admin", "", "老板", "NOPE", "", "abc", "x"],
        ["=cmd", "丙", "只读", "", "", "", ""],
      ),
      ctx,
    );
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => `${e.row}:${e.column}:${e.code}`)).toEqual([
      "3:username:usernameTaken",
      "3:displayName:required",
      "3:role:invalidOption",
      "3:unit:unknownUnit",
      "3:phone:phone",
      "3:email:email",
      "4:username:importFormula",
      "4:username:usernameFormat",
    ]);
  });
  it("refuses a wrong header, an empty sheet and duplicates within the file", () => {
    expect(parseAccountRows(table(["name"]), ctx).errors[0]?.code).toBe("importHeader");
    expect(parseAccountRows(table([...ACCOUNT_HEADERS_ZH]), ctx).errors[0]?.code).toBe("importEmpty");
    const dup = parseAccountRows(table([...ACCOUNT_HEADERS_ZH], ["a.b", "甲", "只读"], ["A.B", "乙", "只读"]), ctx);
    expect(dup.errors).toEqual([{ row: 3, column: "username", code: "importDuplicate", values: { row: 2 } }]);
  });
});
