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
  "reference.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "user.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "user.manage": ["ADMIN"],
  "evidence.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "evidence.upload": ["COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER"],
  "evidence.review": ["COORDINATOR"],
  "evidence.verify": ["ADMIN", "LEADER", "COORDINATOR"],
  "closure.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "objection.handle": ["COORDINATOR"],
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
};

export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  return !!actor && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new Forbidden();
}
