import { describe, expect, it } from "vitest";
import { extensionDecisionSchema, extensionListQuerySchema, extensionRequestSchema } from "@/lib/schemas/extension";
import { measureCreateSchema, measureDeleteQuerySchema, measureOrderSchema, measureUpdateSchema } from "@/lib/schemas/measure";
import { progressReportCreateSchema } from "@/lib/schemas/report";

const pathsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("measureCreateSchema", () => {
  it("trims the description, weighs 1 by default and turns empty optional fields into nothing", () => {
    expect(measureCreateSchema.parse({ description: "  截污纳管 ", ownerPerson: "", ownerUnitId: "", milestone: "" })).toEqual({
      description: "截污纳管",
      ownerUnitId: null,
      milestone: null,
      weight: 1,
    });
  });

  it("takes a weight typed into a form", () => {
    expect(measureCreateSchema.parse({ description: "x", weight: "3" }).weight).toBe(3);
  });

  it.each([0, 101, 2.5, "", "heavy", null])("refuses the weight %j", (weight) => {
    expect(pathsOf(measureCreateSchema.safeParse({ description: "x", weight }))).toEqual(["weight"]);
  });

  it("never takes status, percent or order from the caller", () => {
    const r = measureCreateSchema.safeParse({ description: "x", status: "DONE", percent: 100, seq: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.code)).toEqual(["unrecognized_keys"]);
  });
});

describe("measureUpdateSchema", () => {
  it.each([0, 1, 50, 99, 100, "100"])("takes the percent %j", (percent) => {
    expect(measureUpdateSchema.parse({ percent, version: 1 }).percent).toBe(Number(percent));
  });

  it.each([-1, 101, 50.5, true, [50], null, "", "half"])("refuses the percent %j", (percent) => {
    expect(pathsOf(measureUpdateSchema.safeParse({ percent, version: 1 }))).toEqual(["percent"]);
  });

  it("an emptied owner or milestone clears it; an emptied description is refused", () => {
    expect(measureUpdateSchema.parse({ ownerPerson: " ", milestone: "", ownerUnitId: "", version: 2 })).toEqual({
      ownerPerson: null,
      milestone: null,
      ownerUnitId: null,
      version: 2,
    });
    expect(pathsOf(measureUpdateSchema.safeParse({ description: "", version: 2 }))).toEqual(["description"]);
  });

  it.each([undefined, 0, -1, 1.5, 2_147_483_648, "v1"])("refuses the version %j", (version) => {
    expect(pathsOf(measureUpdateSchema.safeParse({ percent: 1, version }))).toEqual(["version"]);
  });
});

describe("measureDeleteQuerySchema and measureOrderSchema", () => {
  it("reads the version from the query string", () => {
    expect(measureDeleteQuerySchema.parse({ version: "3" })).toEqual({ version: 3 });
    expect(pathsOf(measureDeleteQuerySchema.safeParse({}))).toEqual(["version"]);
  });

  it("takes a list of ids and refuses an empty one or a non-id", () => {
    const id = "6f1c1e52-0000-4000-8000-000000000000";
    expect(measureOrderSchema.parse({ ids: [id] })).toEqual({ ids: [id] });
    expect(pathsOf(measureOrderSchema.safeParse({ ids: [] }))).toEqual(["ids"]);
    expect(pathsOf(measureOrderSchema.safeParse({ ids: ["x"] }))).toEqual(["ids.0"]);
    expect(pathsOf(measureOrderSchema.safeParse({}))).toEqual(["ids"]);
  });
});

describe("progressReportCreateSchema", () => {
  it("takes text and percent, optionally about a measure", () => {
    expect(progressReportCreateSchema.parse({ text: " 完成勘察 ", percent: "20", measureId: "" })).toEqual({
      text: "完成勘察",
      percent: 20,
    });
  });

  it("refuses 2001 characters, a missing percent and a unit chosen by the caller", () => {
    expect(pathsOf(progressReportCreateSchema.safeParse({ text: "字".repeat(2001), percent: 1 }))).toEqual(["text"]);
    expect(pathsOf(progressReportCreateSchema.safeParse({ text: "x" }))).toEqual(["percent"]);
    expect(progressReportCreateSchema.safeParse({ text: "x", percent: 1, unitId: "u" }).success).toBe(false);
  });
});

describe("extension schemas", () => {
  it("a request needs a real calendar day and a reason of at most 1000 characters", () => {
    expect(extensionRequestSchema.parse({ newDeadline: "2027-02-28", reason: " 汛期 " })).toEqual({
      newDeadline: "2027-02-28",
      reason: "汛期",
    });
    expect(pathsOf(extensionRequestSchema.safeParse({ newDeadline: "2027-02-29", reason: "x" }))).toEqual(["newDeadline"]);
    expect(pathsOf(extensionRequestSchema.safeParse({ newDeadline: "2027-02-28", reason: "因".repeat(1001) }))).toEqual([
      "reason",
    ]);
  });

  it("approving may carry a comment; rejecting must", () => {
    expect(extensionDecisionSchema.parse({ decision: "APPROVE", version: 1 })).toEqual({ decision: "APPROVE", version: 1 });
    expect(pathsOf(extensionDecisionSchema.safeParse({ decision: "REJECT", version: 1 }))).toEqual(["comment"]);
    expect(pathsOf(extensionDecisionSchema.safeParse({ decision: "REJECT", comment: "  ", version: 1 }))).toEqual(["comment"]);
    expect(extensionDecisionSchema.parse({ decision: "REJECT", comment: "理由不足", version: 1 }).comment).toBe("理由不足");
  });

  it("the list takes empty filters as none", () => {
    expect(extensionListQuerySchema.parse({ status: "", districtCode: "" })).toEqual({ page: 1, pageSize: 20 });
    expect(pathsOf(extensionListQuerySchema.safeParse({ status: "LATE" }))).toEqual(["status"]);
  });
});
