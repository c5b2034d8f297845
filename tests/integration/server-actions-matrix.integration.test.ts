import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  addMeasureAction,
  completeMeasureAction,
  createReportAction,
  decideExtensionAction,
  decidePlanAction,
  reorderMeasuresAction,
  requestExtensionAction,
  submitPlanAction,
  transitionAction,
  updateMeasureAction,
} from "@/app/(app)/problems/[id]/actions";
import { recordPerfunctoryAction, withdrawFindingAction } from "@/app/(app)/problems/[id]/finding-actions";
import { createProblemAction, updateProblemAction } from "@/app/(app)/problems/actions";
import { db } from "@/lib/db";
import { addDays } from "@/lib/domain/calendar";
import { recordPerfunctoryFinding } from "@/lib/server/findings/record-perfunctory-finding";
import { submitPlan } from "@/lib/server/plans/submit-plan";
import { calendarDay, createProblem } from "../factories";
import { form, type RunAs, WHO, type Who, worldWithSessions } from "../support/action-roles";
import { completeChecklist } from "../support/closure-evidence";
import { withCookie } from "../support/cookie-session";
import { problemInput, type World } from "../support/world";

/**
 * The problem pages' server actions, called as each role would call them from a browser (a real
 * session cookie): who may write, and that a refusal writes nothing — the same matrix the REST
 * routes have. (A foreign-Origin call never reaches an action: proxy.ts answers it 403 on every
 * page that has actions, see tests/unit/server/server-actions-inventory.test.ts, which also fails
 * when an exported action is in no matrix.)
 */
vi.unmock("@/lib/auth/next-auth");
vi.mock("next/headers", async () => (await import("../support/cookie-session")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "zh-CN",
  getTranslations: async () => (key: string) => key,
}));

let world: World;
let as: RunAs;
beforeAll(async () => {
  ({ world, as } = await worldWithSessions());
});

const REFUSED = new Set(["forbidden", "notFound"]);

async function rectifying() {
  const p = await createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    status: "RECTIFYING",
    leadOfficialId: world.leader.user.id,
    measures: [{ description: "截污纳管" }, { description: "清淤疏浚" }],
  });
  return db.problem.findUniqueOrThrow({ where: { id: p.id }, include: { measures: { orderBy: { seq: "asc" } } } });
}

/** What a problem looks like to the matrix: anything an action writes changes one of these. */
async function footprint(id: string) {
  const p = await db.problem.findUniqueOrThrow({ where: { id }, select: { version: true, title: true } });
  return {
    ...p,
    measures: await db.measure.findMany({
      where: { problemId: id },
      orderBy: { seq: "asc" },
      select: { id: true, description: true, percent: true, status: true, version: true },
    }),
    reports: await db.progressReport.count({ where: { problemId: id } }),
    extensions: await db.extension.findMany({ where: { problemId: id }, select: { id: true, status: true } }),
    plans: await db.rectificationPlan.findMany({ where: { problemId: id }, select: { id: true, status: true } }),
    audit: await db.auditLog.count({ where: { entityId: id } }),
    findings: await db.rectificationFinding.findMany({ where: { problemId: id }, select: { id: true, withdrawnAt: true } }),
  };
}

type Problem = Awaited<ReturnType<typeof rectifying>>;
type Action = {
  name: string;
  allowed: Who[];
  /** What the action needs besides a rectifying problem (made before the footprint is taken). */
  prepare?: (p: Problem) => Promise<string>;
  run: (p: Problem, prepared: string) => Promise<{ ok: boolean; message?: string | null }>;
};

/** A pending extension request of `p` (the lead official decides it). */
async function pendingExtension(p: Problem): Promise<string> {
  const e = await db.extension.create({
    data: {
      problemId: p.id,
      oldDeadline: p.deadline ?? calendarDay(10),
      newDeadline: addDays(p.deadline ?? calendarDay(10), 30),
      reason: "汛期无法施工",
      requestedById: world.headA.user.id,
    },
  });
  return e.id;
}

