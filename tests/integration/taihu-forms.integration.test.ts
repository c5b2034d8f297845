import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as putIncident } from "@/app/api/v1/incidents/[id]/route";
import { POST as postIncident } from "@/app/api/v1/incidents/route";
import { PATCH as patchPoint } from "@/app/api/v1/taihu/points/[id]/route";
import { POST as postPoint } from "@/app/api/v1/taihu/points/route";
import { POST as importRoute } from "@/app/api/v1/taihu/readings/import/route";
import { GET as templateRoute } from "@/app/api/v1/taihu/readings/import/template/route";
import { db } from "@/lib/db";
import { formatCalendarDate } from "@/lib/domain/calendar";
import type { IncidentDto } from "@/lib/schemas/self-review";
import type { ImportResult, PointDto } from "@/lib/schemas/taihu";
import { findLinkableProblems } from "@/lib/server/incidents/find-linkable-problems";
import { notify } from "@/lib/server/notifications/notify";
import { taihuAlertText } from "@/lib/server/taihu/alert-text";
import { getSeasonBoard } from "@/lib/server/taihu/get-season-board";
import { runTaihuAlerts } from "@/lib/server/taihu/run-taihu-alerts";
import { calendarDay, createProblem } from "../factories";
import { call, errorOf } from "../support/api";
import { createWorld, type Person, type World } from "../support/world";

let w: World;
const day = (offset: number) => formatCalendarDate(calendarDay(offset));
type Who = "anonymous" | "admin" | "leader" | "coordinator" | "headA" | "headB" | "officerA" | "officerB" | "viewer";
const ALL: Who[] = ["anonymous", "admin", "leader", "coordinator", "headA", "headB", "officerA", "officerB", "viewer"];
const token = (who: Who) => (who === "anonymous" ? null : (w[who] as Person).token);

beforeAll(async () => {
  w = await createWorld();
});

afterAll(async () => {
  await db.taihuPoint.deleteMany({ where: { code: { contains: w.tag } } });
  await db.incident.deleteMany({ where: { districtId: { in: [w.districtA.id, w.districtB.id] } } });
  await db.problem.deleteMany({ where: { districtId: { in: [w.districtA.id, w.districtB.id] } } });
});

async function addPoint(overrides: Record<string, unknown> = {}): Promise<PointDto> {
  const r = await call(postPoint, "POST", "/taihu/points", {
    token: w.coordinator.token,
    json: {
      code: `F-${w.tag}-${Math.random().toString(36).slice(2, 7)}`,
      name: `测试点位${w.tag}`,
      kind: "DRINKING_SOURCE",
      location: "贡湖湾 · 取水口",
      districtCode: w.districtA.code,
      algaeWarn: 1000,
      algaeAlert: 5000,
      ...overrides,
    },
  });
  expect(r.status, r.text).toBe(201);
  return r.body as PointDto;
}

