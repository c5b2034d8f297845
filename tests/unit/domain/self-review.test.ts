import { describe, expect, it } from "vitest";
import {
  answerProblems,
  isSheetLate,
  lateStep,
  meanRating,
  RESPECT_OF,
  SELF_REVIEW_QUESTIONS,
  sheetAfter,
  sheetAllows,
  sheetProblems,
  textLength,
} from "@/lib/domain/self-review";

const good = { rating: 4, found: "一二三四五六七八九十", willDo: "" };

describe("rating rules", () => {
  it("a complete answer: rating 1–5, a finding of at least 10 characters (a Chinese character counts one)", () => {
    expect(answerProblems(good)).toEqual([]);
    expect(textLength("  一二三四五六七八九十  ")).toBe(10);
  });
  it.each([
    [null, ["ratingMissing"]],
    [0, ["ratingRange"]],
    [6, ["ratingRange"]],
    [2.5, ["ratingRange"]],
  ])("rating %s is refused", (rating, problems) => {
    expect(answerProblems({ ...good, rating, willDo: "会改" })).toEqual(problems);
  });
  it("a finding of 9 characters (spaces around not counted) is too short", () => {
    expect(answerProblems({ ...good, found: "  一二三四五六七八九  " })).toEqual(["foundTooShort"]);
  });
  it("a weak rating (3 or lower) needs what the unit will do; 4 and 5 do not", () => {
    expect(answerProblems({ ...good, rating: 3 })).toEqual(["willDoRequired"]);
    expect(answerProblems({ ...good, rating: 1, willDo: "   " })).toEqual(["willDoRequired"]);
    expect(answerProblems({ ...good, rating: 3, willDo: "本月整改" })).toEqual([]);
    expect(answerProblems({ ...good, rating: 5 })).toEqual([]);
  });
  it("a sheet needs all eight answers: missing ones are named", () => {
    const all = Object.fromEntries(SELF_REVIEW_QUESTIONS.map((q) => [q, good]));
    expect(sheetProblems(all)).toEqual({});
    const { PACE: _, ...seven } = all;
    expect(sheetProblems(seven)).toEqual({ PACE: ["ratingMissing", "foundTooShort"] });
  });
  it("each question sits in one of the three respects: four capability, two style, two responsibility", () => {
    const count = (r: string) => SELF_REVIEW_QUESTIONS.filter((q) => RESPECT_OF[q] === r).length;
    expect([count("CAPABILITY"), count("STYLE"), count("RESPONSIBILITY")]).toEqual([4, 2, 2]);
    expect(RESPECT_OF.STYLE).toBe("STYLE");
    expect(RESPECT_OF.RESULTS).toBe("RESPONSIBILITY");
  });
});

describe("round and sheet states", () => {
  it("a unit saves and submits while not submitted; a leader comments and returns only a submitted sheet", () => {
    expect(sheetAllows("OPEN", "NOT_STARTED", "save")).toBe(true);
    expect(sheetAllows("OPEN", "DRAFT", "submit")).toBe(true);
    expect(sheetAllows("OPEN", "RETURNED", "submit")).toBe(true);
    expect(sheetAllows("OPEN", "SUBMITTED", "save")).toBe(false);
    expect(sheetAllows("OPEN", "SUBMITTED", "submit")).toBe(false);
    expect(sheetAllows("OPEN", "SUBMITTED", "return")).toBe(true);
    expect(sheetAllows("OPEN", "SUBMITTED", "comment")).toBe(true);
    expect(sheetAllows("OPEN", "DRAFT", "return")).toBe(false);
    expect(sheetAllows("OPEN", "RETURNED", "comment")).toBe(false);
  });
  it("a closed round takes nothing", () => {
    for (const action of ["save", "submit", "comment", "return"] as const) {
      for (const s of ["NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED"] as const)
        expect(sheetAllows("CLOSED", s, action)).toBe(false);
    }
  });
  it("saving makes a draft but keeps a returned sheet returned; submitting and returning move it", () => {
    expect(sheetAfter("NOT_STARTED", "save")).toBe("DRAFT");
    expect(sheetAfter("DRAFT", "save")).toBe("DRAFT");
    expect(sheetAfter("RETURNED", "save")).toBe("RETURNED");
    expect(sheetAfter("RETURNED", "submit")).toBe("SUBMITTED");
    expect(sheetAfter("SUBMITTED", "return")).toBe("RETURNED");
    expect(sheetAfter("SUBMITTED", "comment")).toBe("SUBMITTED");
  });
  it("late: due day passed and not submitted (a returned sheet is not submitted); the due day itself is not late", () => {
    expect(isSheetLate("DRAFT", "2026-10-10", "2026-10-10")).toBe(false);
    expect(isSheetLate("DRAFT", "2026-10-10", "2026-10-11")).toBe(true);
    expect(isSheetLate("RETURNED", "2026-10-10", "2026-10-11")).toBe(true);
    expect(isSheetLate("SUBMITTED", "2026-10-10", "2026-12-01")).toBe(false);
  });
  it("late sheets are reminded, then escalated after the set number of days", () => {
    expect(lateStep(0, 15)).toBe("none");
    expect(lateStep(1, 15)).toBe("remind");
    expect(lateStep(15, 15)).toBe("remind");
    expect(lateStep(16, 15)).toBe("escalate");
  });
  it("mean of present ratings to one decimal", () => {
    expect(meanRating([4, 3, null, 3])).toBe(3.3);
    expect(meanRating([null, undefined])).toBeNull();
  });
});
