import { describe, expect, it } from "vitest";
import { PROBLEM_STATUSES, ROLES } from "@/lib/domain/enums";
import { DIVISION_HEAD_FIELDS, disallowedFields, editAccess } from "@/lib/domain/problem-edit";

const OWN = "unit-water";
const OTHER = "unit-air";

describe("editAccess", () => {
  it("refuses everyone the permission table refuses", () => {
    for (const role of ROLES) {
      expect(editAccess({ role, unitId: OWN }, { status: "RECTIFYING", leadUnitId: OWN }, false)).toEqual({
        kind: "none",
        reason: "forbidden",
      });
    }
  });

  it("gives the ledger keeper every field of any open problem", () => {
    for (const status of PROBLEM_STATUSES.filter((s) => s !== "CLOSED")) {
      expect(editAccess({ role: "COORDINATOR", unitId: null }, { status, leadUnitId: OTHER }, true)).toEqual({ kind: "full" });
    }
  });

  it("gives a division head only the plan fields, and only on problems their division leads", () => {
    expect(editAccess({ role: "DIVISION_HEAD", unitId: OWN }, { status: "RECTIFYING", leadUnitId: OWN }, true)).toEqual({
      kind: "limited",
      fields: DIVISION_HEAD_FIELDS,
    });
    expect(editAccess({ role: "DIVISION_HEAD", unitId: OWN }, { status: "RECTIFYING", leadUnitId: OTHER }, true)).toEqual({
      kind: "none",
      reason: "notLeadDivision",
    });
  });

  it("keeps a closed problem read-only for everyone", () => {
    expect(editAccess({ role: "COORDINATOR", unitId: null }, { status: "CLOSED", leadUnitId: OWN }, true)).toEqual({
      kind: "none",
      reason: "closed",
    });
    expect(editAccess({ role: "DIVISION_HEAD", unitId: OWN }, { status: "CLOSED", leadUnitId: OWN }, true)).toEqual({
      kind: "none",
      reason: "closed",
    });
  });
});

describe("disallowedFields", () => {
  it("lists exactly the fields outside a limited access", () => {
    const access = editAccess({ role: "DIVISION_HEAD", unitId: OWN }, { status: "ASSIGNED", leadUnitId: OWN }, true);
    expect(disallowedFields(access, ["target", "title", "lat", "leadOfficialId"])).toEqual(["title", "leadOfficialId"]);
    expect(disallowedFields(access, ["target", "coUnitIds"])).toEqual([]);
  });

  it("allows everything with full access and nothing without access", () => {
    expect(disallowedFields({ kind: "full" }, ["title", "code"])).toEqual([]);
    expect(disallowedFields({ kind: "none", reason: "closed" }, ["title"])).toEqual(["title"]);
  });
});
