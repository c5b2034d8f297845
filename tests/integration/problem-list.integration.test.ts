import { beforeAll, describe, expect, it } from "vitest";
import { GET as listProblems } from "@/app/api/v1/problems/route";
import { db } from "@/lib/db";
import { listProblems as listProblemsUseCase } from "@/lib/server/problems/list-problems";
import { type CreatedProblem, calendarDay, createProblem, createUser } from "../factories";
import { call } from "../support/api";
import { createWorld, type World } from "../support/world";

/**
 * A small ledger of our own in our own two districts; every query is narrowed to those districts
 * (or to our tag) so rows written by other test files never show up.
 */
type Key = "overdue" | "dueToday" | "closedLate" | "ongoing" | "pending" | "airB" | "petitionB";
type Row = { id: string; code: string; title: string; deadline: string | null; progress: number; districtCode: string };
type Page = { items: Row[]; total: number; page: number; pageSize: number };

let world: World;
let leaderId: string;
const rows = {} as Record<Key, CreatedProblem>;

beforeAll(async () => {
  world = await createWorld();
  leaderId = (await createUser(db, { role: "LEADER" })).id;
  const a = { districtId: world.districtA.id, leadUnitId: world.divisionA.id };
  const b = { districtId: world.districtB.id, leadUnitId: world.divisionB.id };
  const t = world.tag;
  rows.overdue = await createProblem(db, {
    ...a,
    code: `L-${t}-1`,
    title: `梁溪河黑臭水体整治${t}`,
    status: "RECTIFYING",
    deadline: calendarDay(-1),
    deadlineBand: "IMMEDIATE",
    leadOfficialId: leaderId,
    measures: [{ percent: 40 }],
  });
  rows.dueToday = await createProblem(db, {
    ...a,
    code: `L-${t}-2`,
    title: `化工园区废气${t}`,
    description: "群众信访反映夜间偷排废气",
    status: "RECTIFYING",
    deadline: calendarDay(0),
    source: "PETITION",
    category: "AIR",
    measures: [{ percent: 90 }],
  });
  rows.closedLate = await createProblem(db, {
    ...a,
    code: `L-${t}-3`,
    title: `固废堆场${t}`,
    status: "CLOSED",
    deadline: calendarDay(-30),
    category: "SOLID_WASTE",
    measures: [{ percent: 100 }],
  });
  rows.ongoing = await createProblem(db, {
    ...a,
    code: `L-${t}-4`,
    title: `太湖蓝藻防控${t}`,
    status: "ONGOING",
    deadlineBand: "ONGOING",
    deadline: null,
    source: "CENTRAL_INSPECTION",
    leadOfficialId: leaderId,
  });
  rows.pending = await createProblem(db, {
    ...a,
    code: `L-${t}-5`,
    title: `饮用水源地保护${t}`,
    status: "PENDING_ACCEPTANCE",
    deadline: calendarDay(-3),
    deadlineBand: "MID",
    responsiblePerson: "王建国",
    measures: [{ percent: 100 }, { percent: 50 }],
  });
  rows.airB = await createProblem(db, {
    ...b,
    code: `L-${t}-6`,
    title: `锡山区扬尘${t}`,
    category: "AIR",
    deadline: calendarDay(30),
    deadlineBand: "LONG",
    measures: [{ percent: 10 }],
  });
  rows.petitionB = await createProblem(db, {
    ...b,
    code: `L-${t}-7`,
    title: `噪声扰民${t}`,
    source: "PETITION",
    category: "NOISE",
    deadline: calendarDay(10),
    locationText: "新吴区某工地黑臭边沟旁",
  });
});

const ours = () => `districtCode=${world.districtA.code}`;

async function list(query: string): Promise<Page> {
  const r = await call(listProblems, "GET", `/problems?${query}`, { token: world.coordinator.token });
  expect(r.status, r.text).toBe(200);
  return r.body as Page;
}

