import { describe, expect, it } from "vitest";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import { parseEnterpriseTable } from "@/lib/domain/enterprise-import";

const code = (body: string) => `91320281${body}${creditCodeCheckChar(`91320281${body}`)}`;
const A = code("MA1W2Y3Q4");
const B = code("123456789");
const HEADER = ["统一社会信用代码", "企业名称", "属地", "地址", "纬度", "经度", "行业", "标签", "状态", "关闭日期"];

describe("enterprise import rows", () => {
  it("reads good rows: Chinese tag and status labels, codes in lower case, English headers", () => {
    const { rows, errors } = parseEnterpriseTable([
      HEADER,
      [A.toLowerCase(), "甲公司", "320281", "甲路", "31.5", "120.3", "化工", "化工、VOCs重点", "在产", ""],
      [B, "乙公司", "江阴市", "", "", "", "", "", "关闭", "2024-06-30"],
    ]);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ creditCode: A, tags: ["CHEMICAL", "VOCS_KEY"], status: "OPERATING", lat: 31.5, row: 2 });
    expect(rows[1]).toMatchObject({ district: "江阴市", status: "CLOSED", closedOn: "2024-06-30", lat: null });
    const en = parseEnterpriseTable([
      ["credit_code", "name", "district"],
      [B, "乙", "320281"],
    ]);
    expect(en.errors).toEqual([]);
  });

  it("takes away the apostrophe the export quotes formula-like text with; an unquoted formula is still refused", () => {
    const { rows, errors } = parseEnterpriseTable([
      HEADER,
      [A, "'=1+1甲", "320281", "'-东路1号", "", "", "'@化工", "", "", ""],
      [B, "=1+1乙", "320281", "", "", "", "", "", "", ""],
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "=1+1甲", address: "-东路1号", industry: "@化工" });
    expect(errors).toEqual([{ row: 3, column: "企业名称", reason: "不能以 = + - @ 开头（疑似公式）" }]);
  });

  it("reports every bad cell in Chinese with its row and column; duplicates name the first row", () => {
    const wrong = B.slice(0, 17) + (B.endsWith("0") ? "1" : "0");
    const { rows, errors } = parseEnterpriseTable([
      HEADER,
      [wrong, "甲", "320281", "", "", "", "", "", "", ""],
      [A, "", "", "", "91", "x", "", "火星", "歇业", ""],
      [A, "丙", "320281", "", "", "", "", "", "关闭", ""],
      [code("ABCDEFGH1"), "=HYPERLINK()", "320281", "", "", "", "", "", "", ""],
      [code("ABCDEFGH2"), "丁", "320281", "", "", "", "", "", "在产", "2024-01-01"],
    ]);
    expect(rows).toEqual([]);
    const at = (row: number, column: string) => errors.filter((e) => e.row === row && e.column === column).map((e) => e.reason);
    expect(at(2, "统一社会信用代码")[0]).toContain("校验位");
    expect(at(3, "企业名称")).toEqual(["企业名称不能为空"]);
    expect(at(3, "属地")).toEqual(["属地不能为空"]);
    expect(at(3, "纬度")[0]).toContain("纬度");
    expect(at(3, "经度")[0]).toContain("经度");
    expect(at(3, "标签")[0]).toContain("火星");
    expect(at(3, "状态")[0]).toContain("在产");
    expect(at(4, "统一社会信用代码")[0]).toContain("第 3 行");
    expect(at(4, "关闭日期")[0]).toContain("须填写关闭日期");
    expect(at(5, "企业名称")[0]).toContain("公式");
    expect(at(6, "关闭日期")[0]).toContain("只有已关闭");
  });

  it("refuses a file without the required columns or without rows", () => {
    expect(parseEnterpriseTable([["名称"]]).errors[0]?.reason).toContain("缺少列");
    expect(parseEnterpriseTable([HEADER]).errors[0]?.reason).toContain("没有数据行");
    expect(parseEnterpriseTable([]).errors[0]?.reason).toContain("文件为空");
  });
});
