import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchSection } from "@/app/api/v1/sections/[id]/route";
import { POST as importRoute } from "@/app/api/v1/sections/import/route";
import { GET as templateRoute } from "@/app/api/v1/sections/import/template/route";
import { POST as createRoute, GET as listRoute } from "@/app/api/v1/sections/route";
import { GET as getTargetsRoute, PUT as putTargetsRoute } from "@/app/api/v1/targets/route";
import { db } from "@/lib/db";
import { HOME_CITY_CODE } from "@/lib/domain/indicators";
import { computeDistrictPenalties } from "@/lib/server/indicators/get-penalties";
import { rankScope } from "@/lib/server/indicators/get-rankings";
import { derivedWaterValues } from "@/lib/server/sections/derived-water-values";
import { sectionRecordsByDistrict } from "@/lib/server/sections/section-records";
import { waterExemptUnitCodes } from "@/lib/server/sections/water-exemption";
import { getTargetProgress } from "@/lib/server/targets/target-progress";
import { call, errorOf, leaksInternals } from "../support/api";
import { createWorld, type World } from "../support/world";

/** A year no other test file uses, so the results here are this file's own. */
const YEAR = 2043;
const HEADER = "section_code,period,class,key_pollutant";

let world: World;
let tag: string;
type Section = {
  id: string;
  code: string;
  version: number;
  targetClass: number;
  months: { period: string; waterClass: number | null; missed: boolean | null }[];
};

async function upload(token: string | null, content: string | Uint8Array, commit: boolean, name = "results.csv") {
  const form = new FormData();
  form.set("file", new File([content as BlobPart], name));
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  const req = new NextRequest(`http://localhost/api/v1/sections/import${commit ? "?commit=true" : ""}`, {
    method: "POST",
    body: form,
    headers,
  });
  const res = await importRoute(req, { params: Promise.resolve({}) as Promise<never> });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: JSON.parse(text) as {
      preview: boolean;
      rows: number;
      imported: number;
      replaced: number;
      errors: { row: number; column: string | null; reason: string }[];
    },
  };
}

async function createSection(body: Record<string, unknown>, token = world.coordinator.token) {
  return call(createRoute, "POST", "/sections", { token, json: body });
}

const resultCount = () => db.waterSectionResult.count({ where: { year: { in: [YEAR - 1, YEAR] } } });

beforeAll(async () => {
  world = await createWorld();
  tag = world.tag.replace(/[^A-Za-z0-9]/g, "").slice(-8);
});

