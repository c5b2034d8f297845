import type { Role } from "@prisma/client";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as decisionRoute } from "@/app/api/v1/penalties/[id]/decision/route";
import { GET as noticeRoute } from "@/app/api/v1/penalties/decisions/[id]/notice/route";
import { POST as paymentRoute } from "@/app/api/v1/penalties/decisions/[id]/payment/route";
import { POST as evaluateRoute } from "@/app/api/v1/penalties/evaluate/route";
import { GET as penaltiesRoute } from "@/app/api/v1/penalties/route";
import { GET as getRulesRoute, PATCH as patchRulesRoute } from "@/app/api/v1/penalty-rules/route";
import { GET as suspensionsRoute } from "@/app/api/v1/suspensions/route";
import { db } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import { assertNotSuspended } from "@/lib/server/penalties/suspensions";
import { calendarDay, createDistrict, createProblem } from "../factories";
import { call, errorOf } from "../support/api";
import { createWorld, type Person, type World } from "../support/world";

/** Years no other test file uses: rule versions made here are in force only from these. */
const YEAR = 2047;
const CITY = "320200";

let world: World;

type Proposal = {
  id: string;
  districtCode: string;
  trigger: string;
  episodeKey: string;
  month: number;
  amount: number;
  status: string;
  displayStatus: string;
  statusReason: string | null;
  version: number;
  figures: Record<string, unknown>;
  problem: { id: string } | null;
  decision: null | {
    id: string;
    number: string;
    amount: number;
    proposedAmount: number;
    capped: boolean;
    excess: number;
    paymentStatus: string;
    suspensions: { kind: string; label: string; startsOn: string; endsOn: string }[];
  };
};

async function airData(districtCode: string, year: number, months: number[], value: string, lastYear: string, city: string) {
  await db.statUnit.upsert({
    where: { code: districtCode },
    create: { code: districtCode, name: districtCode, level: "OTHER" },
    update: {},
  });
  await db.statUnit.upsert({
    where: { code: CITY },
    create: { code: CITY, name: "无锡市", level: "CITY", parentCode: "320000" },
    update: {},
  });
  const rows = months.flatMap((month) => [
    { unitCode: districtCode, year, month, valueText: value },
    { unitCode: districtCode, year: year - 1, month, valueText: lastYear },
    { unitCode: CITY, year, month, valueText: city },
  ]);
  for (const r of rows)
    await db.indicatorValue.upsert({
      where: {
        unitCode_indicator_year_month_cumulative: {
          unitCode: r.unitCode,
          indicator: "PM25",
          year: r.year,
          month: r.month,
          cumulative: true,
        },
      },
      create: { ...r, indicator: "PM25", cumulative: true, value: r.valueText },
      update: { valueText: r.valueText, value: r.valueText },
    });
}

async function evaluate(month: number, who: Person = world.coordinator, year = YEAR) {
  const r = await call(evaluateRoute, "POST", "/penalties/evaluate", { token: who.token, json: { year, month } });
  expect(r.status).toBe(200);
  return r.body as { created: number; updated: number; withdrawn: number; unchanged: number };
}

async function proposals(districtCode: string, query = "") {
  const r = await call(penaltiesRoute, "GET", `/penalties?year=${YEAR}&districtCode=${districtCode}${query}`, {
    token: world.viewer.token,
  });
  expect(r.status).toBe(200);
  return (r.body as { proposals: Proposal[] }).proposals;
}

const decide = (who: Person, p: Pick<Proposal, "id" | "version">, body: Record<string, unknown>) =>
  call(decisionRoute, "POST", `/penalties/${p.id}/decision`, {
    token: who.token,
    params: { id: p.id },
    json: { version: p.version, ...body },
    headers: { "accept-language": "zh-CN" },
  });

beforeAll(async () => {
  world = await createWorld();
});

