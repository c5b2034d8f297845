import type { District, Enterprise } from "@prisma/client";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  addPreventionItemAction,
  hazardsToProblemsAction,
  recordAssessmentAction,
  recordCheckAction,
  recordDrillAction,
  recordRecheckAction,
  recordStageAction,
  updatePreventionItemAction,
} from "@/app/(app)/bottom-line/actions";
import { assignClueAction, dismissClueAction } from "@/app/(app)/enforcement/clues/actions";
import { createProjectAction, reviewProjectAction, saveChecklistAction } from "@/app/(app)/enforcement/projects/actions";
import { db } from "@/lib/db";
import { formatCalendarDate } from "@/lib/domain/calendar";
import { SOURCE_CONTROL_ITEMS } from "@/lib/domain/source-control";
import type { ActionResult } from "@/lib/schemas/action-result";
import { calendarDay, createEnterprise, uniqueSuffix } from "../factories";
import { type RunAs, WHO, type Who, worldWithSessions } from "../support/action-roles";
import { withCookie } from "../support/cookie-session";
import type { World } from "../support/world";

/**
 * The enforcement pages' (source control "422", off-site clues) and the bottom line's (hazard
 * sweeps, closed chemical enterprises, parks' three-level prevention) server actions, called as
 * each role would from a browser (a real session cookie). Who may do what is pinned here from the
 * permission table and the README, not read from the code: an allowed person's call is done, leaves
 * its record and an audit row naming them; everyone else is refused and nothing is written. Field
 * officers act only on their own district's records (district B's answers as missing) — division
 * heads are not narrowed to their unit here, as projects, clues and the bottom line carry no
 * division (README: "division heads, the coordinator" submit, review and assign); invalid
 * input answers with field errors and writes nothing; a refused role is refused before its input is
 * even looked at. The foreign-Origin refusal of every action is in
 * tests/unit/server/server-actions-inventory.test.ts.
 */
vi.unmock("@/lib/auth/next-auth");
vi.mock("next/headers", async () => (await import("../support/cookie-session")).nextHeaders);
/** The pages an action asked to refresh: a done action refreshes its pages, a refused one none. */
const refreshed = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => refreshed.push(path) }));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "zh-CN",
  getTranslations: async () => (key: string) => key,
}));

let world: World;
let as: RunAs;
let seriesA: number;
let seriesB: number;
let sweepId: string;
let itemId: string;
let parkA: string;
let parkB: string;

const day = (offset: number) => formatCalendarDate(calendarDay(offset));

beforeAll(async () => {
  ({ world, as } = await worldWithSessions());
  const series = async (d: District) => {
    const firm = await createEnterprise(db, { districtId: d.id, name: `在线监测企业${uniqueSuffix()}` });
    const outlet = await db.monitoringOutlet.create({ data: { enterpriseId: firm.id, code: `DW-${uniqueSuffix()}` } });
    return (await db.monitoringSeries.create({ data: { outletId: outlet.id, pollutant: "COD", unit: "mg/L" } })).id;
  };
  seriesA = await series(world.districtA);
  seriesB = await series(world.districtB);
  const template = await db.sweepTemplate.create({
    data: { name: `动作矩阵清单${world.tag}`, items: { create: [{ position: 1, title: "应急池是否满足容积" }] } },
    include: { items: true },
  });
  itemId = template.items[0]?.id as string;
  sweepId = (
    await db.sweep.create({
      data: { title: `动作矩阵排查${world.tag}`, templateId: template.id, startsOn: calendarDay(-3), endsOn: calendarDay(30) },
    })
  ).id;
  parkA = (
    await db.park.create({ data: { name: `动作矩阵园区甲${world.tag}`, kind: "CHEMICAL_PARK", districtId: world.districtA.id } })
  ).id;
  parkB = (
    await db.park.create({ data: { name: `动作矩阵园区乙${world.tag}`, kind: "CHEMICAL_PARK", districtId: world.districtB.id } })
  ).id;
});

