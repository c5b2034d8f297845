import { beforeAll, describe, expect, it } from "vitest";
import { POST as decidePlanRoute } from "@/app/api/v1/plans/[id]/decision/route";
import { GET as listPlansRoute, POST as submitPlanRoute } from "@/app/api/v1/problems/[id]/plans/route";
import { GET as listTransitionsRoute, POST as transitionRoute } from "@/app/api/v1/problems/[id]/transitions/route";
import { GET as getSettingsRoute, PATCH as patchSettingsRoute } from "@/app/api/v1/settings/route";
import { db } from "@/lib/db";
import { SETTINGS_DEFAULTS } from "@/lib/domain/settings";
import { createProblem, type ProblemOverrides } from "../factories";
import { ACTORS, type ActorKey, createCast, everyone, readTarget, type Signed, tokenFor } from "../support/actor-matrix";
import { type ApiResult, call, errorOf } from "../support/api";
import { completeChecklist } from "../support/closure-evidence";
import type { Person, World } from "../support/world";

/**
 * Every caller × every workflow route, with the exact status each must get (QUALITY.md). The
 * problems belong to division A in district A, with `leadOfficial` as their lead official and
 * division C co-operating: "own" people are of division A / district A, "other" ones of B, and
 * headCo heads the co-operating division (sees the problem, may not act for the lead division).
 * Each call that changes something gets a fresh problem, so no call depends on another.
 */
let world: World;
let people: Record<Signed, Person>;
let divisionCId: string;
const tokenOf = (actor: ActorKey) => tokenFor(people, actor);

function problemOf(overrides: ProblemOverrides = {}) {
  return createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: people.leadOfficial.user.id,
    coUnitIds: [divisionCId],
    ...overrides,
  });
}

type Action = { name: string; run: (token: string | null) => Promise<ApiResult>; expect: Record<ActorKey, number> };

const ACTIONS: Action[] = [
  {
    name: "POST /problems/{id}/transitions ASSIGN",
    run: async (token) => {
      const p = await problemOf();
      return call(transitionRoute, "POST", "/x", { token, params: { id: p.id }, json: { action: "ASSIGN", version: 1 } });
    },
    expect: { ...everyone(403), coordinator: 200, headOther: 404 },
  },
  {
    name: "POST /problems/{id}/transitions APPLY_ACCEPTANCE",
    run: async (token) => {
      const p = await problemOf({ status: "RECTIFYING", measures: [{ status: "DONE" }, { status: "DONE" }] });
      await completeChecklist(p.id, people.officerOwn.user.id);
      return call(transitionRoute, "POST", "/x", {
        token,
        params: { id: p.id },
        json: { action: "APPLY_ACCEPTANCE", version: 1 },
      });
    },
    expect: { ...everyone(403), coordinator: 200, headOwn: 200, headOther: 404 },
  },
  {
    name: "GET /problems/{id}/transitions",
    run: async (token) => {
      const p = await problemOf();
      return call(listTransitionsRoute, "GET", "/x", { token, params: { id: p.id } });
    },
    expect: readTarget,
  },
  {
    name: "GET /problems/{id}/plans",
    run: async (token) => {
      const p = await problemOf();
      return call(listPlansRoute, "GET", "/x", { token, params: { id: p.id } });
    },
    expect: readTarget,
  },
  {
    name: "POST /problems/{id}/plans",
    run: async (token) => {
      const p = await problemOf({ status: "ASSIGNED" });
      return call(submitPlanRoute, "POST", "/x", { token, params: { id: p.id }, json: { target: "按期完成整改" } });
    },
    expect: { ...everyone(403), coordinator: 201, headOwn: 201, headOther: 404 },
  },
  {
    name: "POST /plans/{id}/decision APPROVE",
    run: async (token) => {
      const p = await problemOf({ status: "ASSIGNED" });
      const plan = await db.rectificationPlan.create({
        data: { problemId: p.id, versionNo: 1, target: "目标", measures: [], submittedById: people.headOwn.user.id },
      });
      return call(decidePlanRoute, "POST", "/x", { token, params: { id: plan.id }, json: { decision: "APPROVE", version: 1 } });
    },
    expect: { ...everyone(403), leadOfficial: 200 },
  },
  {
    name: "GET /settings",
    run: (token) => call(getSettingsRoute, "GET", "/settings", { token }),
    expect: everyone(200),
  },
  {
    name: "PATCH /settings",
    run: (token) =>
      call(patchSettingsRoute, "PATCH", "/settings", { token, json: { reportCycleDays: SETTINGS_DEFAULTS.reportCycleDays } }),
    expect: { ...everyone(403), admin: 200 },
  },
];

const observed: { action: string; actor: ActorKey; status: number; expected: number }[] = [];

beforeAll(async () => {
  ({ world, people, divisionCId } = await createCast());
});

describe.each(ACTIONS)("$name", (action) => {
  it.each(ACTORS)("as %s", async (actor) => {
    const r = await action.run(tokenOf(actor));
    observed.push({ action: action.name, actor, status: r.status, expected: action.expect[actor] });
    expect(r.status, r.text).toBe(action.expect[actor]);
    if (r.status >= 400) expect(errorOf(r).code).toMatch(/^[A-Z_]+$/);
  });
});

describe("summary", () => {
  it("no caller got a 2xx the matrix does not grant", () => {
    expect(observed).toHaveLength(ACTIONS.length * ACTORS.length);
    expect(observed.filter((o) => o.status < 300 && o.expected >= 300)).toEqual([]);
  });

  it("settings are back at their defaults", async () => {
    expect(await db.setting.count({ where: { key: "reportCycleDays", value: { not: SETTINGS_DEFAULTS.reportCycleDays } } })).toBe(
      0,
    );
    await db.setting.deleteMany({ where: { key: "reportCycleDays" } });
  });
});
