import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/indicators/import/route";
import { GET as penaltiesRoute } from "@/app/api/v1/penalties/route";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import { db } from "@/lib/db";
import { divisionOf } from "@/lib/domain/divisions";
import { calendarDay, createDistrict, createProblem } from "../factories";
import { call, leaksInternals } from "../support/api";
import { createWorld, type World } from "../support/world";

/** Years no other test file uses, so the figures here are this file's own. */
const YEAR = 2041;
const CITIES = [
  "320100",
  "320200",
  "320300",
  "320400",
  "320500",
  "320600",
  "320700",
  "320800",
  "320900",
  "321000",
  "321100",
  "321200",
  "321300",
];
const HEADER = "unit_code,unit_name,period,cumulative,indicator,value";

let world: World;

async function upload(token: string | null, content: string | Uint8Array, name = "data.csv") {
  const form = new FormData();
  form.set("file", new File([content as BlobPart], name));
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  const req = new NextRequest("http://localhost/api/v1/indicators/import", { method: "POST", body: form, headers });
  const res = await importRoute(req, { params: Promise.resolve({}) as Promise<never> });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: JSON.parse(text) as {
      imported: number;
      replaced: number;
      errors: { row: number; column: string | null; reason: string }[];
    },
  };
}

const csv = (rows: string[]) => [HEADER, ...rows].join("\n");
const valueCount = () => db.indicatorValue.count({ where: { year: { in: [YEAR, YEAR - 1] } } });

beforeAll(async () => {
  world = await createWorld();
});