describe("section register", () => {
  it("the coordinator registers a section (audited); others may read but not write; bad input is a Chinese 422", async () => {
    const r = await createSection({
      code: `N1-${tag}`,
      name: "测试国考断面",
      waterBody: "测试河",
      districtCode: world.districtA.code,
      level: "NATIONAL",
      targetClass: 3,
    });
    expect(r.status).toBe(201);
    const s = r.body as Section;
    expect(s).toMatchObject({ code: `N1-${tag}`, version: 1, targetClass: 3, active: true, districtCode: world.districtA.code });
    expect(s.months).toHaveLength(24);
    expect(await db.auditLog.findFirst({ where: { entityType: "WaterSection", entityId: s.id } })).toMatchObject({
      action: "create",
      actorId: world.coordinator.user.id,
    });

    for (const p of [world.leader, world.headA, world.officerA, world.viewer]) {
      const denied = await createSection(
        { code: `X-${tag}`, name: "x", waterBody: "x", districtCode: world.districtA.code, level: "NATIONAL", targetClass: 3 },
        p.token,
      );
      expect(denied.status).toBe(403);
      expect((await call(listRoute, "GET", "/sections", { token: p.token })).status).toBe(200);
    }
    expect((await call(listRoute, "GET", "/sections", { token: null })).status).toBe(401);

    const bad = await call(createRoute, "POST", "/sections", {
      token: world.admin.token,
      headers: { "accept-language": "zh-CN" },
      json: { code: `N1-${tag}`, name: "", waterBody: "河", districtCode: "000000", level: "CITY", targetClass: 6, id: "x" },
    });
    expect(bad.status).toBe(422);
    const fields = errorOf(bad).fields ?? {};
    expect(fields.name).toEqual(["必填"]);
    expect(fields.level).toEqual(["请选择有效的选项"]);
    expect(fields.targetClass).toEqual(["请选择有效的选项"]);
    expect(fields.id).toEqual(["不允许的字段"]);

    const arrayClass = await call(createRoute, "POST", "/sections", {
      token: world.admin.token,
      headers: { "accept-language": "zh-CN" },
      json: {
        code: `N8-${tag}`,
        name: "甲",
        waterBody: "河",
        districtCode: world.districtA.code,
        level: "NATIONAL",
        targetClass: [3],
      },
    });
    expect(errorOf(arrayClass).fields).toEqual({ targetClass: ["请选择有效的选项"] });

    const unknownDistrict = await call(createRoute, "POST", "/sections", {
      token: world.admin.token,
      headers: { "accept-language": "zh-CN" },
      json: { code: `N9-${tag}`, name: "甲", waterBody: "河", districtCode: "000000", level: "NATIONAL", targetClass: 3 },
    });
    expect(errorOf(unknownDistrict).fields).toEqual({ districtCode: ["未知的属地"] });
    const duplicate = await call(createRoute, "POST", "/sections", {
      token: world.admin.token,
      headers: { "accept-language": "zh-CN" },
      json: {
        code: `N1-${tag}`,
        name: "甲",
        waterBody: "河",
        districtCode: world.districtA.code,
        level: "NATIONAL",
        targetClass: 3,
      },
    });
    expect(duplicate.status).toBe(422);
    expect(errorOf(duplicate).fields).toEqual({ code: ["断面编码已存在"] });
    expect(leaksInternals(duplicate.text)).toBe(false);
  });

  it("an edit checks the version: the stale one gets 409 with the current section, the version rises by one", async () => {
    const s = (
      await createSection({
        code: `P1-${tag}`,
        name: "测试省考断面",
        waterBody: "测试湖",
        districtCode: world.districtA.code,
        level: "PROVINCIAL",
        targetClass: 3,
      })
    ).body as Section;
    const ok = await call(patchSection, "PATCH", `/sections/${s.id}`, {
      token: world.coordinator.token,
      params: { id: s.id },
      json: { version: 1, targetClass: 2 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, targetClass: 2 });
    const stale = await call(patchSection, "PATCH", `/sections/${s.id}`, {
      token: world.admin.token,
      params: { id: s.id },
      json: { version: 1, name: "改名" },
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).current).toMatchObject({ version: 2, targetClass: 2, name: "测试省考断面" });
    const audit = await db.auditLog.findFirst({ where: { entityType: "WaterSection", entityId: s.id, action: "update" } });
    expect(audit).toMatchObject({ before: { targetClass: 3 }, after: { targetClass: 2 } });
    const forbidden = await call(patchSection, "PATCH", `/sections/${s.id}`, {
      token: world.leader.token,
      params: { id: s.id },
      json: { version: 2, name: "x" },
    });
    expect(forbidden.status).toBe(403);
    const missing = await call(patchSection, "PATCH", "/sections/00000000-0000-4000-8000-000000000000", {
      token: world.admin.token,
      params: { id: "00000000-0000-4000-8000-000000000000" },
      json: { version: 1, name: "x" },
    });
    expect(missing.status).toBe(404);
    // Back to target Ⅲ for the tests below.
    await call(patchSection, "PATCH", `/sections/${s.id}`, {
      token: world.coordinator.token,
      params: { id: s.id },
      json: { version: 2, targetClass: 3 },
    });
  });
});

describe("results import", () => {
  it("a file with bad rows lists each in Chinese and stores nothing", async () => {
    const before = await resultCount();
    const r = await upload(
      world.coordinator.token,
      [
        HEADER,
        `N1-${tag},${YEAR}-01,Ⅳ,总磷`,
        `NOPE-${tag},${YEAR}-01,Ⅲ,`,
        `N1-${tag},${YEAR}-13,Ⅲ,`,
        `P1-${tag},${YEAR}-01,7,`,
        `N1-${tag},${YEAR}-01,III,`,
      ].join("\n"),
      true,
    );
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      { row: 3, column: "section_code", reason: `未登记的断面：NOPE-${tag}` },
      { row: 4, column: "period", reason: "月份格式应为 YYYY-MM（如 2026-03）" },
      { row: 5, column: "class", reason: "水质类别应为 Ⅰ–Ⅴ、I–V、1–5 或 劣Ⅴ/劣V/6" },
      { row: 6, column: null, reason: "与第 2 行重复（同一断面同一月份）" },
    ]);
    expect(await resultCount()).toBe(before);
    expect((await upload(world.coordinator.token, "", true)).body.errors).toEqual([{ row: 0, column: null, reason: "文件为空" }]);
    expect((await upload(world.viewer.token, `${HEADER}\nN1-${tag},${YEAR}-01,Ⅲ,`, true)).status).toBe(403);
  });

  it("previews without writing, commits, and a re-import replaces the same section-month (audited)", async () => {
    // N1 (national, target Ⅲ) misses Jan–Jun: 6 months → its fee doubles; P1 (provincial) misses Feb–Apr: 3 months.
    const rows: string[] = [];
    for (let m = 1; m <= 6; m++) {
      rows.push(`N1-${tag},${YEAR}-${String(m).padStart(2, "0")},${m % 2 ? "Ⅳ" : "劣V"},总磷`);
      rows.push(`P1-${tag},${YEAR}-${String(m).padStart(2, "0")},${m >= 2 && m <= 4 ? "4" : "II"},`);
    }
    const before = await resultCount();
    const preview = await upload(world.coordinator.token, `\uFEFF${[HEADER, ...rows].join("\r\n")}`, false);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ preview: true, rows: 12, imported: 12, replaced: 0, errors: [] });
    expect(await resultCount()).toBe(before);

    const committed = await upload(world.coordinator.token, [HEADER, ...rows].join("\n"), true);
    expect(committed.body).toMatchObject({ preview: false, rows: 12, imported: 12, replaced: 0 });
    expect(await resultCount()).toBe(before + 12);

    const again = await upload(world.admin.token, [HEADER, `P1-${tag},${YEAR}-06,Ⅲ,氨氮`].join("\n"), true);
    expect(again.body).toMatchObject({ imported: 0, replaced: 1 });
    const r = await db.waterSectionResult.findFirst({ where: { section: { code: `P1-${tag}` }, year: YEAR, month: 6 } });
    expect(r).toMatchObject({ waterClass: 3, keyPollutants: "氨氮" });
    const audit = await db.auditLog.findFirst({ where: { entityType: "WaterSectionImport" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: world.admin.user.id, action: "import" });
    const after = audit?.after as { replacedRows: unknown[] } | undefined;
    expect(after?.replacedRows).toEqual([{ section: `P1-${tag}`, period: `${YEAR}-06`, before: "Ⅱ", after: "Ⅲ" }]);

    const list = await call(listRoute, "GET", `/sections?districtCode=${world.districtA.code}&period=${YEAR}-06`, {
      token: world.viewer.token,
    });
    const items = (list.body as { items: Section[] }).items;
    const n1 = items.find((s) => s.code === `N1-${tag}`) as Section;
    expect(n1.months.at(-1)).toMatchObject({ period: `${YEAR}-06`, waterClass: 6, missed: true });
    expect(n1.months.at(-7)).toMatchObject({ period: `${YEAR - 1}-12`, waterClass: null, missed: null });
    const met = await call(listRoute, "GET", `/sections?districtCode=${world.districtA.code}&period=${YEAR}-06&meets=true`, {
      token: world.viewer.token,
    });
    expect((met.body as { items: Section[] }).items.map((s) => s.code)).toEqual([`P1-${tag}`]);
  });

  it("reads XLSX: numbers as classes, a date cell as its month; a formula cell is refused, never evaluated", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("results");
    sheet.addRow(HEADER.split(","));
    sheet.addRow([`N1-${tag}`, `${YEAR - 1}-11`, 2, ""]);
    sheet.addRow([`N1-${tag}`, new Date(Date.UTC(YEAR - 1, 11, 1)), "劣Ⅴ", "总磷"]);
    const good = await upload(world.coordinator.token, new Uint8Array(await book.xlsx.writeBuffer()), false, "r.xlsx");
    expect(good.body).toMatchObject({ rows: 2, errors: [] });
    expect((good.body as unknown as { sample: unknown[] }).sample).toEqual([
      { sectionCode: `N1-${tag}`, period: `${YEAR - 1}-11`, classLabel: "Ⅱ", keyPollutants: null },
      { sectionCode: `N1-${tag}`, period: `${YEAR - 1}-12`, classLabel: "劣Ⅴ", keyPollutants: "总磷" },
    ]);
    sheet.addRow([`N1-${tag}`, `${YEAR - 1}-10`, { formula: "1+2", result: 3 }, ""]);
    const bad = await upload(world.coordinator.token, new Uint8Array(await book.xlsx.writeBuffer()), true, "bad.xlsx");
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ row: 4, column: "class", reason: "水质类别应为 Ⅰ–Ⅴ、I–V、1–5 或 劣Ⅴ/劣V/6" }]);
  });

  it("the template lists the active sections as a CSV download", async () => {
    const r = await call(templateRoute, "GET", "/sections/import/template", { token: world.coordinator.token });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toContain("attachment");
    expect(r.text).toContain(HEADER);
    expect(r.text).toContain(`N1-${tag},`);
  });
});

