import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCampaignRoute } from "@/app/api/v1/campaigns/[id]/route";
import { POST as createCampaignRoute, GET as listCampaignsRoute } from "@/app/api/v1/campaigns/route";
import { POST as openProblemRoute } from "@/app/api/v1/cases/[id]/problem/route";
import { POST as transitionRoute } from "@/app/api/v1/cases/[id]/transitions/route";
import { POST as fileCaseRoute, GET as listCasesRoute } from "@/app/api/v1/cases/route";
import { GET as summaryExportRoute } from "@/app/api/v1/enforcement/summary/export/route";
import { GET as summaryRoute } from "@/app/api/v1/enforcement/summary/route";
import { GET as getEnterpriseRoute, PATCH as patchEnterpriseRoute } from "@/app/api/v1/enterprises/[id]/route";
import { GET as exportRoute } from "@/app/api/v1/enterprises/export/route";
import { POST as importRoute } from "@/app/api/v1/enterprises/import/route";
import { POST as createEnterpriseRoute, GET as listEnterprisesRoute } from "@/app/api/v1/enterprises/route";
import { POST as createInspectionRoute, GET as listInspectionsRoute } from "@/app/api/v1/inspections/route";
import { db } from "@/lib/db";
import { createUnit, validCreditCode } from "../factories";
import { WORLD_ACTORS, type WorldActor, worldToken } from "../support/actor-matrix";
import { call, errorOf, leaksInternals } from "../support/api";
import { allowConsoleError } from "../support/console-guard";
import { createPerson, createWorld, type Person, type World } from "../support/world";

/** A year no other file uses: every inspection, case and campaign here is this file's own. */
const YEAR = 2041;
const day = (md: string) => `${YEAR}-${md}`;

let world: World;
let officerA2: Person;
let officerB2: Person;
let detachmentOfficer: Person;
let detachmentOfficer2: Person;
let detachmentId: string;
let entA: { id: string; version: number; creditCode: string };
let entA2: { id: string };
let allStaffId: string;
let crossId: string;
let violationId: string;

type Page<T> = { items: T[]; total: number };
type Inspection = { id: string; mode: string; enterprise: { id: string } };
type Case = {
  id: string;
  number: string;
  status: string;
  version: number;
  problem: { id: string; code: string } | null;
  fineYuan: number;
};

const ids = <T extends { id: string }>(r: { body: unknown }) => (r.body as Page<T>).items.map((x) => x.id);

async function upload(token: string | null, content: string | Uint8Array, name = "enterprises.csv") {
  const form = new FormData();
  form.set("file", new File([content as BlobPart], name));
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  const req = new NextRequest("http://localhost/api/v1/enterprises/import", { method: "POST", body: form, headers });
  const res = await importRoute(req, { params: Promise.resolve({}) as Promise<never> });
  return {
    status: res.status,
    body: JSON.parse(await res.text()) as Record<string, unknown> & {
      errors: { row: number; column: string | null; reason: string }[];
    },
  };
}

const inspection = (over: Record<string, unknown>) => ({
  enterpriseId: entA.id,
  inspectedOn: day("05-10"),
  mode: "ALL_STAFF",
  inspectorIds: [world.officerA.user.id, officerA2.user.id],
  findings: "现场检查废气收集设施运行正常。",
  result: "NO_ISSUE",
  ...over,
});

beforeAll(async () => {
  world = await createWorld();
  const detachment = await createUnit(db, { kind: "AFFILIATED", name: `执法支队${world.tag}` });
  detachmentId = detachment.id;
  [officerA2, officerB2, detachmentOfficer, detachmentOfficer2] = await Promise.all([
    createPerson("FIELD_OFFICER", { unitId: world.agencyA.id, districtId: world.districtA.id }),
    createPerson("FIELD_OFFICER", { unitId: world.agencyB.id, districtId: world.districtB.id }),
    createPerson("FIELD_OFFICER", { unitId: detachment.id }),
    createPerson("FIELD_OFFICER", { unitId: detachment.id }),
  ]);
  const r = await call(createEnterpriseRoute, "POST", "/enterprises", {
    token: world.coordinator.token,
    json: {
      creditCode: validCreditCode(world.districtA.code),
      name: `测试化工${world.tag}有限公司`,
      districtCode: world.districtA.code,
      tags: ["CHEMICAL", "VOCS_KEY"],
      address: "测试路1号",
      lat: 31.5,
      lng: 120.3,
    },
  });
  expect(r.status, r.text).toBe(201);
  entA = r.body as typeof entA;
  const r2 = await call(createEnterpriseRoute, "POST", "/enterprises", {
    token: world.coordinator.token,
    json: { creditCode: validCreditCode(world.districtA.code), name: `测试印染${world.tag}`, districtCode: world.districtA.code },
  });
  entA2 = r2.body as typeof entA2;
});

