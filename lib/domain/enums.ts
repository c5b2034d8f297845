/** Domain enums as plain arrays, importable by client components without the Prisma client. */
export const ROLES = ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"] as const;
export const UNIT_KINDS = ["BUREAU", "DIVISION", "AGENCY", "AFFILIATED", "DISTRICT_GOVERNMENT"] as const;
export const PROBLEM_SOURCES = [
  "CENTRAL_INSPECTION",
  "CENTRAL_LOOKBACK",
  "PROVINCIAL_INSPECTION",
  "WARNING_FILM",
  "PETITION",
  "ENFORCEMENT",
  "SELF_CHECK",
  "HAZARD_SWEEP",
  "OTHER",
] as const;
export const PROBLEM_CATEGORIES = ["WATER", "AIR", "SOIL", "SOLID_WASTE", "NOISE", "ECOLOGY", "RISK", "OTHER"] as const;
export const DEADLINE_BANDS = ["IMMEDIATE", "SHORT", "MID", "LONG", "ONGOING"] as const;
export const PROBLEM_STATUSES = [
  "REGISTERED",
  "ASSIGNED",
  "RECTIFYING",
  "PENDING_ACCEPTANCE",
  "PUBLIC_NOTICE",
  "PENDING_SIGNOFF",
  "CLOSED",
  "ONGOING",
] as const;
export const MEASURE_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE"] as const;
export const EVIDENCE_KINDS = [
  "BEFORE_PHOTO",
  "AFTER_PHOTO",
  "MONITORING_REPORT",
  "PENALTY_DECISION",
  "SHUTDOWN_CERTIFICATE",
  "CONTRACT",
  "MEETING_MINUTES",
  "OTHER",
] as const;
export const REVIEW_STATUSES = ["PENDING", "ACCEPTED", "RETURNED"] as const;
/** Why a reviewer sends evidence back; counted so the bureau sees why proof is returned. */
export const RETURN_REASONS = [
  "BLURRY",
  "NOT_ON_SITE",
  "WRONG_KIND",
  "INCOMPLETE",
  "NO_TIME_OR_PLACE",
  "SUSPECTED_FAKE",
  "OTHER",
] as const;

export type RoleName = (typeof ROLES)[number];
export type ProblemSourceName = (typeof PROBLEM_SOURCES)[number];
export type ProblemCategoryName = (typeof PROBLEM_CATEGORIES)[number];
export type DeadlineBandName = (typeof DEADLINE_BANDS)[number];
export type ProblemStatusName = (typeof PROBLEM_STATUSES)[number];
export type MeasureStatusName = (typeof MEASURE_STATUSES)[number];
export type EvidenceKindName = (typeof EVIDENCE_KINDS)[number];
export type ReviewStatusName = (typeof REVIEW_STATUSES)[number];
export type ReturnReasonName = (typeof RETURN_REASONS)[number];

export const ENTERPRISE_STATUSES = ["OPERATING", "STOPPED", "CLOSED"] as const;
export const ENTERPRISE_TAGS = ["VOCS_KEY", "CHEMICAL", "HEAVY_METAL", "CONSTRUCTION_SITE", "NEAR_SECTION"] as const;
