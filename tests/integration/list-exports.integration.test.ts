import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as caseExportRoute } from "@/app/api/v1/cases/export/route";
import { GET as hazardExportRoute } from "@/app/api/v1/hazards/export/route";
import { GET as incidentExportRoute } from "@/app/api/v1/incidents/export/route";
import { GET as inspectionExportRoute } from "@/app/api/v1/inspections/export/route";
import { db } from "@/lib/db";
import { parseCsv } from "@/lib/domain/office-text";
import { listCases } from "@/lib/server/enforcement/list-cases";
import { listInspections } from "@/lib/server/enforcement/list-inspections";
import { listHazards } from "@/lib/server/hazards/list-hazards";
import { listIncidents } from "@/lib/server/incidents/list-incidents";
import { validCreditCode } from "../factories";
import { createWorld, type World } from "../support/world";

/**
 * Lists leave the app as XLSX/CSV through one route pattern: the file holds exactly the rows the
 * list shows the person (scope and filters, every page of it), formula-looking text stays text,
 * and a record outside the person's scope never appears.
 */
type Route = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;

async function download(route: Route, path: string, token: string, query: string) {
  const req = new NextRequest(`http://localhost/api/v1/${path}/export?${query}`, {
    headers: { authorization: `Bearer ${token}`, "accept-language": "zh-CN" },
  });
  const res = await route(req, { params: Promise.resolve({}) as Promise<never> });
  return { status: res.status, type: res.headers.get("content-type") ?? "", bytes: Buffer.from(await res.arrayBuffer()) };
}

async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  (wb.worksheets[0] as ExcelJS.Worksheet).eachRow((row) => {
    rows.push(
      (row.values as unknown[])
        .slice(1)
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? "" : String(v))),
    );
  });
  return rows;
}

const FORMULA = '=HYPERLINK("http://evil.example","点我")';
let world: World;
let tag: string;

beforeAll(async () => {
  world = await createWorld();
  tag = world.tag;
  const [mine, theirs] = await Promise.all(
    [world.districtA, world.districtB].map((d, i) =>
      db.enterprise.create({
        data: { creditCode: validCreditCode("320200"), name: `导出企业${i ? "乙" : "甲"}${tag}`, districtId: d.id },
      }),
    ),
  );
  // More rows than one page of the list (100), so the export has to read every page.
  const year = 2300 + Math.floor(Math.random() * 600);
  const inspections = [];
  for (let i = 0; i < 105; i++) {
    const enterprise = i < 102 ? mine : theirs;
    inspections.push(
      await db.inspection.create({
        data: {
          enterpriseId: enterprise?.id as string,
          inspectedOn: new Date(Date.UTC(2026, 0, 1 + (i % 28))),
          mode: "ALL_STAFF",
          leadUnitId: world.divisionA.id,
          findings: i === 0 ? FORMULA : `检查情况${i}`,
          result: i % 3 === 0 ? "VIOLATION" : "NO_ISSUE",
          inspectors: { create: [{ userId: world.headA.user.id }] },
        },
      }),
    );
  }
  for (const [seq, inspection] of [inspections[0], inspections[3], inspections[104]].entries()) {
    await db.enforcementCase.create({
      data: {
        number: `锡环罚〔${year}〕${seq + 1}号${tag}`,
        year,
        seq: seq + 1,
        inspectionId: inspection?.id as string,
        enterpriseId: inspection?.enterpriseId as string,
        violation: seq === 0 ? FORMULA : `违法事实${seq}`,
        legalBasis: "《大气污染防治法》第一百零八条",
        fineYuan: 10_000 * (seq + 1),
        filedOn: new Date(Date.UTC(2026, 1, 1 + seq)),
      },
    });
  }
});

