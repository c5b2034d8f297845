import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as decideObjectionRoute } from "@/app/api/v1/objections/[id]/decision/route";
import { POST as acceptanceRoute } from "@/app/api/v1/problems/[id]/acceptance/route";
import { GET as closureRoute } from "@/app/api/v1/problems/[id]/closure/route";
import { GET as checklistRoute } from "@/app/api/v1/problems/[id]/closure-checklist/route";
import { POST as lookbackRoute } from "@/app/api/v1/problems/[id]/lookback/route";
import { POST as endNoticeRoute } from "@/app/api/v1/problems/[id]/notice/end/route";
import { POST as signOffRoute } from "@/app/api/v1/problems/[id]/sign-off/route";
import { POST as transitionRoute } from "@/app/api/v1/problems/[id]/transitions/route";
import {
  GET as getChecklistSettingRoute,
  PATCH as patchChecklistSettingRoute,
} from "@/app/api/v1/settings/closure-checklist/route";
import { db } from "@/lib/db";
import { CLOSURE_CHECKLIST_KEY, DEFAULT_CLOSURE_CHECKLIST } from "@/lib/domain/closure-checklist";
import { calendarDay, createProblem, type ProblemOverrides } from "../factories";
import { ACTORS, type ActorKey, createCast, everyone, readTarget, type Signed, tokenFor } from "../support/actor-matrix";
import { type ApiResult, call, leaksInternals } from "../support/api";
import { completeChecklist } from "../support/closure-evidence";
import { browserCookie, withCookie } from "../support/cookie-session";
import type { Person, World } from "../support/world";

// Browser writes below use a real next-auth session cookie (tests/support/cookie-session.ts).
vi.unmock("@/lib/auth/next-auth");
vi.mock("next/headers", async () => (await import("../support/cookie-session")).nextHeaders);

/**
 * Every caller × every closure route, with the exact status each must get. The problems belong to
 * division A in district A with `leadOfficial` as lead official and division C co-operating; "own"
 * people are of division A / district A, "other" ones of B. Each changing call gets a fresh problem.
 */
let world: World;
let people: Record<Signed, Person>;
let divisionCId: string;
const tokenOf = (actor: ActorKey) => tokenFor(people, actor);
/** Steps only the coordinator takes: division heads of other divisions do not see the problem (404). */
const coordinatorStep = (ok: number) => ({ ...everyone(403), coordinator: ok, headOther: 404 });

beforeAll(async () => {
  ({ world, people, divisionCId } = await createCast());
});

afterAll(async () => {
  await db.setting.deleteMany({ where: { key: CLOSURE_CHECKLIST_KEY } });
});

function problemOf(overrides: ProblemOverrides = {}) {
  return createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: people.leadOfficial.user.id,
    coUnitIds: [divisionCId],
    category: "AIR",
    measures: [{ status: "DONE" }],
    ...overrides,
  });
}

async function withNotice(status: "PUBLIC_NOTICE" | "PENDING_SIGNOFF", endsOffset: number) {
  const p = await problemOf({ status });
  const notice = await db.publicNotice.create({
    data: {
      problemId: p.id,
      startsOn: calendarDay(-7),
      endsOn: calendarDay(endsOffset),
      phone: "0510-81820000",
      summary: "整改完成",
      createdById: people.coordinator.user.id,
      status: status === "PUBLIC_NOTICE" ? "OPEN" : "ENDED",
    },
  });
  return { p, notice };
}

type Action = { name: string; run: (token: string | null) => Promise<ApiResult>; expect: Record<ActorKey, number> };

const today = () => calendarDay(0).toISOString().slice(0, 10);

