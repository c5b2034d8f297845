/**
 * The eight-question self-review (八个方面反思): the questions, how they sit in the three respects
 * the bureau reflects on (capability, responsibility, style — 能力、责任、作风), the rules an
 * answer must meet, and the sheet's states.
 */

export const SELF_REVIEW_QUESTIONS = ["GOALS", "PROBLEMS", "PLAN", "MEASURES", "STYLE", "EFFORT", "PACE", "RESULTS"] as const;
export type SelfReviewQuestion = (typeof SELF_REVIEW_QUESTIONS)[number];

export const SELF_REVIEW_RESPECTS = ["CAPABILITY", "STYLE", "RESPONSIBILITY"] as const;
export type SelfReviewRespect = (typeof SELF_REVIEW_RESPECTS)[number];

/**
 * Each question belongs to one respect. Knowing the goal, the problem, the plan and the measures
 * is a matter of capability (能力); a solid style and a strong effort are style (作风); pace and
 * results are what a unit answers for (责任).
 */
export const RESPECT_OF: Record<SelfReviewQuestion, SelfReviewRespect> = {
  GOALS: "CAPABILITY",
  PROBLEMS: "CAPABILITY",
  PLAN: "CAPABILITY",
  MEASURES: "CAPABILITY",
  STYLE: "STYLE",
  EFFORT: "STYLE",
  PACE: "RESPONSIBILITY",
  RESULTS: "RESPONSIBILITY",
};

export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** What a unit found must say something: at least this many characters. */
export const FOUND_MIN_CHARS = 10;
/** A rating at or below this is weak: the unit must say what it will do about it. */
export const WEAK_RATING = 3;

export const SHEET_STATUSES = ["NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED"] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];
export type RoundStatus = "OPEN" | "CLOSED";

export type AnswerDraft = { rating: number | null; found: string; willDo: string };
export type AnswerProblem = "ratingMissing" | "ratingRange" | "foundTooShort" | "willDoRequired";

/** Characters as people count them (a Chinese character is one), ignoring surrounding spaces. */
export function textLength(s: string): number {
  return [...s.trim()].length;
}

/** What stops one answer from being submitted; empty when it is complete. */
export function answerProblems(a: AnswerDraft): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  if (a.rating === null) out.push("ratingMissing");
  else if (!Number.isInteger(a.rating) || a.rating < RATING_MIN || a.rating > RATING_MAX) out.push("ratingRange");
  if (textLength(a.found) < FOUND_MIN_CHARS) out.push("foundTooShort");
  if (a.rating !== null && a.rating <= WEAK_RATING && textLength(a.willDo) === 0) out.push("willDoRequired");
  return out;
}

/** Per question, what stops the sheet from being submitted (all eight answers are needed). */
export function sheetProblems(
  answers: Partial<Record<SelfReviewQuestion, AnswerDraft>>,
): Partial<Record<SelfReviewQuestion, AnswerProblem[]>> {
  const out: Partial<Record<SelfReviewQuestion, AnswerProblem[]>> = {};
  for (const q of SELF_REVIEW_QUESTIONS) {
    const a = answers[q] ?? { rating: null, found: "", willDo: "" };
    const problems = answerProblems(a);
    if (problems.length) out[q] = problems;
  }
  return out;
}

export type SheetAction = "save" | "submit" | "comment" | "return";

/** Which actions a sheet's state allows, while its round is open. A closed round takes nothing. */
export function sheetAllows(round: RoundStatus, sheet: SheetStatus, action: SheetAction): boolean {
  if (round !== "OPEN") return false;
  switch (action) {
    case "save":
    case "submit":
      return sheet !== "SUBMITTED";
    case "comment":
    case "return":
      return sheet === "SUBMITTED";
  }
}

/** The state after an allowed action. */
export function sheetAfter(sheet: SheetStatus, action: SheetAction): SheetStatus {
  switch (action) {
    case "save":
      // A returned sheet stays returned while the unit edits it, so the leader's reason stays in view.
      return sheet === "RETURNED" ? "RETURNED" : "DRAFT";
    case "submit":
      return "SUBMITTED";
    case "return":
      return "RETURNED";
    case "comment":
      return sheet;
  }
}

/** A sheet is late when the due day has passed and it is not submitted (a returned sheet counts as not submitted). */
export function isSheetLate(status: SheetStatus, dueOn: string, today: string): boolean {
  return status !== "SUBMITTED" && today > dueOn;
}

/**
 * The escalation step of a late sheet, like the progress-report ladder: a reminder to the unit
 * from the first late day, an escalation to the bureau heads after `escalateAfterDays` late days.
 */
export function lateStep(daysLate: number, escalateAfterDays: number): "none" | "remind" | "escalate" {
  if (daysLate <= 0) return "none";
  return daysLate > escalateAfterDays ? "escalate" : "remind";
}

/** Mean of the ratings present, rounded to one decimal; null when none. */
export function meanRating(ratings: readonly (number | null | undefined)[]): number | null {
  const xs = ratings.filter((r): r is number => typeof r === "number");
  if (xs.length === 0) return null;
  return Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
}