describe("evaluate → proposals → decisions → suspensions", () => {
  let district: Awaited<ReturnType<typeof createDistrict>>;

  beforeAll(async () => {
    district = await createDistrict(db);
    await airData(district.code, YEAR, [1, 2, 3], "40", "36", "35");
    await createProblem(db, { districtId: district.id, status: "RECTIFYING", deadline: calendarDay(-400) });
    await createProblem(db, { districtId: district.id, status: "RECTIFYING", deadline: calendarDay(-400) });
  });

  it("writes one proposal per episode with its figures, and re-evaluating never duplicates", async () => {
    const first = await evaluate(3);
    expect(first.created).toBeGreaterThanOrEqual(3);
    const list = await proposals(district.code);
    expect(list.map((p) => [p.trigger, p.month, p.amount, p.status]).sort()).toEqual([
      ["PM25", 3, 3_000_000, "PROPOSED"],
      ["PROBLEM", 3, 5_000_000, "PROPOSED"],
      ["PROBLEM", 3, 5_000_000, "PROPOSED"],
    ]);
    const pm25 = list.find((p) => p.trigger === "PM25");
    expect(pm25?.episodeKey).toBe(`PM25:${YEAR}`);
    expect(pm25?.figures.months).toEqual([1, 2, 3].map((month) => ({ month, value: "40", lastYear: "36", cityAverage: "35" })));
    const audit = await db.auditLog.findFirst({
      where: { entityType: "PenaltyProposal", entityId: pm25?.id, action: "propose" },
    });
    expect(audit?.after).toMatchObject({ trigger: "PM25", amount: 3_000_000 });

    await evaluate(3);
    await evaluate(4, world.leader);
    const again = await proposals(district.code);
    expect(again).toHaveLength(3);
    expect(again.find((p) => p.trigger === "PM25")?.month).toBe(3);
    expect(await db.penaltyProposal.count({ where: { districtId: district.id } })).toBe(3);
  });

  it("confirms into numbered decisions, the third capped so the collection stays within ¥10m, with suspensions", async () => {
    const list = await proposals(district.code);
    const order = [list.find((p) => p.trigger === "PM25"), ...list.filter((p) => p.trigger === "PROBLEM")] as Proposal[];
    const results = [];
    for (const p of order) {
      const r = await decide(world.leader, p, { decision: "CONFIRM" });
      expect(r.status).toBe(200);
      results.push((r.body as { decision: { number: string; amount: number; capped: boolean } }).decision);
    }
    const year = calendarDay(0).getUTCFullYear();
    for (const d of results) expect(d.number).toMatch(new RegExp(`^锡环惩〔${year}〕\\d+号$`));
    const seqs = results.map((d) => Number(/〕(\d+)号/.exec(d.number)?.[1]));
    expect(seqs[1]).toBe((seqs[0] as number) + 1);
    expect(seqs[2]).toBe((seqs[1] as number) + 1);
    expect(results.map((d) => [d.amount, d.capped])).toEqual([
      [3_000_000, false],
      [5_000_000, false],
      [2_000_000, true],
    ]);
    const after = await proposals(district.code);
    const capped = after.find((p) => p.decision?.capped);
    expect(capped?.decision).toMatchObject({
      proposedAmount: 5_000_000,
      amount: 2_000_000,
      excess: 3_000_000,
      paymentStatus: "UNPAID",
    });
    expect(capped?.displayStatus).toBe("CONFIRMED");
    expect(capped?.decision?.suspensions.map((s) => s.kind).sort()).toEqual(["EIA_INTAKE", "FUNDING", "HONOURS"]);
    expect(capped?.decision?.suspensions.find((s) => s.kind === "HONOURS")?.label).toBe("生态环境类表彰推荐");
    const today = calendarDay(0).toISOString().slice(0, 10);
    expect(capped?.decision?.suspensions[0]?.startsOn).toBe(today);

    // The problem's history shows the decision on its penalty.
    const problemAudit = await db.auditLog.findFirst({
      where: { entityType: "Problem", entityId: capped?.problem?.id, action: "penaltyConfirm" },
    });
    expect(problemAudit?.after).toMatchObject({ penaltyDecision: capped?.decision?.number, penaltyAmount: 2_000_000 });
    // A decided proposal is never decided again.
    const twice = await decide(
      world.leader,
      { id: capped?.id as string, version: capped?.version as number },
      { decision: "WAIVE", reason: "x" },
    );
    expect(twice.status).toBe(409);
  });

  it("a suspended district cannot submit: 409 naming the decision; the suspensions list shows them", async () => {
    const list = await proposals(district.code);
    const numbers = list.map((p) => p.decision?.number);
    let error: unknown;
    try {
      await assertNotSuspended(district.id, "EIA_INTAKE");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).status).toBe(409);
    const named = numbers.find((n) => n && (error as Error).message.includes(n));
    expect(named).toBeDefined();
    expect((error as Error).message).toContain("暂停受理建设项目/项目环评审核上报");
    // Not before the suspension starts.
    await expect(assertNotSuspended(district.id, "EIA_INTAKE", new Date(Date.UTC(2020, 0, 1)))).resolves.toBeUndefined();
    await expect(assertNotSuspended(world.districtB.id, "EIA_INTAKE")).resolves.toBeUndefined();

    const r = await call(suspensionsRoute, "GET", `/suspensions?districtCode=${district.code}&active=true`, {
      token: world.viewer.token,
    });
    expect(r.status).toBe(200);
    const items = (r.body as { items: { kind: string; active: boolean; decisionNumber: string }[] }).items;
    expect(items).toHaveLength(9);
    expect(items.every((s) => s.active)).toBe(true);
    const inactive = await call(suspensionsRoute, "GET", `/suspensions?districtCode=${district.code}&active=false`, {
      token: world.viewer.token,
    });
    expect((inactive.body as { items: unknown[] }).items).toEqual([]);
    expect((await call(suspensionsRoute, "GET", "/suspensions?active=maybe", { token: world.viewer.token })).status).toBe(422);
  });

  it("the fee notice is a Word document with the district, the number and the amount", async () => {
    const capped = (await proposals(district.code)).find((p) => p.decision?.capped) as Proposal;
    const id = capped.decision?.id as string;
    const r = await fetchNotice(id, world.viewer);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(r.headers.get("content-disposition")).toMatch(/^attachment;/);
    const zip = await JSZip.loadAsync(r.bytes);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain(capped.decision?.number);
    expect(xml).toContain(district.name);
    expect(xml).toContain("200万元");
    expect(xml).toContain("2000000元");
    expect(xml).toContain("核减300万元");
    expect(xml).toContain("仿宋");
    expect(xml).toContain("生态环境类表彰推荐");
    expect((await fetchNotice("00000000-0000-4000-8000-000000000000", world.viewer)).status).toBe(404);
  });

  it("the coordinator records payment once; the status becomes 已缴纳 (PAID)", async () => {
    const p = (await proposals(district.code)).find((x) => x.trigger === "PM25") as Proposal;
    const id = p.decision?.id as string;
    const pay = (who: Person, json: unknown) =>
      call(paymentRoute, "POST", `/penalties/decisions/${id}/payment`, { token: who.token, params: { id }, json });
    expect((await pay(world.leader, { paidOn: "2026-12-01" })).status).toBe(403);
    expect((await pay(world.coordinator, { paidOn: "2026-13-01" })).status).toBe(422);
    expect((await pay(world.coordinator, { paidOn: "2026-12-01" })).status).toBe(200);
    expect((await pay(world.coordinator, { paidOn: "2026-12-01" })).status).toBe(409);
    const paid = await proposals(district.code, "&status=PAID");
    expect(paid.map((x) => x.id)).toEqual([p.id]);
    expect(paid[0]?.displayStatus).toBe("PAID");
    expect((await proposals(district.code, "&status=CONFIRMED")).map((x) => x.id)).not.toContain(p.id);
  });

  async function fetchNotice(id: string, who: Person) {
    const r = await noticeRoute(
      new (await import("next/server")).NextRequest(`http://localhost/api/v1/penalties/decisions/${id}/notice`, {
        headers: { authorization: `Bearer ${who.token}` },
      }),
      { params: Promise.resolve({ id }) },
    );
    return { status: r.status, headers: r.headers, bytes: Buffer.from(await r.arrayBuffer()) };
  }
});

