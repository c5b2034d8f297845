import { randomInt } from "node:crypto";
import type { Enterprise } from "@prisma/client";
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as assignRoute } from "@/app/api/v1/clues/[id]/assign/route";
import { POST as dismissRoute } from "@/app/api/v1/clues/[id]/dismiss/route";
import { GET as clueRoute } from "@/app/api/v1/clues/[id]/route";
import { GET as cluesRoute } from "@/app/api/v1/clues/route";
import { POST as importRoute } from "@/app/api/v1/monitoring/import/route";
import { POST as reviewRoute } from "@/app/api/v1/projects/[id]/review/route";
import { GET as projectRoute } from "@/app/api/v1/projects/[id]/route";
import { PUT as checklistRoute } from "@/app/api/v1/projects/[id]/source-control/route";
import { POST as createProjectRoute, GET as projectsRoute } from "@/app/api/v1/projects/route";
import { GET as statisticsRoute } from "@/app/api/v1/projects/statistics/route";
import { db } from "@/lib/db";
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from "@/lib/domain/credit-code";
import { SOURCE_CONTROL_ITEMS } from "@/lib/domain/source-control";
import { assertClueOpenForInspection, closeClueByInspection } from "@/lib/server/clues/close-clue-by-inspection";
import { countClues } from "@/lib/server/clues/count-clues";
import { detectInApp, detectInSql } from "@/lib/server/clues/detect-clues";
import { closeBulkPool } from "@/lib/server/monitoring/bulk-pg";
import { rowsOfStream } from "@/lib/server/monitoring/read-monitoring-upload";
import { createDistrict } from "../factories";
import { type ApiResult, call, errorOf } from "../support/api";
import { createPerson, createWorld, type Person, type World } from "../support/world";

let world: World;
let e1: Enterprise;
let e2: Enterprise;

function creditCode(): string {
  const pick = (n: number) => Array.from({ length: n }, () => CREDIT_CODE_ALPHABET[randomInt(0, 31)]).join("");
  const first17 = `91${pick(6)}MB${pick(7)}`;
  return first17 + creditCodeCheckChar(first17);
}

async function enterprise(districtId: string, name: string): Promise<Enterprise> {
  return db.enterprise.create({ data: { creditCode: creditCode(), name, districtId, isDemo: true } });
}

const HEADER = "credit_code,outlet_code,pollutant,time,value,limit,unit";
/** Beijing time text of hour `h` after 2026-11-01 00:00. */
function at(h: number): string {
  const d = new Date(Date.UTC(2026, 10, 1, h));
  return `${d.toISOString().slice(0, 10)} ${String(d.getUTCHours()).padStart(2, "0")}:00`;
}
/** UTC instant of hour `h` after 2026-11-01 00:00 Beijing. */
const utc = (h: number) => new Date(Date.UTC(2026, 10, 1, h) - 8 * 3_600_000).toISOString();
const normal = (h: number) => (20 + (h % 9) * 0.7 + h * 0.01).toFixed(2);

/** E1/DA001/COD: over the limit 10–14, flat 20–45, nothing 50–74; E2/DW002/NH3-N: over the limit 5–9. */
function plantedCsv(): { text: string; rows: number } {
  const lines = [HEADER];
  for (let h = 0; h < 100; h++) {
    if (h >= 50 && h <= 74) continue;
    const v = h >= 10 && h <= 14 ? (120 + h).toString() : h >= 20 && h <= 45 ? "33.30" : normal(h);
    lines.push(`${e1.creditCode},DA001,COD,${at(h)},${v},100,mg/L`);
  }
  for (let h = 0; h < 100; h++) {
    lines.push(
      `${e2.creditCode},DW002,NH3-N,${at(h)},${h >= 5 && h <= 9 ? "9.5" : (3 + (h % 5) * 0.3 + h * 0.001).toFixed(3)},8,mg/L`,
    );
  }
  return { text: `${lines.join("\n")}\n`, rows: lines.length - 1 };
}
const badRows = () =>
  [
    `${creditCode()},DA001,COD,${at(1)},1,100,mg/L`,
    `${e1.creditCode},DA001,COD,2026-11-01 08:30,1,100,mg/L`,
    `${e1.creditCode},DA001,COD,${at(2)},abc,100,mg/L`,
  ].join("\n");