describe("what the results feed", () => {
  it("the section rule fires: 3 misses → ¥3m provincial; a national section ¥5m at 3 misses, again doubled at 6", async () => {
    const records = await sectionRecordsByDistrict(YEAR, 6);
    expect(records.get(world.districtA.code)).toEqual([
      { sectionCode: `N1-${tag}`, sectionName: "测试国考断面", level: "NATIONAL", missedMonths: [1, 2, 3, 4, 5, 6] },
      { sectionCode: `P1-${tag}`, sectionName: "测试省考断面", level: "PROVINCIAL", missedMonths: [2, 3, 4] },
    ]);
    const penalties = await computeDistrictPenalties(YEAR, 6);
    const a = penalties.find((p) => p.districtCode === world.districtA.code);
    const sectionHits = a?.hits.filter((h) => h.rule === "SECTION");
    // Two episodes of the national section (charged once at 3 missed months, again doubled at 6).
    expect(sectionHits).toEqual([
      expect.objectContaining({ sectionCode: `N1-${tag}`, fee: 5_000_000, repeated: false, months: [1, 2, 3] }),
      expect.objectContaining({ sectionCode: `N1-${tag}`, fee: 10_000_000, repeated: true, months: [1, 2, 3, 4, 5, 6] }),
      expect.objectContaining({ sectionCode: `P1-${tag}`, fee: 3_000_000, repeated: false, months: [2, 3, 4] }),
    ]);
    // Through March, N1 has missed 3 months: ¥5m; P1 only 2: nothing.
    const march = (await computeDistrictPenalties(YEAR, 3)).find((p) => p.districtCode === world.districtA.code);
    expect(march?.hits.filter((h) => h.rule === "SECTION")).toEqual([
      expect.objectContaining({ sectionCode: `N1-${tag}`, fee: 5_000_000, repeated: false }),
    ]);
  });

  it("derives 优Ⅲ and 劣Ⅴ shares per month and year to date, used in the ranking where nothing was published", async () => {
    // June: N1 劣Ⅴ, P1 Ⅲ → 优Ⅲ 50.0, 劣Ⅴ 50.0. Jan–Jun pooled: good = P1 Jan, Jun (Ⅱ, Ⅲ) + Feb–Apr no + May Ⅱ = 3 of 12.
    const month = await derivedWaterValues("WATER_GOOD_RATIO", YEAR, 6, false);
    expect(month.get(world.districtA.code)).toBe("50.0");
    expect((await derivedWaterValues("WATER_BAD_RATIO", YEAR, 6, false)).get(world.districtA.code)).toBe("50.0");
    expect((await derivedWaterValues("WATER_GOOD_RATIO", YEAR, 6, true)).get(world.districtA.code)).toBe("25.0");
    // N1 is 劣Ⅴ in even months: 3 of 12.
    expect((await derivedWaterValues("WATER_BAD_RATIO", YEAR, 6, true)).get(world.districtA.code)).toBe("25.0");
    expect((await derivedWaterValues("WATER_GOOD_RATIO", YEAR, 6, true)).has(HOME_CITY_CODE)).toBe(true);

    await db.statUnit.createMany({
      data: [{ code: world.districtA.code, name: world.districtA.name, level: "DISTRICT", parentCode: HOME_CITY_CODE }],
      skipDuplicates: true,
    });
    const ranking = await rankScope("CITY_DISTRICTS", "WATER_GOOD_RATIO", YEAR, 6, true);
    expect(ranking.items.find((i) => i.unitCode === world.districtA.code)?.value).toBe("25.0");
  });

  it("exempts a district whose every section met Ⅲ and its target every month, not one with a miss or a gap", async () => {
    const good = (
      await createSection({
        code: `G1-${tag}`,
        name: "达标断面",
        waterBody: "清河",
        districtCode: world.districtB.code,
        level: "PROVINCIAL",
        targetClass: 3,
      })
    ).body as Section;
    const rows = [1, 2, 3].map((m) => `${good.code},${YEAR}-0${m},Ⅱ,`);
    expect((await upload(world.coordinator.token, [HEADER, ...rows].join("\n"), true)).status).toBe(200);
    const exempt = await waterExemptUnitCodes(YEAR, 3);
    expect(exempt.has(world.districtB.code)).toBe(true);
    expect(exempt.has(world.districtA.code)).toBe(false);
    // April has no result: nothing proves the section met its target, so no exemption.
    expect((await waterExemptUnitCodes(YEAR, 4)).has(world.districtB.code)).toBe(false);
  });
});

