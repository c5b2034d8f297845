import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/problems/export/route";
import { POST as importRoute } from "@/app/api/v1/problems/import/route";
import { db } from "@/lib/db";
import { parseCsv } from "@/lib/domain/office-text";
import { runPrisma } from "@/scripts/db/prisma-cli";
import { calendarDay, createDistrict, createProblem, createUnit, createUser, uniqueSuffix } from "../factories";
import { call } from "../support/api";
import { createWorld, type Person, signedIn, type World } from "../support/world";

/**
 * The ledger leaves the app as XLSX/CSV and comes back: export → import into an empty database
 * gives the same ledger; office-made sheets (merged title, two-row header, text dates, unknown
 * units) are read or refused row by row; formula-looking text stays text.
 */

async function download(token: string, query: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const req = new NextRequest(`http://localhost/api/v1/problems/export?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const res = await exportRoute(req, { params: Promise.resolve({}) as Promise<never> });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

async function upload(
  token: string,
  bytes: Uint8Array,
  opts: { dryRun?: boolean; name?: string; mapping?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], opts.name ?? "台账.xlsx"));
  if (opts.mapping) form.set("mapping", JSON.stringify(opts.mapping));
  const req = new NextRequest(`http://localhost/api/v1/problems/import${opts.dryRun ? "?dryRun=1" : ""}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const res = await importRoute(req, { params: Promise.resolve({}) as Promise<never> });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function sheetRows(bytes: Buffer): Promise<{ rows: unknown[][]; sheet: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return { rows, sheet };
}

/** A ledger as text, keyed by problem code, without the running number (序号). */
function ledgerByCode(rows: unknown[][]): Map<string, string[]> {
  const text = (v: unknown) =>
    v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? "" : String(v);
  return new Map(rows.slice(1).map((r) => [text(r[1]), r.slice(1).map(text)]));
}

const FORMULA_TEXT = '=HYPERLINK("http://evil.example","点我")';

let world: World;
let leaderName: string;
let coUnitName: string;
let acceptanceName: string;

beforeAll(async () => {
  world = await createWorld();
  leaderName = world.leader.user.displayName;
  const co = await createUnit(db, { kind: "DIVISION", name: `配合处${world.tag}` });
  const acceptance = await createUnit(db, { kind: "AFFILIATED", name: `监测站${world.tag}` });
  coUnitName = co.name;
  acceptanceName = acceptance.name;
  await createProblem(db, {
    code: `RT-${world.tag}-01`,
    title: `往返问题一${world.tag}`,
    description: "某化工园区污水管网渗漏，群众反映河道发黑。",
    source: "CENTRAL_INSPECTION",
    round: "第二轮第一批",
    category: "WATER",
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    acceptanceUnitId: acceptance.id,
    coUnitIds: [co.id],
    responsiblePerson: "张三",
    responsiblePhone: "+86 510 8888 0000",
    target: "管网全部修复，断面稳定达Ⅲ类",
    deadlineBand: "MID",
    deadline: calendarDay(600),
    measures: [{ description: "排查管网渗漏点" }, { description: "修复破损管段，建立巡查制度" }],
  });
  await createProblem(db, {
    code: `RT-${world.tag}-02`,
    title: `往返问题二${world.tag}`,
    description: FORMULA_TEXT,
    source: "PETITION",
    category: "AIR",
    districtId: world.districtB.id,
    leadUnitId: world.divisionB.id,
    target: "-30%排放",
    deadlineBand: "ONGOING",
    deadline: null,
    measures: [{ description: "@每月巡查" }],
  });
});

describe("ledger export", () => {
  it("streams the filtered ledger as XLSX: styled frozen header, real dates, formula text escaped", async () => {
    const r = await download(world.coordinator.token, `q=${encodeURIComponent(`往返问题`)}&format=xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("spreadsheetml");
    expect(r.headers.get("content-disposition")).toContain("attachment");
    const { rows, sheet } = await sheetRows(r.bytes);
    const header = rows[0] as string[];
    expect(header.slice(0, 4)).toEqual(["序号", "问题编号", "问题来源", "批次/轮次"]);
    for (const h of [
      "问题描述",
      "所在地区",
      "挂钩领导",
      "牵头单位",
      "配合单位",
      "整改目标",
      "整改措施",
      "整改时限",
      "整改进展",
      "完成率",
      "状态",
      "验收单位",
      "备注",
    ])
      expect(header).toContain(h);
    const mine = rows.filter((row) => String(row[1]).startsWith(`RT-${world.tag}`));
    expect(mine).toHaveLength(2);
    const first = mine.find((row) => row[1] === `RT-${world.tag}-01`) as unknown[];
    const deadlineCol = header.indexOf("整改时限");
    expect(first[deadlineCol]).toBeInstanceOf(Date);
    expect(first[header.indexOf("挂钩领导")]).toBe(leaderName);
    expect(first[header.indexOf("配合单位")]).toBe(coUnitName);
    expect(first[header.indexOf("验收单位")]).toBe(acceptanceName);
    expect(first[header.indexOf("整改措施")]).toBe("1. 排查管网渗漏点\n2. 修复破损管段，建立巡查制度");
    const second = mine.find((row) => row[1] === `RT-${world.tag}-02`) as unknown[];
    expect(second[header.indexOf("问题描述")]).toBe(`'${FORMULA_TEXT}`);
    expect(second[header.indexOf("整改目标")]).toBe("'-30%排放");
    expect(second[deadlineCol]).toBe("长期坚持");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it("CSV carries a UTF-8 BOM and escapes formula text; a field office exports only what it sees", async () => {
    const r = await download(world.officerA.token, "format=csv");
    expect(r.status).toBe(200);
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(r.bytes.toString("utf8"));
    const codes = rows.slice(1).map((row) => row[1]);
    expect(codes).toContain(`RT-${world.tag}-01`);
    expect(codes).not.toContain(`RT-${world.tag}-02`);
    const viewer = parseCsv((await download(world.viewer.token, "format=csv")).bytes.toString("utf8"));
    const second = viewer.find((row) => row[1] === `RT-${world.tag}-02`) as string[];
    expect(second[(viewer[0] as string[]).indexOf("问题描述")]).toBe(`'${FORMULA_TEXT}`);
  });

  it("refuses an unknown format with a Chinese field error, and anonymous callers", async () => {
    const r = await call(exportRoute, "GET", "/problems/export?format=pdf", {
      token: world.coordinator.token,
      headers: { "accept-language": "zh-CN" },
    });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain("format");
    expect((await call(exportRoute, "GET", "/problems/export")).status).toBe(401);
  });
});

/** An office ledger as offices keep it: merged title, two-row header, text dates, a spacer row. */
async function officeLedger(rows: (string | number | Date)[][], opts: { twoRow?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet("台账");
  s.addRow(["无锡市突出生态环境问题整改台账（2022年）"]);
  s.mergeCells("A1:J1");
  s.addRow(["填报单位：督察办", "", "", "", "", "", "", "", "", ""]);
  if (opts.twoRow) {
    s.addRow(["问题编号", "问题来源", "问题基本情况", "", "责任主体", "", "整改情况", "", "", "备注"]);
    s.addRow(["", "", "具体问题", "所在地区", "责任单位", "挂钩领导", "整改措施", "完成时限", "整改进展", ""]);
    s.mergeCells("A3:A4");
    s.mergeCells("B3:B4");
    s.mergeCells("C3:D3");
    s.mergeCells("E3:F3");
    s.mergeCells("G3:I3");
  } else {
    s.addRow(["问题编号", "问题来源", "问题内容", "属地", "牵头单位", "牵头领导", "整改措施", "整改期限", "进展情况", "备注"]);
  }
  s.addRow([]);
  for (const r of rows) s.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("ledger import", () => {
  it("only the coordinator imports; others get 403 before the file is read", async () => {
    const file = await officeLedger([]);
    for (const p of [world.admin, world.leader, world.headA, world.officerA, world.viewer]) {
      expect((await upload(p.token, file, { dryRun: true })).status).toBe(403);
    }
  });

  it("reads a two-row header with merged cells and text dates, maps synonyms, previews without writing", async () => {
    const code = `OF-${world.tag}-1`;
    const file = await officeLedger(
      [
        [
          code,
          "中央环保督察",
          "某企业废气无组织排放，周边异味明显。",
          world.districtA.name,
          world.divisionA.name,
          leaderName,
          "1、安装收集设施\n2、更换活性炭",
          "2021年12月底",
          "已完成设备招标",
          "",
        ],
        [
          `${code}b`,
          "信访",
          "河道沿岸垃圾堆放。",
          world.districtA.name,
          world.divisionA.name,
          "",
          "（1）清理垃圾（2）建立长效保洁",
          "长期坚持",
          "",
          "",
        ],
      ],
      { twoRow: true },
    );
    const r = await upload(world.coordinator.token, file, { dryRun: true });
    expect(r.status).toBe(200);
    const body = r.body as {
      columns: { header: string; field: string | null }[];
      errors: unknown[];
      created: number;
      headerRow: number;
    };
    expect(body.errors).toEqual([]);
    expect(body.headerRow).toBe(4);
    const fieldOf = (h: string) => body.columns.find((c) => c.header.endsWith(h))?.field;
    expect(fieldOf("具体问题")).toBe("description");
    expect(fieldOf("责任单位")).toBe("leadUnit");
    expect(fieldOf("完成时限")).toBe("deadline");
    expect(fieldOf("问题编号")).toBe("code");
    expect(body.created).toBe(2);
    expect(await db.problem.count({ where: { code: { startsWith: code } } })).toBe(0);
  });

  it("lists every bad row in Chinese (row, column, reason) and imports nothing", async () => {
    const code = `BAD-${world.tag}`;
    const file = await officeLedger([
      [`${code}-1`, "省级督察", "问题描述正常。", world.districtA.name, world.divisionA.name, "", "", "2022年6月", "", ""],
      [`${code}-2`, "信访", "牵头单位不存在。", world.districtA.name, `不存在的单位${world.tag}`, "", "", "2023-03-31", "", ""],
      [`${code}-3`, "信访", "日期写错。", world.districtA.name, world.divisionA.name, "", "", "明年春天", "", ""],
      [`${code}-4`, "信访", "属地写错。", "火星区", world.divisionA.name, `无名领导${world.tag}`, "", "2023-03-31", "", ""],
    ]);
    const r = await upload(world.coordinator.token, file);
    expect(r.status).toBe(422);
    const errors = r.body.errors as { row: number; column: string; reason: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        { row: 6, column: "牵头单位", reason: `系统中没有名为“不存在的单位${world.tag}”的单位` },
        expect.objectContaining({ row: 7, column: "整改期限", reason: expect.stringContaining("无法识别的日期“明年春天”") }),
        { row: 8, column: "属地", reason: "“火星区”不是本市的区县" },
        { row: 8, column: "牵头领导", reason: `系统中没有名为“无名领导${world.tag}”的局领导` },
      ]),
    );
    expect(errors).toHaveLength(4);
    expect(r.body.unmatched).toEqual({
      units: [`不存在的单位${world.tag}`],
      districts: ["火星区"],
      officials: [`无名领导${world.tag}`],
    });
    expect(await db.problem.count({ where: { code: { startsWith: code } } })).toBe(0);
  });

  it("commits all rows, reads text dates and ongoing, and a second import of the same file changes nothing", async () => {
    const code = `OK-${world.tag}`;
    const file = await officeLedger([
      [
        `${code}-1`,
        "中央督察回头看",
        FORMULA_TEXT,
        world.districtA.name,
        world.divisionA.name,
        leaderName,
        "1. 排查\n2. 整治",
        "2027年12月底",
        "",
        "",
      ],
      [`${code}-2`, "自查", "噪声扰民。", world.districtB.code, world.divisionB.name, "", "", "长期", "", ""],
      [`${code}-3`, "执法", "固废堆放。", world.districtA.name, world.divisionA.name, "", "", 46_387, "", ""],
    ]);
    const first = await upload(world.coordinator.token, file);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 3, updated: 0, errors: [] });
    const rows = await db.problem.findMany({
      where: { code: { startsWith: code } },
      orderBy: { code: "asc" },
      include: { measures: { orderBy: { seq: "asc" } } },
    });
    expect(rows.map((p) => [p.code, p.source, p.deadlineBand, p.deadline?.toISOString().slice(0, 10) ?? null])).toEqual([
      [`${code}-1`, "CENTRAL_LOOKBACK", "MID", "2027-12-31"],
      [`${code}-2`, "SELF_CHECK", "ONGOING", null],
      [`${code}-3`, "ENFORCEMENT", expect.any(String), "2026-12-31"],
    ]);
    expect(rows[0]?.description).toBe(FORMULA_TEXT);
    expect(rows[0]?.measures.map((m) => m.description)).toEqual(["排查", "整治"]);
    expect(rows[0]?.leadOfficialId).toBe(world.leader.user.id);
    const audits = await db.auditLog.count({ where: { entityId: { in: rows.map((p) => p.id) }, action: "import" } });
    expect(audits).toBe(3);

    const again = await upload(world.coordinator.token, file);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const versions = await db.problem.findMany({ where: { code: { startsWith: code } }, select: { version: true } });
    expect(versions.every((v) => v.version === 1)).toBe(true);
  });

  it("re-import by code updates the problem with an audited, version-bumped edit", async () => {
    const code = `UP-${world.tag}`;
    const make = (desc: string) =>
      officeLedger([[code, "信访", desc, world.districtA.name, world.divisionA.name, "", "", "2027-06-30", "", ""]]);
    expect((await upload(world.coordinator.token, await make("原始描述。"))).status).toBe(200);
    const r = await upload(world.coordinator.token, await make("修改后的描述。"));
    expect(r.body).toMatchObject({ created: 0, updated: 1 });
    const p = await db.problem.findUniqueOrThrow({ where: { code } });
    expect(p.description).toBe("修改后的描述。");
    expect(p.version).toBe(2);
    const audit = await db.auditLog.findFirst({ where: { entityId: p.id, action: "update" } });
    expect(audit?.after).toMatchObject({ description: "修改后的描述。" });
  });

  it("a column mapping chosen on the page overrides the automatic one", async () => {
    const code = `MAP-${world.tag}`;
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("表1");
    s.addRow(["编号", "情况说明", "区", "单位", "时间"]);
    s.addRow([code, "情况说明里写的问题。", world.districtA.name, world.divisionA.name, "2027-01-31"]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const auto = await upload(world.coordinator.token, bytes, { dryRun: true });
    expect((auto.body.errors as unknown[]).length).toBeGreaterThan(0);
    const mapped = await upload(world.coordinator.token, bytes, {
      dryRun: true,
      mapping: { "1": "description", "2": "district", "3": "leadUnit", "4": "deadline" },
    });
    expect(mapped.body).toMatchObject({ errors: [], created: 1 });
  });
});

describe("round trip into an empty database", () => {
  const name = `rectify_rt_${randomBytes(4).toString("hex")}`;
  const testUrl = inject("databaseUrl");
  const withDatabase = (u: string, database: string) => {
    const parsed = new URL(u);
    parsed.pathname = `/${database}`;
    return parsed.toString();
  };
  const holder = globalThis as { rectifyDb?: { $disconnect: () => Promise<void> } };
  const switchDatabase = async (url: string) => {
    await holder.rectifyDb?.$disconnect();
    holder.rectifyDb = undefined;
    process.env.DATABASE_URL = url;
  };

  afterAll(async () => {
    await switchDatabase(testUrl);
    const admin = new pg.Client({ connectionString: withDatabase(testUrl, "postgres") });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it("export → import into a fresh database → export gives the same ledger", async () => {
    const filter = `q=${encodeURIComponent("往返问题")}`;
    const exported = await download(world.coordinator.token, `${filter}&format=xlsx`);
    const before = ledgerByCode((await sheetRows(exported.bytes)).rows);
    expect(before.size).toBe(2);
    const districts = await db.district.findMany({ where: { id: { in: [world.districtA.id, world.districtB.id] } } });
    const units = await db.unit.findMany({ where: { name: { contains: world.tag } } });

    const admin = new pg.Client({ connectionString: withDatabase(testUrl, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = withDatabase(testUrl, name);
    runPrisma(["migrate", "deploy"], url, { capture: true });
    await switchDatabase(url);

    // The empty database knows the same districts, units and leader by name (what an import resolves).
    for (const d of districts) await createDistrict(db, { code: d.code, name: d.name, nameEn: d.nameEn });
    for (const u of units) await createUnit(db, { code: `${u.code}-b${uniqueSuffix()}`, name: u.name, kind: u.kind });
    await createUser(db, { role: "LEADER", displayName: leaderName, username: `leader-${uniqueSuffix()}` });
    const coordinator: Person = await signedIn(await createUser(db, { role: "COORDINATOR", username: `co-${uniqueSuffix()}` }));
    expect(await db.problem.count()).toBe(0);

    const imported = await upload(coordinator.token, exported.bytes);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ created: 2, errors: [] });
    const after = ledgerByCode((await sheetRows((await download(coordinator.token, `${filter}&format=xlsx`)).bytes)).rows);
    expect(after).toEqual(before);
  });
});
