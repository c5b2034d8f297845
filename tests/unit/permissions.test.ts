import { describe, expect, it } from "vitest";
import { ROLES, type RoleName } from "@/lib/domain/enums";
import { Forbidden } from "@/lib/errors";
import { type Actor, authorize, can, PERMISSIONS, type Permission } from "@/lib/permissions";

/** The expected table, spelled out independently of lib/permissions.ts. */
const EXPECTED: Record<Permission, RoleName[]> = {
  "problem.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "problem.create": ["COORDINATOR"],
  "problem.update": ["COORDINATOR", "DIVISION_HEAD"],
  "problem.import": ["COORDINATOR"],
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
  "section.manage": ["ADMIN", "COORDINATOR"],
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
  "evidence.signals.read": ["ADMIN", "LEADER", "COORDINATOR", "VIEWER"],
  "finding.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "finding.confirmFake": ["COORDINATOR"],
  "finding.recordPerfunctory": ["LEADER"],
  "finding.withdraw": ["LEADER"],
  "unit.manage": ["ADMIN"],
  "audit.read": ["ADMIN"],
  "selfReview.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "selfReview.manage": ["COORDINATOR"],
  "selfReview.answer": ["DIVISION_HEAD", "FIELD_OFFICER"],
  "selfReview.review": ["LEADER"],
  "selfReview.raiseProblem": ["LEADER", "COORDINATOR"],
  "taihu.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "taihu.manage": ["ADMIN", "COORDINATOR"],
  "taihu.record": ["COORDINATOR", "FIELD_OFFICER"],
  "incident.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "incident.record": ["COORDINATOR", "FIELD_OFFICER"],
  "enterprise.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "enterprise.manage": ["ADMIN", "COORDINATOR"],
  "campaign.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "campaign.manage": ["COORDINATOR"],
  "inspection.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "inspection.create": ["COORDINATOR", "FIELD_OFFICER"],
  "case.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "case.file": ["COORDINATOR", "FIELD_OFFICER"],
  "case.transition": ["COORDINATOR", "FIELD_OFFICER"],
  "case.openProblem": ["COORDINATOR"],
  "enforcement.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "monitoring.import": ["ADMIN", "COORDINATOR"],
  "clue.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "clue.assign": ["COORDINATOR", "DIVISION_HEAD"],
  "clue.dismiss": ["COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER"],
  "project.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "project.submit": ["COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER"],
  "project.check": ["COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER"],
  "project.review": ["LEADER", "COORDINATOR", "DIVISION_HEAD"],
  "sweep.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "sweep.manage": ["COORDINATOR"],
  "sweep.check": ["COORDINATOR", "FIELD_OFFICER"],
  "hazard.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "hazard.toProblem": ["COORDINATOR"],
  "closedEnterprise.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "closedEnterprise.record": ["COORDINATOR", "FIELD_OFFICER"],
  "closedEnterprise.recheck": ["COORDINATOR", "FIELD_OFFICER"],
  "park.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
  "park.manage": ["COORDINATOR"],
  "park.progress": ["COORDINATOR", "FIELD_OFFICER"],
  "listExport.read": ["ADMIN", "LEADER", "COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER", "VIEWER"],
};

const actorOf = (role: RoleName): Actor => ({
  id: "00000000-0000-4000-8000-000000000001",
  username: "u",
  displayName: "U",
  role,
  unitId: null,
  districtId: null,
  locale: "zh-CN",
  sessionId: "00000000-0000-4000-8000-000000000002",
});

describe("permission table", () => {
  it("has exactly the expected permissions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cells = (Object.keys(EXPECTED) as Permission[]).flatMap((permission) =>
    ROLES.map((role) => ({ permission, role, allowed: EXPECTED[permission].includes(role) })),
  );

  it.each(cells)("$role × $permission → $allowed", ({ permission, role, allowed }) => {
    expect(can(actorOf(role), permission)).toBe(allowed);
    if (allowed) expect(() => authorize(actorOf(role), permission)).not.toThrow();
    else expect(() => authorize(actorOf(role), permission)).toThrow(Forbidden);
  });

  it("a viewer may never write", () => {
    const writes = (Object.keys(EXPECTED) as Permission[]).filter((p) => !p.endsWith(".read"));
    expect(writes.filter((p) => can(actorOf("VIEWER"), p))).toEqual([]);
  });

  it("without a signed-in person nothing is allowed", () => {
    for (const permission of Object.keys(EXPECTED) as Permission[]) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });
});