const ACTIONS: Action[] = [
  {
    name: "addMeasureAction",
    allowed: ["coordinator", "headA"],
    run: (p) => addMeasureAction(p.id, { description: "新增措施：加装在线监测" }),
  },
  {
    name: "reorderMeasuresAction",
    allowed: ["coordinator", "headA"],
    run: (p) =>
      reorderMeasuresAction(
        p.id,
        [...p.measures].reverse().map((m) => m.id),
      ),
  },
  {
    name: "createReportAction",
    allowed: ["coordinator", "headA", "officerA"],
    run: (p) => createReportAction(p.id, { text: "本周完成清淤 300 米", percent: "40", measureId: "" }),
  },
  {
    name: "requestExtensionAction",
    allowed: ["coordinator", "headA"],
    run: (p) => requestExtensionAction(p.id, { newDeadline: "2099-06-30", reason: "汛期无法施工" }),
  },
  {
    name: "submitPlanAction",
    allowed: ["coordinator", "headA"],
    run: (p) => submitPlanAction(p.id, { target: "年底前消除黑臭" }),
  },
  {
    name: "updateMeasureAction (details)",
    allowed: ["coordinator", "headA"],
    run: (p) => {
      const m = p.measures[0] as Problem["measures"][number];
      return updateMeasureAction(p.id, m.id, { description: "截污纳管（含雨污分流）", version: m.version });
    },
  },
  {
    name: "updateMeasureAction (progress)",
    allowed: ["coordinator", "headA", "officerA"],
    run: (p) => {
      const m = p.measures[0] as Problem["measures"][number];
      return updateMeasureAction(p.id, m.id, { percent: 60, version: m.version });
    },
  },
  {
    name: "completeMeasureAction",
    allowed: ["coordinator", "headA", "officerA"],
    run: (p) => {
      const m = p.measures[0] as Problem["measures"][number];
      return completeMeasureAction(p.id, m.id, m.version);
    },
  },
  {
    name: "decideExtensionAction",
    allowed: ["leader"],
    prepare: pendingExtension,
    run: (p, extensionId) => decideExtensionAction(p.id, extensionId, { decision: "APPROVE", comment: "同意延期", version: 1 }),
  },
  {
    name: "decidePlanAction",
    allowed: ["leader"],
    prepare: async (p) => (await submitPlan(world.coordinator.actor, p.id, { target: "年底前消除黑臭" })).id,
    run: (p, planId) => decidePlanAction(p.id, planId, { decision: "APPROVE", version: 1 }),
  },
  {
    name: "transitionAction (apply for acceptance)",
    allowed: ["coordinator", "headA"],
    prepare: async (p) => {
      await db.measure.updateMany({ where: { problemId: p.id }, data: { status: "DONE", percent: 100 } });
      await completeChecklist(p.id, world.officerA.user.id);
      return "";
    },
    run: (p) => transitionAction(p.id, { action: "APPLY_ACCEPTANCE", version: p.version }),
  },
  {
    name: "recordPerfunctoryAction",
    allowed: ["leader"],
    run: (p) => recordPerfunctoryAction(p.id, { reason: "整改流于形式，现场仍有排污口未封堵" }),
  },
  {
    name: "withdrawFindingAction",
    allowed: ["leader"],
    prepare: async (p) =>
      (await recordPerfunctoryFinding(world.leader.actor, p.id, { reason: "整改流于形式，现场仍有排污口未封堵" })).id,
    run: (p, findingId) => withdrawFindingAction(p.id, findingId, { reason: "复核后整改已到位，撤销认定" }),
  },
  {
    name: "updateProblemAction",
    allowed: ["coordinator", "headA"],
    run: (p) => updateProblemAction(p.id, form({ responsiblePerson: "王五", version: String(p.version) })),
  },
];

describe("server actions: role × action", () => {
  for (const action of ACTIONS) {
    for (const who of WHO) {
      const allowed = action.allowed.includes(who);
      it(`${action.name} as ${who} → ${allowed ? "gets past authorization" : "refused, nothing written"}`, async () => {
        const p = await rectifying();
        const prepared = (await action.prepare?.(p)) ?? "";
        const before = await footprint(p.id);
        const result = await as(who, () => action.run(p, prepared));
        if (allowed) {
          expect(REFUSED.has(result.message ?? ""), JSON.stringify(result)).toBe(false);
          expect(result.ok, JSON.stringify(result)).toBe(true);
          expect(await footprint(p.id)).not.toEqual(before);
        } else {
          expect(result.ok, JSON.stringify(result)).toBe(false);
          expect(REFUSED.has(result.message ?? ""), JSON.stringify(result)).toBe(true);
          expect(await footprint(p.id)).toEqual(before);
        }
      });
    }
  }

  it.each(WHO)("createProblemAction as %s", async (who) => {
    const title = `服务器动作登记${world.tag}${who}`;
    const input = problemInput(world, { title });
    const result = await as(who, () =>
      createProblemAction(form(Object.fromEntries(Object.entries(input).map(([k, v]) => [k, String(v)])))),
    );
    const rows = await db.problem.count({ where: { title } });
    if (who === "coordinator") {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      expect(rows).toBe(1);
    } else {
      expect(result).toMatchObject({ ok: false, message: "forbidden" });
      expect(rows).toBe(0);
    }
  });

  it("without a session every action refuses and writes nothing", async () => {
    const p = await rectifying();
    const before = await footprint(p.id);
    for (const action of ACTIONS.filter((a) => !a.prepare)) {
      const result = await withCookie("", () => action.run(p, ""));
      expect(result.ok, action.name).toBe(false);
    }
    expect(await footprint(p.id)).toEqual(before);
  });
});