describe("list exports", () => {
  it("inspections: the officer's file holds exactly the rows of the list, every page, and nothing of another district", async () => {
    const r = await download(inspectionExportRoute, "inspections", world.officerA.token, "format=xlsx");
    expect(r.status).toBe(200);
    expect(r.type).toContain("spreadsheetml");
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]?.slice(0, 4)).toEqual(["检查日期", "企业", "统一社会信用代码", "属地"]);
    const listed = [];
    for (let page = 1; ; page++) {
      const p = await listInspections(world.officerA.actor, { page, pageSize: 100 });
      listed.push(...p.items);
      if (p.items.length < 100) break;
    }
    expect(listed.length).toBeGreaterThan(100);
    const body = rows.slice(1);
    expect(body).toHaveLength(listed.length);
    expect(body.map((row) => [row[0], row[1], row[8]])).toEqual(
      listed.map((i) => [i.inspectedOn, i.enterprise.name, i.findings === FORMULA ? `'${FORMULA}` : i.findings]),
    );
    expect(body.some((row) => row[1] === `导出企业乙${tag}`)).toBe(false);
    // Formula-looking text is a text cell, never a formula.
    expect(body.filter((row) => row[8] === `'${FORMULA}`)).toHaveLength(1);
  });

  it("cases: the list's filters apply, the scope holds, CSV too; a bad filter is a 422 in Chinese", async () => {
    const x = await download(caseExportRoute, "cases", world.officerA.token, `format=xlsx&districtCode=${world.districtA.code}`);
    const rows = (await xlsxRows(x.bytes)).slice(1);
    const listed = (await listCases(world.officerA.actor, { districtCode: world.districtA.code, pageSize: 100 })).items;
    expect(rows.map((r) => r[0])).toEqual(listed.map((c) => c.number));
    expect(rows.filter((r) => r[0]?.endsWith(tag))).toHaveLength(2);
    const formula = rows.find((r) => r[6]?.includes("HYPERLINK"));
    expect(formula?.[6]).toBe(`'${FORMULA}`);
    expect(rows.find((r) => r[0]?.endsWith(tag))?.[8]).toMatch(/^\d+$/);

    const csv = await download(caseExportRoute, "cases", world.officerA.token, "format=csv");
    expect(csv.type).toContain("text/csv");
    const text = csv.bytes.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const csvRows = parseCsv(text.slice(1)).slice(1);
    const all = (await listCases(world.officerA.actor, { pageSize: 100 })).items;
    expect(csvRows.map((r) => r[0])).toEqual(all.map((c) => c.number));
    expect(csvRows.some((r) => r[1] === `导出企业乙${tag}`)).toBe(false);

    // The coordinator sees the other district's case; the officer never does.
    const wide = (await xlsxRows((await download(caseExportRoute, "cases", world.coordinator.token, "format=xlsx")).bytes)).slice(
      1,
    );
    expect(wide.filter((r) => r[0]?.endsWith(tag))).toHaveLength(3);

    const bad = await download(caseExportRoute, "cases", world.officerA.token, "format=pdf");
    expect(bad.status).toBe(422);
    const error = JSON.parse(bad.bytes.toString("utf8")).error as { fields: Record<string, string[]> };
    expect(error.fields.format?.[0]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("hazards: the same pattern for a list answered whole; the list's strict filters refuse unknown ones", async () => {
    const r = await download(hazardExportRoute, "hazards", world.officerA.token, "format=xlsx&open=true");
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]?.slice(0, 2)).toEqual(["等级", "隐患"]);
    const listed = (await listHazards(world.officerA.actor, { open: "true" })).items;
    expect(rows.slice(1).map((row) => row[1])).toEqual(listed.map((h) => h.description));
    const bad = await download(hazardExportRoute, "hazards", world.officerA.token, "format=xlsx&colour=RED");
    expect(bad.status).toBe(422);
  });

  it("incidents: a year's events as the page lists them; the other district's never reach a field officer", async () => {
    for (const [i, d] of [world.districtA, world.districtB].entries()) {
      await db.incident.create({
        data: {
          occurredOn: new Date(Date.UTC(2031, 4, 10 + i)),
          title: i ? `乙区事件${tag}` : `-1+1 甲区事件${tag}`,
          districtId: d.id,
          type: "WATER",
          level: "GENERAL",
          cause: "管道破裂",
          response: "已处置",
        },
      });
    }
    const r = await download(incidentExportRoute, "incidents", world.officerA.token, "format=csv&year=2031");
    expect(r.status).toBe(200);
    const rows = parseCsv(r.bytes.toString("utf8").slice(1));
    expect(rows[0]?.slice(0, 3)).toEqual(["发生日期", "事件名称", "属地"]);
    const listed = (await listIncidents(world.officerA.actor, { year: "2031" })).items;
    expect(rows.slice(1).map((row) => row[1])).toEqual(listed.map((i) => (i.title.startsWith("-") ? `'${i.title}` : i.title)));
    expect(rows.some((row) => row[1] === `'-1+1 甲区事件${tag}`)).toBe(true);
    expect(rows.some((row) => row[1] === `乙区事件${tag}`)).toBe(false);
    const wide = parseCsv(
      (await download(incidentExportRoute, "incidents", world.coordinator.token, "format=csv&year=2031")).bytes
        .toString("utf8")
        .slice(1),
    );
    expect(wide.some((row) => row[1] === `乙区事件${tag}`)).toBe(true);
  });
});