/** What a server action answers, with a redirect (a create that opens the new record's page) counted as done. */
async function settle(work: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    return await work();
  } catch (e) {
    if (String((e as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return { ok: true };
    throw e;
  }
}

// ── fixtures: one fresh record per call, in district A (or B for the scope checks) ──

type Side = "A" | "B";
const district = (side: Side) => (side === "A" ? world.districtA : world.districtB);

/** A record an action works on: its id, how to read everything the action could change, and the audited entity. */
type Fixture = { id: string; extra?: string; state: () => Promise<unknown>; audited: () => Promise<string[]> };

const auditCount = (ids: string[]) => db.auditLog.count({ where: { entityId: { in: ids } } });

async function project(side: Side, submittedById = world.officerA.user.id): Promise<Fixture> {
  const p = await db.constructionProject.create({
    data: {
      name: `动作矩阵项目${uniqueSuffix()}`,
      districtId: district(side).id,
      reportForm: "REPORT_TABLE",
      stage: "报告编制",
      submittedById,
    },
  });
  return {
    id: p.id,
    state: async () => ({
      project: await db.constructionProject.findUniqueOrThrow({ where: { id: p.id }, select: { status: true, version: true } }),
      checks: await db.sourceControlCheck.count({ where: { projectId: p.id } }),
      reviews: await db.projectReview.count({ where: { projectId: p.id } }),
      audit: await auditCount([p.id]),
    }),
    audited: async () => [p.id],
  };
}

/** A project to be submitted: nothing exists yet; the name finds it afterwards. */
async function newProject(side: Side): Promise<Fixture> {
  const name = `动作矩阵报送${uniqueSuffix()}`;
  const made = () => db.constructionProject.findMany({ where: { name }, select: { id: true } });
  return {
    id: name,
    extra: district(side).id,
    state: async () => ({ projects: (await made()).length }),
    audited: async () => (await made()).map((p) => p.id),
  };
}

let clueHour = 0;
async function clue(side: Side, assigneeId: string | null = null): Promise<Fixture> {
  clueHour += 12;
  const windowStart = new Date(Date.UTC(2026, 0, 1) + clueHour * 3_600_000);
  const c = await db.clue.create({
    data: {
      seriesId: side === "A" ? seriesA : seriesB,
      districtId: district(side).id,
      rule: "EXCEEDANCE",
      windowStart,
      windowEnd: new Date(windowStart.getTime() + 6 * 3_600_000),
      hours: 6,
      peak: 80,
      limit: 50,
      ...(assigneeId ? { status: "ASSIGNED" as const, assigneeId, assignedAt: new Date() } : {}),
    },
  });
  return {
    id: c.id,
    state: async () => ({
      clue: await db.clue.findUniqueOrThrow({
        where: { id: c.id },
        select: { status: true, assigneeId: true, dismissReason: true, version: true },
      }),
      audit: await auditCount([c.id]),
    }),
    audited: async () => [c.id],
  };
}

/** A sweep target (an enterprise of the district) not yet checked. */
async function target(side: Side): Promise<Fixture> {
  const firm = await createEnterprise(db, { districtId: district(side).id, tags: ["CHEMICAL"] });
  const t = await db.sweepTarget.create({ data: { sweepId, enterpriseId: firm.id, districtId: district(side).id } });
  return {
    id: t.id,
    state: async () => ({
      target: await db.sweepTarget.findUniqueOrThrow({ where: { id: t.id }, select: { checkedAt: true, checkedById: true } }),
      results: await db.sweepItemResult.count({ where: { targetId: t.id } }),
      hazards: await db.hazard.count({ where: { targetId: t.id } }),
      audit: await auditCount([t.id]),
    }),
    audited: async () => [t.id],
  };
}

/** A hazard found on a target (a failed item), not yet a ledger problem. */
async function hazard(side: Side): Promise<Fixture> {
  const firm = await createEnterprise(db, { districtId: district(side).id, tags: ["CHEMICAL"] });
  const t = await db.sweepTarget.create({
    data: {
      sweepId,
      enterpriseId: firm.id,
      districtId: district(side).id,
      checkedAt: new Date(),
      checkedById: world.officerA.user.id,
    },
  });
  const result = await db.sweepItemResult.create({ data: { targetId: t.id, itemId, verdict: "FAIL", note: "应急池容积不足" } });
  const h = await db.hazard.create({
    data: {
      resultId: result.id,
      sweepId,
      targetId: t.id,
      districtId: district(side).id,
      enterpriseId: firm.id,
      level: "MAJOR",
      deadline: calendarDay(60),
      description: "应急池容积不足",
    },
  });
  const problemId = async () => (await db.hazard.findUniqueOrThrow({ where: { id: h.id } })).problemId;
  return {
    id: h.id,
    state: async () => ({
      problemId: await problemId(),
      problems: await db.problem.count({ where: { enterpriseId: firm.id } }),
      audit: await auditCount([h.id]),
    }),
    audited: async () => [h.id, (await problemId()) ?? ""],
  };
}

/** A chemical enterprise closed a year ago (within the five years the register follows). */
async function closedFirm(side: Side): Promise<Fixture> {
  const firm: Enterprise = await createEnterprise(db, {
    districtId: district(side).id,
    tags: ["CHEMICAL"],
    status: "CLOSED",
    closedOn: calendarDay(-365),
  });
  return {
    id: firm.id,
    state: async () => ({
      stages: await db.closureStageRecord.count({ where: { enterpriseId: firm.id } }),
      rechecks: await db.closedEnterpriseRecheck.count({ where: { enterpriseId: firm.id } }),
      audit: await auditCount([firm.id]),
    }),
    audited: async () => [firm.id],
  };
}

/** A park of the district with one plan item of its own (fresh, version 1); the park's writes are counted. */
async function park(side: Side): Promise<Fixture> {
  const parkId = side === "A" ? parkA : parkB;
  const item = await db.preventionItem.create({
    data: {
      parkId,
      level: "PARK",
      kind: "DRILL",
      name: `园区应急演练${uniqueSuffix()}`,
      targetQty: 4,
      startOn: calendarDay(-30),
      deadline: calendarDay(300),
    },
  });
  return {
    id: parkId,
    extra: item.id,
    state: async () => ({
      items: await db.preventionItem.findMany({
        where: { parkId },
        orderBy: { id: "asc" },
        select: { id: true, doneQty: true, version: true },
      }),
      assessments: await db.parkAssessment.count({ where: { parkId } }),
      drills: await db.parkDrill.count({ where: { parkId } }),
      audit: await db.auditLog.count({
        where: { entityType: { in: ["Park", "PreventionItem"] }, entityId: { in: [parkId, item.id] } },
      }),
    }),
    audited: async () => [
      parkId,
      item.id,
      ...(await db.preventionItem.findMany({ where: { parkId }, select: { id: true } })).map((i) => i.id),
    ],
  };
}

const checklist = (verdict = "MET") => ({
  items: SOURCE_CONTROL_ITEMS.map((item) => ({ item, verdict, note: "" })),
  version: 1,
});

type Case = {
  name: string;
  /** Who may do it (permission table + README), pinned. */
  allowed: Who[];
  fixture: (side: Side) => Promise<Fixture>;
  run: (f: Fixture) => Promise<ActionResult>;
  /** The same call with bad input, and the fields it must name. */
  invalid: (f: Fixture) => Promise<ActionResult>;
  invalidFields: string[];
  /** The action is scoped to the district: officerA on district B's record is refused. */
  scoped?: boolean;
};

const CASES: Case[] = [
  {
    name: "createProjectAction",
    allowed: ["coordinator", "headA", "headB", "officerA"],
    fixture: newProject,
    run: (f) =>
      settle(() =>
        createProjectAction({ name: f.id, districtId: f.extra as string, reportForm: "REPORT_TABLE", stage: "报告编制" }),
      ),
    invalid: (f) =>
      settle(() => createProjectAction({ name: f.id, districtId: f.extra as string, reportForm: "REPORT_BOOKLET", stage: "" })),
    invalidFields: ["reportForm", "stage"],
    scoped: true,
  },
  {
    name: "saveChecklistAction",
    allowed: ["coordinator", "headA", "headB", "officerA"],
    fixture: (side) => project(side, world.coordinator.user.id),
    run: (f) => saveChecklistAction(f.id, checklist()),
    invalid: (f) =>
      saveChecklistAction(f.id, {
        items: [{ item: "PROCESS", verdict: "NOT_APPLICABLE", note: "" }],
        version: 1,
      }),
    // The reason a "not applicable" needs, and each of the seven items left out.
    invalidFields: ["items.PROCESS.note", ...SOURCE_CONTROL_ITEMS.filter((i) => i !== "PROCESS").map((i) => `items.${i}`)],
    scoped: true,
  },
  {
    name: "reviewProjectAction",
    allowed: ["leader", "coordinator", "headA", "headB"],
    fixture: (side) => project(side),
    run: (f) => reviewProjectAction(f.id, { pass: false, comment: "工艺未达到最先进水平，退回补充论证", version: 1 }),
    invalid: (f) => reviewProjectAction(f.id, { pass: false, comment: "", version: 1 }),
    invalidFields: ["comment"],
  },
  {
    name: "assignClueAction",
    allowed: ["coordinator", "headA", "headB"],
    fixture: (side) => clue(side),
    run: (f) => assignClueAction(f.id, { assigneeId: world.officerA.user.id, version: 1 }),
    // The viewer is no enforcement person: the assignee field says so.
    invalid: (f) => assignClueAction(f.id, { assigneeId: world.viewer.user.id, version: 1 }),
    invalidFields: ["assigneeId"],
  },
  {
    name: "dismissClueAction",
    allowed: ["coordinator", "headA", "headB", "officerA"],
    fixture: (side) => clue(side),
    run: (f) => dismissClueAction(f.id, { reason: "CALIBRATION", note: "", version: 1 }),
    invalid: (f) => dismissClueAction(f.id, { reason: "OTHER", note: "", version: 1 }),
    invalidFields: ["note"],
    scoped: true,
  },
  {
    name: "recordCheckAction",
    allowed: ["coordinator", "officerA"],
    fixture: target,
    run: (f) => recordCheckAction(sweepId, { targetId: f.id, results: [{ itemId, verdict: "PASS" }] }),
    invalid: (f) => recordCheckAction(sweepId, { targetId: f.id, results: [{ itemId, verdict: "FAIL" }] }),
    invalidFields: ["results.0.hazard"],
    scoped: true,
  },
  {
    name: "hazardsToProblemsAction",
    allowed: ["coordinator"],
    fixture: hazard,
    run: (f) => hazardsToProblemsAction([f.id]),
    invalid: () => hazardsToProblemsAction(["不是编号"]),
    invalidFields: ["hazardIds.0"],
  },
  {
    name: "recordStageAction",
    allowed: ["coordinator", "officerA"],
    fixture: closedFirm,
    run: (f) => recordStageAction(f.id, { stage: "STOPPED", completedOn: day(-300), note: "已全面停产" }),
    // Out of order: the first stage is still missing.
    invalid: (f) => recordStageAction(f.id, { stage: "VERIFIED", completedOn: day(-1) }),
    invalidFields: ["stage"],
    scoped: true,
  },
  {
    name: "recordRecheckAction",
    allowed: ["coordinator", "officerA"],
    fixture: closedFirm,
    run: (f) =>
      recordRecheckAction(f.id, { checkedOn: day(-1), inspector: "王敏", findings: "厂区已清空，无遗留物料", ok: true }),
    invalid: (f) => recordRecheckAction(f.id, { checkedOn: day(5), inspector: "", findings: "厂区已清空", ok: true }),
    invalidFields: ["inspector"],
    scoped: true,
  },
  {
    name: "addPreventionItemAction",
    allowed: ["coordinator"],
    fixture: park,
    run: (f) =>
      addPreventionItemAction(f.id, {
        level: "PARK",
        kind: "EMERGENCY_POOL",
        name: "园区公共应急池",
        targetQty: 2,
        deadline: day(180),
      }),
    invalid: (f) =>
      addPreventionItemAction(f.id, { level: "PARK", kind: "EMERGENCY_POOL", name: "", targetQty: 0, deadline: day(180) }),
    invalidFields: ["name", "targetQty"],
  },
  {
    name: "updatePreventionItemAction",
    allowed: ["coordinator", "officerA"],
    fixture: park,
    run: (f) => updatePreventionItemAction(f.id, f.extra as string, { doneQty: 1, version: 1 }),
    invalid: (f) => updatePreventionItemAction(f.id, f.extra as string, { doneQty: -1, version: 1 }),
    invalidFields: ["doneQty"],
    scoped: true,
  },
  {
    name: "recordAssessmentAction",
    allowed: ["coordinator"],
    fixture: park,
    run: (f) => recordAssessmentAction(f.id, { assessedOn: day(-2), findings: "雨污切换闸阀可正常启闭", result: "PARTIAL" }),
    invalid: (f) => recordAssessmentAction(f.id, { assessedOn: day(-2), findings: "", result: "GOOD" }),
    invalidFields: ["findings", "result"],
  },
  {
    name: "recordDrillAction",
    allowed: ["coordinator", "officerA"],
    fixture: park,
    run: (f) =>
      recordDrillAction(f.id, {
        level: "PARK",
        heldOn: day(-1),
        scenario: "储罐泄漏进入雨水管网",
        participants: 30,
        itemId: f.extra,
      }),
    invalid: (f) => recordDrillAction(f.id, { level: "PARK", heldOn: day(-1), scenario: "", participants: 0 }),
    invalidFields: ["scenario", "participants"],
    scoped: true,
  },
];

const REFUSAL = /^(forbidden|notFound)$/;

async function expectDone(c: Case, who: Who, f: Fixture, before: unknown, result: ActionResult) {
  expect(result.ok, `${c.name} as ${who}: ${JSON.stringify(result)}`).toBe(true);
  expect(await f.state()).not.toEqual(before);
  const audited = await f.audited();
  expect(audited.length).toBeGreaterThan(0);
  expect(await db.auditLog.count({ where: { entityId: { in: audited }, actorId: world[who].user.id } })).toBeGreaterThan(0);
}

async function expectRefused(c: Case, who: Who | "nobody", f: Fixture, before: unknown, result: ActionResult) {
  expect(result.ok, `${c.name} as ${who}: ${JSON.stringify(result)}`).toBe(false);
  if (!result.ok) {
    expect(result.message ?? "", JSON.stringify(result)).toMatch(who === "nobody" ? /^signedOut$/ : REFUSAL);
    expect(result.fields).toEqual({});
  }
  expect(await f.state()).toEqual(before);
}

describe("enforcement and bottom-line server actions: role × action", () => {
  for (const c of CASES) {
    for (const who of WHO) {
      const allowed = c.allowed.includes(who);
      it(`${c.name} as ${who} → ${allowed ? "done, audited with their name" : "refused, nothing written"}`, async () => {
        const f = await c.fixture("A");
        const before = await f.state();
        refreshed.length = 0;
        const result = await as(who, () => c.run(f));
        if (allowed) await expectDone(c, who, f, before, result);
        else await expectRefused(c, who, f, before, result);
        expect(refreshed.length > 0, refreshed.join()).toBe(allowed);
      });
    }
  }

  it("without a session every action refuses and writes nothing", async () => {
    for (const c of CASES) {
      const f = await c.fixture("A");
      const before = await f.state();
      await expectRefused(c, "nobody", f, before, await withCookie("", () => c.run(f)));
    }
  });
});

describe("field officers act on their own district only", () => {
  for (const c of CASES.filter((x) => x.scoped)) {
    it(`${c.name}: officerA on district B's record is refused; the coordinator may`, async () => {
      const mine = await c.fixture("B");
      const before = await mine.state();
      await expectRefused(c, "officerA", mine, before, await as("officerA", () => c.run(mine)));
      // The same record is fine as such: the coordinator, who sees every district, acts on it.
      const again = await c.fixture("B");
      await expectDone(c, "coordinator", again, await again.state(), await as("coordinator", () => c.run(again)));
    });
  }

  it("a district B clue assigned to officerA is theirs to dismiss", async () => {
    const c = CASES.find((x) => x.name === "dismissClueAction") as Case;
    const f = await clue("B", world.officerA.user.id);
    const before = await f.state();
    const result = await as("officerA", () => dismissClueAction(f.id, { reason: "INSTRUMENT_FAULT", note: "", version: 1 }));
    await expectDone(c, "officerA", f, before, result);
  });

  it("officerA cannot submit for district B by naming a district B enterprise (the district is the enterprise's)", async () => {
    const firm = await createEnterprise(db, { districtId: world.districtB.id });
    const name = `动作矩阵报送${uniqueSuffix()}`;
    const result = await as("officerA", () =>
      settle(() =>
        createProjectAction({ name, enterpriseId: firm.id, districtId: "", reportForm: "REPORT_BOOK", stage: "立项" }),
      ),
    );
    expect(result).toMatchObject({ ok: false, message: "forbidden" });
    expect(await db.constructionProject.count({ where: { name } })).toBe(0);
  });

  it("a district B park's plan item named through district A's park is not found", async () => {
    const theirs = await park("B");
    const mine = await park("A");
    const before = await theirs.state();
    for (const run of [
      () => updatePreventionItemAction(mine.id, theirs.extra as string, { doneQty: 3, version: 1 }),
      () =>
        recordDrillAction(mine.id, {
          level: "PARK",
          heldOn: day(-1),
          scenario: "储罐泄漏",
          participants: 10,
          itemId: theirs.extra as string,
        }),
    ]) {
      const result = await as("officerA", run);
      expect(result.ok, JSON.stringify(result)).toBe(false);
    }
    expect(await theirs.state()).toEqual(before);
  });

  it("the submitter of a project never reviews it, even when their role may review", async () => {
    const c = CASES.find((x) => x.name === "reviewProjectAction") as Case;
    const f = await project("A", world.coordinator.user.id);
    const before = await f.state();
    const result = await as("coordinator", () => c.run(f));
    expect(result).toMatchObject({ ok: false, message: "报送人不能审查自己报送的项目" });
    expect(await f.state()).toEqual(before);
  });
});

describe("invalid input: field errors, nothing written; a refused role is refused before its input is read", () => {
  for (const c of CASES) {
    it(`${c.name}`, async () => {
      const who = c.allowed[0] as Who;
      const f = await c.fixture("A");
      const before = await f.state();
      const result = await as(who, () => c.invalid(f));
      expect(result.ok, JSON.stringify(result)).toBe(false);
      if (!result.ok) expect(Object.keys(result.fields).sort(), JSON.stringify(result)).toEqual([...c.invalidFields].sort());
      expect(await f.state()).toEqual(before);

      const refused = await as("viewer", () => c.invalid(f));
      expect(refused, JSON.stringify(refused)).toMatchObject({ ok: false, message: "forbidden", fields: {} });
      expect(await f.state()).toEqual(before);
    });
  }
});
