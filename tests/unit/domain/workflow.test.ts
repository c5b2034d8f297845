import { describe, expect, it } from "vitest";
import {
  DEADLINE_BANDS,
  type DeadlineBandName,
  PROBLEM_STATUSES,
  type ProblemStatusName,
  type RoleName,
} from "@/lib/domain/enums";
import {
  allowedActions,
  CLOSURE_ACTIONS,
  decide,
  PLAN_ACTIONS,
  planSubmitRefusal,
  TRANSITION_ACTIONS,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  type WorkflowActor,
  type WorkflowProblem,
} from "@/lib/domain/workflow";

const LEAD_UNIT = "unit-lead";
const OTHER_UNIT = "unit-other";
const LEAD_OFFICIAL = "leader-lead";

/** Everyone the workflow tells apart: each role, and for leaders and division heads their relation to the problem. */
const PEOPLE = {
  admin: { id: "admin", role: "ADMIN", unitId: null },
  leadOfficial: { id: LEAD_OFFICIAL, role: "LEADER", unitId: null },
  otherLeader: { id: "leader-other", role: "LEADER", unitId: null },
  coordinator: { id: "coordinator", role: "COORDINATOR", unitId: null },
  leadDivisionHead: { id: "head-lead", role: "DIVISION_HEAD", unitId: LEAD_UNIT },
  otherDivisionHead: { id: "head-other", role: "DIVISION_HEAD", unitId: OTHER_UNIT },
  // A field officer of the lead unit itself: the unit alone never grants a workflow step.
  fieldOfficer: { id: "officer", role: "FIELD_OFFICER", unitId: LEAD_UNIT },
  viewer: { id: "viewer", role: "VIEWER", unitId: null },
  // Still named as the problem's lead official, but no longer a leader (moved to another post):
  // the name alone never lets them decide.
  formerLeadOfficial: { id: LEAD_OFFICIAL, role: "VIEWER", unitId: null },
} satisfies Record<string, WorkflowActor & { role: RoleName }>;
type Who = keyof typeof PEOPLE;
const EVERYONE = Object.keys(PEOPLE) as Who[];

/**
 * DOMAIN.md's workflow written out independently of the implementation: each row is one legal
 * (action, from-state) pair, the state after it per band, and who takes it.
 */
type SpecRow = {
  action: WorkflowAction;
  from: ProblemStatusName;
  to: (band: DeadlineBandName) => ProblemStatusName;
  by: [Who, ...Who[]];
};
const to = (s: ProblemStatusName) => () => s;
const SPEC: SpecRow[] = [
  { action: "ASSIGN", from: "REGISTERED", to: to("ASSIGNED"), by: ["coordinator"] },
  {
    action: "APPROVE_PLAN",
    from: "ASSIGNED",
    to: (band) => (band === "ONGOING" ? "ONGOING" : "RECTIFYING"),
    by: ["leadOfficial"],
  },
  { action: "APPROVE_PLAN", from: "RECTIFYING", to: to("RECTIFYING"), by: ["leadOfficial"] },
  { action: "APPROVE_PLAN", from: "ONGOING", to: to("ONGOING"), by: ["leadOfficial"] },
  { action: "RETURN_PLAN", from: "ASSIGNED", to: to("ASSIGNED"), by: ["leadOfficial"] },
  { action: "RETURN_PLAN", from: "RECTIFYING", to: to("RECTIFYING"), by: ["leadOfficial"] },
  { action: "RETURN_PLAN", from: "ONGOING", to: to("ONGOING"), by: ["leadOfficial"] },
  { action: "APPLY_ACCEPTANCE", from: "RECTIFYING", to: to("PENDING_ACCEPTANCE"), by: ["leadDivisionHead", "coordinator"] },
  { action: "FAIL_ACCEPTANCE", from: "PENDING_ACCEPTANCE", to: to("RECTIFYING"), by: ["coordinator"] },
  { action: "PASS_ACCEPTANCE", from: "PENDING_ACCEPTANCE", to: to("PUBLIC_NOTICE"), by: ["coordinator"] },
  { action: "UPHOLD_OBJECTION", from: "PUBLIC_NOTICE", to: to("PENDING_ACCEPTANCE"), by: ["coordinator"] },
  { action: "END_NOTICE", from: "PUBLIC_NOTICE", to: to("PENDING_SIGNOFF"), by: ["coordinator"] },
  { action: "SIGN_OFF", from: "PENDING_SIGNOFF", to: to("CLOSED"), by: ["leadOfficial"] },
  { action: "RETURN_SIGNOFF", from: "PENDING_SIGNOFF", to: to("RECTIFYING"), by: ["leadOfficial"] },
  { action: "LOOKBACK_REOPEN", from: "CLOSED", to: to("RECTIFYING"), by: ["coordinator"] },
];