describe("Taihu points edited", () => {
  it("only the coordinator and administrators edit; a stale version is 409; bad thresholds are named in Chinese", async () => {
    const point = await addPoint();
    expect(point.location).toBe("贡湖湾 · 取水口");
    let version = point.version;
    for (const who of ALL) {
      const r = await call(patchPoint, "PATCH", `/taihu/points/${point.id}`, {
        token: token(who),
        params: { id: point.id },
        json: {
          version,
          name: `改名${who}`,
          kind: "LAKE_ZONE",
          districtCode: w.districtA.code,
          algaeWarn: 1000,
          algaeAlert: 5000,
        },
      });
      expect(r.status, `${who} ${r.text}`).toBe(who === "anonymous" ? 401 : ["admin", "coordinator"].includes(who) ? 200 : 403);
      if (r.status === 200) version = (r.body as PointDto).version;
    }
    const stale = await call(patchPoint, "PATCH", `/taihu/points/${point.id}`, {
      token: w.coordinator.token,
      params: { id: point.id },
      json: { version: point.version, name: "旧版本", kind: "LAKE_ZONE" },
    });
    expect(stale.status).toBe(409);
    const bad = await call(patchPoint, "PATCH", `/taihu/points/${point.id}`, {
      token: w.coordinator.token,
      params: { id: point.id },
      headers: { "accept-language": "zh-CN" },
      json: {
        version,
        name: "",
        kind: "LAKE_ZONE",
        bloomWarn: "0x10",
        bloomAlert: 1.234,
        algaeWarn: 900,
        algaeAlert: 800,
        code: "NEW",
      },
    });
    expect(bad.status).toBe(422);
    expect(errorOf(bad).fields).toMatchObject({
      name: ["必填"],
      bloomWarn: ["请输入数字"],
      bloomAlert: ["最多保留 2 位小数"],
      code: ["不允许的字段"],
    });
    const order = await call(patchPoint, "PATCH", `/taihu/points/${point.id}`, {
      token: w.coordinator.token,
      params: { id: point.id },
      headers: { "accept-language": "zh-CN" },
      json: { version, name: "x", kind: "LAKE_ZONE", algaeWarn: 900, algaeAlert: 800 },
    });
    expect(errorOf(order).fields).toEqual({ algaeAlert: ["警报阈值不能低于预警阈值"] });
    const missing = await call(patchPoint, "PATCH", "/taihu/points/00000000-0000-4000-8000-000000000000", {
      token: w.coordinator.token,
      params: { id: "00000000-0000-4000-8000-000000000000" },
      json: { version: 1, name: "x", kind: "LAKE_ZONE" },
    });
    expect(missing.status).toBe(404);
  });

  it("a threshold change is audited as such, with only what changed; clearing a threshold stores null", async () => {
    const point = await addPoint();
    const r = await call(patchPoint, "PATCH", `/taihu/points/${point.id}`, {
      token: w.coordinator.token,
      params: { id: point.id },
      json: {
        version: point.version,
        name: point.name,
        kind: point.kind,
        location: "贡湖湾 · 取水口",
        districtCode: w.districtA.code,
        algaeWarn: 1500,
        algaeAlert: "",
      },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ algaeWarn: 1500, algaeAlert: null, version: point.version + 1 });
    const audit = await db.auditLog.findFirst({ where: { entityId: point.id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      actorId: w.coordinator.user.id,
      action: "thresholds.change",
      before: { algaeWarn: 1000, algaeAlert: 5000 },
      after: { algaeWarn: 1500, algaeAlert: null },
    });
    // A rename alone is an ordinary update.
    await call(patchPoint, "PATCH", `/taihu/points/${point.id}`, {
      token: w.admin.token,
      params: { id: point.id },
      json: { version: point.version + 1, name: "新名称", kind: point.kind, districtCode: w.districtA.code, algaeWarn: 1500 },
    });
    const rename = await db.auditLog.findFirst({ where: { entityId: point.id }, orderBy: { id: "desc" } });
    expect(rename).toMatchObject({ action: "update", after: { name: "新名称", location: null } });
  });
});

async function xlsx(rows: unknown[][], dateFormat = "yyyy/m/d"): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("读数");
  for (const r of rows) {
    const row = sheet.addRow(r);
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = dateFormat;
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function upload(who: Who, bytes: Uint8Array, query = "") {
  const form = new FormData();
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], "r.xlsx"));
  const headers = new Headers({ "accept-language": "zh-CN" });
  const t = token(who);
  if (t) headers.set("authorization", `Bearer ${t}`);
  const raw = new Request("http://localhost/x", { method: "POST", body: form });
  headers.set("content-type", raw.headers.get("content-type") ?? "");
  const req = new NextRequest(`http://localhost/api/v1/taihu/readings/import${query}`, {
    method: "POST",
    headers,
    body: new Uint8Array(await raw.arrayBuffer()),
  });
  const res = await importRoute(req, { params: Promise.resolve({}) as Promise<never> });
  return { status: res.status, body: (await res.json()) as ImportResult };
}