describe("annual targets", () => {
  it("the coordinator sets targets (audited); everyone reads them; values are checked against range and precision", async () => {
    const put = await call(putTargetsRoute, "PUT", "/targets", {
      token: world.coordinator.token,
      json: {
        year: YEAR,
        targets: [
          { unitCode: world.districtA.code, indicator: "WATER_GOOD_RATIO", value: "50.0" },
          { unitCode: world.districtA.code, indicator: "PM25", value: "29" },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect((put.body as { changed: number }).changed).toBe(2);
    const read = await call(getTargetsRoute, "GET", `/targets?year=${YEAR}`, { token: world.viewer.token });
    expect(read.status).toBe(200);
    expect((read.body as { targets: unknown[] }).targets).toEqual([
      { unitCode: world.districtA.code, indicator: "PM25", value: "29" },
      { unitCode: world.districtA.code, indicator: "WATER_GOOD_RATIO", value: "50.0" },
    ]);
    const audit = await db.auditLog.findFirst({
      where: { entityType: "AnnualTarget", entityId: String(YEAR) },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ actorId: world.coordinator.user.id, action: "update" });

    const bad = await call(putTargetsRoute, "PUT", "/targets", {
      token: world.admin.token,
      headers: { "accept-language": "zh-CN" },
      json: {
        year: YEAR,
        targets: [
          { unitCode: world.districtA.code, indicator: "PM25", value: "29.5" },
          { unitCode: world.districtA.code, indicator: "GOOD_AIR_RATIO", value: "101" },
          { unitCode: "999999", indicator: "PM25", value: "30" },
          { unitCode: world.districtA.code, indicator: "CWQI", value: "abc" },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect(errorOf(bad).fields).toEqual({
      "targets.0.value": ["最多 0 位小数"],
      "targets.1.value": ["须在 0–100 之间"],
      "targets.2.unitCode": ["只能为全市或所辖区（市）设定年度目标"],
      "targets.3.value": ["请输入数字"],
    });
    expect(
      (await call(putTargetsRoute, "PUT", "/targets", { token: world.leader.token, json: { year: YEAR, targets: [] } })).status,
    ).toBe(403);

    // Removing a target with null.
    const removed = await call(putTargetsRoute, "PUT", "/targets", {
      token: world.coordinator.token,
      json: { year: YEAR, targets: [{ unitCode: world.districtA.code, indicator: "PM25", value: null }] },
    });
    expect((removed.body as { changed: number; targets: unknown[] }).targets).toHaveLength(1);
  });

  it("progress reads the derived water share year to date against the target", async () => {
    const progress = await getTargetProgress(world.viewer.actor, YEAR, 6);
    const line = progress.lines.find((l) => l.unitCode === world.districtA.code && l.indicator === "WATER_GOOD_RATIO");
    // 25 % over 6 months against 50 %: the rest must average (50 × 12 − 25 × 6) / 6 = 75 %.
    expect(line).toMatchObject({ ytd: "25.0", derived: true, target: "50.0" });
    expect(line?.progress).toMatchObject({ kind: "NEEDED", metSoFar: false, neededAverage: 75 });
  });
});

describe("who may do what", () => {
  const roles = () =>
    [
      ["anonymous", null, false, false],
      ["admin", world.admin.token, true, true],
      ["leader", world.leader.token, true, false],
      ["coordinator", world.coordinator.token, true, true],
      ["division head", world.headA.token, true, false],
      ["field officer", world.officerA.token, true, false],
      ["viewer", world.viewer.token, true, false],
    ] as const;

  it("everyone signed in reads sections and targets; only the coordinator and admins write them", async () => {
    const section = (await call(listRoute, "GET", "/sections", { token: world.viewer.token })).body as { items: Section[] };
    const s = section.items.find((x) => x.code === `G1-${tag}`) as Section;
    for (const [who, token, reads, writes] of roles()) {
      const denied = token === null ? 401 : 403;
      const list = await call(listRoute, "GET", "/sections", { token });
      expect(list.status, `${who} lists sections`).toBe(reads ? 200 : 401);
      const targets = await call(getTargetsRoute, "GET", `/targets?year=${YEAR}`, { token });
      expect(targets.status, `${who} reads targets`).toBe(reads ? 200 : 401);
      // An empty change set: allowed callers get 200 (nothing changed), the others are refused before anything is read.
      const put = await call(putTargetsRoute, "PUT", "/targets", { token, json: { year: YEAR, targets: [] } });
      expect(put.status, `${who} sets targets`).toBe(writes ? 200 : denied);
      // A stale version: allowed callers reach the version check (409), the others are refused first.
      const patch = await call(patchSection, "PATCH", `/sections/${s.id}`, {
        token,
        params: { id: s.id },
        json: { version: 99, name: "x" },
      });
      expect(patch.status, `${who} edits a section`).toBe(writes ? 409 : denied);
      const template = await call(templateRoute, "GET", "/sections/import/template", { token });
      expect(template.status, `${who} downloads the template`).toBe(writes ? 200 : denied);
    }
  });
});