const SENDS_BACK: WorkflowAction[] = ["RETURN_PLAN", "FAIL_ACCEPTANCE", "UPHOLD_OBJECTION", "RETURN_SIGNOFF", "LOOKBACK_REOPEN"];
const COUNTS_AS_RETURN: WorkflowAction[] = ["RETURN_PLAN", "FAIL_ACCEPTANCE", "RETURN_SIGNOFF"];

function problem(
  status: ProblemStatusName,
  band: DeadlineBandName = "SHORT",
  over: Partial<WorkflowProblem> = {},
): WorkflowProblem {
  return { status, deadlineBand: band, leadOfficialId: LEAD_OFFICIAL, leadUnitId: LEAD_UNIT, ...over };
}

const READY = {
  measures: [{ status: "DONE" as const }, { status: "DONE" as const }],
  pendingPlan: true,
  checklist: { complete: true, accepted: true },
  comment: "现场复核未达标",
};
const COMPLETE = { complete: true, accepted: true };

/** The refusal a person outside `by` gets: a leader or division head of the right role but not this problem's, or the wrong role. */
function expectedRelationRefusal(who: Who, by: Who[]): string {
  if (who === "otherLeader" && by.includes("leadOfficial")) return "notLeadOfficial";
  if (who === "otherDivisionHead" && by.includes("leadDivisionHead")) return "notLeadDivision";
  return "forbidden";
}

describe("decide: every state × action × person × band", () => {
  const cases = PROBLEM_STATUSES.flatMap((status) =>
    WORKFLOW_ACTIONS.flatMap((action) =>
      EVERYONE.flatMap((who) => (["SHORT", "ONGOING"] as const).map((band) => ({ status, action, who, band }))),
    ),
  );

  it("covers all of them", () => {
    expect(cases).toHaveLength(PROBLEM_STATUSES.length * WORKFLOW_ACTIONS.length * EVERYONE.length * 2);
  });

  it.each(cases)("$action from $status by $who ($band)", ({ status, action, who, band }) => {
    const row = SPEC.find((r) => r.action === action && r.from === status);
    const d = decide(problem(status, band), action, PEOPLE[who], READY);
    if (!row) {
      expect(d).toEqual({ ok: false, action, reason: "illegalState" });
    } else if (!row.by.includes(who)) {
      expect(d).toEqual({ ok: false, action, reason: expectedRelationRefusal(who, row.by) });
    } else if (action === "APPLY_ACCEPTANCE" && band === "ONGOING") {
      expect(d).toEqual({ ok: false, action, reason: "ongoingNeverCloses" });
    } else {
      expect(d).toEqual({
        ok: true,
        action,
        from: status,
        to: row.to(band),
        countsAsReturn: COUNTS_AS_RETURN.includes(action),
        setsRelapse: action === "LOOKBACK_REOPEN",
        closes: action === "SIGN_OFF",
        starts: action === "ASSIGN",
      });
    }
  });
});