describe("waive, withdraw, findings", () => {
  it("waiving requires a reason (422 in Chinese), then is audited with it", async () => {
    const district = await createDistrict(db);
    await createProblem(db, { districtId: district.id, status: "RECTIFYING", deadline: calendarDay(-400) });
    await evaluate(6);
    const [p] = await proposals(district.code);
    const bad = await decide(world.leader, p as Proposal, { decision: "WAIVE" });
    expect(bad.status).toBe(422);
    expect(errorOf(bad).fields?.reason).toEqual(["必填"]);
    const stale = await decide(
      world.leader,
      { id: p?.id as string, version: (p?.version as number) + 5 },
      { decision: "CONFIRM" },
    );
    expect(stale.status).toBe(409);
    const ok = await decide(world.leader, p as Proposal, { decision: "WAIVE", reason: "已纳入省级督察统一处理" });
    expect(ok.status).toBe(200);
    const [after] = await proposals(district.code);
    expect(after).toMatchObject({
      status: "WAIVED",
      displayStatus: "WAIVED",
      statusReason: "已纳入省级督察统一处理",
      decision: null,
    });
    const audit = await db.auditLog.findFirst({
      where: { entityType: "PenaltyProposal", entityId: p?.id, action: "penalty.waive" },
    });
    expect(audit).toMatchObject({ actorId: world.leader.user.id });
    expect(audit?.after).toMatchObject({ status: "WAIVED", reason: "已纳入省级督察统一处理" });
    // A waived episode is not proposed again.
    await evaluate(7);
    expect(await proposals(district.code)).toHaveLength(1);
  });

  it("a proposal whose trigger no longer holds before any decision is withdrawn, and says so", async () => {
    const district = await createDistrict(db);
    const problem = await createProblem(db, { districtId: district.id, status: "RECTIFYING", deadline: calendarDay(-400) });
    await evaluate(8);
    expect((await proposals(district.code)).map((p) => p.status)).toEqual(["PROPOSED"]);
    await db.problem.update({ where: { id: problem.id }, data: { status: "CLOSED", closedAt: new Date() } });
    const run = await evaluate(8);
    expect(run.withdrawn).toBeGreaterThanOrEqual(1);
    const [p] = await proposals(district.code);
    expect(p?.status).toBe("WITHDRAWN");
    expect(p?.statusReason).toContain(`${YEAR}年8月`);
    expect(await db.auditLog.count({ where: { entityType: "PenaltyProposal", entityId: p?.id, action: "withdraw" } })).toBe(1);
  });

  it("a failed acceptance alone proposes nothing; an established finding does", async () => {
    const district = await createDistrict(db);
    const problem = await createProblem(db, { districtId: district.id, status: "RECTIFYING", deadline: calendarDay(100) });
    await db.problemTransition.create({
      data: {
        problemId: problem.id,
        action: "FAIL_ACCEPTANCE",
        fromStatus: "PENDING_ACCEPTANCE",
        toStatus: "RECTIFYING",
        actorId: world.coordinator.user.id,
        comment: "整改不到位",
        at: new Date(),
      },
    });
    await evaluate(9);
    expect(await proposals(district.code)).toEqual([]);
    await db.rectificationFinding.create({
      data: { problemId: problem.id, kind: "PERFUNCTORY", reason: "现场复核仍有积存废物", establishedById: world.leader.user.id },
    });
    await evaluate(9);
    const list = await proposals(district.code);
    expect(list.map((p) => [p.trigger, p.episodeKey, p.amount])).toEqual([
      ["PROBLEM", `PROBLEM:${problem.id}:PERFUNCTORY`, 5_000_000],
    ]);
    expect(list[0]?.figures).toMatchObject({ reason: "PERFUNCTORY", code: problem.code });
  });
});

