import type { Enterprise } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as fileRoute } from "@/app/api/v1/bottom-line-files/[id]/route";
import { POST as recheckRoute } from "@/app/api/v1/closed-enterprises/[id]/rechecks/route";
import { GET as getEnterpriseRoute } from "@/app/api/v1/closed-enterprises/[id]/route";
import { POST as stageFileRoute } from "@/app/api/v1/closed-enterprises/[id]/stages/[stage]/files/route";
import { POST as stageRoute } from "@/app/api/v1/closed-enterprises/[id]/stages/route";
import { GET as closedListRoute } from "@/app/api/v1/closed-enterprises/route";
import { POST as toProblemsRoute } from "@/app/api/v1/hazards/problems/route";
import { GET as hazardsRoute } from "@/app/api/v1/hazards/route";
import { POST as assessmentRoute } from "@/app/api/v1/parks/[id]/assessments/route";
import { POST as drillRoute } from "@/app/api/v1/parks/[id]/drills/route";
import { PATCH as itemPatchRoute } from "@/app/api/v1/parks/[id]/items/[itemId]/route";
import { POST as itemRoute } from "@/app/api/v1/parks/[id]/items/route";
import { GET as parkRoute } from "@/app/api/v1/parks/[id]/route";
import { POST as createParkRoute, GET as parksRoute } from "@/app/api/v1/parks/route";
import { POST as photoRoute } from "@/app/api/v1/sweeps/[id]/checks/[targetId]/photos/route";
import { POST as checkRoute, GET as targetsRoute } from "@/app/api/v1/sweeps/[id]/checks/route";
import { GET as sweepRoute } from "@/app/api/v1/sweeps/[id]/route";
import { POST as createSweepRoute, GET as sweepsRoute } from "@/app/api/v1/sweeps/route";
import { db } from "@/lib/db";
import { calendarDay, evidencePdfBytes } from "../factories";
import { upsertEnterprise } from "../factories/bottom-line";
import { type ApiResult, call, errorOf, leaksInternals } from "../support/api";
import { allowConsoleError } from "../support/console-guard";
import { callMultipart, HOSTILE, multipart, png } from "../support/evidence-files";
import { createWorld, type Person, type World } from "../support/world";

let world: World;
let firmA: Enterprise;
let firmB: Enterprise;
let closedA: Enterprise;
let closedB: Enterprise;
let sweepId: string;
let items: { id: string; title: string }[];
let targetA: string;
let targetB: string;
let parkA: { id: string };

const day = (offset: number) => calendarDay(offset).toISOString().slice(0, 10);
type Role = "admin" | "leader" | "coordinator" | "headA" | "officerA" | "officerB" | "viewer";
const ROLES: Role[] = ["admin", "leader", "coordinator", "headA", "officerA", "officerB", "viewer"];
const person = (r: Role): Person => world[r];

function expectClean(r: ApiResult) {
  expect(leaksInternals(r.text)).toBe(false);
}

beforeAll(async () => {
  world = await createWorld();
  const tag = world.tag;
  const base = { tags: ["CHEMICAL" as const, "HEAVY_METAL" as const], isDemo: false };
  firmA = await upsertEnterprise(db, { ...base, name: `甲化工${tag}`, districtId: world.districtA.id, address: "甲路1号" });
  firmB = await upsertEnterprise(db, { ...base, name: `乙化工${tag}`, districtId: world.districtB.id });
  const closed = { tags: ["CHEMICAL" as const], status: "CLOSED" as const, closedOn: calendarDay(-400) };
  closedA = await upsertEnterprise(db, { ...closed, name: `退出甲${tag}`, districtId: world.districtA.id });
  closedB = await upsertEnterprise(db, { ...closed, name: `退出乙${tag}`, districtId: world.districtB.id });
  // Closed long ago: outside the window of the last five years.
  await upsertEnterprise(db, {
    ...closed,
    name: `久已退出${tag}`,
    districtId: world.districtA.id,
    closedOn: calendarDay(-6 * 366),
  });
});