describe("enterprise register", () => {
  it("a wrong check character, a duplicate code or a closed enterprise without date is a Chinese 422 on the field", async () => {
    const good = validCreditCode(world.districtA.code);
    const last = good.at(-1) === "0" ? "1" : "0";
    const bad = await call(createEnterpriseRoute, "POST", "/enterprises", {
      token: world.coordinator.token,
      json: { creditCode: good.slice(0, 17) + last, name: "某公司", districtCode: world.districtA.code },
    });
    expect(bad.status).toBe(422);
    expect(errorOf(bad).fields?.creditCode?.[0]).toContain("校验位");
    const dup = await call(createEnterpriseRoute, "POST", "/enterprises", {
      token: world.coordinator.token,
      json: { creditCode: entA.creditCode.toLowerCase(), name: "某公司", districtCode: world.districtA.code },
    });
    expect(dup.status).toBe(422);
    expect(errorOf(dup).fields?.creditCode?.[0]).toContain("已在企业库");
    const closed = await call(createEnterpriseRoute, "POST", "/enterprises", {
      token: world.coordinator.token,
      json: { creditCode: validCreditCode(), name: "某公司", districtCode: world.districtA.code, status: "CLOSED", id: "x" },
    });
    expect(closed.status).toBe(422);
    expect(Object.keys(errorOf(closed).fields ?? {}).sort()).toEqual(["closedOn", "id"]);
  });

  it("role × action × scope: reading, creating and editing", async () => {
    const read: Record<WorldActor, number> = {
      anonymous: 401,
      admin: 200,
      leader: 200,
      coordinator: 200,
      headOwn: 200,
      headOther: 200,
      officerOwn: 200,
      officerOther: 404,
      viewer: 200,
    };
    const create: Record<WorldActor, number> = {
      anonymous: 401,
      admin: 201,
      leader: 403,
      coordinator: 201,
      headOwn: 403,
      headOther: 403,
      officerOwn: 403,
      officerOther: 403,
      viewer: 403,
    };
    for (const actor of WORLD_ACTORS) {
      const token = worldToken(world, actor);
      const got = await call(getEnterpriseRoute, "GET", `/enterprises/${entA.id}`, { token, params: { id: entA.id } });
      expect(got.status, `GET as ${actor}`).toBe(read[actor]);
      const list = await call(listEnterprisesRoute, "GET", `/enterprises?districtCode=${world.districtA.code}`, { token });
      if (read[actor] === 200) expect(ids(list), actor).toContain(entA.id);
      if (actor === "officerOther") expect(ids(list)).toEqual([]);
      const made = await call(createEnterpriseRoute, "POST", "/enterprises", {
        token,
        json: { creditCode: validCreditCode(world.districtB.code), name: `矩阵${actor}`, districtCode: world.districtB.code },
      });
      expect(made.status, `POST as ${actor}`).toBe(create[actor]);
      const patch = await call(patchEnterpriseRoute, "PATCH", `/enterprises/${entA2.id}`, {
        token,
        params: { id: entA2.id },
        json: { industry: `行业${actor}`, version: 999 },
      });
      // Allowed callers reach the version check (409), everyone else is refused before.
      expect(patch.status, `PATCH as ${actor}`).toBe(
        actor === "anonymous" ? 401 : ["admin", "coordinator"].includes(actor) ? 409 : 403,
      );
      expect(leaksInternals(patch.text)).toBe(false);
    }
    const fresh = (
      await call(getEnterpriseRoute, "GET", `/enterprises/${entA2.id}`, {
        token: world.coordinator.token,
        params: { id: entA2.id },
      })
    ).body as { enterprise: { version: number } };
    const ok = await call(patchEnterpriseRoute, "PATCH", `/enterprises/${entA2.id}`, {
      token: world.coordinator.token,
      params: { id: entA2.id },
      json: { industry: "纺织印染", tags: ["NEAR_SECTION"], version: fresh.enterprise.version },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ industry: "纺织印染", tags: ["NEAR_SECTION"], version: fresh.enterprise.version + 1 });
  });

  it("import is all-or-nothing with Chinese row errors; re-import updates by credit code and is idempotent", async () => {
    const codes = [1, 2, 3].map(() => validCreditCode(world.districtB.code));
    const header = "统一社会信用代码,企业名称,属地,地址,纬度,经度,行业,标签,状态,关闭日期";
    const rows = [
      `${codes[0]},导入甲${world.tag},${world.districtB.code},甲路1号,31.6,120.4,化工,化工、VOCs重点,在产,`,
      `${codes[1]},导入乙${world.tag},${world.districtB.name},,,,,涉重金属,停产,`,
      `${codes[2]},导入丙${world.tag},${world.districtB.code},,,,,,关闭,${YEAR - 2}-06-30`,
    ];
    const count = () => db.enterprise.count({ where: { creditCode: { in: codes as string[] } } });

    const wrong = codes[2]?.slice(0, 17) + (codes[2]?.at(-1) === "0" ? "1" : "0");
    const bad = await upload(
      world.coordinator.token,
      [
        header,
        rows[0],
        rows[1],
        rows[2]?.replace(codes[2] as string, wrong),
        `${validCreditCode()},,${world.districtB.code},,abc,,,火星,,`,
      ].join("\n"),
    );
    expect(bad.status).toBe(422);
    expect(await count()).toBe(0);
    const reasons = bad.body.errors.map((e) => `${e.row}:${e.column}:${e.reason}`);
    expect(reasons.some((r) => r.startsWith("4:统一社会信用代码:") && r.includes("校验位"))).toBe(true);
    expect(reasons.some((r) => r.startsWith("5:企业名称:"))).toBe(true);
    expect(reasons.some((r) => r.startsWith("5:纬度:"))).toBe(true);
    expect(reasons.some((r) => r.startsWith("5:标签:") && r.includes("火星"))).toBe(true);

    const refused = await upload(world.officerA.token, [header, ...rows].join("\n"));
    expect(refused.status).toBe(403);

    const first = await upload(world.coordinator.token, [header, ...rows].join("\n"));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ imported: 3, updated: 0, unchanged: 0, errors: [] });
    const again = await upload(world.coordinator.token, [header, ...rows].join("\n"));
    expect(again.body).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
    const versions = await db.enterprise.findMany({
      where: { creditCode: { in: codes as string[] } },
      select: { version: true },
    });
    expect(versions.every((v) => v.version === 1)).toBe(true);
    const changed = await upload(
      world.coordinator.token,
      [header, rows[0]?.replace("甲路1号", "甲路2号"), rows[1], rows[2]].join("\n"),
    );
    expect(changed.body).toMatchObject({ imported: 0, updated: 1, unchanged: 2 });
    const a = await db.enterprise.findUniqueOrThrow({ where: { creditCode: codes[0] as string } });
    expect(a).toMatchObject({ address: "甲路2号", version: 2, tags: ["CHEMICAL", "VOCS_KEY"] });
    const c = await db.enterprise.findUniqueOrThrow({ where: { creditCode: codes[2] as string } });
    expect(c.status).toBe("CLOSED");

    // The export reads back through the import unchanged (and its text cells cannot run as formulas).
    await db.enterprise.update({ where: { creditCode: codes[1] as string }, data: { address: '=HYPERLINK("http://x")' } });
    const xr = await call(exportRoute, "GET", `/enterprises/export?districtCode=${world.districtB.code}`, {
      token: world.coordinator.token,
    });
    expect(xr.status).toBe(200);
    expect(xr.headers.get("content-type")).toContain("spreadsheetml");
  });
});

