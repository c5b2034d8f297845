import { describe, expect, it } from "vitest";
import { type WaitingFacts, waitingItems } from "@/lib/domain/waiting";
import { milestonesBefore, missingFor, noticeMissing } from "@/lib/domain/workflow-missing";

const none: WaitingFacts = {
  transitions: [],
  closureSteps: [],
  mayDecidePlan: false,
  pendingPlans: 0,
  mayWritePlan: false,
  needsFirstPlan: false,
  mayDecideExtensions: false,
  pendingExtensions: 0,
  mayReviewEvidence: false,
  evidenceToReview: 0,
  mayHandleObjections: false,
  pendingObjections: 0,
  reportDue: null,
};

describe("waitingItems: what waits for the person, each with its section", () => {
  it("nothing waits → empty (the panel then says so)", () => {
    expect(waitingItems(none)).toEqual([]);
  });

  it("a pending plan waits only for the one who may decide it", () => {
    expect(waitingItems({ ...none, pendingPlans: 1 })).toEqual([]);
    expect(waitingItems({ ...none, pendingPlans: 1, mayDecidePlan: true })).toEqual([
      { kind: "PLAN_DECISION", count: 1, anchor: "s-plan" },
    ]);
  });

  it("lists every kind in the order of the work, with counts and anchors", () => {
    const items = waitingItems({
      transitions: ["APPLY_ACCEPTANCE", "LOOKBACK_REOPEN"],
      closureSteps: ["FAIL_ACCEPTANCE", "END_NOTICE", "SIGN_OFF"],
      mayDecidePlan: true,
      pendingPlans: 1,
      mayWritePlan: true,
      needsFirstPlan: true,
      mayDecideExtensions: true,
      pendingExtensions: 2,
      mayReviewEvidence: true,
      evidenceToReview: 3,
      mayHandleObjections: true,
      pendingObjections: 4,
      reportDue: { dueOn: "2026-12-01", daysLate: 2 },
    });
    expect(items.map((i) => [i.kind, i.count, i.anchor])).toEqual([
      ["WORKFLOW_STEP", 1, "s-workflow"],
      ["PLAN_DECISION", 1, "s-plan"],
      ["PLAN_TO_WRITE", 1, "s-plan"],
      ["EXTENSION_DECISION", 2, "s-extensions"],
      ["EVIDENCE_REVIEW", 3, "s-evidence"],
      ["ACCEPTANCE", 1, "s-closure"],
      ["OBJECTION", 4, "s-closure"],
      ["NOTICE_END", 1, "s-closure"],
      ["SIGN_OFF", 1, "s-closure"],
      ["REPORT_DUE", 1, "s-reports"],
    ]);
    // The look-back is never "waiting": it is a finding, not a duty.
    expect(items[0]?.actions).toEqual(["APPLY_ACCEPTANCE"]);
    expect(items.at(-1)).toMatchObject({ dueOn: "2026-12-01", daysLate: 2 });
  });

  it("evidence to review waits only for reviewers", () => {
    expect(waitingItems({ ...none, evidenceToReview: 5 })).toEqual([]);
  });
});

describe("missingFor: what a refused step lacks, as machine codes", () => {
  it("too early: every milestone still to pass", () => {
    expect(milestonesBefore("APPLY_ACCEPTANCE", "REGISTERED")).toEqual(["ASSIGNED", "PLAN_APPROVED"]);
    expect(milestonesBefore("SIGN_OFF", "RECTIFYING")).toEqual(["ACCEPTANCE_APPLIED", "ACCEPTANCE_PASSED", "NOTICE_ENDED"]);
    expect(milestonesBefore("END_NOTICE", "PENDING_ACCEPTANCE")).toEqual(["ACCEPTANCE_PASSED"]);
  });

  it("too late: the states the step starts from", () => {
    expect(milestonesBefore("ASSIGN", "RECTIFYING")).toEqual(["STATUS_REGISTERED"]);
  });

  it("the person, the guard, the evidence, the comment", () => {
    expect(missingFor("forbidden", "ASSIGN", "REGISTERED")).toEqual(["ROLE_COORDINATOR"]);
    expect(missingFor("notLeadOfficial", "SIGN_OFF", "PENDING_SIGNOFF")).toEqual(["LEAD_OFFICIAL"]);
    expect(missingFor("measuresOpen", "APPLY_ACCEPTANCE", "RECTIFYING")).toEqual(["MEASURES_DONE"]);
    expect(missingFor("checklistIncomplete", "APPLY_ACCEPTANCE", "RECTIFYING", ["AFTER_PHOTO", "MONITORING_REPORT"])).toEqual([
      "EVIDENCE_AFTER_PHOTO",
      "EVIDENCE_MONITORING_REPORT",
    ]);
    expect(missingFor("evidenceNotAccepted", "PASS_ACCEPTANCE", "PENDING_ACCEPTANCE", ["AFTER_PHOTO"])).toEqual([
      "EVIDENCE_ACCEPTED_AFTER_PHOTO",
    ]);
    expect(missingFor("commentRequired", "RETURN_SIGNOFF", "PENDING_SIGNOFF")).toEqual(["COMMENT"]);
    expect(noticeMissing("noticeRunning")).toEqual(["NOTICE_PERIOD_OVER"]);
  });
});
