import type { Role } from "@prisma/client";
import { Forbidden } from "./errors";

/** The one permission table: which roles may attempt an action. Scope is applied in queries. */
export const PERMISSIONS = {
  "problem.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "problem.create": ["COORDINATOR"],
  "problem.update": ["COORDINATOR", "DIVISION_HEAD"],
  /** Bringing an office's spreadsheet ledger in (creates and updates problems): the ledger keeper only. */
  "problem.import": ["COORDINATOR"],
  /** The monthly dispatch briefing (调度简报) covers the whole city: for the roles that see all of it. */
  "briefing.read": ["ADMIN", "LEADER", "COORDINATOR", "VIEWER"],
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
  /** Eight-question self-review (八个方面反思): rounds are opened by the inspection office, answered by the units, reviewed by leaders. */
  "selfReview.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "selfReview.manage": ["COORDINATOR"],
  "selfReview.answer": ["DIVISION_HEAD", "FIELD_OFFICER"],
  "selfReview.review": ["LEADER"],
  "selfReview.raiseProblem": ["LEADER", "COORDINATOR"],
  /** Taihu safe summer (太湖安全度夏): points and thresholds, daily readings (field officers for their district's points). */
  "taihu.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "taihu.manage": ["ADMIN", "COORDINATOR"],
  "taihu.record": ["COORDINATOR", "FIELD_OFFICER"],
  /** Sudden environmental incidents (突发环境事件); field officers record and see their district's. */
  "incident.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "incident.record": ["COORDINATOR", "FIELD_OFFICER"],
  /** Enforcement (专项执法): the register is read by all (field officers: their district's); kept by the coordinators. */
  "enterprise.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "enterprise.manage": ["ADMIN", "COORDINATOR"],
  "campaign.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "campaign.manage": ["COORDINATOR"],
  "inspection.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  /** Field officers record inspections (their district's, or cross ones they take part in); coordinators organise cross and escalated ones. */
  "inspection.create": ["COORDINATOR", "FIELD_OFFICER"],
  "case.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "case.file": ["COORDINATOR", "FIELD_OFFICER"],
  "case.transition": ["COORDINATOR", "FIELD_OFFICER"],
  /** 立为台账问题: registering in the ledger is the coordinators' (as problem.create). */
  "case.openProblem": ["COORDINATOR"],
  "enforcement.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  /** Off-site enforcement (非现场执法): monitoring data and the clues it raises. */
  "monitoring.import": ["ADMIN", "COORDINATOR"],
  "clue.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "clue.assign": ["COORDINATOR", "DIVISION_HEAD"],
  "clue.dismiss": ["COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER"],
  /** Source control "422" of construction projects (建设项目源头管控). */
  "project.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "project.submit": ["COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER"],
  "project.check": ["COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER"],
  "project.review": ["LEADER", "COORDINATOR", "DIVISION_HEAD"],
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
  /** Downloading a list as XLSX/CSV (the rows the list shows the person, nothing more). */
  "listExport.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
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