describe("inspections: mode rules and scope", () => {
  it("a field officer records an on-site inspection with a second officer; one officer alone is refused naming the rule", async () => {
    const one = await call(createInspectionRoute, "POST", "/inspections", {
      token: world.officerA.token,
      json: inspection({ inspectorIds: [world.officerA.user.id] }),
    });
    expect(one.status).toBe(422);
    expect(errorOf(one).fields?.inspectorIds?.[0]).toContain("至少2名执法人员");
    const r = await call(createInspectionRoute, "POST", "/inspections", { token: world.officerA.token, json: inspection({}) });
    expect(r.status, r.text).toBe(201);
    allStaffId = (r.body as { id: string }).id;
    const v = await call(createInspectionRoute, "POST", "/inspections", {
      token: world.officerA.token,
      json: inspection({ result: "VIOLATION", findings: "VOCs 废气未经收集直排。", inspectedOn: day("06-02") }),
    });
    expect(v.status).toBe(201);
    violationId = (v.body as { id: string }).id;
    const audit = await db.auditLog.findFirst({ where: { entityType: "Inspection", entityId: allStaffId, action: "create" } });
    expect(audit?.actorId).toBe(world.officerA.user.id);
  });

  it("role × action: who may record, and an enterprise out of scope is not found", async () => {
    const expected: Record<WorldActor, number> = {
      anonymous: 401,
      admin: 403,
      leader: 403,
      coordinator: 201,
      headOwn: 403,
      headOther: 403,
      officerOwn: 201,
      officerOther: 422,
      viewer: 403,
    };
    for (const actor of WORLD_ACTORS) {
      const token = worldToken(world, actor);
      const inspectors =
        actor === "officerOther" ? [world.officerB.user.id, officerB2.user.id] : [world.officerA.user.id, officerA2.user.id];
      const r = await call(createInspectionRoute, "POST", "/inspections", {
        token,
        json: inspection({ inspectorIds: inspectors, inspectedOn: day("04-01"), leadUnitId: world.agencyA.id }),
      });
      expect(r.status, `POST as ${actor}: ${r.text}`).toBe(expected[actor]);
      if (actor === "officerOther") expect(errorOf(r).fields?.enterpriseId).toBeDefined();
    }
    const stranger = await call(createInspectionRoute, "POST", "/inspections", {
      token: world.officerA.token,
      json: inspection({ inspectorIds: [officerA2.user.id, world.officerB.user.id], inspectedOn: day("04-01") }),
    });
    expect(errorOf(stranger).fields?.inspectorIds?.[0]).toContain("记录人");
  });

  it("CROSS refuses an inspector of the enterprise's district (named); ESCALATED needs a city-level lead; OFF_SITE cites a clue", async () => {
    const local = await call(createInspectionRoute, "POST", "/inspections", {
      token: world.coordinator.token,
      json: inspection({
        mode: "CROSS",
        leadUnitId: world.agencyB.id,
        inspectorIds: [world.officerB.user.id, world.officerA.user.id],
      }),
    });
    expect(local.status).toBe(422);
    expect(errorOf(local).message).toContain("交叉执法");
    expect(errorOf(local).fields?.inspectorIds?.[0]).toContain(world.officerA.user.displayName);
    const cross = await call(createInspectionRoute, "POST", "/inspections", {
      token: world.coordinator.token,
      json: inspection({
        mode: "CROSS",
        leadUnitId: world.agencyB.id,
        inspectorIds: [world.officerB.user.id, officerB2.user.id],
        inspectedOn: day("05-20"),
      }),
    });
    expect(cross.status, cross.text).toBe(201);
    crossId = (cross.body as { id: string }).id;

    const escalatedLocal = await call(createInspectionRoute, "POST", "/inspections", {
      token: world.coordinator.token,
      json: inspection({ mode: "ESCALATED", leadUnitId: world.agencyA.id }),
    });
    expect(escalatedLocal.status).toBe(422);
    expect(errorOf(escalatedLocal).fields?.leadUnitId?.[0]).toContain("市级");
    const escalated = await call(createInspectionRoute, "POST", "/inspections", {
      token: world.coordinator.token,
      json: inspection({
        mode: "ESCALATED",
        leadUnitId: detachmentId,
        inspectorIds: [detachmentOfficer.user.id, detachmentOfficer2.user.id],
        inspectedOn: day("07-01"),
      }),
    });
    expect(escalated.status, escalated.text).toBe(201);

    const noClue = await call(createInspectionRoute, "POST", "/inspections", {
      token: world.officerA.token,
      json: inspection({ mode: "OFF_SITE", inspectorIds: [world.officerA.user.id] }),
    });
    expect(noClue.status).toBe(422);
    expect(errorOf(noClue).fields?.clueId?.[0]).toContain("线索");
    // An off-site clue of this enterprise (online monitoring: an exceedance episode).
    const outlet = await db.monitoringOutlet.create({ data: { enterpriseId: entA.id, code: `DA-${world.tag}` } });
    const series = await db.monitoringSeries.create({ data: { outletId: outlet.id, pollutant: "COD", unit: "mg/L" } });
    const clue = await db.clue.create({
      data: {
        seriesId: series.id,
        districtId: world.districtA.id,
        rule: "EXCEEDANCE",
        windowStart: new Date(`${day("07-10")}T02:00:00+08:00`),
        windowEnd: new Date(`${day("07-10")}T08:00:00+08:00`),
        hours: 6,
        peak: 80,
        limit: 50,
        createdAt: new Date(`${day("07-10")}T09:00:00+08:00`),
      },
    });
    const made = await call(createInspectionRoute, "POST", "/inspections", {
      token: world.officerA.token,
      json: inspection({
        mode: "OFF_SITE",
        inspectorIds: [world.officerA.user.id],
        clueId: crypto.randomUUID(),
        inspectedOn: day("07-15"),
      }),
    });
    expect(made.status).toBe(422);
    expect(errorOf(made).fields?.clueId?.[0]).toContain("不存在");
    const offSite = await call(createInspectionRoute, "POST", "/inspections", {
      token: world.officerA.token,
      json: inspection({
        mode: "OFF_SITE",
        inspectorIds: [world.officerA.user.id],
        clueId: clue.id,
        inspectedOn: day("07-15"),
      }),
    });
    expect(offSite.status, offSite.text).toBe(201);
    // The inspection closes the clue it cites, in the same transaction; it can't be cited twice.
    const closed = await db.clue.findUniqueOrThrow({ where: { id: clue.id } });
    expect(closed).toMatchObject({ status: "CLOSED", inspectionId: (offSite.body as { id: string }).id });
    const again = await call(createInspectionRoute, "POST", "/inspections", {
      token: world.officerA.token,
      json: inspection({ mode: "OFF_SITE", inspectorIds: [world.officerA.user.id], clueId: clue.id, inspectedOn: day("07-16") }),
    });
    expect(again.status).toBe(422);
    expect(errorOf(again).fields?.clueId?.[0]).toContain("已处理");
  });

  it("a cross inspector sees the assigned enterprise and their inspection, nothing else of that district", async () => {
    const token = world.officerB.token;
    const got = await call(getEnterpriseRoute, "GET", `/enterprises/${entA.id}`, { token, params: { id: entA.id } });
    expect(got.status).toBe(200);
    expect((got.body as { inspections: { id: string }[] }).inspections.map((i) => i.id)).toEqual([crossId]);
    expect((await call(getEnterpriseRoute, "GET", `/enterprises/${entA2.id}`, { token, params: { id: entA2.id } })).status).toBe(
      404,
    );
    const list = await call(listEnterprisesRoute, "GET", `/enterprises?districtCode=${world.districtA.code}`, { token });
    expect(ids(list)).toEqual([entA.id]);
    const insp = await call(listInspectionsRoute, "GET", `/inspections?enterpriseId=${entA.id}`, { token });
    expect(ids(insp)).toEqual([crossId]);
    // officerB2 took part too; a third person of district B did not and sees nothing of district A.
    const outsider = await createPerson("FIELD_OFFICER", { unitId: world.agencyB.id, districtId: world.districtB.id });
    expect(
      (await call(getEnterpriseRoute, "GET", `/enterprises/${entA.id}`, { token: outsider.token, params: { id: entA.id } }))
        .status,
    ).toBe(404);
    expect(
      ids(await call(listInspectionsRoute, "GET", `/inspections?enterpriseId=${entA.id}`, { token: outsider.token })),
    ).toEqual([]);
    // The district's own officer sees every inspection of the enterprise.
    const own = ids(
      await call(listInspectionsRoute, "GET", `/inspections?enterpriseId=${entA.id}&pageSize=100`, {
        token: world.officerA.token,
      }),
    );
    expect(own).toEqual(expect.arrayContaining([allStaffId, crossId, violationId]));
  });
});

