import { describe, expect, it } from "vitest";
import {
  checkChecklist,
  closedSince,
  closureStageOf,
  deadlineBandFor,
  hazardColour,
  hazardIsOverdue,
  itemColour,
  itemPercent,
  itemStatus,
  type PlanItem,
  recheckedThisYear,
  rollUp,
  type StageRecord,
  stageRefusal,
  sweepProgress,
  sweepState,
  worstColour,
} from "@/lib/domain/bottom-line";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const today = d("2026-06-15");
const settings = { paceMarginPct: 10, dueSoonDays: 15 };

describe("checklist verdicts", () => {
  const items = ["a", "b", "c"];
  it("a complete checklist without FAIL is clear", () => {
    const r = checkChecklist(
      items,
      [
        { itemId: "a", verdict: "PASS" },
        { itemId: "b", verdict: "NOT_APPLICABLE" },
        { itemId: "c", verdict: "PASS" },
      ],
      today,
    );
    expect(r.issues).toEqual([]);
    expect(r.summary).toEqual({ pass: 2, fail: 0, notApplicable: 1, outcome: "CLEAR" });
  });
  it("a FAIL with level and deadline makes hazards", () => {
    const r = checkChecklist(
      items,
      [
        { itemId: "a", verdict: "FAIL", hazard: { level: "MAJOR", deadline: d("2026-07-01") } },
        { itemId: "b", verdict: "PASS" },
        { itemId: "c", verdict: "PASS" },
      ],
      today,
    );
    expect(r.issues).toEqual([]);
    expect(r.summary.outcome).toBe("HAZARDS");
    expect(r.summary.fail).toBe(1);
  });
  it("refuses a FAIL without hazard, a hazard on a PASS, a past deadline, unknown, repeated and missing items", () => {
    const r = checkChecklist(
      items,
      [
        { itemId: "a", verdict: "FAIL" },
        { itemId: "b", verdict: "PASS", hazard: { level: "GENERAL", deadline: d("2026-07-01") } },
        { itemId: "b", verdict: "FAIL", hazard: { level: "GENERAL", deadline: d("2026-06-14") } },
        { itemId: "x", verdict: "PASS" },
      ],
      today,
    );
    expect(r.issues).toEqual([
      { index: 0, field: "hazard", key: "hazardRequired" },
      { index: 1, field: "hazard", key: "hazardOnlyOnFail" },
      { index: 2, field: "itemId", key: "itemTwice" },
      { index: 2, field: "hazard.deadline", key: "deadlinePast" },
      { index: 3, field: "itemId", key: "unknownItem" },
      { index: null, field: "results", key: "itemsMissing" },
    ]);
  });
  it("a deadline of today is accepted", () => {
    const r = checkChecklist(["a"], [{ itemId: "a", verdict: "FAIL", hazard: { level: "SEVERE", deadline: today } }], today);
    expect(r.issues).toEqual([]);
  });
});

describe("hazards", () => {
  it("are coloured like problems before they become one", () => {
    const found = d("2026-06-01");
    expect(hazardColour({ deadline: d("2026-06-14"), createdAt: found, problem: null }, today, settings)).toBe("RED");
    expect(hazardColour({ deadline: d("2026-06-25"), createdAt: found, problem: null }, today, settings)).toBe("YELLOW");
    expect(hazardColour({ deadline: d("2026-12-31"), createdAt: found, problem: null }, today, settings)).toBe("GREEN");
  });
  it("take their problem's colour once they are one", () => {
    expect(
      hazardColour(
        { deadline: d("2026-06-14"), createdAt: today, problem: { status: "CLOSED", colour: "BLUE" } },
        today,
        settings,
      ),
    ).toBe("BLUE");
  });
  it("are overdue past the deadline until their problem closes", () => {
    expect(hazardIsOverdue({ deadline: d("2026-06-14"), problem: null }, today)).toBe(true);
    expect(hazardIsOverdue({ deadline: d("2026-06-15"), problem: null }, today)).toBe(false);
    expect(hazardIsOverdue({ deadline: d("2026-06-14"), problem: { status: "RECTIFYING" } }, today)).toBe(true);
    expect(hazardIsOverdue({ deadline: d("2026-06-14"), problem: { status: "CLOSED" } }, today)).toBe(false);
  });
  it("map their deadline to a ledger band", () => {
    expect(deadlineBandFor(d("2026-07-15"), today)).toBe("IMMEDIATE");
    expect(deadlineBandFor(d("2026-07-16"), today)).toBe("SHORT");
    expect(deadlineBandFor(d("2027-06-16"), today)).toBe("SHORT");
    expect(deadlineBandFor(d("2028-06-15"), today)).toBe("MID");
    expect(deadlineBandFor(d("2031-01-01"), today)).toBe("LONG");
  });
});

