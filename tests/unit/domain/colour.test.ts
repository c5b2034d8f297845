import { describe, expect, it } from "vitest";
import { addDays, parseCalendarDate } from "@/lib/domain/calendar";
import { type ColourInput, colourGrade, plannedPercent } from "@/lib/domain/colour";
import { PROBLEM_STATUSES } from "@/lib/domain/enums";
import { SETTINGS_DEFAULTS } from "@/lib/domain/settings";

const day = (text: string) => parseCalendarDate(text) as Date;
const today = day("2026-06-15");
const settings = SETTINGS_DEFAULTS;

/** A problem assigned 100 days ago, due in 100 days: half its time has passed (planned 50 %). */
function input(over: Partial<ColourInput> = {}): ColourInput {
  return {
    status: "RECTIFYING",
    deadline: addDays(today, 100),
    startDate: addDays(today, -100),
    progress: 50,
    returnCount: 0,
    openMeasures: 2,
    ...over,
  };
}

const RUNNING = PROBLEM_STATUSES.filter((s) => s !== "CLOSED" && s !== "ONGOING");

describe("plannedPercent (序时进度)", () => {
  it("is the share of the time from start to deadline that has elapsed", () => {
    expect(plannedPercent(addDays(today, -100), addDays(today, 100), today)).toBe(50);
    expect(plannedPercent(addDays(today, -30), addDays(today, 90), today)).toBe(25);
    expect(plannedPercent(addDays(today, -1), addDays(today, 2), today)).toBe(33);
  });

  it("is 0 on the start day and before it, 100 on the deadline and after it", () => {
    expect(plannedPercent(today, addDays(today, 10), today)).toBe(0);
    expect(plannedPercent(addDays(today, 5), addDays(today, 10), today)).toBe(0);
    expect(plannedPercent(addDays(today, -10), today, today)).toBe(100);
    expect(plannedPercent(addDays(today, -10), addDays(today, -3), today)).toBe(100);
  });

  it("is null without a start or a deadline", () => {
    expect(plannedPercent(null, addDays(today, 10), today)).toBeNull();
    expect(plannedPercent(addDays(today, -10), null, today)).toBeNull();
  });

  it("counts from the Shanghai calendar day of the assignment instant", () => {
    // 2026-06-04T17:00Z is already 2026-06-05 in Shanghai: 10 of 20 days elapsed.
    expect(plannedPercent(new Date("2026-06-04T17:00:00Z"), day("2026-06-25"), today)).toBe(50);
  });

  it("a deadline on or before the start day is fully due from the start", () => {
    expect(plannedPercent(today, today, today)).toBe(100);
    expect(plannedPercent(today, addDays(today, -1), addDays(today, -2))).toBe(0);
  });
});

describe("colourGrade", () => {
  it("BLUE when closed, whatever else holds", () => {
    const g = colourGrade(
      input({ status: "CLOSED", deadline: addDays(today, -50), returnCount: 4, progress: 0 }),
      today,
      settings,
    );
    expect(g).toEqual({ colour: "BLUE", plannedPercent: null, reasons: ["closed"] });
  });

  it.each(RUNNING)("%s past its deadline is RED (overdue)", (status) => {
    expect(colourGrade(input({ status, deadline: addDays(today, -1), progress: 100 }), today, settings)).toMatchObject({
      colour: "RED",
      reasons: ["overdue"],
    });
  });

  it("due today is not yet overdue", () => {
    expect(colourGrade(input({ deadline: today, openMeasures: 0, progress: 100 }), today, settings).colour).toBe("GREEN");
  });

  it.each(RUNNING)("%s returned twice is RED", (status) => {
    expect(colourGrade(input({ status, returnCount: 2 }), today, settings)).toMatchObject({
      colour: "RED",
      reasons: ["returnedTwice"],
    });
    expect(colourGrade(input({ status, returnCount: 1 }), today, settings).colour).toBe("GREEN");
  });

  it("overdue and returned twice gives both reasons", () => {
    expect(colourGrade(input({ deadline: addDays(today, -3), returnCount: 3 }), today, settings).reasons).toEqual([
      "overdue",
      "returnedTwice",
    ]);
  });

  it("YELLOW when behind the planned pace by more than the margin", () => {
    expect(colourGrade(input({ progress: 39 }), today, settings)).toEqual({
      colour: "YELLOW",
      plannedPercent: 50,
      reasons: ["behindPace"],
    });
    expect(colourGrade(input({ progress: 40 }), today, settings)).toEqual({ colour: "GREEN", plannedPercent: 50, reasons: [] });
  });

  it("the margin is a setting", () => {
    expect(colourGrade(input({ progress: 49 }), today, { ...settings, paceMarginPct: 0 }).colour).toBe("YELLOW");
    expect(colourGrade(input({ progress: 25 }), today, { ...settings, paceMarginPct: 30 }).colour).toBe("GREEN");
  });

  it("YELLOW when due within the due-soon days with measures open", () => {
    const soon = input({ startDate: addDays(today, -300), deadline: addDays(today, 15), progress: 100, openMeasures: 1 });
    expect(colourGrade(soon, today, settings)).toMatchObject({ colour: "YELLOW", reasons: ["dueSoon"] });
    expect(colourGrade({ ...soon, deadline: addDays(today, 16) }, today, settings).colour).toBe("GREEN");
    expect(colourGrade({ ...soon, openMeasures: 0 }, today, settings).colour).toBe("GREEN");
    expect(colourGrade(soon, today, { ...settings, dueSoonDays: 10 }).colour).toBe("GREEN");
  });

  it("behind pace and due soon gives both reasons", () => {
    const g = colourGrade(input({ startDate: addDays(today, -90), deadline: addDays(today, 10), progress: 20 }), today, settings);
    expect(g).toEqual({ colour: "YELLOW", plannedPercent: 90, reasons: ["behindPace", "dueSoon"] });
  });

  it("before assignment there is no pace: GREEN unless due soon or overdue", () => {
    const registered = input({ status: "REGISTERED", startDate: null, progress: 0, openMeasures: 0 });
    expect(colourGrade(registered, today, settings)).toEqual({ colour: "GREEN", plannedPercent: null, reasons: [] });
    expect(colourGrade({ ...registered, deadline: addDays(today, -1) }, today, settings).colour).toBe("RED");
  });

  it("ONGOING problems have no deadline or pace: GREEN, RED only when returned twice", () => {
    const ongoing = input({ status: "ONGOING", deadline: null, progress: 0 });
    expect(colourGrade(ongoing, today, settings)).toEqual({ colour: "GREEN", plannedPercent: null, reasons: [] });
    expect(colourGrade({ ...ongoing, returnCount: 2 }, today, settings)).toEqual({
      colour: "RED",
      plannedPercent: null,
      reasons: ["returnedTwice"],
    });
  });

  it("an ONGOING problem is not judged on pace or due date even when an old deadline is still stored", () => {
    // Switched to 长期坚持 after rectification started: the start and a deadline 3 days ahead remain.
    const switched = input({ status: "ONGOING", deadline: addDays(today, 3), progress: 0 });
    expect(colourGrade(switched, today, settings)).toEqual({ colour: "GREEN", plannedPercent: null, reasons: [] });
  });

  it("every status gets exactly one colour with its reasons", () => {
    for (const status of PROBLEM_STATUSES) {
      const g = colourGrade(input({ status }), today, settings);
      expect(["BLUE", "GREEN", "YELLOW", "RED"]).toContain(g.colour);
      expect(g.reasons.length === 0).toBe(g.colour === "GREEN");
    }
  });
});