describe("readings upload (XLSX, real date cells)", () => {
  it("preview writes nothing and counts new and replaced days; commit writes all; a date cell is the day it shows", async () => {
    const point = await addPoint();
    const d1 = calendarDay(-20);
    const d2 = calendarDay(-19);
    const cell = (d: Date, hours = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hours, 30));
    // The first day typed late in the evening (23:30): still that day, not the next one in UTC+8.
    const file = await xlsx(
      [
        ["点位编号", "日期", "藻密度", "湖泛"],
        [point.code, cell(d1, 23), 1200, "否"],
        [point.code, cell(d2, 0), 900, "否"],
      ],
      "yyyy/m/d h:mm",
    );
    await db.taihuReading.create({ data: { pointId: point.id, day: d2, algaeDensity: 1 } });
    const preview = await upload("coordinator", file, "?preview=true");
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ preview: true, rows: 2, saved: 0, imported: 1, replaced: 1, errors: [] });
    expect(preview.body.sample.map((s) => s.day)).toEqual([formatCalendarDate(d1), formatCalendarDate(d2)]);
    expect(await db.taihuReading.count({ where: { pointId: point.id } })).toBe(1);

    const done = await upload("coordinator", file);
    expect(done.body).toMatchObject({ preview: false, saved: 2, imported: 1, replaced: 1 });
    const stored = await db.taihuReading.findMany({ where: { pointId: point.id }, orderBy: { day: "asc" } });
    expect(stored.map((r) => [formatCalendarDate(r.day), Number(r.algaeDensity)])).toEqual([
      [formatCalendarDate(d1), 1200],
      [formatCalendarDate(d2), 900],
    ]);
    expect(await db.auditLog.count({ where: { entityType: "TaihuReading", entityId: { in: stored.map((r) => r.id) } } })).toBe(2);
  });

  it("every bad row is listed with its column and a Chinese reason; nothing is written; the viewer may not upload", async () => {
    const point = await addPoint();
    const file = await xlsx([
      ["点位编号", "日期", "藻密度", "湖泛"],
      [point.code, calendarDay(-30), 1200, "否"],
      ["NOPE", calendarDay(-30), 1, "否"],
      [point.code, "2026-07", -5, "也许"],
      [point.code, 46000.5, 10, "否"],
    ]);
    const bad = await upload("coordinator", file);
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([
      { row: 3, column: "pointCode", reason: "未知的监测点位" },
      { row: 4, column: "day", reason: "请填写完整日期（年-月-日，如 2026-07-15），不能只填年月" },
    ]);
    expect(await db.taihuReading.count({ where: { pointId: point.id } })).toBe(0);
    const badValues = await upload(
      "coordinator",
      await xlsx([
        ["点位编号", "日期", "藻密度", "湖泛"],
        [point.code, calendarDay(-31), -5, "也许"],
      ]),
    );
    expect(badValues.body.errors).toEqual([
      { row: 2, column: "algaeDensity", reason: "不能为负数" },
      { row: 2, column: "blackBloom", reason: "请填“是”或“否”" },
    ]);
    // A date serial in a number cell is read as its day (46000.5 → 2025-12-09).
    const serial = await upload(
      "coordinator",
      await xlsx([
        ["点位编号", "日期", "藻密度"],
        [point.code, 46000.5, 10],
      ]),
      "?preview=true",
    );
    expect(serial.body.sample[0]?.day).toBe("2025-12-09");
    expect((await upload("viewer", file)).status).toBe(403);
    expect((await upload("officerB", file)).body.errors[0]).toMatchObject({ row: 2, column: "pointCode" });
  });

  it("the template lists the points the caller may record for, and parses back", async () => {
    const res = await templateRoute(
      new NextRequest("http://localhost/api/v1/taihu/readings/import/template", {
        headers: { authorization: `Bearer ${w.coordinator.token}` },
      }),
      { params: Promise.resolve({}) as Promise<never> },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(1).values).toEqual([
      undefined,
      "点位编号",
      "日期",
      "藻密度",
      "水华面积",
      "湖泛",
      "湖泛面积",
      "水源地状态",
      "备注",
    ]);
    const viewer = await templateRoute(
      new NextRequest("http://localhost/api/v1/taihu/readings/import/template", {
        headers: { authorization: `Bearer ${w.viewer.token}` },
      }),
      { params: Promise.resolve({}) as Promise<never> },
    );
    expect(viewer.status).toBe(403);
  });
});