describe("rules as versions", () => {
  it("a change effective from a month changes that month's evaluation but not earlier months'", async () => {
    const district = await createDistrict(db);
    await createProblem(db, { districtId: district.id, status: "RECTIFYING", deadline: calendarDay(-400) });
    await evaluate(10);
    const patch = await call(patchRulesRoute, "PATCH", "/penalty-rules", {
      token: world.admin.token,
      json: { effectiveFrom: `${YEAR}-11`, rules: { problemFee: 2_000_000 }, reason: "市政府常务会议修订" },
    });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ effectiveFrom: `${YEAR}-11`, rules: { problemFee: 2_000_000, airFee: 3_000_000 } });
    const audit = await db.auditLog.findFirst({
      where: { entityType: "PenaltyRuleVersion", action: "create" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ actorId: world.admin.user.id });
    expect(audit?.after).toMatchObject({ effectiveFrom: `${YEAR}-11`, problemFee: 2_000_000, reason: "市政府常务会议修订" });

    await createProblem(db, { districtId: district.id, status: "RECTIFYING", deadline: calendarDay(-400) });
    await evaluate(11);
    await evaluate(10);
    const list = await proposals(district.code);
    expect(list.map((p) => [p.month, p.amount]).sort()).toEqual([
      [10, 5_000_000],
      [11, 2_000_000],
    ]);

    const rules = await call(getRulesRoute, "GET", "/penalty-rules", { token: world.viewer.token });
    expect(rules.status).toBe(200);
    const body = rules.body as { versions: { effectiveFrom: string }[]; inForce: { effectiveFrom: string } };
    expect(body.versions.map((v) => v.effectiveFrom)).toContain(`${YEAR}-11`);
    expect(body.inForce.effectiveFrom < `${YEAR}-11`).toBe(true);
  });

  it("names each bad key in Chinese (422)", async () => {
    const r = await call(patchRulesRoute, "PATCH", "/penalty-rules", {
      token: world.admin.token,
      headers: { "accept-language": "zh-CN" },
      json: { effectiveFrom: `${YEAR}-13`, rules: { airFee: -1, airMonths: 13, capPerCollection: "x", bogus: 1 }, reason: " " },
    });
    expect(r.status).toBe(422);
    const fields = errorOf(r).fields ?? {};
    expect(Object.keys(fields).sort()).toEqual([
      "effectiveFrom",
      "reason",
      "rules.airFee",
      "rules.airMonths",
      "rules.bogus",
      "rules.capPerCollection",
    ]);
    expect(fields.effectiveFrom).toEqual(["期间格式应为 YYYY-MM"]);
    expect(fields["rules.bogus"]).toEqual(["不允许的字段"]);
    expect(fields["rules.capPerCollection"]).toEqual(["请输入数字"]);
    for (const messages of Object.values(fields)) for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("permissions", () => {
  const roles: [Role, keyof World][] = [
    ["ADMIN", "admin"],
    ["LEADER", "leader"],
    ["COORDINATOR", "coordinator"],
    ["DIVISION_HEAD", "headA"],
    ["FIELD_OFFICER", "officerA"],
    ["VIEWER", "viewer"],
  ];

  it("only leaders decide, only admins edit rules, only leaders and the coordinator evaluate", async () => {
    const district = await createDistrict(db);
    await createProblem(db, { districtId: district.id, status: "RECTIFYING", deadline: calendarDay(-400) });
    await evaluate(12);
    const [p] = await proposals(district.code);
    for (const [role, key] of roles) {
      const who = world[key] as Person;
      const d = await decide(who, p as Proposal, { decision: "WAIVE", reason: "测试" });
      const rules = await call(patchRulesRoute, "PATCH", "/penalty-rules", {
        token: who.token,
        json: { effectiveFrom: "2099-01", rules: { airFee: 1 }, reason: "权限测试" },
      });
      const ev = await call(evaluateRoute, "POST", "/penalties/evaluate", { token: who.token, json: { year: YEAR, month: 12 } });
      expect([role, d.status === 403, rules.status === 403, ev.status === 403]).toEqual([
        role,
        role !== "LEADER",
        role !== "ADMIN",
        role !== "LEADER" && role !== "COORDINATOR",
      ]);
    }
    expect((await call(penaltiesRoute, "GET", `/penalties?year=${YEAR}`, { token: null })).status).toBe(401);
  });
});