function keysOf(page: Page): Key[] {
  const byId = new Map(Object.entries(rows).map(([k, p]) => [p.id, k as Key]));
  return page.items.map((p) => byId.get(p.id) as Key);
}
const sorted = (keys: Key[]) => [...keys].sort();

describe("ledger filters", () => {
  it("district: only that district's problems", async () => {
    expect(sorted(keysOf(await list(ours())))).toEqual(sorted(["overdue", "dueToday", "closedLate", "ongoing", "pending"]));
    expect(sorted(keysOf(await list(`districtCode=${world.districtB.code}`)))).toEqual(sorted(["airB", "petitionB"]));
  });

  it.each<[string, Key[]]>([
    ["status=RECTIFYING", ["overdue", "dueToday"]],
    ["status=CLOSED", ["closedLate"]],
    ["status=ONGOING", ["ongoing"]],
    ["status=PENDING_ACCEPTANCE", ["pending"]],
    ["status=PUBLIC_NOTICE", []],
    ["source=PETITION", ["dueToday"]],
    ["source=CENTRAL_INSPECTION", ["ongoing"]],
    ["category=AIR", ["dueToday"]],
    ["category=SOLID_WASTE", ["closedLate"]],
    ["deadlineBand=IMMEDIATE", ["overdue"]],
    ["deadlineBand=ONGOING", ["ongoing"]],
    ["deadlineBand=MID", ["pending"]],
    // Overdue: deadline passed and neither closed nor long-term; due today is not yet overdue.
    ["overdue=true", ["overdue", "pending"]],
    ["overdue=false", ["dueToday", "closedLate", "ongoing"]],
    ["status=RECTIFYING&overdue=true", ["overdue"]],
  ])("%s", async (filter, expected) => {
    expect(sorted(keysOf(await list(`${ours()}&${filter}`)))).toEqual(sorted(expected));
  });

  it("lead official", async () => {
    expect(sorted(keysOf(await list(`leadOfficialId=${leaderId}`)))).toEqual(sorted(["overdue", "ongoing"]));
  });

  it("lead unit", async () => {
    expect(sorted(keysOf(await list(`leadUnitId=${world.divisionB.id}`)))).toEqual(sorted(["airB", "petitionB"]));
  });

  it("filters combine across districts by source", async () => {
    expect(sorted(keysOf(await list(`leadUnitId=${world.divisionB.id}&source=PETITION`)))).toEqual(["petitionB"]);
  });

  it("each row says whether it is overdue and by how many days", async () => {
    const page = (await list(`${ours()}&pageSize=100`)).items as (Row & { overdue: boolean; overdueDays: number })[];
    const byCode = Object.fromEntries(page.map((p) => [p.code, p]));
    expect(byCode[rows.overdue.code]).toMatchObject({ overdue: true, overdueDays: 1 });
    expect(byCode[rows.pending.code]).toMatchObject({ overdue: true, overdueDays: 3 });
    expect(byCode[rows.dueToday.code]).toMatchObject({ overdue: false, overdueDays: 0 });
    expect(byCode[rows.closedLate.code]).toMatchObject({ overdue: false, overdueDays: 0 });
    expect(byCode[rows.ongoing.code]).toMatchObject({ overdue: false, deadline: null });
  });
});

