import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as campaignExportRoute } from "@/app/api/v1/campaigns/[id]/export/route";
import { GET as closedEnterpriseExportRoute } from "@/app/api/v1/closed-enterprises/export/route";
import { GET as clueExportRoute } from "@/app/api/v1/clues/export/route";
import { GET as parkExportRoute } from "@/app/api/v1/parks/export/route";
import { GET as penaltyExportRoute } from "@/app/api/v1/penalties/export/route";
import { GET as projectExportRoute } from "@/app/api/v1/projects/export/route";
import { GET as rankingExportRoute } from "@/app/api/v1/rankings/export/route";
import { GET as taihuReadingExportRoute } from "@/app/api/v1/taihu/readings/export/route";
import { GET as timelineExportRoute } from "@/app/api/v1/timeline/export/route";
import { db } from "@/lib/db";
import { parseCsv } from "@/lib/domain/office-text";
import { listClosedEnterprises } from "@/lib/server/closed-enterprises/list-closed-enterprises";
import { listClues } from "@/lib/server/clues/list-clues";
import { getCampaign } from "@/lib/server/enforcement/campaigns";
import { getRankings } from "@/lib/server/indicators/get-rankings";
import { listParks } from "@/lib/server/parks/list-parks";
import { listPenaltyProposals } from "@/lib/server/penalties/list-penalties";
import { listProjects } from "@/lib/server/projects/list-projects";
import { listReadings } from "@/lib/server/taihu/list-readings";
import { getTimeline } from "@/lib/server/timeline/get-timeline";
import { calendarDay, createProblem, validCreditCode } from "../factories";
import { createWorld, type World } from "../support/world";