async function upload(token: string | null, content: string, name = "monitoring.csv"): Promise<ApiResult> {
  const form = new FormData();
  form.set("file", new File([content], name));
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  const req = new NextRequest("http://localhost/api/v1/monitoring/import", { method: "POST", body: form, headers });
  const res = await importRoute(req, { params: Promise.resolve({}) as Promise<never> });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
}

type ImportBody = {
  imported: number;
  duplicates: number;
  rejected: number;
  clues: number;
  extended: number;
  errors: { row: number; column: string; reason: string }[];
};
type ClueBody = {
  id: string;
  rule: string;
  status: string;
  windowStart: string;
  windowEnd: string;
  hours: number;
  peak: number | null;
  district: { id: string };
  enterprise: { id: string };
  version: number;
};

async function cluesOf(p: Person, query = ""): Promise<ClueBody[]> {
  const r = await call(cluesRoute, "GET", `/clues${query}`, { token: p.token });
  expect(r.status).toBe(200);
  return (r.body as { items: ClueBody[] }).items;
}
const mine = (list: ClueBody[]) =>
  list.filter((c) => c.district.id === world.districtA.id || c.district.id === world.districtB.id);

beforeAll(async () => {
  world = await createWorld();
  e1 = await enterprise(world.districtA.id, "测试化工一厂");
  e2 = await enterprise(world.districtB.id, "测试污水处理厂");
});
afterAll(async () => {
  await closeBulkPool();
});

describe("monitoring import and clue detection", () => {
  it("imports valid rows, lists bad ones in Chinese, and raises one clue per episode", async () => {
    const planted = plantedCsv();
    const r = await upload(world.coordinator.token, `${planted.text}${badRows()}\n`);
    expect(r.status).toBe(200);
    const body = r.body as ImportBody;
    expect(body).toMatchObject({ imported: planted.rows, duplicates: 0, rejected: 3, clues: 4, extended: 0 });
    expect(body.errors.map((e) => e.column)).toEqual(["credit_code", "time", "value"]);
    expect(body.errors[0]?.reason).toContain("不在企业库中");
    expect(body.errors[1]?.reason).toContain("整点");
    const list = mine(await cluesOf(world.coordinator));
    const summary = list.map((c) => [c.rule, c.windowStart, c.windowEnd, c.hours]).sort();
    expect(summary).toEqual(
      [
        ["EXCEEDANCE", utc(10), utc(14), 5],
        ["EXCEEDANCE", utc(5), utc(9), 5],
        ["FLATLINE", utc(20), utc(45), 26],
        ["GAP", utc(50), utc(74), 25],
      ].sort(),
    );
    const audit = await db.auditLog.findFirst({ where: { action: "monitoring.imported", actorId: world.coordinator.user.id } });
    expect(audit?.after).toMatchObject({ imported: planted.rows, clues: 4 });
  });

  it("the same file twice imports nothing and raises nothing", async () => {
    const planted = plantedCsv();
    const r = await upload(world.coordinator.token, planted.text);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ imported: 0, duplicates: planted.rows, clues: 0, extended: 0 });
    expect(mine(await cluesOf(world.coordinator))).toHaveLength(4);
  });

  it("the application and the SQL window query find the same episodes", async () => {
    const series = await db.monitoringSeries.findMany({ where: { outlet: { enterpriseId: { in: [e1.id, e2.id] } } } });
    const ids = series.map((s) => s.id);
    const thresholds = { exceedanceHours: 4, flatlineHours: 24, gapHours: 24 };
    for (const until of [undefined, Date.UTC(2026, 10, 1, 140) - 8 * 3_600_000]) {
      const app = await detectInApp(ids, { thresholds, until });
      const sql = await detectInSql(ids, { thresholds, until });
      for (const id of ids) expect(sql.get(id) ?? [], `series ${id}`).toEqual(app.get(id) ?? []);
    }
  });

  it("an import that extends an episode extends its clue instead of raising another", async () => {
    const more = [HEADER, ...[15, 16].map((h) => `${e1.creditCode},DA001,COD,${at(h)},150,100,mg/L`)].join("\n");
    const r = await upload(world.coordinator.token, more);
    // 15 and 16 are already stored (normal values): duplicates, the first value wins.
    expect(r.body).toMatchObject({ imported: 0, duplicates: 2, clues: 0 });
    const later = [HEADER, ...[100, 101, 102, 103].map((h) => `${e1.creditCode},DA001,COD,${at(h)},${140 + h},100,mg/L`)].join(
      "\n",
    );
    const r2 = await upload(world.coordinator.token, later);
    expect(r2.body).toMatchObject({ imported: 4, clues: 1 });
    const r3 = await upload(world.coordinator.token, [HEADER, `${e1.creditCode},DA001,COD,${at(104)},300,100,mg/L`].join("\n"));
    expect(r3.body).toMatchObject({ imported: 1, clues: 0, extended: 1 });
    const exc = mine(await cluesOf(world.coordinator, "?rule=EXCEEDANCE")).filter((c) => c.windowStart === utc(100));
    expect(exc).toHaveLength(1);
    expect(exc[0]).toMatchObject({ windowEnd: utc(104), hours: 5, peak: 300 });
  });

  it("a header without the columns is refused whole; an empty file too", async () => {
    const r = await upload(world.coordinator.token, "credit_code,value\nx,1\n");
    expect(r.status).toBe(422);
    expect(errorOf(r).fields?.file?.[0]).toContain("outlet_code");
    expect((await upload(world.coordinator.token, "")).status).toBe(422);
    const allBad = await upload(world.coordinator.token, `${HEADER}\n${badRows()}`);
    expect(allBad.status).toBe(422);
    expect(allBad.body).toMatchObject({ imported: 0, rejected: 3 });
  });

  it("import: only the coordinator and administrators; anonymous 401", async () => {
    const csv = `${HEADER}\n`;
    expect((await upload(null, csv)).status).toBe(401);
    for (const p of [world.viewer, world.leader, world.headA, world.officerA])
      expect((await upload(p.token, csv)).status).toBe(403);
    const admin = await upload(world.admin.token, `${HEADER}\n${e1.creditCode},DA001,COD,${at(0)},1,100,mg/L`);
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({ duplicates: 1 });
  });
});