describe("import", () => {
  it("imports a good file, creating named units, then replaces the same keys on a second import", async () => {
    const rows = CITIES.map((c, i) => `${c},${divisionOf(c)?.name},${YEAR}-03,true,PM25,${30 + (i % 5)}`);
    rows.push(`320000,江苏省,${YEAR}-03,true,PM25,31`);
    const first = await upload(world.coordinator.token, `\uFEFF${csv(rows)}`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ imported: 14, replaced: 0, errors: [] });
    expect(await db.statUnit.findUnique({ where: { code: "320000" } })).toMatchObject({ level: "PROVINCE", parentCode: null });
    expect(await db.statUnit.findUnique({ where: { code: "320500" } })).toMatchObject({ level: "CITY", parentCode: "320000" });

    const again = await upload(world.coordinator.token, csv([`320200,无锡市,${YEAR}-03,true,PM25,29`]));
    expect(again.body).toEqual({ imported: 0, replaced: 1, errors: [] });
    const v = await db.indicatorValue.findFirst({
      where: { unitCode: "320200", indicator: "PM25", year: YEAR, month: 3, cumulative: true },
    });
    expect(v?.valueText).toBe("29");
    const audit = await db.auditLog.findFirst({ where: { entityType: "IndicatorImport" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: world.coordinator.user.id, action: "import" });
  });

  it("a file with any bad row imports nothing and lists every bad row", async () => {
    const before = await valueCount();
    const r = await upload(
      world.coordinator.token,
      csv([
        `320281,江阴市,${YEAR}-04,true,PM25,33`,
        `320281,=cmd|' /C calc'!A0,${YEAR}-04,true,PM25,33`,
        `320282,宜兴市,${YEAR}-04,true,NOISE,33`,
        `320282,宜兴市,${YEAR}-04,true,PM25,abc`,
        `320281,江阴市,${YEAR}-04,true,PM25,34`,
      ]),
    );
    expect(r.status).toBe(422);
    expect(r.body.imported).toBe(0);
    expect(r.body.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "unit_name"],
      [4, "indicator"],
      [5, "value"],
      [6, null],
    ]);
    expect(await valueCount()).toBe(before);
  });

  it("refuses text that is not UTF-8 (GBK) and binary files, writing nothing", async () => {
    const before = await valueCount();
    const gbk = new Uint8Array([0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0x0a]);
    const r1 = await upload(world.coordinator.token, gbk);
    expect(r1.status).toBe(422);
    expect(r1.body.errors[0]?.reason).toMatch(/UTF-8/);
    const r2 = await upload(world.coordinator.token, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "x.xlsx");
    expect(r2.status).toBe(422);
    expect(r2.body.errors[0]?.reason).toMatch(/XLSX/);
    const r3 = await upload(world.coordinator.token, new Uint8Array(0));
    expect(r3.body.errors[0]?.reason).toBe("文件为空");
    expect(await valueCount()).toBe(before);
    expect(leaksInternals(r1.text + r2.text + r3.text)).toBe(false);
  });

  it("reads an XLSX workbook, keeping a formula cell as text (refused, never evaluated)", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("data");
    sheet.addRow(HEADER.split(","));
    sheet.addRow(["320281", "江阴市", `${YEAR}-05`, "true", "GOOD_AIR_RATIO", 80.5]);
    const good = new Uint8Array(await book.xlsx.writeBuffer());
    expect((await upload(world.coordinator.token, good, "good.xlsx")).body).toEqual({ imported: 1, replaced: 0, errors: [] });

    sheet.addRow(["320282", "宜兴市", `${YEAR}-05`, "true", "GOOD_AIR_RATIO", { formula: "1+1", result: 2 }]);
    const bad = await upload(world.coordinator.token, new Uint8Array(await book.xlsx.writeBuffer()), "bad.xlsx");
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ row: 3, column: "value", reason: "应为数字，最多 4 位小数" }]);
  });

  it.each([
    ["anonymous", () => null, 401],
    ["leader", () => world.leader.token, 403],
    ["division head", () => world.headA.token, 403],
    ["field officer", () => world.officerA.token, 403],
    ["viewer", () => world.viewer.token, 403],
  ])("%s may not import (%i)", async (_who, token, status) => {
    const r = await upload(token(), csv([`320281,江阴市,${YEAR}-06,true,PM25,30`]));
    expect(r.status).toBe(status);
  });

  it("answers a request that is not multipart, or has no file, with 400", async () => {
    const notMultipart = await call(importRoute, "POST", "/indicators/import", {
      token: world.coordinator.token,
      json: { file: "x" },
    });
    expect(notMultipart.status).toBe(400);
    const form = new FormData();
    form.set("other", "x");
    const req = new NextRequest("http://localhost/api/v1/indicators/import", {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${world.coordinator.token}` },
    });
    expect((await importRoute(req, { params: Promise.resolve({}) as Promise<never> })).status).toBe(400);
  });
});

describe("rankings", () => {
  beforeAll(async () => {
    // GOOD_AIR_RATIO for the 13 cities: two tie at 80.0, the province is 78.5.
    const values = ["82.1", "80.0", "79.3", "80.0", "77.0", "76.5", "75.0", "74.2", "73.9", "72.0", "71.5", "70.0", "69.9"];
    const rows = CITIES.map((c, i) => `${c},${divisionOf(c)?.name},${YEAR}-07,true,GOOD_AIR_RATIO,${values[i]}`);
    rows.push(`320000,江苏省,${YEAR}-07,true,GOOD_AIR_RATIO,78.5`);
    expect((await upload(world.coordinator.token, csv(rows))).status).toBe(200);
  });

  it("ranks the province's cities with ties, the provincial average and the badges", async () => {
    const r = await call(rankingsRoute, "GET", `/rankings?scope=PROVINCE_CITIES&indicator=GOOD_AIR_RATIO&period=${YEAR}-07`, {
      token: world.viewer.token,
    });
    expect(r.status).toBe(200);
    const body = r.body as {
      provincialAverage: string;
      items: {
        unitCode: string;
        rank: number;
        tied: boolean;
        aboveProvincialAverage: boolean;
        topThree: boolean;
        named: boolean;
      }[];
    };
    expect(body.provincialAverage).toBe("78.5");
    expect(body.items.slice(0, 4).map((i) => [i.unitCode, i.rank, i.tied])).toEqual([
      ["320100", 1, false],
      ["320200", 2, true],
      ["320400", 2, true],
      ["320300", 4, false],
    ]);
    const wuxi = body.items.find((i) => i.unitCode === "320200");
    expect(wuxi).toMatchObject({ aboveProvincialAverage: true, topThree: true, named: false });
    // No printed list of the cities this period, but a complete table: the worst five of the 13 stand in for it.
    expect(body.items.filter((i) => i.named).map((i) => i.rank)).toEqual([9, 10, 11, 12, 13]);
  });

  it("a period without data lists every unit as no data", async () => {
    const r = await call(rankingsRoute, "GET", `/rankings?scope=PROVINCE_CITIES&indicator=CWQI&period=${YEAR}-07`, {
      token: world.viewer.token,
    });
    const items = (r.body as { items: { rank: number | null }[] }).items;
    expect(items.length).toBeGreaterThanOrEqual(13);
    expect(items.every((i) => i.rank === null)).toBe(true);
  });

  it.each([
    ["scope=WORLD&indicator=PM25&period=2041-01", "scope"],
    ["scope=PROVINCE_CITIES&indicator=NOISE&period=2041-01", "indicator"],
    ["scope=PROVINCE_CITIES&indicator=PM25&period=2041-13", "period"],
    ["scope=PROVINCE_CITIES&indicator=PM25&period=2041-01&cumulative=maybe", "cumulative"],
    ["scope=PROVINCE_CITIES&indicator=PM25&period=2041-01&extra=1", "extra"],
  ])("refuses %s with a message on %s", async (query, field) => {
    const r = await call(rankingsRoute, "GET", `/rankings?${query}`, { token: world.viewer.token });
    expect(r.status).toBe(422);
    expect(Object.keys((r.body as { error: { fields: Record<string, string[]> } }).error.fields)).toEqual([field]);
  });

  it("needs a sign-in", async () => {
    expect((await call(rankingsRoute, "GET", `/rankings?scope=PROVINCE_CITIES&indicator=PM25&period=${YEAR}-07`)).status).toBe(
      401,
    );
  });
});

describe("penalties", () => {
  it("finds a PM2.5 hit from three months of year-to-date data, with the evidence, and an overdue problem", async () => {
    const district = await createDistrict(db);
    await db.statUnit.create({ data: { code: district.code, name: district.name, level: "OTHER" } });
    const rows: string[] = [];
    for (const m of [1, 2, 3]) {
      const p = `${YEAR}-0${m}`;
      const last = `${YEAR - 1}-0${m}`;
      rows.push(`${district.code},${district.name},${p},true,PM25,40`, `${district.code},${district.name},${last},true,PM25,36`);
    }
    rows.push(`320200,无锡市,${YEAR}-01,true,PM25,35`, `320200,无锡市,${YEAR}-02,true,PM25,35`);
    const existingMarch = await db.indicatorValue.findFirst({
      where: { unitCode: "320200", indicator: "PM25", year: YEAR, month: 3, cumulative: true },
    });
    expect(existingMarch?.valueText).toBe("29");
    expect((await upload(world.coordinator.token, csv(rows))).status).toBe(200);
    const overdue = await createProblem(db, { districtId: district.id, status: "RECTIFYING", deadline: calendarDay(-400) });

    const r = await call(penaltiesRoute, "GET", `/penalties?year=${YEAR}&month=3`, { token: world.leader.token });
    expect(r.status).toBe(200);
    const mine = (
      r.body as { items: { districtCode: string; hits: { rule: string; months?: unknown; code?: string }[]; totalFee: number }[] }
    ).items.find((d) => d.districtCode === district.code);
    expect(mine?.hits.map((h) => h.rule)).toEqual(["PM25", "PROBLEM"]);
    expect(mine?.hits[0]?.months).toEqual([
      { month: 1, value: "40", lastYear: "36", cityAverage: "35" },
      { month: 2, value: "40", lastYear: "36", cityAverage: "35" },
      { month: 3, value: "40", lastYear: "36", cityAverage: "29" },
    ]);
    expect(mine?.hits[1]).toMatchObject({ code: overdue.code, reason: "OVERDUE" });
    expect(mine?.totalFee).toBe(8_000_000);
  });

  it("never counts a failed acceptance alone as rectified perfunctorily; an established finding does", async () => {
    const district = await createDistrict(db);
    const problem = await createProblem(db, { districtId: district.id, status: "RECTIFYING", deadline: calendarDay(100) });
    await db.problemTransition.create({
      data: {
        problemId: problem.id,
        action: "FAIL_ACCEPTANCE",
        fromStatus: "PENDING_ACCEPTANCE",
        toStatus: "RECTIFYING",
        actorId: world.coordinator.user.id,
        comment: "整改不到位，现场仍有积存废物",
        at: new Date(Date.UTC(YEAR, 1, 10)),
      },
    });
    const at = async (month: number) => {
      const r = await call(penaltiesRoute, "GET", `/penalties?year=${YEAR}&month=${month}`, { token: world.leader.token });
      return (
        r.body as { items: { districtCode: string; hits: { rule: string; reason?: string; code?: string }[] }[] }
      ).items.find((d) => d.districtCode === district.code);
    };
    expect((await at(2))?.hits).toEqual([]);
    await db.rectificationFinding.create({
      data: {
        problemId: problem.id,
        kind: "FAKE_EVIDENCE",
        reason: "整改后照片与整改前照片为同一张",
        establishedById: world.leader.user.id,
      },
    });
    expect((await at(2))?.hits).toEqual([expect.objectContaining({ rule: "PROBLEM", reason: "FALSE", code: problem.code })]);
  });

  it.each(["year=1999&month=1", "year=2041&month=13", "year=abc&month=1", "month=1"])("refuses %s", async (query) => {
    const r = await call(penaltiesRoute, "GET", `/penalties?${query}`, { token: world.leader.token });
    expect(r.status).toBe(422);
  });
});
