import { describe, expect, it } from "vitest";
import {
  type CheckAnswer,
  checklistErrors,
  failureRanking,
  reviewVerdict,
  SOURCE_CONTROL_ITEMS,
} from "@/lib/domain/source-control";

const allMet: CheckAnswer[] = SOURCE_CONTROL_ITEMS.map((item) => ({ item, verdict: "MET", note: "" }));

describe("checklist", () => {
  it("a complete checklist has no errors", () => {
    expect(checklistErrors(allMet)).toEqual({});
  });
  it("NOT_APPLICABLE needs a reason, every item must be answered once", () => {
    const answers = allMet
      .slice(1)
      .map((a) => (a.item === "REUSE" ? { ...a, verdict: "NOT_APPLICABLE" as const, note: "  " } : a));
    answers.push({ item: "EQUIPMENT", verdict: "MET", note: "" });
    const errors = checklistErrors(answers);
    expect(Object.keys(errors).sort()).toEqual(["items.EQUIPMENT", "items.PROCESS", "items.REUSE.note"]);
    expect(errors["items.REUSE.note"]?.[0]).toContain("理由");
  });
});

describe("review", () => {
  const base = { reviewerId: "r", submitterId: "s", answers: allMet };
  it("passes with every item MET or NOT_APPLICABLE", () => {
    const answers = allMet.map((a) => (a.item === "REUSE" ? { ...a, verdict: "NOT_APPLICABLE" as const } : a));
    expect(reviewVerdict({ ...base, answers, pass: true })).toEqual({ ok: true });
  });
  it("a pass with NOT_MET items is refused naming them, in checklist order", () => {
    const answers = allMet.map((a) =>
      a.item === "MATERIALS" || a.item === "PROCESS" ? { ...a, verdict: "NOT_MET" as const } : a,
    );
    expect(reviewVerdict({ ...base, answers, pass: true })).toEqual({
      ok: false,
      reason: "NOT_MET",
      notMet: ["PROCESS", "MATERIALS"],
    });
    expect(reviewVerdict({ ...base, answers, pass: false })).toEqual({ ok: true });
  });
  it("a pass of an incomplete checklist is refused; the submitter never reviews", () => {
    expect(reviewVerdict({ ...base, answers: allMet.slice(0, 7), pass: true })).toEqual({
      ok: false,
      reason: "INCOMPLETE",
      missing: ["FACILITY_EFFICIENCY"],
    });
    expect(reviewVerdict({ ...base, reviewerId: "s", pass: false })).toEqual({ ok: false, reason: "SELF_REVIEW" });
  });
});

describe("failure ranking", () => {
  it("most-failed first, ties in checklist order, every item present", () => {
    const ranked = failureRanking([
      { item: "REUSE", notMet: 2 },
      { item: "PROCESS", notMet: 1 },
      { item: "REUSE", notMet: 1 },
      { item: "CONDITIONS", notMet: 1 },
    ]);
    expect(ranked.slice(0, 3)).toEqual([
      { item: "REUSE", notMet: 3 },
      { item: "PROCESS", notMet: 1 },
      { item: "CONDITIONS", notMet: 1 },
    ]);
    expect(ranked).toHaveLength(8);
  });
});
