import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { fieldError, otherErrors } from "@/lib/schemas/action-result";
import { parseInput } from "@/lib/schemas/parse";
import { TIMELINE_MAX, timelineQuerySchema } from "@/lib/schemas/timeline";

const UNIT = "0b6f8a3e-4c1d-4d2a-9f3e-1a2b3c4d5e6f";

function refusal(raw: unknown): Record<string, string[]> {
  try {
    parseInput(timelineQuerySchema, raw, "zh-CN");
  } catch (e) {
    if (e instanceof Invalid) return { ...e.fields };
    throw e;
  }
  throw new Error("accepted");
}

describe("timeline query", () => {
  it("draws at most 200 problems by default, and an untouched filter form (empty fields) means no filter", () => {
    expect(parseInput(timelineQuerySchema, {})).toEqual({ limit: TIMELINE_MAX });
    expect(
      parseInput(timelineQuerySchema, {
        districtCode: "",
        leadUnitId: "",
        leadOfficialId: "",
        status: "",
        colour: "",
        limit: "",
      }),
    ).toEqual({ limit: 200 });
  });

  it("takes each filter as the URL carries it", () => {
    expect(
      parseInput(timelineQuerySchema, {
        districtCode: "320281",
        leadUnitId: UNIT,
        leadOfficialId: UNIT,
        status: "RECTIFYING",
        colour: "RED",
        limit: "50",
      }),
    ).toEqual({ districtCode: "320281", leadUnitId: UNIT, leadOfficialId: UNIT, status: "RECTIFYING", colour: "RED", limit: 50 });
  });

  it("refuses each malformed parameter by name, and any parameter it does not know", () => {
    expect(Object.keys(refusal({ districtCode: "32028" }))).toEqual(["districtCode"]);
    expect(Object.keys(refusal({ leadUnitId: "x" }))).toEqual(["leadUnitId"]);
    expect(Object.keys(refusal({ status: "OPEN" }))).toEqual(["status"]);
    expect(Object.keys(refusal({ colour: "ORANGE" }))).toEqual(["colour"]);
    expect(Object.keys(refusal({ limit: String(TIMELINE_MAX + 1) }))).toEqual(["limit"]);
    expect(Object.keys(refusal({ limit: "1.5" }))).toEqual(["limit"]);
    expect(refusal({ page: "2" })).toEqual({ page: ["不允许的字段"] });
  });
});

describe("action results in forms", () => {
  const failed = { ok: false as const, message: "失败", fields: { percent: ["请输入 0–100 的整数"], status: ["状态不允许"] } };

  it("gives a field its own messages and nothing for a success", () => {
    expect(fieldError(failed, "percent")).toBe("请输入 0–100 的整数");
    expect(fieldError(failed, "text")).toBeUndefined();
    expect(fieldError({ ok: true }, "percent")).toBeUndefined();
    expect(fieldError(null, "percent")).toBeUndefined();
  });

  it("collects the messages of fields the form has no input for", () => {
    expect(otherErrors(failed, ["percent"])).toEqual(["状态不允许"]);
    expect(otherErrors(failed, ["percent", "status"])).toEqual([]);
    expect(otherErrors({ ok: true }, [])).toEqual([]);
  });
});
