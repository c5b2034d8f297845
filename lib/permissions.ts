import type { Role } from "@prisma/client";
import { Forbidden } from "./errors";

/** The one permission table: which roles may attempt an action. Scope is applied in queries. */
export const PERMISSIONS = {
  "problem.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "problem.create": ["COORDINATOR"],
  "problem.update": ["COORDINATOR", "DIVISION_HEAD"],
  "measure.update": ["COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER"],
  "measure.manage": ["COORDINATOR", "DIVISION_HEAD"],
  "workflow.transition": ["LEADER", "COORDINATOR", "DIVISION_HEAD"],
  "plan.submit": ["COORDINATOR", "DIVISION_HEAD"],
  "plan.decide": ["LEADER"],
  "report.create": ["COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER"],
  "extension.request": ["COORDINATOR", "DIVISION_HEAD"],
  "extension.decide": ["LEADER"],
  "notification.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "work.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "settings.manage": ["ADMIN"],
  "indicator.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "indicator.import": ["ADMIN", "COORDINATOR"],
  /** The water section register and its monthly results. */
  "section.manage": ["ADMIN", "COORDINATOR"],
  /** Annual targets (年度目标). */
  "target.manage": ["ADMIN", "COORDINATOR"],
  "reference.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "user.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "user.manage": ["ADMIN"],
  "evidence.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "evidence.upload": ["COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER"],
  "evidence.review": ["COORDINATOR"],
  "evidence.verify": ["ADMIN", "LEADER", "COORDINATOR"],
  "closure.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "objection.handle": ["COORDINATOR"],
  "penalty.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "penalty.evaluate": ["LEADER", "COORDINATOR"],
  "penalty.decide": ["LEADER"],
  "penalty.pay": ["COORDINATOR"],
  "penaltyRules.manage": ["ADMIN"],
  /** The photo signals of false rectification: for reviewers and supervisors, not the uploaders. */
  "evidence.signals.read": ["ADMIN", "LEADER", "COORDINATOR", "VIEWER"],
  "finding.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "finding.confirmFake": ["COORDINATOR"],
  "finding.recordPerfunctory": ["LEADER"],
  "finding.withdraw": ["LEADER"],
  "unit.manage": ["ADMIN"],
  "audit.read": ["ADMIN"],
  /** Hazard sweeps (隐患排查): everyone reads; coordinators open sweeps; officers and coordinators check targets on site. */
  "sweep.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "sweep.manage": ["COORDINATOR"],
  "sweep.check": ["COORDINATOR", "FIELD_OFFICER"],
  "hazard.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  /** Turning hazards into ledger problems registers problems: the ledger keepers' act. */
  "hazard.toProblem": ["COORDINATOR"],
  /** Closed chemical enterprises (退出化工企业): closure stages and re-checks (复查). */
  "closedEnterprise.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "closedEnterprise.record": ["COORDINATOR", "FIELD_OFFICER"],
  "closedEnterprise.recheck": ["COORDINATOR", "FIELD_OFFICER"],
  /** Parks' three-level prevention (三级防控): coordinators keep parks, plans and assessments; officers report progress and drills. */
  "park.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "park.manage": ["COORDINATOR"],
  "park.progress": ["COORDINATOR", "FIELD_OFFICER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export type Actor = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  districtId: string | null;
  locale: string;
  sessionId: string;
  /** Must set a new password before doing anything else (reset, new account or expired password). */
  mustChangePassword?: boolean;
};

export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  return !!actor && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new Forbidden();
}