describe("allowedActions", () => {
  const cases = PROBLEM_STATUSES.flatMap((status) => EVERYONE.map((who) => ({ status, who })));

  it.each(cases)("in $status, $who may take exactly the actions of the table", ({ status, who }) => {
    const expected = SPEC.filter((r) => r.from === status && r.by.includes(who)).map((r) => r.action);
    expect(allowedActions(problem(status), PEOPLE[who], READY)).toEqual(WORKFLOW_ACTIONS.filter((a) => expected.includes(a)));
  });

  it("narrowed to the transitions endpoint's actions", () => {
    expect(allowedActions(problem("REGISTERED"), PEOPLE.coordinator, READY, TRANSITION_ACTIONS)).toEqual(["ASSIGN"]);
    expect(allowedActions(problem("ASSIGNED"), PEOPLE.leadOfficial, READY, TRANSITION_ACTIONS)).toEqual([]);
    expect(allowedActions(problem("RECTIFYING"), PEOPLE.leadDivisionHead, READY, TRANSITION_ACTIONS)).toEqual([
      "APPLY_ACCEPTANCE",
    ]);
    expect(allowedActions(problem("PENDING_ACCEPTANCE"), PEOPLE.coordinator, READY, TRANSITION_ACTIONS)).toEqual([]);
  });

  it("does not need the comment: a send-back is listed before its reason is written", () => {
    const noComment = { measures: READY.measures, pendingPlan: true, checklist: COMPLETE };
    expect(allowedActions(problem("PENDING_SIGNOFF"), PEOPLE.leadOfficial, noComment)).toEqual(["SIGN_OFF", "RETURN_SIGNOFF"]);
  });

  it("leaves out an action whose guard fails", () => {
    const open = {
      measures: [{ status: "DONE" as const }, { status: "IN_PROGRESS" as const }],
      pendingPlan: false,
      checklist: COMPLETE,
    };
    expect(allowedActions(problem("RECTIFYING"), PEOPLE.coordinator, open)).toEqual([]);
    expect(allowedActions(problem("ASSIGNED"), PEOPLE.leadOfficial, open)).toEqual([]);
  });

  it("offers applying for acceptance only with the checklist complete, and passing only with it accepted", () => {
    const submitted = { ...READY, checklist: { complete: true, accepted: false } };
    const missing = { ...READY, checklist: { complete: false, accepted: false } };
    expect(allowedActions(problem("RECTIFYING"), PEOPLE.coordinator, missing)).toEqual([]);
    expect(allowedActions(problem("RECTIFYING"), PEOPLE.coordinator, submitted)).toEqual(["APPLY_ACCEPTANCE"]);
    expect(allowedActions(problem("PENDING_ACCEPTANCE"), PEOPLE.coordinator, submitted)).toEqual(["FAIL_ACCEPTANCE"]);
    expect(allowedActions(problem("PENDING_ACCEPTANCE"), PEOPLE.coordinator, READY)).toEqual([
      "FAIL_ACCEPTANCE",
      "PASS_ACCEPTANCE",
    ]);
  });
});

describe("the action sets", () => {
  it("partition the actions: the endpoint's, the plan decisions and the closure half", () => {
    expect(TRANSITION_ACTIONS).toEqual(["ASSIGN", "APPLY_ACCEPTANCE"]);
    expect([...TRANSITION_ACTIONS, ...PLAN_ACTIONS, ...CLOSURE_ACTIONS].sort()).toEqual([...WORKFLOW_ACTIONS].sort());
  });

  it("every state but REGISTERED is reached by some action, and every state has a way on", () => {
    const reached = new Set(SPEC.flatMap((r) => DEADLINE_BANDS.map((b) => r.to(b))));
    expect(PROBLEM_STATUSES.filter((s) => !reached.has(s))).toEqual(["REGISTERED"]);
    const leaving = new Set(SPEC.map((r) => r.from));
    expect(PROBLEM_STATUSES.filter((s) => !leaving.has(s))).toEqual([]);
  });
});