describe("sweep progress", () => {
  it("counts checked targets per district and in all, rounding down", () => {
    const r = sweepProgress([
      { districtId: "A", checked: true },
      { districtId: "A", checked: false },
      { districtId: "A", checked: false },
      { districtId: "B", checked: true },
    ]);
    expect(r.byDistrict).toEqual([
      { districtId: "A", total: 3, checked: 1, percent: 33 },
      { districtId: "B", total: 1, checked: 1, percent: 100 },
    ]);
    expect([r.total, r.checked, r.percent]).toEqual([4, 2, 50]);
    expect(sweepProgress([]).percent).toBe(0);
  });

  it("states a sweep by its window and its checked targets", () => {
    const sweep = { startsOn: "2026-06-01", endsOn: "2026-06-30" };
    expect(sweepState(sweep, { total: 3, checked: 0 }, "2026-05-31")).toBe("NOT_STARTED");
    expect(sweepState(sweep, { total: 3, checked: 0 }, "2026-06-01")).toBe("IN_PROGRESS");
    expect(sweepState(sweep, { total: 3, checked: 2 }, "2026-06-30")).toBe("IN_PROGRESS");
    expect(sweepState(sweep, { total: 3, checked: 2 }, "2026-07-01")).toBe("OVERDUE");
    expect(sweepState(sweep, { total: 3, checked: 3 }, "2026-06-10")).toBe("DONE");
    expect(sweepState(sweep, { total: 3, checked: 3 }, "2026-07-10")).toBe("DONE");
    // Nothing in view left to check (a district without targets) is done, never overdue.
    expect(sweepState(sweep, { total: 0, checked: 0 }, "2026-07-10")).toBe("DONE");
  });
});

describe("closure stage order", () => {
  const done = (stage: StageRecord["stage"], day: string): StageRecord => ({ stage, completedOn: d(day), skipped: false });
  const base = [done("STOPPED", "2024-01-10"), done("MATERIALS_CLEARED", "2024-02-10")];

  it("accepts the next stage in order", () => {
    expect(stageRefusal(base, { stage: "EQUIPMENT_DISMANTLED", completedOn: d("2024-03-01"), skipped: false })).toBeNull();
  });
  it("refuses a stage out of order, naming the first missing stage", () => {
    expect(stageRefusal(base, { stage: "VERIFIED", completedOn: d("2024-05-01"), skipped: false })).toEqual({
      key: "stageMissing",
      stage: "EQUIPMENT_DISMANTLED",
    });
    expect(stageRefusal([], { stage: "MATERIALS_CLEARED", completedOn: d("2024-05-01"), skipped: false })).toEqual({
      key: "stageMissing",
      stage: "STOPPED",
    });
  });
  it("refuses a stage twice", () => {
    expect(stageRefusal(base, { stage: "STOPPED", completedOn: d("2024-05-01"), skipped: false })?.key).toBe("stageRecorded");
  });
  it("lets only remediation be skipped, and only with a reason", () => {
    const upTo = [...base, done("EQUIPMENT_DISMANTLED", "2024-03-01"), done("SITE_INVESTIGATED", "2024-04-01")];
    expect(stageRefusal(upTo, { stage: "REMEDIATED", completedOn: null, skipped: true, skipReason: " " })?.key).toBe(
      "skipReasonRequired",
    );
    expect(
      stageRefusal(upTo, { stage: "REMEDIATED", completedOn: null, skipped: true, skipReason: "调查表明无需修复" }),
    ).toBeNull();
    expect(stageRefusal(base, { stage: "EQUIPMENT_DISMANTLED", completedOn: null, skipped: true, skipReason: "x" })?.key).toBe(
      "stageNotSkippable",
    );
    const skipped = [...upTo, { stage: "REMEDIATED" as const, completedOn: null, skipped: true }];
    expect(stageRefusal(skipped, { stage: "VERIFIED", completedOn: d("2024-04-01"), skipped: false })).toBeNull();
  });
  it("needs a date not before the last done stage", () => {
    expect(stageRefusal(base, { stage: "EQUIPMENT_DISMANTLED", completedOn: null, skipped: false })?.key).toBe("dateRequired");
    expect(stageRefusal(base, { stage: "EQUIPMENT_DISMANTLED", completedOn: d("2024-02-09"), skipped: false })).toEqual({
      key: "dateBeforePrevious",
      stage: "MATERIALS_CLEARED",
    });
  });
  it("tells the stage reached and the next one", () => {
    expect(closureStageOf([])).toEqual({ reached: null, next: "STOPPED", done: 0 });
    expect(closureStageOf(base)).toEqual({ reached: "MATERIALS_CLEARED", next: "EQUIPMENT_DISMANTLED", done: 2 });
  });
});