describe("season board", () => {
  it("today's reading gives today's level even outside April–October, without entering the season's trend", async () => {
    const point = await addPoint();
    const now = new Date("2026-12-03T04:00:00Z");
    await db.taihuReading.create({ data: { pointId: point.id, day: new Date("2026-12-03"), algaeDensity: 1200 } });
    const board = await getSeasonBoard(w.leader.actor, { now });
    const row = board.points.find((p) => p.id === point.id);
    expect(row).toMatchObject({ todayLevel: 1, readings: [], daysOver: 0 });
  });
});

describe("Taihu alert in the reader's language", () => {
  it("the duty leader reading English gets English; a Chinese reader gets Chinese", async () => {
    expect(
      taihuAlertText("en", {
        point: "贡湖湾",
        code: "TH-01",
        day: "2026-07-15",
        level: 2,
        algaeDensity: 9000,
        bloomArea: null,
        blackBloom: true,
        sourceAbnormal: false,
      }),
    ).toEqual({
      title: "Taihu alert: 贡湖湾",
      body: "贡湖湾 (TH-01) on 2026-07-15: algae density 9000 ×10⁴ cells/L, a black bloom reached the alert threshold. Duty leader, please act.",
    });
    await db.user.update({ where: { id: w.leader.user.id }, data: { locale: "en" } });
    try {
      const point = await addPoint({ dutyLeaderId: w.leader.user.id });
      await db.taihuReading.create({ data: { pointId: point.id, day: calendarDay(0), algaeDensity: 1200 } });
      await runTaihuAlerts();
      const notice = await db.notification.findFirst({
        where: { userId: w.leader.user.id, kind: "taihu.alert", link: { contains: point.code } },
      });
      expect(notice?.title).toBe(`Taihu warning: ${point.name}`);
      expect(notice?.body).toContain("algae density 1200 ×10⁴ cells/L");
      expect(notice?.body).not.toMatch(/藻密度|预警/);
    } finally {
      await db.user.update({ where: { id: w.leader.user.id }, data: { locale: "zh-CN" } });
    }
  });
});

describe("the group webhook stays Chinese", () => {
  it("a notice to an English reader first and a Chinese reader second sends the Chinese copy to the webhook, once", async () => {
    const before = process.env.WEBHOOK_URL;
    process.env.WEBHOOK_URL = "https://robot.example.invalid/hook";
    await db.user.update({ where: { id: w.headA.user.id }, data: { locale: "en" } });
    try {
      const key = `webhook-lang:${w.tag}`;
      await db.$transaction((tx) =>
        notify(tx, {
          recipients: [w.headA.user.id, w.headB.user.id],
          kind: "taihu.alert",
          dedupeKey: key,
          text: (l) =>
            taihuAlertText(l, {
              point: "贡湖湾",
              code: "TH-01",
              day: "2026-07-15",
              level: 1,
              algaeDensity: 1200,
              bloomArea: null,
              blackBloom: false,
              sourceAbnormal: false,
            }),
        }),
      );
      const hooks = await db.notificationDelivery.findMany({
        where: { channel: "WEBHOOK", notification: { dedupeKey: { startsWith: key } } },
        include: { notification: true },
      });
      expect(hooks).toHaveLength(1);
      expect(hooks[0]?.notification.userId).toBe(w.headB.user.id);
      expect(hooks[0]?.notification.title).toBe("太湖预警：贡湖湾");
      const english = await db.notification.findFirst({ where: { dedupeKey: `${key}:${w.headA.user.id}` } });
      expect(english?.title).toBe("Taihu warning: 贡湖湾");
    } finally {
      process.env.WEBHOOK_URL = before;
      if (before === undefined) delete process.env.WEBHOOK_URL;
      await db.user.update({ where: { id: w.headA.user.id }, data: { locale: "zh-CN" } });
    }
  });
});