describe("guards", () => {
  it("applying for acceptance needs every measure done", () => {
    const open = {
      measures: [{ status: "DONE" as const }, { status: "NOT_STARTED" as const }],
      pendingPlan: false,
      checklist: COMPLETE,
    };
    expect(decide(problem("RECTIFYING"), "APPLY_ACCEPTANCE", PEOPLE.leadDivisionHead, open)).toMatchObject({
      ok: false,
      reason: "measuresOpen",
    });
    const inProgress = { measures: [{ status: "IN_PROGRESS" as const }], pendingPlan: false, checklist: COMPLETE };
    expect(decide(problem("RECTIFYING"), "APPLY_ACCEPTANCE", PEOPLE.coordinator, inProgress)).toMatchObject({
      reason: "measuresOpen",
    });
  });

  it("applying for acceptance needs at least one measure", () => {
    expect(
      decide(problem("RECTIFYING"), "APPLY_ACCEPTANCE", PEOPLE.coordinator, {
        measures: [],
        pendingPlan: false,
        checklist: COMPLETE,
      }),
    ).toMatchObject({
      ok: false,
      reason: "noMeasures",
    });
  });

  it("applying for acceptance needs the closure checklist complete (items awaiting review count)", () => {
    for (const who of [PEOPLE.coordinator, PEOPLE.leadDivisionHead]) {
      const missing = { ...READY, checklist: { complete: false, accepted: false } };
      expect(decide(problem("RECTIFYING"), "APPLY_ACCEPTANCE", who, missing)).toEqual({
        ok: false,
        action: "APPLY_ACCEPTANCE",
        reason: "checklistIncomplete",
      });
      const awaitingReview = { ...READY, checklist: { complete: true, accepted: false } };
      expect(decide(problem("RECTIFYING"), "APPLY_ACCEPTANCE", who, awaitingReview)).toMatchObject({
        ok: true,
        to: "PENDING_ACCEPTANCE",
      });
    }
  });

  it("open measures are named before missing materials; a long-term problem before both", () => {
    const both = {
      measures: [{ status: "IN_PROGRESS" as const }],
      pendingPlan: false,
      checklist: { complete: false, accepted: false },
    };
    expect(decide(problem("RECTIFYING"), "APPLY_ACCEPTANCE", PEOPLE.coordinator, both)).toMatchObject({ reason: "measuresOpen" });
    expect(decide(problem("RECTIFYING", "ONGOING"), "APPLY_ACCEPTANCE", PEOPLE.coordinator, both)).toMatchObject({
      reason: "ongoingNeverCloses",
    });
  });

  it("acceptance passes only when every required kind carries accepted evidence; it may fail without", () => {
    const notAccepted = { ...READY, checklist: { complete: true, accepted: false } };
    expect(decide(problem("PENDING_ACCEPTANCE"), "PASS_ACCEPTANCE", PEOPLE.coordinator, notAccepted)).toEqual({
      ok: false,
      action: "PASS_ACCEPTANCE",
      reason: "evidenceNotAccepted",
    });
    expect(decide(problem("PENDING_ACCEPTANCE"), "FAIL_ACCEPTANCE", PEOPLE.coordinator, notAccepted)).toMatchObject({
      ok: true,
      to: "RECTIFYING",
    });
    // The person is checked before the evidence: a viewer learns nothing about the materials.
    expect(decide(problem("PENDING_ACCEPTANCE"), "PASS_ACCEPTANCE", PEOPLE.viewer, notAccepted)).toMatchObject({
      reason: "forbidden",
    });
  });

  it("a checklist not evaluated keeps both gates shut", () => {
    const { checklist: _c, ...unknown } = READY;
    expect(decide(problem("RECTIFYING"), "APPLY_ACCEPTANCE", PEOPLE.coordinator, unknown)).toMatchObject({
      reason: "checklistIncomplete",
    });
    expect(decide(problem("PENDING_ACCEPTANCE"), "PASS_ACCEPTANCE", PEOPLE.coordinator, unknown)).toMatchObject({
      reason: "evidenceNotAccepted",
    });
  });

  it.each(WORKFLOW_ACTIONS.filter((a) => a !== "APPLY_ACCEPTANCE" && a !== "PASS_ACCEPTANCE"))(
    "%s does not depend on the checklist",
    (action) => {
      const none = { ...READY, checklist: { complete: false, accepted: false } };
      for (const row of SPEC.filter((r) => r.action === action)) {
        expect(decide(problem(row.from), action, PEOPLE[row.by[0]], none).ok, `${action} from ${row.from}`).toBe(true);
      }
    },
  );

  it("assignment needs a lead official (who will approve the plan)", () => {
    expect(decide(problem("REGISTERED", "SHORT", { leadOfficialId: null }), "ASSIGN", PEOPLE.coordinator, READY)).toMatchObject({
      ok: false,
      reason: "noLeadOfficial",
    });
  });

  it("without a lead official no leader may take the lead official's steps", () => {
    const p = problem("PENDING_SIGNOFF", "SHORT", { leadOfficialId: null });
    expect(decide(p, "SIGN_OFF", PEOPLE.leadOfficial, READY)).toMatchObject({ ok: false, reason: "notLeadOfficial" });
  });

  it("a division head without a unit is never the lead division", () => {
    const p = problem("RECTIFYING", "SHORT", { leadUnitId: LEAD_UNIT });
    expect(decide(p, "APPLY_ACCEPTANCE", { id: "h", role: "DIVISION_HEAD", unitId: null }, READY)).toMatchObject({
      ok: false,
      reason: "notLeadDivision",
    });
  });

  it.each(PLAN_ACTIONS)("%s needs a plan awaiting decision", (action) => {
    expect(decide(problem("ASSIGNED"), action, PEOPLE.leadOfficial, { ...READY, pendingPlan: false })).toMatchObject({
      ok: false,
      reason: "noPendingPlan",
    });
  });

  const sendBacks = SPEC.filter((r) => SENDS_BACK.includes(r.action));
  it.each(sendBacks.flatMap((r) => ["", "   ", null, undefined].map((comment) => ({ ...r, comment }))))(
    "$action from $from without a reason ($comment) is refused",
    ({ action, from, by, comment }) => {
      expect(decide(problem(from), action, PEOPLE[by[0]], { ...READY, comment })).toEqual({
        ok: false,
        action,
        reason: "commentRequired",
      });
    },
  );

  it.each(SPEC.filter((r) => !SENDS_BACK.includes(r.action)))("$action from $from needs no comment", ({ action, from, by }) => {
    expect(decide(problem(from), action, PEOPLE[by[0]], { ...READY, comment: undefined }).ok).toBe(true);
  });

  it("checks the state before the person, and the person before the guard", () => {
    const open = { measures: [{ status: "IN_PROGRESS" as const }], pendingPlan: false, checklist: COMPLETE };
    expect(decide(problem("ASSIGNED"), "APPLY_ACCEPTANCE", PEOPLE.viewer, open)).toMatchObject({ reason: "illegalState" });
    expect(decide(problem("RECTIFYING"), "APPLY_ACCEPTANCE", PEOPLE.viewer, open)).toMatchObject({ reason: "forbidden" });
    expect(decide(problem("RECTIFYING"), "APPLY_ACCEPTANCE", PEOPLE.coordinator, open)).toMatchObject({ reason: "measuresOpen" });
  });
});

describe("planSubmitRefusal", () => {
  const AUTHORS: Who[] = ["leadDivisionHead", "coordinator"];
  const OPEN_STATES: ProblemStatusName[] = ["ASSIGNED", "RECTIFYING", "ONGOING"];
  const cases = PROBLEM_STATUSES.flatMap((status) =>
    EVERYONE.flatMap((who) => [false, true].map((pendingPlan) => ({ status, who, pendingPlan }))),
  );

  it.each(cases)("in $status by $who (pending plan: $pendingPlan)", ({ status, who, pendingPlan }) => {
    const refusal = planSubmitRefusal(problem(status), PEOPLE[who], { pendingPlan });
    if (!OPEN_STATES.includes(status)) expect(refusal).toBe("planNotInState");
    else if (!AUTHORS.includes(who)) expect(refusal).toBe(who === "otherDivisionHead" ? "notLeadDivision" : "forbidden");
    else expect(refusal).toBe(pendingPlan ? "planPending" : null);
  });
});