const ACTIONS: Action[] = [
  {
    name: "GET /problems/{id}/closure",
    run: async (token) => call(closureRoute, "GET", "/x", { token, params: { id: (await problemOf()).id } }),
    expect: readTarget,
  },
  {
    name: "GET /problems/{id}/closure-checklist",
    run: async (token) => call(checklistRoute, "GET", "/x", { token, params: { id: (await problemOf()).id } }),
    expect: readTarget,
  },
  {
    name: "POST /problems/{id}/acceptance FAILED",
    run: async (token) => {
      const p = await problemOf({ status: "PENDING_ACCEPTANCE" });
      const json = { result: "FAILED", acceptedOn: today(), onSiteCheck: false, opinion: "未达标", signers: ["甲"], version: 1 };
      return call(acceptanceRoute, "POST", "/x", { token, params: { id: p.id }, json });
    },
    expect: coordinatorStep(201),
  },
  {
    name: "POST /problems/{id}/acceptance PASSED",
    run: async (token) => {
      const p = await problemOf({ status: "PENDING_ACCEPTANCE" });
      await completeChecklist(p.id, people.officerOwn.user.id);
      const json = {
        result: "PASSED",
        acceptedOn: today(),
        onSiteCheck: true,
        opinion: "同意",
        signers: ["甲"],
        version: 1,
        notice: { phone: "0510-81820000", summary: "整改完成" },
      };
      return call(acceptanceRoute, "POST", "/x", { token, params: { id: p.id }, json });
    },
    expect: coordinatorStep(201),
  },
  {
    name: "POST /problems/{id}/notice/end",
    run: async (token) => {
      const { p } = await withNotice("PUBLIC_NOTICE", -1);
      return call(endNoticeRoute, "POST", "/x", { token, params: { id: p.id }, json: { version: 1 } });
    },
    expect: coordinatorStep(200),
  },
  {
    name: "POST /objections/{id}/decision DISMISS",
    run: async (token) => {
      const { p, notice } = await withNotice("PUBLIC_NOTICE", 3);
      const o = await db.objection.create({
        data: { noticeId: notice.id, problemId: p.id, contact: "x", text: "异议", senderHash: "1".repeat(64) },
      });
      return call(decideObjectionRoute, "POST", "/x", {
        token,
        params: { id: o.id },
        json: { decision: "DISMISS", note: "不属实", version: 1 },
      });
    },
    expect: { ...everyone(403), coordinator: 200 },
  },
  {
    name: "POST /problems/{id}/sign-off SIGN",
    run: async (token) => {
      const { p } = await withNotice("PENDING_SIGNOFF", -1);
      return call(signOffRoute, "POST", "/x", { token, params: { id: p.id }, json: { decision: "SIGN", version: 1 } });
    },
    expect: { ...everyone(403), leadOfficial: 200, headOther: 404 },
  },
  {
    name: "POST /problems/{id}/sign-off RETURN",
    run: async (token) => {
      const { p } = await withNotice("PENDING_SIGNOFF", -1);
      return call(signOffRoute, "POST", "/x", {
        token,
        params: { id: p.id },
        json: { decision: "RETURN", comment: "材料不全", version: 1 },
      });
    },
    expect: { ...everyone(403), leadOfficial: 200, headOther: 404 },
  },
  {
    name: "POST /problems/{id}/lookback",
    run: async (token) => {
      const p = await problemOf({ status: "CLOSED" });
      return call(lookbackRoute, "POST", "/x", { token, params: { id: p.id }, json: { reason: "回头看发现反弹", version: 1 } });
    },
    expect: coordinatorStep(200),
  },
  {
    name: "GET /settings/closure-checklist",
    run: (token) => call(getChecklistSettingRoute, "GET", "/x", { token }),
    expect: everyone(200),
  },
  {
    name: "PATCH /settings/closure-checklist",
    run: (token) => call(patchChecklistSettingRoute, "PATCH", "/x", { token, json: DEFAULT_CLOSURE_CHECKLIST }),
    expect: { ...everyone(403), admin: 200 },
  },
];