describe("search", () => {
  it.each<[string, string, Key[]]>([
    ["a word of the title", "黑臭水体", ["overdue"]],
    ["a word of the description", "偷排", ["dueToday"]],
    ["the responsible person", "王建国", ["pending"]],
    ["a word of another title", "蓝藻", ["ongoing"]],
    ["the problem code, case-insensitively", "l-", ["overdue", "dueToday", "closedLate", "ongoing", "pending"]],
  ])("finds %s (q=%s)", async (_what, q, expected) => {
    expect(sorted(keysOf(await list(`${ours()}&q=${encodeURIComponent(q)}`)))).toEqual(sorted(expected));
  });

  it("matches the location text too, in any district", async () => {
    expect(keysOf(await list(`q=${encodeURIComponent(`黑臭边沟`)}&leadUnitId=${world.divisionB.id}`))).toEqual(["petitionB"]);
  });

  it("combines with filters", async () => {
    expect(keysOf(await list(`${ours()}&q=${encodeURIComponent(world.tag)}&status=CLOSED`))).toEqual(["closedLate"]);
  });

  it("finds nothing for text no problem contains", async () => {
    expect((await list(`${ours()}&q=${encodeURIComponent("不存在的问题描述")}`)).total).toBe(0);
  });
});

describe("sort and pagination", () => {
  it.each<[string, Key[]]>([
    // Deadlines ascending, problems without one last.
    ["urgency", ["pending", "overdue", "dueToday", "ongoing", "closedLate"]],
    ["deadline", ["closedLate", "pending", "overdue", "dueToday", "ongoing"]],
    ["-deadline", ["dueToday", "overdue", "pending", "closedLate", "ongoing"]],
    ["code", ["overdue", "dueToday", "closedLate", "ongoing", "pending"]],
    ["-code", ["pending", "ongoing", "closedLate", "dueToday", "overdue"]],
    // Equal progress falls back to the code.
    ["progress", ["ongoing", "overdue", "pending", "dueToday", "closedLate"]],
    ["-progress", ["closedLate", "dueToday", "pending", "overdue", "ongoing"]],
  ])("sort=%s", async (sort, expected) => {
    expect(keysOf(await list(`${ours()}&sort=${sort}`))).toEqual(expected);
  });

  it("sort=district orders by administrative code", async () => {
    const codes = (await list(`q=${encodeURIComponent(world.tag)}&sort=district&pageSize=100`)).items.map((p) => p.districtCode);
    expect(codes).toEqual([...codes].sort());
    const desc = (await list(`q=${encodeURIComponent(world.tag)}&sort=-district&pageSize=100`)).items.map((p) => p.districtCode);
    expect(desc).toEqual([...codes].sort().reverse());
  });

  it("pages partition the result: same total on every page, no row twice, none missing", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const r = await list(`${ours()}&sort=code&pageSize=2&page=${page}`);
      expect(r).toMatchObject({ total: 5, page, pageSize: 2 });
      expect(r.items.length).toBe(page < 3 ? 2 : 1);
      seen.push(...r.items.map((p) => p.code));
    }
    expect(seen).toEqual([1, 2, 3, 4, 5].map((n) => `L-${world.tag}-${n}`));
    const beyond = await list(`${ours()}&pageSize=2&page=4`);
    expect(beyond).toMatchObject({ total: 5, items: [] });
  });

  it("defaults to 20 per page, by urgency: open problems by deadline (ongoing last), closed ones after", async () => {
    const r = await list(ours());
    expect(r).toMatchObject({ page: 1, pageSize: 20, total: 5 });
    expect(keysOf(r)).toEqual(["pending", "overdue", "dueToday", "ongoing", "closedLate"]);
  });
});

describe("the use case, called directly", () => {
  it("takes the route's query object and decides 'today' by the clock it is given", async () => {
    const overdueInB = async (daysAhead: number) =>
      (
        await listProblemsUseCase(
          world.coordinator.actor,
          { districtCode: world.districtB.code, overdue: "true" },
          { now: new Date(Date.now() + daysAhead * 86_400_000) },
        )
      ).items
        .map((p) => p.code)
        .sort();
    // petitionB is due in 10 days: on that day it is not yet overdue, the day after it is.
    expect(await overdueInB(10)).toEqual([]);
    expect(await overdueInB(11)).toEqual([rows.petitionB.code]);
    expect(await overdueInB(40)).toEqual([rows.airB.code, rows.petitionB.code].sort());
  });
});
