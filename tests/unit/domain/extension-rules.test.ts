import { describe, expect, it } from "vitest";
import { formatCalendarDate, parseCalendarDate } from "@/lib/domain/calendar";
import { DEADLINE_BANDS, PROBLEM_STATUSES, ROLES } from "@/lib/domain/enums";
import {
  type ExtensionProblem,
  extendedDeadline,
  extensionApprovable,
  extensionRequestRefusal,
  mayDecideExtension,
  mayRequestExtension,
  newDeadlineProblem,
} from "@/lib/domain/extension-rules";

const day = (text: string) => parseCalendarDate(text) as Date;
const open: ExtensionProblem = {
  status: "RECTIFYING",
  deadlineBand: "SHORT",
  deadline: day("2026-06-30"),
  leadUnitId: "water",
  leadOfficialId: "leader-1",
};

describe("extensionRequestRefusal", () => {
  it("a running problem with a lead official and nothing pending may ask", () => {
    expect(extensionRequestRefusal(open, 0)).toBeNull();
  });

  it.each(PROBLEM_STATUSES)("status %s", (status) => {
    const expected = status === "CLOSED" ? "extensionClosed" : status === "ONGOING" ? "extensionOngoing" : null;
    expect(extensionRequestRefusal({ ...open, status }, 0)).toBe(expected);
  });

  it.each(DEADLINE_BANDS)("band %s", (band) => {
    const problem = { ...open, deadlineBand: band, deadline: band === "ONGOING" ? null : open.deadline };
    expect(extensionRequestRefusal(problem, 0)).toBe(band === "ONGOING" ? "extensionOngoing" : null);
  });

  it("a running problem switched to the ONGOING band has nothing to extend, even with its old deadline still stored", () => {
    expect(extensionRequestRefusal({ ...open, deadlineBand: "ONGOING" }, 0)).toBe("extensionOngoing");
  });

  it("a problem without a deadline has nothing to extend", () => {
    expect(extensionRequestRefusal({ ...open, deadline: null }, 0)).toBe("extensionOngoing");
  });

  it("nobody could decide without a lead official", () => {
    expect(extensionRequestRefusal({ ...open, leadOfficialId: null }, 0)).toBe("extensionNoLeadOfficial");
  });

  it("only one request may wait at a time", () => {
    expect(extensionRequestRefusal(open, 1)).toBe("extensionPending");
  });

  it("a closed problem is refused as closed before anything else", () => {
    expect(extensionRequestRefusal({ ...open, status: "CLOSED", leadOfficialId: null }, 1)).toBe("extensionClosed");
  });
});

describe("newDeadlineProblem", () => {
  const today = day("2026-06-15");
  it("a later date, not in the past, is fine", () => {
    expect(newDeadlineProblem(day("2026-07-01"), open.deadline as Date, today)).toBeNull();
  });
  it("the same or an earlier date is no extension", () => {
    expect(newDeadlineProblem(day("2026-06-30"), day("2026-06-30"), today)).toBe("extensionNotLater");
    expect(newDeadlineProblem(day("2026-06-29"), day("2026-06-30"), today)).toBe("extensionNotLater");
  });
  it("an overdue problem may not be 'extended' to a date already past", () => {
    expect(newDeadlineProblem(day("2026-06-10"), day("2026-06-01"), today)).toBe("extensionInPast");
  });
  it("today itself is allowed for an overdue problem", () => {
    expect(newDeadlineProblem(today, day("2026-06-01"), today)).toBeNull();
  });
});

describe("mayRequestExtension", () => {
  it.each(ROLES)("%s without the permission may not", (role) => {
    expect(mayRequestExtension({ id: "u", role, unitId: "water" }, open, false)).toBe(false);
  });
  it("the coordinator may", () => {
    expect(mayRequestExtension({ id: "u", role: "COORDINATOR", unitId: null }, open, true)).toBe(true);
  });
  it("only the head of the lead division among division heads", () => {
    expect(mayRequestExtension({ id: "u", role: "DIVISION_HEAD", unitId: "water" }, open, true)).toBe(true);
    expect(mayRequestExtension({ id: "u", role: "DIVISION_HEAD", unitId: "air" }, open, true)).toBe(false);
    expect(mayRequestExtension({ id: "u", role: "DIVISION_HEAD", unitId: null }, open, true)).toBe(false);
  });
});

// Stryker: equivalent — the `unitId !== null` in mayRequestExtension and the `leadOfficialId !== null`
// in mayDecideExtension guard comparisons with a string that is never null (the problem's lead unit,
// the actor's id): dropping them changes no answer. They stay to make the intent plain.
describe("mayDecideExtension", () => {
  it("the problem's own lead official decides", () => {
    expect(mayDecideExtension({ id: "leader-1", role: "LEADER", unitId: null }, open, true)).toBe(true);
  });
  it("another leader does not", () => {
    expect(mayDecideExtension({ id: "leader-2", role: "LEADER", unitId: null }, open, true)).toBe(false);
  });
  it("nobody decides for a problem without a lead official", () => {
    expect(mayDecideExtension({ id: "leader-1", role: "LEADER", unitId: null }, { leadOfficialId: null }, true)).toBe(false);
  });
  it.each(ROLES.filter((role) => role !== "LEADER"))(
    "a former lead official who is now %s may not, even if the caller's permission check let them through",
    (role) => {
      expect(mayDecideExtension({ id: "leader-1", role, unitId: null }, open, true)).toBe(false);
    },
  );
  it.each(ROLES)("%s without the permission may not, even named as lead official", (role) => {
    expect(mayDecideExtension({ id: "leader-1", role, unitId: null }, open, false)).toBe(false);
  });
});

describe("extensionApprovable", () => {
  it.each(PROBLEM_STATUSES)("status %s", (status) => {
    expect(extensionApprovable({ status, deadlineBand: "SHORT" })).toBe(status !== "CLOSED" && status !== "ONGOING");
  });
  it("a problem switched to the ONGOING band has no deadline to move", () => {
    expect(extensionApprovable({ status: "RECTIFYING", deadlineBand: "ONGOING" })).toBe(false);
  });
});

describe("extendedDeadline", () => {
  it("the first extension keeps the old deadline as the original", () => {
    const r = extendedDeadline({ deadline: day("2026-06-30"), originalDeadline: null, extensionCount: 0 }, day("2026-09-30"));
    expect(formatCalendarDate(r.deadline)).toBe("2026-09-30");
    expect(r.originalDeadline && formatCalendarDate(r.originalDeadline)).toBe("2026-06-30");
    expect(r.extensionCount).toBe(1);
    expect(r.escalation).toBe("NONE");
  });
  it("a later extension keeps the very first deadline and counts on", () => {
    const r = extendedDeadline(
      { deadline: day("2026-09-30"), originalDeadline: day("2026-06-30"), extensionCount: 1 },
      day("2026-12-31"),
    );
    expect(r.originalDeadline && formatCalendarDate(r.originalDeadline)).toBe("2026-06-30");
    expect(r.extensionCount).toBe(2);
  });
});