describe("cases", () => {
  let caseId: string;
  it("a case is filed from a violation only, numbered per year; role × action", async () => {
    const fromClean = await call(fileCaseRoute, "POST", "/cases", {
      token: world.officerA.token,
      json: { inspectionId: allStaffId, violation: "x", legalBasis: "y", fineYuan: 1, filedOn: day("06-03") },
    });
    expect(fromClean.status).toBe(422);
    expect(errorOf(fromClean).fields?.inspectionId?.[0]).toContain("违法");
    const body = {
      inspectionId: violationId,
      violation: "未按规定收集处理 VOCs 废气",
      legalBasis: "《大气污染防治法》第一百零八条",
      fineYuan: 125_000,
      measures: ["PRODUCTION_LIMIT"],
      filedOn: day("06-03"),
    };
    const expected: Record<WorldActor, number> = {
      anonymous: 401,
      admin: 403,
      leader: 403,
      coordinator: 201,
      headOwn: 403,
      headOther: 403,
      officerOwn: 201,
      officerOther: 422,
      viewer: 403,
    };
    const numbers: string[] = [];
    for (const actor of WORLD_ACTORS) {
      const r = await call(fileCaseRoute, "POST", "/cases", { token: worldToken(world, actor), json: body });
      expect(r.status, `POST /cases as ${actor}: ${r.text}`).toBe(expected[actor]);
      if (r.status === 201) numbers.push((r.body as Case).number);
    }
    expect(numbers).toHaveLength(2);
    const seqs = numbers.map((n) => Number(/^锡环罚〔2041〕(\d+)号$/.exec(n)?.[1]));
    expect(seqs[1]).toBe((seqs[0] as number) + 1);
    const fine = await call(fileCaseRoute, "POST", "/cases", { token: world.officerA.token, json: { ...body, fineYuan: 12.5 } });
    expect(errorOf(fine).fields?.fineYuan?.[0]).toContain("整数");
    const list = await call(listCasesRoute, "GET", `/cases?enterpriseId=${entA.id}`, { token: world.officerA.token });
    const items = (list.body as Page<Case>).items;
    caseId = items[0]?.id as string;
    expect((list.body as { fineYuan: number }).fineYuan).toBe(250_000);
    expect(ids(await call(listCasesRoute, "GET", `/cases?enterpriseId=${entA.id}`, { token: world.officerB.token }))).toEqual([]);
  });

  it("moves FILED → NOTIFIED → … one step at a time, dated in order, version-checked, audited", async () => {
    const go = (token: string | null, to: string, on: string, version: number) =>
      call(transitionRoute, "POST", `/cases/${caseId}/transitions`, { token, params: { id: caseId }, json: { to, on, version } });
    expect((await go(world.leader.token, "NOTIFIED", day("06-05"), 1)).status).toBe(403);
    expect((await go(world.officerB.token, "NOTIFIED", day("06-05"), 1)).status).toBe(404);
    const skip = await go(world.officerA.token, "DECIDED", day("06-05"), 1);
    expect(skip.status).toBe(422);
    expect(errorOf(skip).fields?.to?.[0]).toContain("已告知");
    expect(errorOf(await go(world.officerA.token, "NOTIFIED", day("06-01"), 1)).fields?.on).toBeDefined();
    const ok = await go(world.officerA.token, "NOTIFIED", day("06-05"), 1);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ status: "NOTIFIED", notifiedOn: day("06-05"), version: 2 });
    expect((await go(world.officerA.token, "DECIDED", day("06-20"), 1)).status).toBe(409);
    expect((await go(world.coordinator.token, "DECIDED", day("06-20"), 2)).status).toBe(200);
    const audit = await db.auditLog.count({ where: { entityType: "EnforcementCase", entityId: caseId, action: "transition" } });
    expect(audit).toBe(2);
  });

  it("立为台账问题 opens one linked problem in the enterprise's district; a fault at the link leaves nothing", async () => {
    const body = { leadUnitId: world.agencyA.id, category: "AIR", deadlineBand: "SHORT", deadline: day("12-31") };
    const problems = () => db.problem.count({ where: { enterpriseId: entA.id } });
    expect(
      (
        await call(openProblemRoute, "POST", `/cases/${caseId}/problem`, {
          token: world.officerA.token,
          params: { id: caseId },
          json: body,
        })
      ).status,
    ).toBe(403);

    // Fault injection: the second write (the case's link) fails inside the database.
    const other = (await call(listCasesRoute, "GET", `/cases?enterpriseId=${entA.id}`, { token: world.coordinator.token }))
      .body as Page<Case>;
    const faultCase = other.items.find((c) => c.id !== caseId) as Case;
    const fn = `fail_link_${world.tag.replace(/\W/g, "")}`;
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger AS $f$ BEGIN RAISE EXCEPTION 'injected fault'; END $f$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${fn} BEFORE UPDATE ON "EnforcementCase" FOR EACH ROW WHEN (NEW.id = '${faultCase.id}'::uuid) EXECUTE FUNCTION ${fn}()`,
    );
    const before = await problems();
    const auditBefore = await db.auditLog.count({ where: { entityType: "Problem", actorId: world.coordinator.user.id } });
    allowConsoleError();
    try {
      const r = await call(openProblemRoute, "POST", `/cases/${faultCase.id}/problem`, {
        token: world.coordinator.token,
        params: { id: faultCase.id },
        json: body,
      });
      expect(r.status).toBe(500);
      expect(leaksInternals(r.text)).toBe(false);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "EnforcementCase"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    expect(await problems()).toBe(before);
    expect((await db.enforcementCase.findUniqueOrThrow({ where: { id: faultCase.id } })).problemId).toBeNull();
    expect(await db.auditLog.count({ where: { entityType: "Problem", actorId: world.coordinator.user.id } })).toBe(auditBefore);

    const r = await call(openProblemRoute, "POST", `/cases/${caseId}/problem`, {
      token: world.coordinator.token,
      params: { id: caseId },
      json: body,
    });
    expect(r.status, r.text).toBe(201);
    const linked = (r.body as Case).problem as { id: string };
    const problem = await db.problem.findUniqueOrThrow({ where: { id: linked.id }, include: { enforcementCase: true } });
    expect(problem).toMatchObject({
      source: "ENFORCEMENT",
      enterpriseId: entA.id,
      districtId: world.districtA.id,
      leadUnitId: world.agencyA.id,
    });
    expect(problem.enforcementCase?.id).toBe(caseId);
    const again = await call(openProblemRoute, "POST", `/cases/${caseId}/problem`, {
      token: world.coordinator.token,
      params: { id: caseId },
      json: body,
    });
    expect(again.status).toBe(409);
    // The enterprise page lists the problem for the district's officer.
    const page = await call(getEnterpriseRoute, "GET", `/enterprises/${entA.id}`, {
      token: world.officerA.token,
      params: { id: entA.id },
    });
    expect((page.body as { problems: { id: string }[] }).problems.map((p) => p.id)).toContain(linked.id);
  });
});

describe("campaigns and the summary", () => {
  it("a coordinator creates a campaign; progress counts distinct enterprises inspected per action and district; officers see their district", async () => {
    const body = {
      name: `${YEAR}年六大专项执法行动${world.tag}`,
      year: YEAR,
      startsOn: day("04-01"),
      endsOn: day("10-31"),
      actions: [
        {
          type: "VOCS_REDUCTION",
          targetTags: ["VOCS_KEY"],
          targets: [
            { districtCode: world.districtA.code, targetCount: 2 },
            { districtCode: world.districtB.code, targetCount: 3 },
          ],
        },
        { type: "EXITED_ENTERPRISE", targetTags: [] },
      ],
    };
    for (const actor of WORLD_ACTORS) {
      if (actor === "coordinator") continue;
      const r = await call(createCampaignRoute, "POST", "/campaigns", { token: worldToken(world, actor), json: body });
      expect(r.status, actor).toBe(actor === "anonymous" ? 401 : 403);
    }
    const dup = await call(createCampaignRoute, "POST", "/campaigns", {
      token: world.coordinator.token,
      json: { ...body, endsOn: day("03-01"), actions: [body.actions[0], body.actions[0]] },
    });
    expect(dup.status).toBe(422);
    expect(Object.keys(errorOf(dup).fields ?? {}).sort()).toEqual(["actions", "endsOn"]);
    const r = await call(createCampaignRoute, "POST", "/campaigns", { token: world.coordinator.token, json: body });
    expect(r.status, r.text).toBe(201);
    const campaign = r.body as { id: string; actions: { id: string; type: string }[] };
    const vocs = campaign.actions.find((a) => a.type === "VOCS_REDUCTION")?.id as string;
    for (const [date, ent] of [
      ["05-01", entA.id],
      ["05-02", entA.id],
    ] as const) {
      const x = await call(createInspectionRoute, "POST", "/inspections", {
        token: world.officerA.token,
        json: inspection({ actionId: vocs, enterpriseId: ent, inspectedOn: day(date) }),
      });
      expect(x.status).toBe(201);
    }
    // The campaign lies in the future: nothing is planned yet, so nothing is behind (the pace rule itself is unit-tested).
    const got = await call(getCampaignRoute, "GET", `/campaigns/${campaign.id}`, {
      token: world.coordinator.token,
      params: { id: campaign.id },
    });
    const rows = (
      got.body as { progress: { actionType: string; districtCode: string; inspected: number; target: number; colour: string }[] }
    ).progress;
    expect(rows.find((x) => x.actionType === "VOCS_REDUCTION" && x.districtCode === world.districtA.code)).toMatchObject({
      inspected: 1,
      target: 2,
    });
    expect(rows.find((x) => x.actionType === "VOCS_REDUCTION" && x.districtCode === world.districtB.code)).toMatchObject({
      inspected: 0,
      target: 3,
      colour: "GREEN",
      plannedPercent: 0,
    });
    const mine = await call(getCampaignRoute, "GET", `/campaigns/${campaign.id}`, {
      token: world.officerA.token,
      params: { id: campaign.id },
    });
    const districts = new Set((mine.body as { progress: { districtCode: string }[] }).progress.map((x) => x.districtCode));
    expect([...districts]).toEqual([world.districtA.code]);
    const list = await call(listCampaignsRoute, "GET", `/campaigns?year=${YEAR}`, { token: world.viewer.token });
    expect((list.body as { id: string }[]).map((c) => c.id)).toContain(campaign.id);
  });

  it("the summary counts by action, mode, district and month within scope, and exports", async () => {
    const q = `/enforcement/summary?from=${YEAR}-01&to=${YEAR}-12`;
    const all = (await call(summaryRoute, "GET", q, { token: world.leader.token })).body as {
      totals: {
        inspections: number;
        violations: number;
        cases: number;
        fineYuan: number;
        fineWan: number;
        problemsOpened: number;
        cluesRaised: number;
        cluesHandled: number;
      };
      byMode: { key: string; inspections: number }[];
      byDistrict: { key: string; inspections: number; cases: number }[];
      byMonth: { key: string }[];
    };
    const inDb = await db.inspection.count({
      where: { inspectedOn: { gte: new Date(`${YEAR}-01-01`), lt: new Date(`${YEAR + 1}-01-01`) } },
    });
    expect(all.totals.inspections).toBe(inDb);
    expect(all.totals).toMatchObject({
      violations: 1,
      cases: 2,
      fineYuan: 250_000,
      fineWan: 25,
      problemsOpened: 1,
    });
    // The clue this file raised in July (closed today, outside this year's range).
    expect(all.totals.cluesRaised).toBe(1);
    expect(all.totals.cluesHandled).toBe(0);
    expect(all.byMode.find((m) => m.key === "CROSS")?.inspections).toBe(1);
    expect(all.byMonth).toHaveLength(12);
    expect(all.byDistrict.find((d) => d.key === world.districtA.code)?.cases).toBe(2);
    const b = (await call(summaryRoute, "GET", q, { token: world.officerB.token })).body as typeof all;
    expect(b.totals.inspections).toBe(1);
    expect(b.totals.cases).toBe(0);
    expect(
      (await call(summaryRoute, "GET", `/enforcement/summary?from=${YEAR}-05&to=${YEAR}-01`, { token: world.leader.token }))
        .status,
    ).toBe(422);
    expect((await call(summaryRoute, "GET", q, { token: null })).status).toBe(401);
    const x = await call(summaryExportRoute, "GET", `/enforcement/summary/export?from=${YEAR}-01&to=${YEAR}-12`, {
      token: world.viewer.token,
    });
    expect(x.status).toBe(200);
    // Drill-down: the district's number is the list's total with the same filters.
    const drilled = await call(
      listInspectionsRoute,
      "GET",
      `/inspections?districtCode=${world.districtA.code}&from=${YEAR}-01&to=${YEAR}-12&page=&mode=&campaignId=`,
      { token: world.leader.token },
    );
    expect((drilled.body as Page<Inspection>).total).toBe(
      all.byDistrict.find((d) => d.key === world.districtA.code)?.inspections,
    );
  });
});

describe("export escapes formula-like text", () => {
  it("a name starting with = is written with a leading apostrophe", async () => {
    const made = await call(createEnterpriseRoute, "POST", "/enterprises", {
      token: world.coordinator.token,
      json: { creditCode: validCreditCode(), name: `=1+1${world.tag}`, districtCode: world.districtB.code },
    });
    expect(made.status).toBe(201);
    const req = new NextRequest(`http://localhost/api/v1/enterprises/export?q=${encodeURIComponent(`=1+1${world.tag}`)}`, {
      headers: { authorization: `Bearer ${world.coordinator.token}` },
    });
    const res = await exportRoute(req, { params: Promise.resolve({}) as Promise<never> });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets[0]?.getRow(2).getCell(2).value).toBe(`'=1+1${world.tag}`);
  });
});
