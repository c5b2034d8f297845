import { describe, expect, it } from "vitest";
import { addDays, parseCalendarDate } from "@/lib/domain/calendar";
import { PROBLEM_STATUSES } from "@/lib/domain/enums";
import {
  dueEscalation,
  ESCALATION_LEVELS,
  type EscalationLevelName,
  escalationAudience,
  escalationKey,
  escalationKeyPrefix,
  escalationRank,
  isEscalatable,
  nextEscalation,
  planEscalation,
  reportCycleIndex,
} from "@/lib/domain/escalation";

const day = (s: string) => parseCalendarDate(s) as Date;
const DEADLINE = day("2026-06-30");
const SETTINGS = { reminderDaysBefore: 7, redOverdueDays: 15 };

describe("dueEscalation: the step a deadline calls for on a given day", () => {
  const cases: [string, EscalationLevelName][] = [
    ["2026-01-01", "NONE"],
    ["2026-06-22", "NONE"], // 8 days before
    ["2026-06-23", "REMINDED"], // 7 days before: the reminder day
    ["2026-06-29", "REMINDED"],
    ["2026-06-30", "YELLOW"], // the deadline day
    ["2026-07-01", "YELLOW"], // 1 day overdue
    ["2026-07-14", "YELLOW"], // 14 days overdue
    ["2026-07-15", "RED"], // 15 days overdue
    ["2027-06-30", "RED"],
  ];
  it.each(cases)("on %s → %s", (today, level) => {
    expect(dueEscalation(DEADLINE, day(today), SETTINGS)).toBe(level);
  });

  it("with no reminder days the reminder never comes before the deadline day", () => {
    const s = { reminderDaysBefore: 0, redOverdueDays: 15 };
    expect(dueEscalation(DEADLINE, day("2026-06-29"), s)).toBe("NONE");
    expect(dueEscalation(DEADLINE, day("2026-06-30"), s)).toBe("YELLOW");
  });

  it("with red after 0 overdue days, red comes the first overdue day, never on the deadline day", () => {
    const s = { reminderDaysBefore: 7, redOverdueDays: 0 };
    expect(dueEscalation(DEADLINE, day("2026-06-30"), s)).toBe("YELLOW");
    expect(dueEscalation(DEADLINE, day("2026-07-01"), s)).toBe("RED");
  });

  it("is monotonic: as days pass the step never goes down", () => {
    for (const s of [SETTINGS, { reminderDaysBefore: 0, redOverdueDays: 0 }, { reminderDaysBefore: 30, redOverdueDays: 1 }]) {
      let previous = 0;
      for (let d = -60; d <= 60; d++) {
        const rank = escalationRank(dueEscalation(DEADLINE, addDays(DEADLINE, d), s));
        expect(rank).toBeGreaterThanOrEqual(previous);
        previous = rank;
      }
    }
  });
});

describe("nextEscalation: the ladder only climbs, and only the highest due step is sent", () => {
  for (const current of ESCALATION_LEVELS) {
    for (const due of ESCALATION_LEVELS) {
      const expected = escalationRank(due) > escalationRank(current) ? due : null;
      it(`at ${current}, ${due} due → ${expected ?? "nothing"}`, () => {
        expect(nextEscalation(current, due)).toBe(expected);
      });
    }
  }
});

