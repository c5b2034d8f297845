import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Invalid } from "@/lib/errors";
import { drillSchema } from "@/lib/schemas/bottom-line";
import { kindError } from "@/lib/schemas/common";
import { type Locale, localizeMessage, parseInput } from "@/lib/schemas/parse";
import { problemCreateSchema } from "@/lib/schemas/problem";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";

function fieldsOf(schema: z.ZodType, input: unknown, locale: Locale): Record<string, string[]> {
  try {
    parseInput(schema, input, locale);
  } catch (e) {
    expect(e).toBeInstanceOf(Invalid);
    expect((e as Invalid).status).toBe(422);
    return (e as Invalid).fields ?? {};
  }
  throw new Error("expected the input to be rejected");
}

describe("localizeMessage", () => {
  it("translates message keys for the caller's language", () => {
    expect(localizeMessage("v.required", "zh-CN")).toBe("必填");
    expect(localizeMessage("v.required", "en")).toBe("Required");
    expect(localizeMessage("v.invalidDate", "zh-CN")).toBe(zhCN.validation.invalidDate);
  });

  it("leaves plain text and unknown keys as they are", () => {
    expect(localizeMessage("Something else", "zh-CN")).toBe("Something else");
    expect(localizeMessage("v.noSuchKey", "en")).toBe("v.noSuchKey");
  });

  it("every validation message exists in both languages", () => {
    expect(Object.keys(zhCN.validation).sort()).toEqual(Object.keys(en.validation).sort());
  });
});

describe("parseInput", () => {
  const schema = z.strictObject({ title: z.string().min(1, "v.required"), count: z.number(), when: z.string() });

  it("returns the parsed value when valid", () => {
    expect(parseInput(schema, { title: "a", count: 1, when: "x" })).toEqual({ title: "a", count: 1, when: "x" });
  });

  it("answers custom messages in Chinese or English", () => {
    expect(fieldsOf(schema, { title: "", count: 1, when: "x" }, "zh-CN")).toEqual({ title: ["必填"] });
    expect(fieldsOf(schema, { title: "", count: 1, when: "x" }, "en")).toEqual({ title: ["Required"] });
  });

  it("answers zod's own messages in the caller's language too", () => {
    const zh = fieldsOf(schema, { title: "a", count: "one", when: "x" }, "zh-CN").count?.[0] ?? "";
    const enMsg = fieldsOf(schema, { title: "a", count: "one", when: "x" }, "en").count?.[0] ?? "";
    expect(zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(enMsg).toMatch(/expected number/i);
  });

  it("names each unknown key as its own field", () => {
    expect(fieldsOf(schema, { title: "a", count: 1, when: "x", status: "CLOSED", id: "1" }, "zh-CN")).toEqual({
      status: ["不允许的字段"],
      id: ["不允许的字段"],
    });
  });

  it("defaults to English", () => {
    try {
      parseInput(schema, { title: "", count: 1, when: "x" });
    } catch (e) {
      expect((e as Invalid).fields).toEqual({ title: ["Required"] });
      return;
    }
    throw new Error("expected a rejection");
  });

  it("localizes the ledger's own rules (deadline for a bounded band)", () => {
    const input = {
      title: "t",
      description: "d",
      source: "PETITION",
      category: "AIR",
      districtCode: "320205",
      leadUnitId: "3f1c2a9e-7b4d-4c1a-9e2f-5d6b7a8c9d0e",
      deadlineBand: "SHORT",
    };
    expect(fieldsOf(problemCreateSchema, input, "zh-CN")).toEqual({ deadline: [zhCN.validation.deadlineRequired] });
    expect(fieldsOf(problemCreateSchema, input, "en")).toEqual({ deadline: [en.validation.deadlineRequired] });
  });
});

describe("a value out of range says its bound", () => {
  const drill = (participants: string, scenario = "疏散演练") => ({
    level: "PARK",
    heldOn: "2026-11-01",
    scenario,
    participants,
  });

  it("a whole number below or above its range names the bound, in the reader's language", () => {
    expect(fieldsOf(drillSchema, drill("0"), "zh-CN").participants).toEqual(["不能小于 1"]);
    expect(fieldsOf(drillSchema, drill("200000"), "en").participants).toEqual(["Must be at most 100000"]);
  });

  it("a value of the wrong kind, or none, keeps its own message", () => {
    expect(fieldsOf(drillSchema, drill("x"), "zh-CN").participants).toEqual(["请输入数字"]);
    expect(fieldsOf(drillSchema, drill("1.5"), "zh-CN").participants).toEqual(["请输入数字"]);
    expect(fieldsOf(drillSchema, drill(""), "zh-CN").participants).toEqual(["必填"]);
  });

  it("text longer than its limit says the limit in characters", () => {
    expect(fieldsOf(drillSchema, drill("5", "演".repeat(501)), "zh-CN").scenario).toEqual(["最多 500 个字符"]);
    expect(fieldsOf(drillSchema, drill("5", "a".repeat(501)), "en").scenario).toEqual(["At most 500 characters"]);
  });

  it("a number field whose schema names a kind-of-value message still says the range (month 13)", () => {
    const month = z.object({
      month: z
        .number({ error: kindError("v.invalidNumber") })
        .int()
        .min(1)
        .max(12),
    });
    expect(fieldsOf(month, { month: 13 }, "zh-CN").month).toEqual(["不能大于 12"]);
    expect(fieldsOf(month, { month: "x" }, "zh-CN").month).toEqual(["请输入数字"]);
  });
});
