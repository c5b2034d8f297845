import { describe, expect, it } from "vitest";
import { parseCalendarDate } from "@/lib/domain/calendar";
import { DEADLINE_BANDS, PROBLEM_STATUSES, type ProblemStatusName } from "@/lib/domain/enums";
import { deadlineProblem, isOverdue, overdueDays, progressFromMeasures } from "@/lib/domain/problem-rules";

const day = (text: string) => parseCalendarDate(text) as Date;
const today = day("2026-06-15");

describe("isOverdue", () => {
  const running = PROBLEM_STATUSES.filter((s) => s !== "CLOSED" && s !== "ONGOING");

  it.each(running)("%s past its deadline is overdue, by the days since", (status) => {
    const p = { deadline: day("2026-06-10"), status };
    expect(isOverdue(p, today)).toBe(true);
    expect(overdueDays(p, today)).toBe(5);
  });

  it.each(running)("%s due today is not yet overdue", (status) => {
    const p = { deadline: today, status };
    expect(isOverdue(p, today)).toBe(false);
    expect(overdueDays(p, today)).toBe(0);
  });

  it.each(running)("%s due tomorrow is not overdue", (status) => {
    expect(isOverdue({ deadline: day("2026-06-16"), status }, today)).toBe(false);
  });

  it("a problem due yesterday is one day overdue", () => {
    expect(overdueDays({ deadline: day("2026-06-14"), status: "RECTIFYING" }, today)).toBe(1);
  });

  it.each<ProblemStatusName>(["CLOSED", "ONGOING"])("%s is never overdue, however old the deadline", (status) => {
    const p = { deadline: day("2020-01-01"), status };
    expect(isOverdue(p, today)).toBe(false);
    expect(overdueDays(p, today)).toBe(0);
  });

  it.each(PROBLEM_STATUSES)("%s without a deadline is never overdue", (status) => {
    expect(isOverdue({ deadline: null, status }, today)).toBe(false);
    expect(overdueDays({ deadline: null, status }, today)).toBe(0);
  });
});

describe("progressFromMeasures", () => {
  it("is 0 without measures", () => {
    expect(progressFromMeasures([])).toBe(0);
  });

  it("is the mean of the measures' percents", () => {
    expect(progressFromMeasures([{ percent: 100 }, { percent: 50 }, { percent: 0 }])).toBe(50);
    expect(progressFromMeasures([{ percent: 100 }])).toBe(100);
  });

  it("rounds half up to a whole percent", () => {
    expect(progressFromMeasures([{ percent: 100 }, { percent: 0 }, { percent: 0 }])).toBe(33);
    expect(progressFromMeasures([{ percent: 100 }, { percent: 100 }, { percent: 0 }])).toBe(67);
    expect(progressFromMeasures([{ percent: 1 }, { percent: 0 }])).toBe(1);
    expect(progressFromMeasures([{ percent: 99 }, { percent: 100 }])).toBe(100);
  });

  it("clamps each measure to 0–100 before averaging", () => {
    expect(progressFromMeasures([{ percent: 150 }, { percent: 50 }])).toBe(75);
    expect(progressFromMeasures([{ percent: -40 }, { percent: 60 }])).toBe(30);
    expect(progressFromMeasures([{ percent: 1000 }])).toBe(100);
  });
});

describe("deadlineProblem", () => {
  const bounded = DEADLINE_BANDS.filter((b) => b !== "ONGOING");

  it.each(bounded)("%s needs a deadline", (band) => {
    expect(deadlineProblem(band, null)).toBe("deadlineRequired");
    expect(deadlineProblem(band, day("2027-01-01"))).toBeNull();
  });

  it("ONGOING (长期坚持) must not have a deadline", () => {
    expect(deadlineProblem("ONGOING", null)).toBeNull();
    expect(deadlineProblem("ONGOING", day("2027-01-01"))).toBe("deadlineNotForOngoing");
  });
});