describe("planEscalation: stored level, whether it was reached for this deadline, due step", () => {
  it("climbs from the stored level when it belongs to this deadline", () => {
    expect(planEscalation("REMINDED", true, "YELLOW")).toEqual({ notice: "YELLOW", level: "YELLOW" });
    expect(planEscalation("YELLOW", true, "RED")).toEqual({ notice: "RED", level: "RED" });
  });

  it("sends nothing when the stored level is already the due one (a second run the same day)", () => {
    for (const level of ["REMINDED", "YELLOW", "RED"] as const) {
      expect(planEscalation(level, true, level)).toEqual({ notice: null, level });
    }
  });

  it("never goes down for the same deadline (e.g. looser settings)", () => {
    expect(planEscalation("RED", true, "YELLOW")).toEqual({ notice: null, level: "RED" });
    expect(planEscalation("YELLOW", true, "NONE")).toEqual({ notice: null, level: "YELLOW" });
  });

  it("starts again when the stored level belongs to an earlier deadline (the deadline moved)", () => {
    expect(planEscalation("RED", false, "NONE")).toEqual({ notice: null, level: "NONE" });
    expect(planEscalation("RED", false, "REMINDED")).toEqual({ notice: "REMINDED", level: "REMINDED" });
    expect(planEscalation("YELLOW", false, "YELLOW")).toEqual({ notice: "YELLOW", level: "YELLOW" });
  });

  it("from NONE sends the due step, whatever the armed flag says", () => {
    for (const armed of [true, false]) {
      expect(planEscalation("NONE", armed, "NONE")).toEqual({ notice: null, level: "NONE" });
      expect(planEscalation("NONE", armed, "RED")).toEqual({ notice: "RED", level: "RED" });
    }
  });
});

describe("who hears of each step", () => {
  it("reminder: the lead unit's heads only", () => {
    expect(escalationAudience("REMINDED")).toEqual({ unitHeads: true, leadOfficial: false, bureauHeads: false });
  });
  it("yellow notice: the lead official and the heads", () => {
    expect(escalationAudience("YELLOW")).toEqual({ unitHeads: true, leadOfficial: true, bureauHeads: false });
  });
  it("red notice: the bureau heads as well", () => {
    expect(escalationAudience("RED")).toEqual({ unitHeads: true, leadOfficial: true, bureauHeads: true });
  });
});

describe("which problems run on the ladder", () => {
  for (const status of PROBLEM_STATUSES) {
    const expected = status !== "CLOSED" && status !== "ONGOING";
    it(`${status} with a deadline → ${expected}`, () => {
      expect(isEscalatable({ status, deadline: DEADLINE })).toBe(expected);
    });
  }
  it("no deadline → never", () => {
    expect(isEscalatable({ status: "RECTIFYING", deadline: null })).toBe(false);
  });
});

describe("dedupe keys", () => {
  const id = "0b7c6f1e-4a1b-4c1d-9e2f-1234567890ab";
  it("name the problem, the deadline day and the step", () => {
    expect(escalationKey(id, DEADLINE, "YELLOW")).toBe(`escalation:${id}:2026-06-30:YELLOW`);
  });
  it("differ when the deadline moves, so an extension re-arms the ladder", () => {
    expect(escalationKey(id, DEADLINE, "RED")).not.toBe(escalationKey(id, day("2026-09-30"), "RED"));
  });
  it("every step's key of one deadline starts with the deadline's prefix, and no other deadline's", () => {
    for (const level of ["REMINDED", "YELLOW", "RED"] as const) {
      expect(escalationKey(id, DEADLINE, level).startsWith(escalationKeyPrefix(id, DEADLINE))).toBe(true);
      expect(escalationKey(id, DEADLINE, level).startsWith(escalationKeyPrefix(id, day("2026-06-03")))).toBe(false);
    }
  });
});

// Stryker: equivalent — `days < 0 ? 0` made `days <= 0 ? 0` gives the same 0 on the start day
// (0 ÷ cycle, rounded down, is 0).
describe("reportCycleIndex: late-report reminders once per cycle", () => {
  const due = day("2026-03-10");
  it.each([
    ["2026-03-01", 0],
    ["2026-03-10", 0],
    ["2026-03-19", 0],
    ["2026-03-20", 1],
    ["2026-03-29", 1],
    ["2026-03-30", 2],
  ])("%s → cycle %i with a 10-day cycle", (today, cycle) => {
    expect(reportCycleIndex(due, day(today), 10)).toBe(cycle);
  });
  it("a cycle of 0 days counts as 1", () => {
    expect(reportCycleIndex(due, day("2026-03-13"), 0)).toBe(3);
  });
});
