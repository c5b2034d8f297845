import { describe, expect, it } from "vitest";
import { MEASURE_STATUSES, PROBLEM_STATUSES, ROLES, type RoleName } from "@/lib/domain/enums";
import {
  completedAtFor,
  MEASURE_EDITABLE_STATUSES,
  mayManageMeasures,
  mayUpdateMeasure,
  measureDeletable,
  measureStatusFor,
  measuresEditable,
  reorderProblem,
} from "@/lib/domain/measure-rules";

const LEAD = "lead-unit";
const OWNER = "owner-unit";
const OTHER = "other-unit";
const DISTRICT = "district-1";
const problem = { leadUnitId: LEAD, districtId: DISTRICT };
const person = (role: RoleName, unitId: string | null = null, districtId: string | null = null) => ({ role, unitId, districtId });

describe("measureStatusFor", () => {
  it.each([
    [0, "NOT_STARTED"],
    [1, "IN_PROGRESS"],
    [50, "IN_PROGRESS"],
    [99, "IN_PROGRESS"],
    [100, "DONE"],
  ] as const)("%i %% → %s", (percent, status) => {
    expect(measureStatusFor(percent)).toBe(status);
  });
});

describe("completedAtFor", () => {
  const now = new Date("2026-06-15T03:00:00Z");
  const earlier = new Date("2026-06-01T03:00:00Z");

  it("reaching 100 % completes the measure now", () => {
    expect(completedAtFor(100, null, now)).toEqual(now);
  });
  it("a measure already done keeps its completion time", () => {
    expect(completedAtFor(100, earlier, now)).toEqual(earlier);
  });
  it.each([0, 1, 99])("dropping to %i %% clears the completion time", (percent) => {
    expect(completedAtFor(percent, earlier, now)).toBeNull();
    expect(completedAtFor(percent, null, now)).toBeNull();
  });
});

describe("measuresEditable", () => {
  it("measures change before and during rectification, and on long-term problems", () => {
    expect([...MEASURE_EDITABLE_STATUSES].sort()).toEqual(["ASSIGNED", "ONGOING", "RECTIFYING", "REGISTERED"]);
  });
  it.each(PROBLEM_STATUSES)("%s", (status) => {
    const readOnly = ["PENDING_ACCEPTANCE", "PUBLIC_NOTICE", "PENDING_SIGNOFF", "CLOSED"].includes(status);
    expect(measuresEditable(status)).toBe(!readOnly);
  });
});

describe("measureDeletable", () => {
  it.each(PROBLEM_STATUSES.flatMap((p) => MEASURE_STATUSES.map((m) => [p, m] as const)))(
    "problem %s, measure %s",
    (problemStatus, measureStatus) => {
      const expected = measureStatus === "NOT_STARTED" && measuresEditable(problemStatus);
      expect(measureDeletable({ status: measureStatus }, { status: problemStatus })).toBe(expected);
    },
  );
});

describe("mayManageMeasures", () => {
  it.each(ROLES)("%s without the permission may not", (role) => {
    expect(mayManageMeasures(person(role, LEAD, DISTRICT), problem, false)).toBe(false);
  });
  it("the coordinator may, whatever their unit", () => {
    expect(mayManageMeasures(person("COORDINATOR", OTHER), problem, true)).toBe(true);
    expect(mayManageMeasures(person("COORDINATOR"), problem, true)).toBe(true);
  });
  it("the head of the lead division may", () => {
    expect(mayManageMeasures(person("DIVISION_HEAD", LEAD), problem, true)).toBe(true);
  });
  it("the head of a co-operating or owning division may not", () => {
    expect(mayManageMeasures(person("DIVISION_HEAD", OWNER), problem, true)).toBe(false);
    expect(mayManageMeasures(person("DIVISION_HEAD", null), problem, true)).toBe(false);
  });
});

describe("mayUpdateMeasure", () => {
  const owned = { ownerUnitId: OWNER };
  const unowned = { ownerUnitId: null };

  it.each(ROLES)("%s without the permission may not", (role) => {
    expect(mayUpdateMeasure(person(role, OWNER, DISTRICT), problem, owned, false)).toBe(false);
  });
  it("the coordinator may", () => {
    expect(mayUpdateMeasure(person("COORDINATOR", OTHER), problem, unowned, true)).toBe(true);
  });
  it("a division head of the lead division or of the owning unit may; another may not", () => {
    expect(mayUpdateMeasure(person("DIVISION_HEAD", LEAD), problem, owned, true)).toBe(true);
    expect(mayUpdateMeasure(person("DIVISION_HEAD", OWNER), problem, owned, true)).toBe(true);
    expect(mayUpdateMeasure(person("DIVISION_HEAD", OTHER), problem, owned, true)).toBe(false);
    expect(mayUpdateMeasure(person("DIVISION_HEAD", null), problem, unowned, true)).toBe(false);
  });
  it("a field officer whose unit owns the measure may, wherever the problem is", () => {
    expect(mayUpdateMeasure(person("FIELD_OFFICER", OWNER, "elsewhere"), problem, owned, true)).toBe(true);
  });
  it("a field officer of the problem's district may", () => {
    expect(mayUpdateMeasure(person("FIELD_OFFICER", OTHER, DISTRICT), problem, unowned, true)).toBe(true);
  });
  it("a field officer of another unit and district may not, even of the lead unit's district elsewhere", () => {
    expect(mayUpdateMeasure(person("FIELD_OFFICER", OTHER, "elsewhere"), problem, owned, true)).toBe(false);
    expect(mayUpdateMeasure(person("FIELD_OFFICER", null, null), problem, unowned, true)).toBe(false);
  });
  it("an unowned measure is never 'owned' by a person without a unit", () => {
    expect(mayUpdateMeasure(person("DIVISION_HEAD", null), { leadUnitId: LEAD, districtId: DISTRICT }, unowned, true)).toBe(
      false,
    );
  });
});

describe("reorderProblem", () => {
  const existing = ["a", "b", "c"];
  it("any permutation is accepted", () => {
    expect(reorderProblem(["c", "a", "b"], existing)).toBeNull();
    expect(reorderProblem(["a", "b", "c"], existing)).toBeNull();
  });
  it("a repeated id is refused", () => {
    expect(reorderProblem(["a", "a", "b", "c"], existing)).toBe("measureOrderDuplicate");
    expect(reorderProblem(["a", "a", "b"], existing)).toBe("measureOrderDuplicate");
  });
  it("a missing, foreign or extra id is refused", () => {
    expect(reorderProblem(["a", "b"], existing)).toBe("measureOrderIncomplete");
    expect(reorderProblem(["a", "b", "x"], existing)).toBe("measureOrderIncomplete");
    expect(reorderProblem(["a", "b", "c", "x"], existing)).toBe("measureOrderIncomplete");
  });
  it("an empty problem takes only an empty order", () => {
    expect(reorderProblem([], [])).toBeNull();
    expect(reorderProblem(["a"], [])).toBe("measureOrderIncomplete");
  });
});