describe("closed firms and re-checks", () => {
  it("the window of the last N years starts on the same day N years back", () => {
    expect(closedSince(today, 5).toISOString().slice(0, 10)).toBe("2021-06-15");
  });
  it("a firm counts as re-checked only by a re-check dated this year", () => {
    expect(recheckedThisYear([{ checkedOn: d("2025-12-31") }], today)).toBe(false);
    expect(recheckedThisYear([{ checkedOn: d("2026-01-01") }], today)).toBe(true);
    expect(recheckedThisYear([], today)).toBe(false);
  });
});

describe("three-level prevention roll-ups and pace colours", () => {
  const item = (o: Partial<PlanItem>): PlanItem => ({
    level: "PARK",
    targetQty: 100,
    doneQty: 0,
    startOn: d("2026-01-01"),
    deadline: d("2026-12-31"),
    ...o,
  });
  it("status and percent follow done against target", () => {
    expect(itemStatus(item({ doneQty: 0 }))).toBe("PLANNED");
    expect(itemStatus(item({ doneQty: 1 }))).toBe("IN_PROGRESS");
    expect(itemStatus(item({ doneQty: 100 }))).toBe("DONE");
    expect(itemPercent(item({ doneQty: 150 }))).toBe(100);
    expect(itemPercent(item({ doneQty: 33, targetQty: 200 }))).toBe(16);
  });
  it("colours by pace: done BLUE, overdue RED, behind YELLOW, on pace GREEN", () => {
    // 2026-06-15 is 45 % of the year from Jan 1 to Dec 31.
    expect(itemColour(item({ doneQty: 100 }), today, settings)).toBe("BLUE");
    expect(itemColour(item({ deadline: d("2026-06-14") }), today, settings)).toBe("RED");
    expect(itemColour(item({ doneQty: 30 }), today, settings)).toBe("YELLOW");
    expect(itemColour(item({ doneQty: 40 }), today, settings)).toBe("GREEN");
  });
  it("rolls up per level: mean percent, items done, the worst colour", () => {
    const r = rollUp(
      [
        item({ level: "ENTERPRISE", doneQty: 100 }),
        item({ level: "ENTERPRISE", doneQty: 50 }),
        item({ level: "PARK", doneQty: 10 }),
      ],
      today,
      settings,
    );
    expect(r.levels).toEqual([
      { level: "ENTERPRISE", items: 2, done: 1, percent: 75, colour: "GREEN" },
      { level: "PARK", items: 1, done: 0, percent: 10, colour: "YELLOW" },
      { level: "WATER_BODY", items: 0, done: 0, percent: 0, colour: null },
    ]);
    expect(r.all).toEqual({ items: 3, done: 1, percent: 53, colour: "YELLOW" });
  });
  it("worst colour ranks RED over YELLOW over GREEN over BLUE", () => {
    expect(worstColour(["BLUE", "GREEN"])).toBe("GREEN");
    expect(worstColour(["RED", "YELLOW", "BLUE"])).toBe("RED");
    expect(worstColour([])).toBeNull();
  });
});
