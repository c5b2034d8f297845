import { z } from "zod";
import {
  EVIDENCE_KINDS,
  type EvidenceKindName,
  PROBLEM_CATEGORIES,
  type ProblemCategoryName,
  type ReviewStatusName,
} from "./enums";

/**
 * Closure materials (销号材料) differ by problem category: which evidence kinds a problem must
 * carry before it may apply for acceptance. Kept as a setting (`closureChecklist`); these are the
 * defaults until the bureau changes them.
 */
export type ClosureChecklistSetting = Record<ProblemCategoryName, EvidenceKindName[]>;

export const DEFAULT_CLOSURE_CHECKLIST: ClosureChecklistSetting = {
  WATER: ["BEFORE_PHOTO", "AFTER_PHOTO", "MONITORING_REPORT"],
  AIR: ["BEFORE_PHOTO", "AFTER_PHOTO", "MONITORING_REPORT"],
  SOIL: ["BEFORE_PHOTO", "AFTER_PHOTO", "MONITORING_REPORT"],
  SOLID_WASTE: ["BEFORE_PHOTO", "AFTER_PHOTO", "CONTRACT"],
  NOISE: ["BEFORE_PHOTO", "AFTER_PHOTO", "MONITORING_REPORT"],
  ECOLOGY: ["BEFORE_PHOTO", "AFTER_PHOTO"],
  RISK: ["BEFORE_PHOTO", "AFTER_PHOTO", "MEETING_MINUTES"],
  OTHER: ["AFTER_PHOTO"],
};

export const CLOSURE_CHECKLIST_KEY = "closureChecklist";

const kindList = z
  .array(z.enum(EVIDENCE_KINDS, { error: "v.invalidOption" }))
  .max(EVIDENCE_KINDS.length)
  .refine((kinds) => new Set(kinds).size === kinds.length, { error: "v.duplicate" });

/** A checklist setting: every category named, each with distinct evidence kinds (an empty list requires nothing). */
export const closureChecklistSchema = z
  .strictObject(Object.fromEntries(PROBLEM_CATEGORIES.map((c) => [c, kindList])) as Record<ProblemCategoryName, typeof kindList>)
  .meta({ id: "ClosureChecklist" });

/** The stored checklist over the defaults; a stored value that does not parse is ignored. */
export function mergeClosureChecklist(stored: unknown): ClosureChecklistSetting {
  if (stored === undefined || stored === null) return DEFAULT_CLOSURE_CHECKLIST;
  const parsed = closureChecklistSchema.safeParse(stored);
  return parsed.success ? (parsed.data as ClosureChecklistSetting) : DEFAULT_CLOSURE_CHECKLIST;
}

/**
 * One required kind and how it stands: MISSING (nothing, or only superseded items),
 * RETURNED (every current item was sent back), SUBMITTED (an item awaits review), ACCEPTED.
 */
export type ChecklistItemState = "MISSING" | "RETURNED" | "SUBMITTED" | "ACCEPTED";

export type ChecklistEvidence = { kind: EvidenceKindName; reviewStatus: ReviewStatusName; superseded: boolean };

export type ChecklistItem = { kind: EvidenceKindName; state: ChecklistItemState; count: number };

export type ChecklistResult = {
  items: ChecklistItem[];
  /** Kinds still lacking an item that was not returned: applying for acceptance is refused while any remain. */
  missing: EvidenceKindName[];
  /** Every required kind has an item not returned: the problem may apply for acceptance. */
  complete: boolean;
  /** Every required kind has an accepted item: acceptance may pass. */
  accepted: boolean;
};

/** How a problem's current (not superseded) evidence meets its category's checklist. */
export function evaluateChecklist(
  required: readonly EvidenceKindName[],
  evidence: readonly ChecklistEvidence[],
): ChecklistResult {
  const items = required.map((kind): ChecklistItem => {
    const current = evidence.filter((e) => e.kind === kind && !e.superseded);
    const state: ChecklistItemState = current.some((e) => e.reviewStatus === "ACCEPTED")
      ? "ACCEPTED"
      : current.some((e) => e.reviewStatus === "PENDING")
        ? "SUBMITTED"
        : current.length > 0
          ? "RETURNED"
          : "MISSING";
    return { kind, state, count: current.length };
  });
  const missing = items.filter((i) => i.state === "MISSING" || i.state === "RETURNED").map((i) => i.kind);
  return { items, missing, complete: missing.length === 0, accepted: items.every((i) => i.state === "ACCEPTED") };
}
