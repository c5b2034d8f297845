import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getDistricts } from "@/app/api/v1/districts/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as getHistory } from "@/app/api/v1/problems/[id]/history/route";
import { GET as getProblem, PATCH as patchProblem } from "@/app/api/v1/problems/[id]/route";
import { POST as createProblem, GET as listProblems } from "@/app/api/v1/problems/route";
import { DELETE as deleteSession } from "@/app/api/v1/session/route";
import { GET as getUnits } from "@/app/api/v1/units/route";
import { PATCH as patchUser } from "@/app/api/v1/users/[id]/route";
import { GET as listUsers } from "@/app/api/v1/users/route";
import { db } from "@/lib/db";
import { createProblem as createProblemRow, createUser, uniqueSuffix } from "../factories";
import { type ApiResult, call, errorOf } from "../support/api";
import { createWorld, type Person, problemInput, type World } from "../support/world";

/**
 * Every actor × every action, with the exact status each must get (QUALITY.md). The target
 * problem belongs to division A in district A: division head A and field officer A are "own",
 * division head B and field officer B are "other".
 */
const ACTORS = [
  "anonymous",
  "invalidToken",
  "admin",
  "leader",
  "coordinator",
  "headOwn",
  "headOther",
  "officerOwn",
  "officerOther",
  "viewer",
] as const;
type ActorKey = (typeof ACTORS)[number];

let world: World;
let people: Record<Exclude<ActorKey, "anonymous" | "invalidToken">, Person>;
let listTag: string;
let problems: Record<"pA" | "pB" | "pCo" | "pAgencyInB", string>;
let targetUserId: string;

function tokenOf(actor: ActorKey): string | null {
  if (actor === "anonymous") return null;
  if (actor === "invalidToken") return "not-a-real-token-0000000000000000000000000";
  return people[actor].token;
}

type Action = {
  name: string;
  run: (token: string | null, actor: ActorKey) => Promise<ApiResult>;
  expect: Record<ActorKey, number>;
};

const signedOut = { anonymous: 401, invalidToken: 401 } as const;
const everyone = (status: number) =>
  ({
    ...signedOut,
    admin: status,
    leader: status,
    coordinator: status,
    headOwn: status,
    headOther: status,
    officerOwn: status,
    officerOther: status,
    viewer: status,
  }) satisfies Record<ActorKey, number>;
/** Read of the division-A problem: out-of-scope people get 404, as if it did not exist. */
const readTarget = { ...everyone(200), headOther: 404, officerOther: 404 };