describe("incidents edited", () => {
  async function record(districtCode: string, problemIds: string[] = []): Promise<IncidentDto> {
    const r = await call(postIncident, "POST", "/incidents", {
      token: w.coordinator.token,
      json: {
        occurredOn: day(-5),
        title: `编辑测试${w.tag}`,
        districtCode,
        type: "WATER",
        level: "GENERAL",
        cause: "管网破损",
        response: "抢修",
        problemIds,
      },
    });
    expect(r.status, r.text).toBe(201);
    return r.body as IncidentDto;
  }
  const edit = (i: IncidentDto, over: Record<string, unknown> = {}) => ({
    occurredOn: i.occurredOn,
    title: i.title,
    districtCode: i.district.code,
    type: i.type,
    level: i.level,
    cause: i.cause,
    response: i.response,
    problemIds: i.problems.map((p) => p.id),
    version: i.version,
    ...over,
  });

  it("role × scope: the coordinator edits any, a field officer its district's only (others are 404), the rest 403", async () => {
    const a = await record(w.districtA.code);
    let current = a;
    for (const who of ALL) {
      const r = await call(putIncident, "PUT", `/incidents/${a.id}`, {
        token: token(who),
        params: { id: a.id },
        json: edit(current, { level: "LARGER" }),
      });
      const expected =
        who === "anonymous" ? 401 : who === "coordinator" || who === "officerA" ? 200 : who === "officerB" ? 404 : 403;
      expect(r.status, `${who} ${r.text}`).toBe(expected);
      if (r.status === 200) current = r.body as IncidentDto;
    }
    expect(current).toMatchObject({ level: "LARGER", version: 3 });
    // A field officer may not move it out of the district.
    const moved = await call(putIncident, "PUT", `/incidents/${a.id}`, {
      token: w.officerA.token,
      params: { id: a.id },
      headers: { "accept-language": "zh-CN" },
      json: edit(current, { districtCode: w.districtB.code }),
    });
    expect(errorOf(moved).fields).toEqual({ districtCode: ["只能填报本辖区的点位或事件"] });
    const stale = await call(putIncident, "PUT", `/incidents/${a.id}`, {
      token: w.coordinator.token,
      params: { id: a.id },
      json: edit(a, { title: "旧版本" }),
    });
    expect(stale.status).toBe(409);
    const bad = await call(putIncident, "PUT", `/incidents/${a.id}`, {
      token: w.coordinator.token,
      params: { id: a.id },
      headers: { "accept-language": "zh-CN" },
      json: edit(current, { level: "HUGE", cause: "", recordedById: w.admin.user.id }),
    });
    expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(["cause", "level", "recordedById"]);
  });

  it("linked problems the editor cannot see are kept; the audit row holds what changed", async () => {
    const pA = await createProblem(db, { districtId: w.districtA.id, leadUnitId: w.divisionA.id, title: `可见问题${w.tag}` });
    const pB = await createProblem(db, { districtId: w.districtB.id, leadUnitId: w.divisionB.id, title: `他区问题${w.tag}` });
    const i = await record(w.districtA.code, [pA.id, pB.id]);
    // officerA sees only district A's problem.
    const seen = await call(putIncident, "PUT", `/incidents/${i.id}`, {
      token: w.officerA.token,
      params: { id: i.id },
      json: edit(i, { problemIds: [], response: "抢修并加密监测" }),
    });
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body).toMatchObject({ problems: [], hiddenProblems: 1 });
    const row = await db.incident.findUniqueOrThrow({ where: { id: i.id } });
    expect(row.problemIds).toEqual([pB.id]);
    const audit = await db.auditLog.findFirst({ where: { entityId: i.id, action: "update" } });
    expect(audit).toMatchObject({
      actorId: w.officerA.user.id,
      before: { response: "抢修", problemIds: [pA.id, pB.id] },
      after: { response: "抢修并加密监测", problemIds: [pB.id] },
    });
    // The picker offers only problems in the recorder's scope.
    const forOfficer = await findLinkableProblems(w.officerA.actor, w.tag);
    expect(forOfficer.map((p) => p.id)).toContain(pA.id);
    expect(forOfficer.map((p) => p.id)).not.toContain(pB.id);
    expect(await findLinkableProblems(w.officerA.actor, "x")).toEqual([]);
    await expect(findLinkableProblems(w.viewer.actor, w.tag)).rejects.toMatchObject({ status: 403 });
  });
});
