import type { MeasureStatusName, ProblemStatusName, RoleName } from "./enums";

/**
 * Measures may change while the work is still being planned or done. Once a problem has applied
 * for acceptance (and through notice, sign-off and closure) its measures are the record being
 * checked, so they are read-only until the problem is sent back to RECTIFYING.
 */
export const MEASURE_EDITABLE_STATUSES: readonly ProblemStatusName[] = ["REGISTERED", "ASSIGNED", "RECTIFYING", "ONGOING"];

export function measuresEditable(status: ProblemStatusName): boolean {
  return MEASURE_EDITABLE_STATUSES.includes(status);
}

/** A measure's status follows its percent: 0 not started, 1–99 in progress, 100 done. */
export function measureStatusFor(percent: number): MeasureStatusName {
  if (percent >= 100) return "DONE";
  return percent > 0 ? "IN_PROGRESS" : "NOT_STARTED";
}

/**
 * When the measure counts as completed after a percent change: kept when it was already done,
 * set to `now` when it reaches 100, cleared when it drops below.
 */
export function completedAtFor(percent: number, previous: Date | null, now: Date): Date | null {
  if (percent < 100) return null;
  return previous ?? now;
}

/** Only a measure nobody has started may be deleted, and only while the problem is not past RECTIFYING. */
export function measureDeletable(measure: { status: MeasureStatusName }, problem: { status: ProblemStatusName }): boolean {
  return measure.status === "NOT_STARTED" && measuresEditable(problem.status);
}

export type MeasureActor = { role: RoleName; unitId: string | null; districtId: string | null };
export type MeasureProblem = { leadUnitId: string; districtId: string };

/**
 * Who may add, edit, reorder and delete the measures of a visible problem (`mayManage` is the
 * permission-table answer for `measure.manage`): the coordinator, or the head of the lead division.
 */
export function mayManageMeasures(actor: MeasureActor, problem: MeasureProblem, mayManage: boolean): boolean {
  if (!mayManage) return false;
  if (actor.role === "DIVISION_HEAD") return actor.unitId !== null && actor.unitId === problem.leadUnitId;
  return true;
}

/**
 * Who may record progress on (or complete) one measure (`mayUpdate` answers `measure.update`):
 * the coordinator; a division head of the lead division or of the owning unit; a field officer
 * whose unit owns the measure or whose district the problem is in.
 */
export function mayUpdateMeasure(
  actor: MeasureActor,
  problem: MeasureProblem,
  measure: { ownerUnitId: string | null },
  mayUpdate: boolean,
): boolean {
  if (!mayUpdate) return false;
  const ownsMeasure = actor.unitId !== null && actor.unitId === measure.ownerUnitId;
  switch (actor.role) {
    case "DIVISION_HEAD":
      return ownsMeasure || (actor.unitId !== null && actor.unitId === problem.leadUnitId);
    case "FIELD_OFFICER":
      return ownsMeasure || (actor.districtId !== null && actor.districtId === problem.districtId);
    default:
      return true;
  }
}

/**
 * A new order must name every measure of the problem exactly once. Returns the i18n key of the
 * problem with `ids`, or null when it is a permutation of `existing`.
 */
export function reorderProblem(ids: readonly string[], existing: readonly string[]): string | null {
  if (new Set(ids).size !== ids.length) return "measureOrderDuplicate";
  const known = new Set(existing);
  if (ids.length !== existing.length || ids.some((id) => !known.has(id))) return "measureOrderIncomplete";
  return null;
}