describe("reading uploads", () => {
  async function* pieces(...parts: Uint8Array[]) {
    for (const p of parts) yield p;
  }
  it("counts CSV bytes while streaming and stops at the cap (413)", async () => {
    const chunk = new TextEncoder().encode(`${HEADER}\n`);
    const read = async () => {
      for await (const _ of rowsOfStream(pieces(chunk, chunk, chunk), { maxBytes: chunk.byteLength * 2 })) void _;
    };
    await expect(read()).rejects.toMatchObject({ status: 413 });
  });

  it("refuses a CSV that is not UTF-8 in Chinese", async () => {
    const r = await upload(world.coordinator.token, "");
    expect(r.status).toBe(422);
    const gbk = new Uint8Array([0x63, 0x2c, 0xd6, 0xd0, 0xce, 0xc4, 0x0a]);
    const read = async () => {
      for await (const _ of rowsOfStream(pieces(gbk))) void _;
    };
    await expect(read()).rejects.toMatchObject({ status: 422, fields: { file: [expect.stringContaining("UTF-8")] } });
  });

  it("imports an XLSX file (times as text) through the same rules", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("data");
    sheet.addRow(HEADER.split(","));
    for (let h = 200; h < 206; h++) sheet.addRow([e2.creditCode, "DW002", "NH3-N", at(h), 3.3 + h / 1000, 8, "mg/L"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const form = new FormData();
    form.set("file", new File([bytes], "monitoring.xlsx"));
    const req = new NextRequest("http://localhost/api/v1/monitoring/import", {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${world.coordinator.token}` },
    });
    const res = await importRoute(req, { params: Promise.resolve({}) as Promise<never> });
    expect(res.status).toBe(200);
    // 100–199 missing before these six hours: a GAP clue for E2's series.
    expect(await res.json()).toMatchObject({ imported: 6, rejected: 0, clues: 1 });
  });
});

describe("clues: scope, assign, dismiss, close", () => {
  it("field officers see their district's clues only; out-of-scope ids are 404", async () => {
    const a = mine(await cluesOf(world.officerA));
    const b = mine(await cluesOf(world.officerB));
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((c) => c.district.id === world.districtA.id)).toBe(true);
    expect(b.every((c) => c.district.id === world.districtB.id)).toBe(true);
    expect(mine(await cluesOf(world.viewer))).toHaveLength(a.length + b.length);
    expect((await call(cluesRoute, "GET", "/clues")).status).toBe(401);
    const own = await call(clueRoute, "GET", `/clues/${a[0]?.id}`, {
      token: world.officerA.token,
      params: { id: a[0]?.id as string },
    });
    expect(own.status).toBe(200);
    expect((own.body as { readings: unknown[] }).readings.length).toBeGreaterThan(0);
    const other = await call(clueRoute, "GET", "/clues/x", { token: world.officerB.token, params: { id: a[0]?.id as string } });
    expect(other.status).toBe(404);
    expect((await call(cluesRoute, "GET", "/clues?status=NOPE", { token: world.viewer.token })).status).toBe(422);
  });

  it("assign: division heads and the coordinator, to a field officer of the clue's district", async () => {
    const [clue] = mine(await cluesOf(world.coordinator, "?rule=FLATLINE")).filter((c) => c.district.id === world.districtA.id);
    const assign = (p: Person, assigneeId: string, id = clue?.id as string) =>
      call(assignRoute, "POST", `/clues/${id}/assign`, { token: p.token, params: { id }, json: { assigneeId } });
    for (const p of [world.officerA, world.viewer, world.leader, world.admin])
      expect((await assign(p, world.officerA.user.id)).status).toBe(403);
    const wrong = await assign(world.headA, world.officerB.user.id);
    expect(wrong.status).toBe(422);
    expect(errorOf(wrong).fields?.assigneeId?.[0]).toContain("属地");
    const ok = await assign(world.headA, world.officerA.user.id);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "ASSIGNED", assignee: { id: world.officerA.user.id } });
    // the clue is closed by an OFF_SITE inspection (inspection form's transaction)
    const { id: inspectionId } = await db.inspection.create({
      data: {
        enterpriseId: e1.id,
        inspectedOn: new Date(),
        mode: "OFF_SITE",
        leadUnitId: world.agencyA.id,
        findings: "据在线监控线索核查。",
        result: "NO_ISSUE",
        clueId: clue?.id as string,
        createdById: world.officerA.user.id,
      },
    });
    await db.$transaction(async (tx) => {
      const found = await assertClueOpenForInspection(tx, clue?.id as string);
      expect(found).toMatchObject({ districtId: world.districtA.id, enterpriseId: e1.id });
      await closeClueByInspection(tx, { clueId: clue?.id as string, inspectionId, actor: world.officerA.actor });
    });
    const closed = await db.clue.findUniqueOrThrow({ where: { id: clue?.id } });
    expect(closed).toMatchObject({ status: "CLOSED", inspectionId });
    await expect(db.$transaction((tx) => assertClueOpenForInspection(tx, clue?.id as string))).rejects.toMatchObject({
      status: 422,
    });
    expect((await assign(world.headA, world.officerA.user.id)).status).toBe(409);
  });

  it("dismiss needs a reason (OTHER with text); a dismissed clue stays dismissed on re-import", async () => {
    const [clue] = mine(await cluesOf(world.coordinator)).filter((c) => c.district.id === world.districtB.id);
    const id = clue?.id as string;
    const dismiss = (p: Person, json: unknown) =>
      call(dismissRoute, "POST", `/clues/${id}/dismiss`, { token: p.token, params: { id }, json });
    for (const p of [world.viewer, world.leader]) expect((await dismiss(p, { reason: "CALIBRATION" })).status).toBe(403);
    expect((await dismiss(world.officerA, { reason: "CALIBRATION" })).status).toBe(404);
    const noText = await dismiss(world.officerB, { reason: "OTHER" });
    expect(noText.status).toBe(422);
    expect(errorOf(noText).fields?.note?.[0]).toContain("说明");
    expect((await dismiss(world.officerB, { reason: "CALIBRATION", status: "OPEN" })).status).toBe(422);
    const ok = await dismiss(world.officerB, { reason: "CALIBRATION", note: "已报备校准" });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "DISMISSED", dismissReason: "CALIBRATION" });
    const again = await upload(world.coordinator.token, plantedCsv().text);
    expect(again.body).toMatchObject({ imported: 0, clues: 0 });
    expect(await db.clue.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DISMISSED" });
    const history = await call(clueRoute, "GET", `/clues/${id}`, { token: world.coordinator.token, params: { id } });
    expect((history.body as { history: { action: string; actorName: string }[] }).history).toEqual([
      expect.objectContaining({ action: "clue.dismissed", actorName: world.officerB.user.displayName }),
    ]);
  });

  it("lists one enterprise's clues for its page (enterpriseId), in the caller's scope", async () => {
    const all = mine(await cluesOf(world.coordinator));
    const ofE1 = await cluesOf(world.coordinator, `?enterpriseId=${e1.id}`);
    expect(ofE1.length).toBeGreaterThan(0);
    expect(ofE1.length).toBeLessThan(all.length);
    expect(ofE1.every((c) => c.enterprise.id === e1.id)).toBe(true);
    // An officer of the other district sees none of them.
    expect(await cluesOf(world.officerB, `?enterpriseId=${e1.id}`)).toEqual([]);
  });

  it("counts raised and handled clues for the enforcement dashboard, by month", async () => {
    const now = new Date();
    const c = await countClues({
      from: new Date(now.getTime() - 86_400_000),
      to: new Date(now.getTime() + 60_000),
      districtIds: [world.districtA.id, world.districtB.id],
    });
    expect(c.raised).toBe(6);
    expect(c.handled).toBe(2);
    expect(c.byMonth.reduce((n, m) => n + m.raised, 0)).toBe(6);
  });
});

describe("construction projects: source control 422", () => {
  let projectId = "";
  const checklist = (overrides: Record<string, [string, string?]> = {}) => ({
    items: SOURCE_CONTROL_ITEMS.map((item) => ({
      item,
      verdict: overrides[item]?.[0] ?? "MET",
      note: overrides[item]?.[1] ?? "",
    })),
  });
  const create = (p: Person | null, json: unknown) =>
    call(createProjectRoute, "POST", "/projects", { token: p?.token ?? null, json });
  const put = (p: Person, id: string, json: unknown) =>
    call(checklistRoute, "PUT", `/projects/${id}/source-control`, { token: p.token, params: { id }, json });
  const review = (p: Person, id: string, json: unknown) =>
    call(reviewRoute, "POST", `/projects/${id}/review`, { token: p.token, params: { id }, json });

  it("submit: field officers for their own district, the enterprise fixes the district", async () => {
    const body = { name: "年产5万吨涂料技改项目", enterpriseId: e1.id, reportForm: "REPORT_BOOK", stage: "报告编制" };
    expect((await create(null, body)).status).toBe(401);
    for (const p of [world.viewer, world.leader, world.admin]) expect((await create(p, body)).status).toBe(403);
    expect((await create(world.officerB, body)).status).toBe(403);
    expect((await create(world.officerA, { ...body, districtId: world.districtB.id })).status).toBe(422);
    const bad = await create(world.officerA, { name: "", reportForm: "X", stage: "a" });
    expect(bad.status).toBe(422);
    expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(["name", "reportForm"]);
    const noPlace = await create(world.officerA, { name: "无属地", reportForm: "REPORT_TABLE", stage: "报告编制" });
    expect(errorOf(noPlace).fields?.districtId?.[0]).toContain("属地");
    const ok = await create(world.officerA, body);
    expect(ok.status).toBe(201);
    projectId = (ok.body as { id: string }).id;
    expect(ok.body).toMatchObject({ status: "SUBMITTED", district: { id: world.districtA.id } });
  });

  it("checklist: NOT_APPLICABLE needs a reason; a pass with a NOT_MET item is refused naming it", async () => {
    const na = await put(world.officerA, projectId, checklist({ REUSE: ["NOT_APPLICABLE"] }));
    expect(na.status).toBe(422);
    expect(errorOf(na).fields?.["items.REUSE.note"]?.[0]).toContain("理由");
    expect((await put(world.viewer, projectId, checklist())).status).toBe(403);
    expect((await put(world.officerB, projectId, checklist())).status).toBe(404);
    const saved = await put(
      world.officerA,
      projectId,
      checklist({ MATERIALS: ["NOT_MET", "仍用溶剂型涂料"], REUSE: ["NOT_APPLICABLE", "无可回用物料"] }),
    );
    expect(saved.status).toBe(200);
    expect((await review(world.officerA, projectId, { pass: true })).status).toBe(403);
    const refused = await review(world.headA, projectId, { pass: true });
    expect(refused.status).toBe(422);
    expect(errorOf(refused).fields?.["items.MATERIALS"]?.[0]).toContain("最干净原料");
    expect(errorOf(refused).fields?.pass?.[0]).toContain("最干净原料");
    const stats = await call(statisticsRoute, "GET", "/projects/statistics", { token: world.viewer.token });
    const a = (stats.body as { byDistrict: { district: { id: string }; notMet: Record<string, number> }[] }).byDistrict.find(
      (d) => d.district.id === world.districtA.id,
    );
    expect(a?.notMet.MATERIALS).toBe(1);
    expect(a?.notMet.PROCESS).toBe(0);
    expect((await review(world.headA, projectId, { pass: false })).status).toBe(422);
    const r = await review(world.headA, projectId, { pass: false, comment: "原料替代方案不足" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "REFUSED" });
    expect((await put(world.officerA, projectId, checklist({ REUSE: ["NOT_APPLICABLE", "无可回用物料"] }))).body).toMatchObject({
      status: "SUBMITTED",
    });
    const passed = await review(world.coordinator, projectId, { pass: true, comment: "符合" });
    expect(passed.body).toMatchObject({ status: "PASSED" });
    expect((await put(world.officerA, projectId, checklist())).status).toBe(409);
    const detail = await call(projectRoute, "GET", `/projects/${projectId}`, {
      token: world.officerA.token,
      params: { id: projectId },
    });
    expect((detail.body as { history: { action: string }[] }).history.map((h) => h.action)).toEqual([
      "project.submitted",
      "project.checklist",
      "project.refused",
      "project.resubmitted",
      "project.passed",
    ]);
  });

  it("the submitter never reviews; lists are scoped", async () => {
    const own = await create(world.coordinator, {
      name: "自审测试项目",
      districtId: world.districtB.id,
      reportForm: "REPORT_TABLE",
      stage: "审批前",
    });
    const id = (own.body as { id: string }).id;
    const self = await review(world.coordinator, id, { pass: false, comment: "x" });
    expect(self.status).toBe(403);
    expect(errorOf(self).message).toContain("报送人");
    const listB = await call(projectsRoute, "GET", "/projects", { token: world.officerB.token });
    const ids = (listB.body as { items: { id: string }[] }).items.map((p) => p.id);
    expect(ids).toContain(id);
    expect(ids).not.toContain(projectId);
    expect((await call(projectRoute, "GET", "/x", { token: world.officerB.token, params: { id: projectId } })).status).toBe(404);
  });

  it("a district whose EIA intake is suspended by a penalty decision cannot submit", async () => {
    const district = await createDistrict(db);
    const officer = await createPerson("FIELD_OFFICER", { districtId: district.id });
    const seq = randomInt(100_000, 999_999);
    const proposal = await db.penaltyProposal.create({
      data: {
        districtId: district.id,
        trigger: "PM25",
        episodeKey: `test-${seq}`,
        year: 2099,
        month: 1,
        evaluatedAt: "2099-01",
        amount: 1,
        figures: {},
      },
    });
    const decision = await db.penaltyDecision.create({
      data: {
        proposalId: proposal.id,
        districtId: district.id,
        year: 2099,
        seq,
        number: `测环罚〔2099〕${seq}号`,
        proposedAmount: 1,
        amount: 1,
        capped: false,
        decidedOn: new Date(),
      },
    });
    const today = new Date(Date.UTC(new Date().getUTCFullYear(), 0, 1));
    await db.penaltySuspension.create({
      data: {
        decisionId: decision.id,
        districtId: district.id,
        kind: "EIA_INTAKE",
        startsOn: today,
        endsOn: new Date(Date.UTC(2099, 0, 1)),
      },
    });
    const r = await create(officer, {
      name: "暂停期间报送的项目",
      districtId: district.id,
      reportForm: "REPORT_TABLE",
      stage: "报告编制",
    });
    expect(r.status).toBe(409);
    expect(errorOf(r).message).toContain(decision.number);
    expect(await db.constructionProject.count({ where: { districtId: district.id } })).toBe(0);
  });
});