describe("closure routes: role × action", () => {
  const cases = ACTIONS.flatMap((a) => ACTORS.map((actor) => ({ name: a.name, actor, action: a })));
  it.each(cases)("$name by $actor", async ({ actor, action }) => {
    const r = await action.run(tokenOf(actor));
    expect(r.status, r.text).toBe(action.expect[actor]);
    expect(leaksInternals(r.text)).toBe(false);
  });

  it("a closure step on an unknown id or a non-uuid is 404", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "nope"]) {
      const r = await call(lookbackRoute, "POST", "/x", {
        token: people.coordinator.token,
        params: { id },
        json: { reason: "x", version: 1 },
      });
      expect(r.status).toBe(404);
      const o = await call(decideObjectionRoute, "POST", "/x", {
        token: people.coordinator.token,
        params: { id },
        json: { decision: "DISMISS", note: "x", version: 1 },
      });
      expect(o.status).toBe(404);
    }
  });

  it("a browser write from another site is refused before anything happens", async () => {
    const p = await problemOf({ status: "CLOSED" });
    // A real browser session of someone allowed to ask for a look-back: only the origin is wrong.
    const { cookie } = await browserCookie(people.coordinator.user.id);
    for (const origin of ["https://evil.example", "null"]) {
      const r = await withCookie(cookie, () =>
        call(lookbackRoute, "POST", "/x", {
          params: { id: p.id },
          json: { reason: "x", version: 1 },
          headers: { origin, host: "localhost" },
        }),
      );
      expect(r.status, origin).toBe(403);
    }
    // The control: from this origin the same session gets past authorization (a stale version → 409, nothing written).
    const same = await withCookie(cookie, () =>
      call(lookbackRoute, "POST", "/x", {
        params: { id: p.id },
        json: { reason: "复查发现问题反弹，需要回头看", version: 99 },
        headers: { origin: "http://localhost", host: "localhost" },
      }),
    );
    expect(same.status, same.text).toBe(409);
    expect(await db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ status: "CLOSED", version: 1 });
  });
});

describe("the closure checklist setting", () => {
  it("is validated, audited and gates applying for acceptance", async () => {
    const admin = people.admin.token;
    for (const bad of [
      { ...DEFAULT_CLOSURE_CHECKLIST, WATER: ["SELFIE"] },
      { ...DEFAULT_CLOSURE_CHECKLIST, WATER: ["AFTER_PHOTO", "AFTER_PHOTO"] },
      { WATER: [] },
      { ...DEFAULT_CLOSURE_CHECKLIST, MOON: [] },
    ]) {
      const r = await call(patchChecklistSettingRoute, "PATCH", "/x", { token: admin, json: bad });
      expect(r.status, r.text).toBe(422);
    }
    const p = await problemOf({ status: "RECTIFYING", category: "NOISE" });
    const apply = () =>
      call(transitionRoute, "POST", "/x", {
        token: people.coordinator.token,
        params: { id: p.id },
        json: { action: "APPLY_ACCEPTANCE", version: 1 },
      });
    expect((await apply()).status).toBe(422);

    const ok = await call(patchChecklistSettingRoute, "PATCH", "/x", {
      token: admin,
      json: { ...DEFAULT_CLOSURE_CHECKLIST, NOISE: [] },
    });
    expect(ok.status, ok.text).toBe(200);
    expect((ok.body as Record<string, string[]>).NOISE).toEqual([]);
    const read = await call(getChecklistSettingRoute, "GET", "/x", { token: people.viewer.token });
    expect((read.body as Record<string, string[]>).NOISE).toEqual([]);
    const audit = await db.auditLog.findFirst({
      where: { entityType: "Setting", entityId: CLOSURE_CHECKLIST_KEY },
      orderBy: { id: "desc" },
    });
    expect(audit?.after).toEqual({ NOISE: [] });
    expect(audit?.before).toEqual({ NOISE: DEFAULT_CLOSURE_CHECKLIST.NOISE });
    const checklist = await call(checklistRoute, "GET", "/x", { token: people.officerOwn.token, params: { id: p.id } });
    expect(checklist.body).toMatchObject({ category: "NOISE", items: [], complete: true, accepted: true });
    expect((await apply()).status).toBe(200);

    const restored = await call(patchChecklistSettingRoute, "PATCH", "/x", { token: admin, json: DEFAULT_CLOSURE_CHECKLIST });
    expect(restored.status).toBe(200);
  });
});