describe("hazard sweeps", () => {
  it("only coordinators open a sweep; the checklist template is kept; targets by tag carry their districts", async () => {
    const body = {
      title: `化工企业隐患排查${world.tag}`,
      startsOn: day(-3),
      endsOn: day(30),
      template: {
        name: `化工清单${world.tag}`,
        items: [
          { title: "应急池是否满足容积", guidance: "核对设计文件与现场" },
          { title: "雨污分流闸阀是否可用", guidance: "现场试开关" },
          { title: "危废贮存是否规范" },
        ],
      },
      targetTags: ["HEAVY_METAL"],
    };
    for (const r of ROLES.filter((r) => r !== "coordinator")) {
      const res = await call(createSweepRoute, "POST", "/sweeps", { token: person(r).token, json: body });
      expect(res.status, r).toBe(403);
    }
    expect((await call(createSweepRoute, "POST", "/sweeps", { token: null, json: body })).status).toBe(401);
    const bad = await call(createSweepRoute, "POST", "/sweeps", {
      token: world.coordinator.token,
      json: { ...body, targetTags: [], endsOn: day(-10), status: "DONE" },
      headers: { "accept-language": "zh-CN" },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(["endsOn", "status", "targetTags"]);
    const res = await call(createSweepRoute, "POST", "/sweeps", { token: world.coordinator.token, json: body });
    expect(res.status).toBe(201);
    const sweep = res.body as { id: string; template: { items: { id: string; title: string }[] } };
    sweepId = sweep.id;
    items = sweep.template.items;
    expect(items.map((i) => i.title)).toEqual(body.template.items.map((i) => i.title));
    // The same template name again is refused: templates are reused by id.
    const again = await call(createSweepRoute, "POST", "/sweeps", { token: world.coordinator.token, json: body });
    expect(again.status).toBe(422);
    const targets = await db.sweepTarget.findMany({ where: { sweepId } });
    const a = targets.find((t) => t.enterpriseId === firmA.id);
    const b = targets.find((t) => t.enterpriseId === firmB.id);
    expect(a?.districtId).toBe(world.districtA.id);
    expect(b?.districtId).toBe(world.districtB.id);
    // Closed firms are not swept.
    expect(targets.some((t) => t.enterpriseId === closedA.id)).toBe(false);
    targetA = a?.id as string;
    targetB = b?.id as string;
  });

  it("everyone signed in reads sweeps; field officers see only their district's targets", async () => {
    for (const r of ROLES) {
      expect((await call(sweepsRoute, "GET", "/sweeps", { token: person(r).token })).status, r).toBe(200);
      expect(
        (await call(sweepRoute, "GET", `/sweeps/${sweepId}`, { token: person(r).token, params: { id: sweepId } })).status,
      ).toBe(200);
    }
    expect((await call(sweepsRoute, "GET", "/sweeps", { token: null })).status).toBe(401);
    const ids = async (r: Role) =>
      (
        (await call(targetsRoute, "GET", `/sweeps/${sweepId}/checks`, { token: person(r).token, params: { id: sweepId } }))
          .body as {
          items: { id: string }[];
        }
      ).items.map((t) => t.id);
    expect(await ids("officerA")).toEqual([targetA]);
    expect(await ids("officerB")).toEqual([targetB]);
    expect(await ids("coordinator")).toEqual(expect.arrayContaining([targetA, targetB]));
  });

  it("a check needs every item, a hazard on each FAIL and only there; roles and districts are enforced", async () => {
    const [i1, i2, i3] = items as unknown as [{ id: string }, { id: string }, { id: string }];
    const good = {
      targetId: targetA,
      results: [
        { itemId: i1.id, verdict: "FAIL", note: "应急池容积不足", hazard: { level: "MAJOR", deadline: day(20) } },
        { itemId: i2.id, verdict: "FAIL", hazard: { level: "GENERAL", deadline: day(40) } },
        { itemId: i3.id, verdict: "PASS" },
      ],
    };
    const post = (p: Person | null, json: unknown) =>
      call(checkRoute, "POST", `/sweeps/${sweepId}/checks`, {
        token: p?.token ?? null,
        json,
        params: { id: sweepId },
        headers: { "accept-language": "zh-CN" },
      });
    for (const r of ["admin", "leader", "headA", "viewer"] as Role[]) expect((await post(person(r), good)).status, r).toBe(403);
    // Another district's officer: the target does not exist for them.
    expect((await post(world.officerB, good)).status).toBe(404);
    const bad = await post(world.officerA, {
      targetId: targetA,
      results: [
        { itemId: i1.id, verdict: "FAIL" },
        { itemId: i2.id, verdict: "PASS", hazard: { level: "GENERAL", deadline: day(5) } },
      ],
    });
    expect(bad.status).toBe(422);
    expectClean(bad);
    expect(errorOf(bad).fields).toEqual({
      "results.0.hazard": ["“不合格”须登记隐患等级和整改期限"],
      "results.1.hazard": ["只有“不合格”项才登记隐患"],
      results: ["清单中的每一项都须给出结论"],
    });
    const ok = await post(world.officerA, good);
    expect(ok.status).toBe(201);
    expect((ok.body as { summary: { outcome: string; fail: number } }).summary).toMatchObject({ outcome: "HAZARDS", fail: 2 });
    expect((await post(world.officerA, good)).status).toBe(409);
    const audit = await db.auditLog.findFirst({ where: { entityType: "SweepTarget", entityId: targetA, action: "check" } });
    expect(audit?.actorId).toBe(world.officerA.user.id);
  });

  it("photos of a checked item go through the evidence checks, by those who may check it, and are read in scope", async () => {
    const itemId = (items[0] as { id: string }).id;
    const send = async (p: Person, bytes: Buffer, target = targetA, item = itemId, filename = "现场.png") => {
      const form = multipart([
        { name: "itemId", value: item },
        { name: "file", filename, bytes, contentType: "image/png" },
      ]);
      return callMultipart(photoRoute, `/sweeps/${sweepId}/checks/${target}/photos`, {
        token: p.token,
        params: { id: sweepId, targetId: target },
        body: form.body,
        contentType: form.contentType,
        headers: { "accept-language": "zh-CN" },
      });
    };
    const photo = await png(64, 48);
    expect((await send(world.viewer, photo)).status).toBe(403);
    expect((await send(world.officerB, photo)).status).toBe(404);
    // Target B is not checked yet: it has no results to attach to.
    const unchecked = await send(world.coordinator, photo, targetB);
    expect(unchecked.status).toBe(422);
    expect(errorOf(unchecked).fields?.itemId?.[0]).toContain("须先提交排查");
    const spoofed = await send(world.officerA, HOSTILE.html, targetA, itemId, "x.png");
    expect(spoofed.status).toBe(415);
    const ok = await send(world.officerA, photo);
    expect(ok.status).toBe(201);
    const file = ok.body as { id: string; hasThumb: boolean; sha256: string };
    expect(file.hasThumb).toBe(true);
    const row = await db.bottomLineFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row.storageKey.startsWith("bottom-line/")).toBe(true);
    const get = (p: Person, variant = "") =>
      call(fileRoute, "GET", `/bottom-line-files/${file.id}${variant}`, { token: p.token, params: { id: file.id } });
    const download = await get(world.leader);
    expect(download.status).toBe(200);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment/);
    expect((await get(world.officerA, "?variant=thumb")).headers.get("content-type")).toBe("image/webp");
    expect((await get(world.officerB)).status).toBe(404);
    const target = (
      await call(targetsRoute, "GET", `/sweeps/${sweepId}/checks`, { token: world.officerA.token, params: { id: sweepId } })
    ).body as { items: { results: { itemId: string; files: { id: string }[] }[] }[] };
    expect(target.items[0]?.results.find((r) => r.itemId === itemId)?.files.map((f) => f.id)).toEqual([file.id]);
  });

  it("hazards are listed in scope and coloured; open and overdue filters work", async () => {
    const list = async (r: Role, q = "") =>
      (await call(hazardsRoute, "GET", `/hazards?sweepId=${sweepId}${q}`, { token: person(r).token })).body as {
        items: { id: string; level: string; colour: string; district: { id: string } }[];
      };
    expect((await list("officerA")).items).toHaveLength(2);
    expect((await list("officerB")).items).toHaveLength(0);
    const all = await list("leader");
    expect(all.items.map((h) => h.level)).toEqual(["MAJOR", "GENERAL"]);
    expect(all.items.every((h) => ["GREEN", "YELLOW"].includes(h.colour))).toBe(true);
    expect((await list("leader", "&overdue=true")).items).toHaveLength(0);
    expect((await list("leader", "&level=MAJOR&open=true")).items).toHaveLength(1);
    expect((await call(hazardsRoute, "GET", "/hazards?level=BIG", { token: world.leader.token })).status).toBe(422);
  });

  it("hazards become RISK problems in bulk in one transaction: an injected fault leaves nothing", async () => {
    const hazards = await db.hazard.findMany({ where: { sweepId }, orderBy: { deadline: "asc" } });
    const ids = hazards.map((h) => h.id);
    const before = await db.problem.count();
    await db.$executeRawUnsafe(
      `CREATE FUNCTION test_hazard_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."entityType" = 'Hazard' AND NEW."entityId" = '${ids[1]}' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_hazard_fault BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION test_hazard_fault()`,
    );
    try {
      allowConsoleError();
      const failed = await call(toProblemsRoute, "POST", "/hazards/problems", {
        token: world.coordinator.token,
        json: { hazardIds: ids },
      });
      expect(failed.status).toBe(500);
      expectClean(failed);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_hazard_fault ON "AuditLog"`);
      await db.$executeRawUnsafe("DROP FUNCTION test_hazard_fault()");
    }
    expect(await db.problem.count()).toBe(before);
    expect(await db.hazard.count({ where: { id: { in: ids }, problemId: { not: null } } })).toBe(0);
  });

  it("only coordinators turn hazards into problems; out-of-scope ids are not found; done once", async () => {
    const ids = (await db.hazard.findMany({ where: { sweepId }, orderBy: { deadline: "asc" } })).map((h) => h.id);
    for (const r of ROLES.filter((r) => r !== "coordinator")) {
      const res = await call(toProblemsRoute, "POST", "/hazards/problems", { token: person(r).token, json: { hazardIds: ids } });
      expect(res.status, r).toBe(403);
    }
    const missing = await call(toProblemsRoute, "POST", "/hazards/problems", {
      token: world.coordinator.token,
      json: { hazardIds: [ids[0], "00000000-0000-4000-8000-000000000000"] },
    });
    expect(missing.status).toBe(404);
    const res = await call(toProblemsRoute, "POST", "/hazards/problems", {
      token: world.coordinator.token,
      json: { hazardIds: ids },
    });
    expect(res.status).toBe(201);
    const made = (res.body as { items: { hazardId: string; problemId: string; code: string }[] }).items;
    expect(made).toHaveLength(2);
    const problems = await db.problem.findMany({ where: { id: { in: made.map((m) => m.problemId) } } });
    for (const p of problems) {
      expect(p).toMatchObject({
        source: "HAZARD_SWEEP",
        category: "RISK",
        enterpriseId: firmA.id,
        districtId: world.districtA.id,
        leadUnitId: world.agencyA.id,
        status: "REGISTERED",
      });
    }
    const linked = await db.hazard.findMany({ where: { id: { in: ids } } });
    expect(linked.map((h) => h.problemId).sort()).toEqual(made.map((m) => m.problemId).sort());
    const twice = await call(toProblemsRoute, "POST", "/hazards/problems", {
      token: world.coordinator.token,
      json: { hazardIds: [ids[0]] },
      headers: { "accept-language": "zh-CN" },
    });
    expect(twice.status).toBe(422);
    expect(errorOf(twice).fields?.hazardIds?.[0]).toContain("该隐患已转为问题");
  });
});

describe("closed chemical enterprises", () => {
  const stage = (p: Person | null, id: string, json: unknown) =>
    call(stageRoute, "POST", `/closed-enterprises/${id}/stages`, {
      token: p?.token ?? null,
      json,
      params: { id },
      headers: { "accept-language": "zh-CN" },
    });

  it("lists chemical firms closed within the window, in scope", async () => {
    const names = async (r: Role) =>
      (
        (await call(closedListRoute, "GET", "/closed-enterprises", { token: person(r).token })).body as {
          items: { id: string }[];
        }
      ).items.map((e) => e.id);
    const leader = await names("leader");
    expect(leader).toEqual(expect.arrayContaining([closedA.id, closedB.id]));
    expect(leader.some((id) => id === firmA.id)).toBe(false);
    const officerA = await names("officerA");
    expect(officerA).toContain(closedA.id);
    expect(officerA).not.toContain(closedB.id);
    expect(
      (
        await call(getEnterpriseRoute, "GET", `/closed-enterprises/${closedB.id}`, {
          token: world.officerA.token,
          params: { id: closedB.id },
        })
      ).status,
    ).toBe(404);
    // An operating firm is not a closed enterprise.
    expect(
      (
        await call(getEnterpriseRoute, "GET", `/closed-enterprises/${firmA.id}`, {
          token: world.leader.token,
          params: { id: firmA.id },
        })
      ).status,
    ).toBe(404);
  });

  it("stages go in order: out of order is a 422 naming the missing stage", async () => {
    const out = await stage(world.officerA, closedA.id, { stage: "EQUIPMENT_DISMANTLED", completedOn: day(-100) });
    expect(out.status).toBe(422);
    expect(errorOf(out).fields).toEqual({ stage: ["须先登记“停产关停”阶段"] });
    for (const r of ["admin", "leader", "headA", "viewer"] as Role[]) {
      expect((await stage(person(r), closedA.id, { stage: "STOPPED", completedOn: day(-300) })).status, r).toBe(403);
    }
    expect((await stage(world.officerB, closedA.id, { stage: "STOPPED", completedOn: day(-300) })).status).toBe(404);
    expect((await stage(world.officerA, closedA.id, { stage: "STOPPED", completedOn: day(-300) })).status).toBe(201);
    expect((await stage(world.coordinator, closedA.id, { stage: "MATERIALS_CLEARED", completedOn: day(-250) })).status).toBe(201);
    const skip = await stage(world.coordinator, closedA.id, { stage: "EQUIPMENT_DISMANTLED", skipped: true, skipReason: "无" });
    expect(skip.status).toBe(422);
    expect(errorOf(skip).fields?.skipped?.[0]).toContain("不能跳过");
    const early = await stage(world.coordinator, closedA.id, { stage: "EQUIPMENT_DISMANTLED", completedOn: day(-260) });
    expect(errorOf(early).fields).toEqual({ completedOn: ["完成日期不能早于“物料清理”阶段的日期"] });
    const future = await stage(world.coordinator, closedA.id, { stage: "EQUIPMENT_DISMANTLED", completedOn: day(3) });
    expect(future.status).toBe(422);
    const done = await stage(world.coordinator, closedA.id, { stage: "EQUIPMENT_DISMANTLED", completedOn: day(-200) });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ stageReached: "EQUIPMENT_DISMANTLED", nextStage: "SITE_INVESTIGATED", stagesDone: 3 });
  });

  it("a recorded stage takes documents; an unrecorded one does not", async () => {
    const pdf = evidencePdfBytes();
    const upload = (p: Person, stage: string) => {
      const form = multipart([{ name: "file", filename: "拆除验收单.pdf", bytes: pdf, contentType: "application/pdf" }]);
      return callMultipart(stageFileRoute, `/closed-enterprises/${closedA.id}/stages/${stage}/files`, {
        token: p.token,
        params: { id: closedA.id, stage },
        body: form.body,
        contentType: form.contentType,
      });
    };
    expect((await upload(world.viewer, "STOPPED")).status).toBe(403);
    expect((await upload(world.officerB, "STOPPED")).status).toBe(404);
    expect((await upload(world.coordinator, "VERIFIED")).status).toBe(422);
    const ok = await upload(world.officerA, "STOPPED");
    expect(ok.status).toBe(201);
    const detail = (
      await call(getEnterpriseRoute, "GET", `/closed-enterprises/${closedA.id}`, {
        token: world.leader.token,
        params: { id: closedA.id },
      })
    ).body as { stages: { stage: string; files: { id: string }[] }[] };
    expect(detail.stages.find((s) => s.stage === "STOPPED")?.files).toHaveLength(1);
  });

  it("re-checks are recorded by officers in scope and coordinators; the not-re-checked list shrinks", async () => {
    const body = { checkedOn: day(0), inspector: "张三", findings: "厂区已清空，无异味，地下水井正常", ok: true };
    const post = (p: Person, id: string) =>
      call(recheckRoute, "POST", `/closed-enterprises/${id}/rechecks`, { token: p.token, json: body, params: { id } });
    for (const r of ["admin", "leader", "headA", "viewer"] as Role[])
      expect((await post(person(r), closedA.id)).status, r).toBe(403);
    expect((await post(world.officerA, closedB.id)).status).toBe(404);
    const notRechecked = async () =>
      (
        (await call(closedListRoute, "GET", "/closed-enterprises?notRechecked=true", { token: world.leader.token })).body as {
          items: { id: string }[];
        }
      ).items.map((e) => e.id);
    expect(await notRechecked()).toContain(closedA.id);
    expect((await post(world.officerA, closedA.id)).status).toBe(201);
    expect(await notRechecked()).not.toContain(closedA.id);
    const bad = await call(recheckRoute, "POST", `/closed-enterprises/${closedA.id}/rechecks`, {
      token: world.coordinator.token,
      json: { checkedOn: "2026-02-30", inspector: "", ok: "maybe" },
      params: { id: closedA.id },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(["checkedOn", "findings", "inspector", "ok"]);
  });
});

describe("three-level prevention", () => {
  it("only coordinators register parks; parks are read in scope", async () => {
    const body = {
      name: `化工园区${world.tag}`,
      kind: "CHEMICAL_PARK",
      districtId: world.districtA.id,
      enterpriseIds: [firmA.id],
    };
    for (const r of ROLES.filter((r) => r !== "coordinator")) {
      expect((await call(createParkRoute, "POST", "/parks", { token: person(r).token, json: body })).status, r).toBe(403);
    }
    const res = await call(createParkRoute, "POST", "/parks", { token: world.coordinator.token, json: body });
    expect(res.status).toBe(201);
    parkA = res.body as { id: string };
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: firmA.id } })).parkId).toBe(parkA.id);
    const visible = async (r: Role) =>
      ((await call(parksRoute, "GET", "/parks", { token: person(r).token })).body as { items: { id: string }[] }).items.some(
        (p) => p.id === parkA.id,
      );
    expect(await visible("officerA")).toBe(true);
    expect(await visible("officerB")).toBe(false);
    expect(await visible("viewer")).toBe(true);
    expect(
      (await call(parkRoute, "GET", `/parks/${parkA.id}`, { token: world.officerB.token, params: { id: parkA.id } })).status,
    ).toBe(404);
  });

  it("plan items roll up per level, coloured by pace; progress is version-checked; drills count", async () => {
    const id = parkA.id;
    const add = (p: Person, json: unknown) =>
      call(itemRoute, "POST", `/parks/${id}/items`, { token: p.token, json, params: { id } });
    const pool = {
      level: "PARK",
      kind: "EMERGENCY_POOL",
      name: "园区应急池",
      targetQty: 5000,
      startOn: day(-100),
      deadline: day(100),
    };
    expect((await add(world.officerA, pool)).status).toBe(403);
    const created = await add(world.coordinator, pool);
    expect(created.status).toBe(201);
    const drill = {
      level: "ENTERPRISE",
      kind: "DRILL",
      name: "企业级应急演练",
      targetQty: 2,
      startOn: day(-10),
      deadline: day(300),
    };
    const park = (await add(world.coordinator, drill)).body as {
      items: { id: string; kind: string; version: number; colour: string }[];
      levels: { level: string; colour: string | null; percent: number }[];
    };
    const poolItem = park.items.find((i) => i.kind === "EMERGENCY_POOL") as { id: string; version: number; colour: string };
    const drillItem = park.items.find((i) => i.kind === "DRILL") as { id: string };
    // Half the time gone with nothing built: behind pace.
    expect(poolItem.colour).toBe("YELLOW");
    expect(park.levels.find((l) => l.level === "PARK")?.colour).toBe("YELLOW");
    expect(park.levels.find((l) => l.level === "WATER_BODY")?.colour).toBeNull();
    const patch = (p: Person, json: unknown) =>
      call(itemPatchRoute, "PATCH", `/parks/${id}/items/${poolItem.id}`, {
        token: p.token,
        json,
        params: { id, itemId: poolItem.id },
      });
    expect((await patch(world.officerB, { doneQty: 3000, version: poolItem.version })).status).toBe(404);
    expect((await patch(world.viewer, { doneQty: 3000, version: poolItem.version })).status).toBe(403);
    const ok = await patch(world.officerA, { doneQty: 3000, version: poolItem.version });
    expect(ok.status).toBe(200);
    const after = ok.body as { items: { id: string; colour: string; percent: number }[] };
    expect(after.items.find((i) => i.id === poolItem.id)).toMatchObject({ colour: "GREEN", percent: 60 });
    expect((await patch(world.officerA, { doneQty: 3500, version: poolItem.version })).status).toBe(409);
    const held = await call(drillRoute, "POST", `/parks/${id}/drills`, {
      token: world.officerA.token,
      json: { level: "ENTERPRISE", heldOn: day(-1), scenario: "储罐泄漏", participants: 40, itemId: drillItem.id },
      params: { id },
    });
    expect(held.status).toBe(201);
    const withDrill = held.body as { items: { id: string; doneQty: number }[]; drills: unknown[] };
    expect(withDrill.items.find((i) => i.id === drillItem.id)?.doneQty).toBe(1);
    expect(withDrill.drills).toHaveLength(1);
    const notDrill = await call(drillRoute, "POST", `/parks/${id}/drills`, {
      token: world.officerA.token,
      json: { level: "PARK", heldOn: day(-1), scenario: "x", participants: 4, itemId: poolItem.id },
      params: { id },
    });
    expect(notDrill.status).toBe(422);
  });

  it("assessments are the coordinators'", async () => {
    const id = parkA.id;
    const body = { assessedOn: day(-5), findings: "园区级应急池容积不足，缺少截流坝", result: "PARTIAL" };
    const post = (p: Person) =>
      call(assessmentRoute, "POST", `/parks/${id}/assessments`, { token: p.token, json: body, params: { id } });
    expect((await post(world.officerA)).status).toBe(403);
    const res = await post(world.coordinator);
    expect(res.status).toBe(201);
    expect((res.body as { assessments: { result: string }[] }).assessments[0]?.result).toBe("PARTIAL");
  });
});