async function problemVersion(id: string): Promise<number> {
  return (await db.problem.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

const ACTIONS: Action[] = [
  {
    name: "GET /problems",
    run: (token) => call(listProblems, "GET", `/problems?q=${encodeURIComponent(listTag)}`, { token }),
    expect: everyone(200),
  },
  {
    name: "GET /problems/{id}",
    run: (token) => call(getProblem, "GET", `/problems/${problems.pA}`, { token, params: { id: problems.pA } }),
    expect: readTarget,
  },
  {
    name: "GET /problems/{id}/history",
    run: (token) => call(getHistory, "GET", `/problems/${problems.pA}/history`, { token, params: { id: problems.pA } }),
    expect: readTarget,
  },
  {
    name: "POST /problems",
    run: (token, actor) =>
      call(createProblem, "POST", "/problems", { token, json: problemInput(world, { title: `矩阵登记${world.tag}-${actor}` }) }),
    expect: { ...everyone(403), coordinator: 201 },
  },
  {
    name: "PATCH /problems/{id} (target)",
    run: async (token, actor) =>
      call(patchProblem, "PATCH", `/problems/${problems.pA}`, {
        token,
        params: { id: problems.pA },
        json: { target: `整改目标 by ${actor}`, version: await problemVersion(problems.pA) },
      }),
    // Field officers, leaders, viewers and admins may not edit at all (403); an out-of-scope head sees nothing (404).
    expect: { ...everyone(403), coordinator: 200, headOwn: 200, headOther: 404 },
  },
  { name: "GET /me", run: (token) => call(getMe, "GET", "/me", { token }), expect: everyone(200) },
  { name: "GET /districts", run: (token) => call(getDistricts, "GET", "/districts", { token }), expect: everyone(200) },
  { name: "GET /units", run: (token) => call(getUnits, "GET", "/units", { token }), expect: everyone(200) },
  {
    name: "GET /users?role=LEADER",
    run: (token) => call(listUsers, "GET", "/users?role=LEADER", { token }),
    expect: everyone(200),
  },
  {
    name: "PATCH /users/{id}",
    run: async (token, actor) => {
      const { version } = await db.user.findUniqueOrThrow({ where: { id: targetUserId }, select: { version: true } });
      const locale = actor.length % 2 ? "en" : "zh-CN";
      return call(patchUser, "PATCH", `/users/${targetUserId}`, {
        token,
        params: { id: targetUserId },
        json: { locale, version },
      });
    },
    expect: { ...everyone(403), admin: 200 },
  },
];

const observed: { action: string; actor: ActorKey; status: number; expected: number }[] = [];

beforeAll(async () => {
  world = await createWorld();
  people = {
    admin: world.admin,
    leader: world.leader,
    coordinator: world.coordinator,
    headOwn: world.headA,
    headOther: world.headB,
    officerOwn: world.officerA,
    officerOther: world.officerB,
    viewer: world.viewer,
  };
  listTag = `清单${world.tag}`;
  const pA = await createProblemRow(db, {
    title: `${listTag}-A`,
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
  });
  const pB = await createProblemRow(db, {
    title: `${listTag}-B`,
    districtId: world.districtB.id,
    leadUnitId: world.divisionB.id,
  });
  const pCo = await createProblemRow(db, {
    title: `${listTag}-Co`,
    districtId: world.districtB.id,
    leadUnitId: world.divisionB.id,
    coUnitIds: [world.divisionA.id],
  });
  const pAgencyInB = await createProblemRow(db, {
    title: `${listTag}-AgencyInB`,
    districtId: world.districtB.id,
    leadUnitId: world.agencyA.id,
  });
  problems = { pA: pA.id, pB: pB.id, pCo: pCo.id, pAgencyInB: pAgencyInB.id };
  targetUserId = (await createUser(db, { role: "VIEWER", username: `target-${uniqueSuffix()}` })).id;
});

describe.each(ACTIONS)("$name", (action) => {
  it.each(ACTORS)("as %s", async (actor) => {
    const r = await action.run(tokenOf(actor), actor);
    observed.push({ action: action.name, actor, status: r.status, expected: action.expect[actor] });
    expect(r.status, r.text).toBe(action.expect[actor]);
    if (r.status >= 400) expect(errorOf(r).code).toMatch(/^[A-Z_]+$/);
  });
});

describe("data scope", () => {
  const VISIBLE: Record<Exclude<ActorKey, "anonymous" | "invalidToken">, string[]> = {
    admin: ["pA", "pB", "pCo", "pAgencyInB"],
    leader: ["pA", "pB", "pCo", "pAgencyInB"],
    coordinator: ["pA", "pB", "pCo", "pAgencyInB"],
    viewer: ["pA", "pB", "pCo", "pAgencyInB"],
    // Own division as lead or as co-operating unit.
    headOwn: ["pA", "pCo"],
    headOther: ["pB", "pCo"],
    // Own district, or own unit anywhere.
    officerOwn: ["pA", "pAgencyInB"],
    officerOther: ["pB", "pCo", "pAgencyInB"],
  };

  it.each(Object.entries(VISIBLE))("the ledger of %s lists exactly its problems", async (actor, keys) => {
    const r = await call(listProblems, "GET", `/problems?q=${encodeURIComponent(listTag)}&pageSize=100`, {
      token: tokenOf(actor as ActorKey),
    });
    expect(r.status).toBe(200);
    const page = r.body as { items: { id: string }[]; total: number };
    const byId = Object.fromEntries(Object.entries(problems).map(([k, id]) => [id, k]));
    expect(page.items.map((p) => byId[p.id]).sort()).toEqual([...keys].sort());
    expect(page.total).toBe(keys.length);
  });

  it("an out-of-scope problem answers exactly like one that does not exist", async () => {
    const missing = randomUUID();
    const outOfScope = await call(getProblem, "GET", "/x", { token: world.headB.token, params: { id: problems.pA } });
    const unknown = await call(getProblem, "GET", "/x", { token: world.headB.token, params: { id: missing } });
    expect(outOfScope.status).toBe(404);
    expect(outOfScope.body).toEqual(unknown.body);
  });

  it("a division head of a co-operating unit sees the problem but may not edit it (403)", async () => {
    const r = await call(patchProblem, "PATCH", "/x", {
      token: world.headA.token,
      params: { id: problems.pCo },
      json: { target: "配合单位改目标", version: await problemVersion(problems.pCo) },
    });
    expect(r.status).toBe(403);
    expect(await problemVersion(problems.pCo)).toBe(1);
  });

  it("a division head may not change the ledger keeper's fields of their own problem (403)", async () => {
    const before = await db.problem.findUniqueOrThrow({ where: { id: problems.pA } });
    const r = await call(patchProblem, "PATCH", "/x", {
      token: world.headA.token,
      params: { id: problems.pA },
      json: { title: "处室改标题", deadline: "2030-01-01", version: before.version },
    });
    expect(r.status).toBe(403);
    const after = await db.problem.findUniqueOrThrow({ where: { id: problems.pA } });
    expect(after.title).toBe(before.title);
    expect(after.version).toBe(before.version);
  });

  it("DELETE /session without a valid token is 401", async () => {
    expect((await call(deleteSession, "DELETE", "/session", {})).status).toBe(401);
    expect((await call(deleteSession, "DELETE", "/session", { token: "nope" })).status).toBe(401);
  });

  it("GET /me answers the caller's own identity", async () => {
    for (const person of Object.values(people)) {
      const r = await call(getMe, "GET", "/me", { token: person.token });
      expect(r.body).toMatchObject({ id: person.user.id, username: person.user.username, role: person.user.role });
    }
  });
});

describe("summary", () => {
  it("no actor got a 2xx the matrix does not grant", () => {
    expect(observed).toHaveLength(ACTIONS.length * ACTORS.length);
    const unexpected2xx = observed.filter((o) => o.status < 300 && o.expected >= 300);
    expect(unexpected2xx).toEqual([]);
  });
});