/**
 * More lists leave the app through the list-export pattern: each file holds exactly the rows the
 * list shows that person, formula-looking text stays text, and out-of-scope rows never appear.
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
      // ExcelJS leaves empty leading cells as holes: Array.from makes them undefined, read as "".
      Array.from(row.values as unknown[])
        .slice(1)
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? "" : String(v))),
    );
  });
  return rows;
}

const csvRows = (bytes: Buffer) => parseCsv(bytes.toString("utf8").slice(1));
const FORMULA = '=HYPERLINK("http://evil.example","点我")';
let world: World;

beforeAll(async () => {
  world = await createWorld();
});

describe("list exports (more lists)", () => {
  it("timeline: the officer's file holds the board's problems with their measures; another district's never", async () => {
    const { districtA, districtB, divisionA } = world;
    const mine = await createProblem(db, {
      districtId: districtA.id,
      leadUnitId: divisionA.id,
      title: FORMULA,
      status: "RECTIFYING",
      assignedAt: new Date(Date.UTC(2026, 0, 5)),
      deadline: calendarDay(30),
      measures: [{ description: "+截污纳管", percent: 50, milestone: calendarDay(-3) }, { percent: 100 }],
    });
    await createProblem(db, { districtId: districtA.id, leadUnitId: divisionA.id, status: "ASSIGNED", deadline: calendarDay(5) });
    const theirs = await createProblem(db, { districtId: districtB.id, leadUnitId: divisionA.id, status: "RECTIFYING" });
    const query = `leadUnitId=${divisionA.id}`;

    const r = await download(timelineExportRoute, "timeline", world.officerA.token, `format=xlsx&${query}`);
    expect(r.status).toBe(200);
    expect(r.type).toContain("spreadsheetml");
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]?.slice(0, 3)).toEqual(["问题编号", "问题", "属地"]);
    const listed = (await getTimeline(world.officerA.actor, { leadUnitId: divisionA.id })).items;
    expect(listed).toHaveLength(2);
    const body = rows.slice(1);
    expect(body.map((row) => [row[0], row[1], row[8]])).toEqual(
      listed.map((p) => [p.code, p.title === FORMULA ? `'${FORMULA}` : p.title, p.deadline ?? ""]),
    );
    const row = body.find((x) => x[0] === mine.code);
    expect(row?.[1]).toBe(`'${FORMULA}`);
    // Measures one line each, the late one marked; a leading "+" in a cell's text is still text.
    expect(row?.[14]?.split("\n")).toHaveLength(2);
    expect(row?.[14]).toMatch(/^1\. \+截污纳管 .*50% · 推进中 · 已逾期/);
    expect(body.some((x) => x[0] === theirs.code)).toBe(false);

    const wide = csvRows((await download(timelineExportRoute, "timeline", world.coordinator.token, `format=csv&${query}`)).bytes);
    expect(wide.slice(1).map((x) => x[0])).toContain(theirs.code);
    expect(wide.slice(1)).toHaveLength(3);

    const bad = await download(timelineExportRoute, "timeline", world.officerA.token, "format=xlsx&colour=PINK");
    expect(bad.status).toBe(422);
    const error = JSON.parse(bad.bytes.toString("utf8")).error as { fields: Record<string, string[]> };
    expect(error.fields.colour?.[0]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("penalties: a year's proposals with the page's filters, amounts in yuan, a waive reason that looks like a formula stays text", async () => {
    const year = 2050 + Math.floor(Math.random() * 50);
    const { districtA, districtB } = world;
    const base = { year, evaluatedAt: `${year}-03`, figures: { months: [1, 2, 3] } };
    await db.penaltyProposal.create({
      data: { ...base, districtId: districtA.id, trigger: "PM25", episodeKey: `PM25:${year}`, month: 3, amount: 500_000 },
    });
    await db.penaltyProposal.create({
      data: {
        ...base,
        districtId: districtA.id,
        trigger: "GOOD_AIR",
        episodeKey: `GOOD_AIR:${year}`,
        month: 2,
        amount: 300_000,
        status: "WAIVED",
        statusReason: FORMULA,
        decidedById: world.leader.user.id,
        decidedAt: new Date(),
      },
    });
    await db.penaltyProposal.create({
      data: { ...base, districtId: districtB.id, trigger: "PM25", episodeKey: `PM25:${year}`, month: 3, amount: 500_000 },
    });

    const r = await download(
      penaltyExportRoute,
      "penalties",
      world.officerA.token,
      `format=xlsx&year=${year}&districtCode=${districtA.code}`,
    );
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]?.slice(0, 3)).toEqual(["年度", "市（区）", "情形"]);
    const listed = await listPenaltyProposals(world.officerA.actor, { year, districtCode: districtA.code });
    expect(listed).toHaveLength(2);
    const body = rows.slice(1);
    expect(body.map((row) => [row[1], row[3], row[6], row[9]])).toEqual(
      listed.map((p) => [p.districtName, String(p.month), String(p.amount), p.status === "WAIVED" ? "已豁免" : "建议"]),
    );
    expect(body.map((row) => row[4])).toEqual(["1、2、3", "1、2、3"]);
    expect(body.find((row) => row[9] === "已豁免")?.[10]).toBe(`'${FORMULA}`);
    expect(body.some((row) => row[1] === districtB.name)).toBe(false);

    // The status filter as the page applies it; CSV too.
    const waived = csvRows(
      (await download(penaltyExportRoute, "penalties", world.officerA.token, `format=csv&year=${year}&status=WAIVED`)).bytes,
    );
    expect(waived.slice(1).map((row) => row[2])).toEqual(["优良天数比率同比下降且低于全市平均"]);
    expect(waived[1]?.[10]).toBe(`'${FORMULA}`);

    const bad = await download(penaltyExportRoute, "penalties", world.officerA.token, "format=xlsx&year=1800");
    expect(bad.status).toBe(422);
  });

  it("rankings: one row per ranked unit with rank, value, provincial average and target-line status; an imported name stays text", async () => {
    const year = 3000 + Math.floor(Math.random() * 6000);
    const period = `${year}-06`;
    // A county-level unit as an indicator import may create it (its name from the file), named by the province's printed list.
    const code = `39${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
    const name = `=1+2 测试县${world.tag}`;
    await db.statUnit.upsert({ where: { code }, create: { code, name, level: "OTHER" }, update: { name } });
    await db.statUnit.upsert({
      where: { code: "320000" },
      create: { code: "320000", name: "江苏省", level: "PROVINCE" },
      update: {},
    });
    const key = { indicator: "PM25" as const, year, month: 6, cumulative: true };
    await db.indicatorValue.createMany({
      data: [
        { ...key, unitCode: code, valueText: "45", value: 45 },
        { ...key, unitCode: "320000", valueText: "40", value: 40 },
      ],
    });
    await db.publishedList.create({
      data: {
        ...key,
        kind: "WORST",
        scope: "PROVINCE_COUNTIES",
        size: 10,
        source: "测试通报",
        importedById: world.coordinator.user.id,
        entries: { create: [{ position: 1, printedRank: 1, unitCode: code, printedName: name }] },
      },
    });

    const query = `scope=PROVINCE_COUNTIES&indicator=PM25&period=${period}&cumulative=true`;
    const r = await download(rankingExportRoute, "rankings", world.officerA.token, `format=xlsx&${query}`);
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]?.slice(0, 4)).toEqual(["排名", "并列", "地区代码", "地区"]);
    const ranking = await getRankings(world.officerA.actor, { scope: "PROVINCE_COUNTIES", indicator: "PM25", period });
    const body = rows.slice(1);
    expect(body.map((row) => [row[0], row[2]])).toEqual(
      ranking.items.map((u) => [u.rank === null ? "" : String(u.rank), u.unitCode]),
    );
    const mine = body.find((row) => row[2] === code);
    expect(mine).toEqual([
      "1",
      "",
      code,
      `'${name}`,
      "PM2.5 浓度",
      `${period}（累计）`,
      "45",
      "μg/m³",
      "40",
      "差于全省平均",
      "是",
      "省通报·后10位第1名",
    ]);
    // The covered counties without a value this period: listed, no rank, "无数据".
    expect(body.filter((row) => row[2] !== code).every((row) => row[0] === "" && row[6] === "无数据")).toBe(true);

    const csv = csvRows((await download(rankingExportRoute, "rankings", world.viewer.token, `format=csv&${query}`)).bytes);
    expect(csv.slice(1).find((row) => row[2] === code)?.[3]).toBe(`'${name}`);

    const bad = await download(
      rankingExportRoute,
      "rankings",
      world.officerA.token,
      "format=xlsx&scope=WORLD&indicator=PM25&period=2041-01",
    );
    expect(bad.status).toBe(422);
    const error = JSON.parse(bad.bytes.toString("utf8")).error as { fields: Record<string, string[]> };
    expect(error.fields.scope?.[0]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("clues: every page of the officer's clues (own district and assigned to them), times in Beijing time, nothing else", async () => {
    const [mine, theirs] = await Promise.all(
      [world.districtA, world.districtB].map((d, i) =>
        db.enterprise.create({
          data: {
            creditCode: validCreditCode("320200"),
            name: `线索企业${i ? "乙" : "甲"}${world.tag}`,
            districtId: d.id,
            monitoringOutlets: { create: { code: "DA001", series: { create: { pollutant: "COD", unit: "mg/L" } } } },
          },
          include: { monitoringOutlets: { include: { series: true } } },
        }),
      ),
    );
    const seriesOf = (e: typeof mine) => e?.monitoringOutlets[0]?.series[0]?.id as number;
    const hour = (h: number) => new Date(Date.UTC(2026, 2, 1, 0, 0) + h * 3600_000);
    // More than one page of the list (50).
    await db.clue.createMany({
      data: Array.from({ length: 52 }, (_, i) => ({
        seriesId: seriesOf(mine),
        districtId: world.districtA.id,
        rule: "EXCEEDANCE" as const,
        windowStart: hour(i * 10),
        windowEnd: hour(i * 10 + 6),
        hours: 6,
        peak: 120.5,
        limit: 100,
        ...(i === 0 ? { status: "DISMISSED" as const, dismissReason: "OTHER" as const, dismissNote: FORMULA } : {}),
      })),
    });
    await db.clue.create({
      data: {
        seriesId: seriesOf(theirs),
        districtId: world.districtB.id,
        rule: "GAP",
        windowStart: hour(1),
        windowEnd: hour(13),
        hours: 12,
      },
    });
    const assigned = await db.clue.create({
      data: {
        seriesId: seriesOf(theirs),
        districtId: world.districtB.id,
        rule: "FLATLINE",
        windowStart: hour(2),
        windowEnd: hour(8),
        hours: 6,
        status: "ASSIGNED",
        assigneeId: world.officerA.user.id,
        assignedAt: hour(20),
      },
    });

    const r = await download(clueExportRoute, "clues", world.officerA.token, "format=xlsx");
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]?.slice(0, 3)).toEqual(["企业", "统一社会信用代码", "属地"]);
    const listed = [];
    for (let page = 1; ; page++) {
      const p = await listClues(world.officerA.actor, { page: String(page) });
      listed.push(...p.items);
      if (p.items.length < p.pageSize) break;
    }
    expect(listed).toHaveLength(53);
    const body = rows.slice(1);
    expect(body.map((row) => [row[0], row[5], row[6]])).toEqual(
      listed.map((c) => [
        c.enterprise.name,
        { EXCEEDANCE: "连续超标", FLATLINE: "数据恒值", GAP: "数据缺失" }[c.rule],
        expect.any(String),
      ]),
    );
    // The assigned clue of the other district is theirs to see; the other district's GAP clue is not.
    const flat = body.find((row) => row[5] === "数据恒值");
    expect(flat?.[6]).toBe("2026-03-01 10:00");
    expect(flat?.[12]).toBe("核查中");
    expect(flat?.[14]).toBe("2026-03-02 04:00");
    expect(body.some((row) => row[5] === "数据缺失")).toBe(false);
    expect(body.find((row) => row[12] === "已排除")?.[16]).toBe(`'${FORMULA}`);
    expect(assigned.id).toBeTruthy();

    // The page's filters: the rule, in CSV.
    const csv = csvRows((await download(clueExportRoute, "clues", world.officerA.token, "format=csv&rule=FLATLINE")).bytes);
    expect(csv.slice(1).map((row) => row[0])).toEqual([`线索企业乙${world.tag}`]);
    const bad = await download(clueExportRoute, "clues", world.officerA.token, "format=csv&rule=LOUD");
    expect(bad.status).toBe(422);
  });

  it("projects: the officer's projects with the checklist one column per item; another district's only when they submitted it", async () => {
    const base = { reportForm: "REPORT_TABLE" as const, stage: "技术评估" };
    const a1 = await db.constructionProject.create({
      data: {
        ...base,
        name: `甲区项目一${world.tag}`,
        districtId: world.districtA.id,
        submittedById: world.headA.user.id,
        checks: {
          create: [
            { item: "PROCESS", verdict: "NOT_MET", note: FORMULA },
            { item: "EQUIPMENT", verdict: "MET" },
          ],
        },
      },
    });
    await db.constructionProject.create({
      data: { ...base, name: `乙区项目${world.tag}`, districtId: world.districtB.id, submittedById: world.headB.user.id },
    });
    await db.constructionProject.create({
      data: { ...base, name: `乙区自报项目${world.tag}`, districtId: world.districtB.id, submittedById: world.officerA.user.id },
    });

    const r = await download(projectExportRoute, "projects", world.officerA.token, "format=xlsx");
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]?.slice(7, 10)).toEqual(["不符合项", "最先进工艺", "最高端装备"]);
    const listed = (await listProjects(world.officerA.actor, {})).items;
    const body = rows.slice(1);
    expect(body.map((row) => row[0])).toEqual(listed.map((p) => p.name));
    expect(body.map((row) => row[0]).sort()).toEqual([`乙区自报项目${world.tag}`, `甲区项目一${world.tag}`].sort());
    const one = body.find((row) => row[0] === a1.name);
    expect(one?.slice(6, 10)).toEqual(["待审查", "1", `不符合：${FORMULA}`, "符合"]);

    const wide = csvRows((await download(projectExportRoute, "projects", world.coordinator.token, "format=csv")).bytes);
    expect(wide.some((row) => row[0] === `乙区项目${world.tag}`)).toBe(true);
    const filtered = csvRows(
      (await download(projectExportRoute, "projects", world.officerA.token, `format=csv&districtId=${world.districtA.id}`)).bytes,
    );
    expect(filtered.slice(1).map((row) => row[0])).toEqual([a1.name]);
  });

  it("closed enterprises: the officer's district only, a column per closure stage, the latest re-check", async () => {
    const closedOn = calendarDay(-90);
    const [mine, theirs] = await Promise.all(
      [world.districtA, world.districtB].map((d, i) =>
        db.enterprise.create({
          data: {
            creditCode: validCreditCode("320200"),
            name: i ? `乙区退出化工${world.tag}` : `@SUM(A1) 甲区退出化工${world.tag}`,
            districtId: d.id,
            tags: ["CHEMICAL"],
            status: "CLOSED",
            closedOn,
          },
        }),
      ),
    );
    await db.closureStageRecord.createMany({
      data: [
        { enterpriseId: mine?.id as string, stage: "STOPPED", completedOn: calendarDay(-80) },
        { enterpriseId: mine?.id as string, stage: "REMEDIATED", skipped: true, skipReason: "场地调查无污染" },
      ],
    });
    await db.closedEnterpriseRecheck.create({
      data: { enterpriseId: mine?.id as string, checkedOn: calendarDay(-1), inspector: "张三", findings: "无复产迹象", ok: true },
    });

    const r = await download(closedEnterpriseExportRoute, "closed-enterprises", world.officerA.token, "format=xlsx");
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]?.slice(7, 9)).toEqual(["停产关停", "物料清理"]);
    const listed = (await listClosedEnterprises(world.officerA.actor, {})).items;
    const body = rows.slice(1);
    expect(body.map((row) => row[0])).toEqual(listed.map((e) => (e.name.startsWith("@") ? `'${e.name}` : e.name)));
    const row = body.find((x) => x[0] === `'@SUM(A1) 甲区退出化工${world.tag}`);
    expect(row?.slice(4, 9)).toEqual([
      closedOn.toISOString().slice(0, 10),
      "停产关停",
      "1",
      calendarDay(-80).toISOString().slice(0, 10),
      "",
    ]);
    expect(row?.[11]).toBe("跳过：场地调查无污染");
    expect(row?.slice(13, 17)).toEqual([calendarDay(-1).toISOString().slice(0, 10), "正常", "无复产迹象", "是"]);
    expect(body.some((x) => x[0] === theirs?.name)).toBe(false);

    const wide = csvRows(
      (await download(closedEnterpriseExportRoute, "closed-enterprises", world.coordinator.token, "format=csv")).bytes,
    );
    expect(wide.some((x) => x[0] === theirs?.name)).toBe(true);
  });

  it("parks: the officer's district's parks, a column per prevention level as the page's cells; no filters to give", async () => {
    const [mine, theirs] = await Promise.all(
      [world.districtA, world.districtB].map((d, i) =>
        db.park.create({
          data: { name: i ? `乙区园区${world.tag}` : `+甲区园区${world.tag}`, kind: "CHEMICAL_PARK", districtId: d.id },
        }),
      ),
    );
    await db.preventionItem.create({
      data: {
        parkId: mine?.id as string,
        level: "ENTERPRISE",
        kind: "EMERGENCY_POOL",
        name: "应急池",
        targetQty: 2,
        doneQty: 2,
        startOn: calendarDay(-100),
        deadline: calendarDay(100),
      },
    });
    await db.parkAssessment.create({
      data: { parkId: mine?.id as string, assessedOn: calendarDay(-10), findings: "基本满足", result: "PARTIAL" },
    });

    const r = await download(parkExportRoute, "parks", world.officerA.token, "format=xlsx");
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]?.slice(0, 7)).toEqual(["园区", "类型", "属地", "企业级", "园区级", "水体级", "合计"]);
    const listed = (await listParks(world.officerA.actor)).items;
    const body = rows.slice(1);
    expect(body.map((x) => x[0])).toEqual(listed.map((p) => (p.name.startsWith("+") ? `'${p.name}` : p.name)));
    const row = body.find((x) => x[0] === `'+甲区园区${world.tag}`);
    expect(row?.slice(1, 4)).toEqual(["化工园区", world.districtA.name, expect.stringMatching(/^100%（1\/1） · /)]);
    expect(row?.slice(4, 6)).toEqual(["无建设项", "无建设项"]);
    expect(row?.slice(7, 9)).toEqual([calendarDay(-10).toISOString().slice(0, 10), "部分满足"]);
    expect(body.some((x) => x[0] === theirs?.name)).toBe(false);

    const bad = await download(parkExportRoute, "parks", world.officerA.token, "format=xlsx&districtId=x");
    expect(bad.status).toBe(422);
  });

  it("taihu readings: a period's readings in the upload's own columns; other periods, other points and retired points absent", async () => {
    // Dates must be plausible (2000–2100): a year of its own, and only this test's points counted.
    const year = 2040 + Math.floor(Math.random() * 60);
    const [lake, source, retired] = await Promise.all(
      ["L", "S", "R"].map((k, i) =>
        db.taihuPoint.create({
          data: {
            code: `${k}${world.tag}`,
            name: `测试点位${k}${world.tag}`,
            kind: i === 1 ? "DRINKING_SOURCE" : "LAKE_ZONE",
            algaeWarn: 1000,
            algaeAlert: 5000,
            active: k !== "R",
          },
        }),
      ),
    );
    const on = (m: number, d: number) => new Date(Date.UTC(year, m - 1, d));
    await db.taihuReading.createMany({
      data: [
        { pointId: lake?.id as string, day: on(7, 1), algaeDensity: 1200.5, bloomArea: 3.25, note: "=1+1" },
        { pointId: lake?.id as string, day: on(7, 2), algaeDensity: 800 },
        { pointId: source?.id as string, day: on(7, 1), sourceStatus: "ABNORMAL", blackBloom: true, blackBloomArea: 0.5 },
        { pointId: lake?.id as string, day: on(8, 15), algaeDensity: 900 },
        { pointId: retired?.id as string, day: on(7, 1), algaeDensity: 100 },
      ],
    });
    const query = { from: `${year}-07-01`, to: `${year}-07-31` };

    const r = await download(
      taihuReadingExportRoute,
      "taihu/readings",
      world.officerA.token,
      `format=xlsx&${new URLSearchParams(query)}`,
    );
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]).toEqual([
      "点位编号",
      "日期",
      "藻密度",
      "水华面积",
      "湖泛",
      "湖泛面积",
      "水源地状态",
      "备注",
      "等级",
      "演示数据",
    ]);
    const listed = await listReadings(world.officerA.actor, query);
    const body = rows.slice(1);
    expect(body.map((x) => [x[0], x[1]])).toEqual(listed.map((x) => [x.pointCode, x.day]));
    const codes = new Set([lake?.code, source?.code, retired?.code]);
    expect(body.filter((x) => codes.has(x[0]))).toHaveLength(3);
    const cells = (code: string | undefined) => body.find((x) => x[0] === code && x[1] === `${year}-07-01`);
    expect(cells(lake?.code)?.slice(2, 9)).toEqual(["1200.5", "3.25", "否", "", "", "'=1+1", "预警"]);
    const levels: Record<number, string> = { 0: "正常", 1: "预警", 2: "警报" };
    const sourceLevel = listed.find((x) => x.pointCode === source?.code)?.level ?? -1;
    expect(cells(source?.code)?.slice(2, 9)).toEqual(["", "", "是", "0.5", "异常", "", levels[sourceLevel]]);
    expect(body.some((x) => x[0] === retired?.code)).toBe(false);

    const one = csvRows(
      (
        await download(
          taihuReadingExportRoute,
          "taihu/readings",
          world.viewer.token,
          `format=csv&${new URLSearchParams({ ...query, pointCode: lake?.code as string })}`,
        )
      ).bytes,
    );
    expect(one.slice(1).map((x) => x[1])).toEqual([`${year}-07-01`, `${year}-07-02`]);
    const bad = await download(taihuReadingExportRoute, "taihu/readings", world.officerA.token, "format=csv&from=7月1日");
    expect(bad.status).toBe(422);
  });

  it("campaign progress: a row per action and district as the campaign page; the officer's district only", async () => {
    const campaign = await db.campaign.create({
      data: {
        name: `=专项行动${world.tag}`,
        year: 2026,
        startsOn: calendarDay(-30),
        endsOn: calendarDay(30),
        actions: {
          create: [
            {
              type: "VOCS_REDUCTION",
              targets: {
                create: [
                  { districtId: world.districtA.id, targetCount: 10 },
                  { districtId: world.districtB.id, targetCount: 5 },
                ],
              },
            },
          ],
        },
      },
      include: { actions: true },
    });
    const enterprise = await db.enterprise.create({
      data: { creditCode: validCreditCode("320200"), name: `行动企业${world.tag}`, districtId: world.districtA.id },
    });
    await db.inspection.create({
      data: {
        enterpriseId: enterprise.id,
        actionId: campaign.actions[0]?.id,
        inspectedOn: calendarDay(-1),
        mode: "ALL_STAFF",
        leadUnitId: world.divisionA.id,
        findings: "检查情况",
        result: "NO_ISSUE",
      },
    });
    // The route of one campaign: its id from the path.
    const route: Route = (req) => campaignExportRoute(req, { params: Promise.resolve({ id: campaign.id }) });

    const r = await download(route, `campaigns/${campaign.id}`, world.officerA.token, "format=xlsx");
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]).toEqual([
      "名称",
      "开始日期",
      "结束日期",
      "专项行动",
      "属地",
      "已检查",
      "目标",
      "进度",
      "序时进度",
      "进度状态",
    ]);
    const shown = (await getCampaign(world.officerA.actor, campaign.id)).progress;
    const body = rows.slice(1);
    expect(body.map((x) => [x[3], x[4], x[5], x[6]])).toEqual(
      shown.map((p) => ["VOCs减排", p.districtName, String(p.inspected), String(p.target)]),
    );
    expect(body).toHaveLength(1);
    expect(body[0]?.slice(0, 1)).toEqual([`'=专项行动${world.tag}`]);
    expect(body[0]?.slice(4, 8)).toEqual([world.districtA.name, "1", "10", "0.1"]);

    const wide = csvRows((await download(route, `campaigns/${campaign.id}`, world.coordinator.token, "format=csv")).bytes);
    expect(
      wide
        .slice(1)
        .map((x) => x[4])
        .sort(),
    ).toEqual([world.districtA.name, world.districtB.name].sort());
    expect(wide.find((x) => x[4] === world.districtA.name)?.[7]).toBe("10%");

    const missing = await download(
      (req) => campaignExportRoute(req, { params: Promise.resolve({ id: "not-a-campaign" }) }),
      "campaigns/x",
      world.officerA.token,
      "format=xlsx",
    );
    expect(missing.status).toBe(422);
  });
});
