import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as enterpriseExportRoute } from "@/app/api/v1/enterprises/export/route";
import { GET as roundExportRoute } from "@/app/api/v1/self-reviews/[id]/export/route";
import { GET as sweepTargetsExportRoute } from "@/app/api/v1/sweeps/[id]/export/route";
import { GET as sweepExportRoute } from "@/app/api/v1/sweeps/export/route";
import { db } from "@/lib/db";
import { parseCsv } from "@/lib/domain/office-text";
import { SELF_REVIEW_QUESTIONS } from "@/lib/domain/self-review";
import { importEnterprises } from "@/lib/server/enforcement/import-enterprises";
import { listEnterprises } from "@/lib/server/enforcement/list-enterprises";
import { getRound } from "@/lib/server/self-reviews/get-round";
import { getSweep } from "@/lib/server/sweeps/get-sweep";
import { listSweeps } from "@/lib/server/sweeps/list-sweeps";
import { calendarDay, createProblem, validCreditCode } from "../factories";
import { createWorld, type World } from "../support/world";

/**
 * The self-review results, the sweeps and their targets, and the enterprise register leave the
 * app through the list-export pattern: each file holds exactly what the page shows that person,
 * formula-looking text stays text, a bad filter is a 422 before any byte, every export is audited.
 */
type Route = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;

async function download(route: Route, path: string, token: string, query: string) {
  const req = new NextRequest(`http://localhost/api/v1/${path}/export?${query}`, {
    headers: { authorization: `Bearer ${token}`, "accept-language": "zh-CN" },
  });
  const res = await route(req, { params: Promise.resolve({}) as Promise<never> });
  return { status: res.status, type: res.headers.get("content-type") ?? "", bytes: Buffer.from(await res.arrayBuffer()) };
}
const withId =
  (route: (req: NextRequest, ctx: { params: Promise<{ id: string }> }) => Promise<Response>, id: string): Route =>
  (req) =>
    route(req, { params: Promise.resolve({ id }) });

async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  (wb.worksheets[0] as ExcelJS.Worksheet).eachRow((row) => {
    rows.push(
      Array.from(row.values as unknown[])
        .slice(1)
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? "" : String(v))),
    );
  });
  return rows;
}
function csvRows(bytes: Buffer): string[][] {
  // Excel needs the BOM to read UTF-8 Chinese text.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.toString("utf8").slice(1));
}
async function lastExportAudit(actorId: string, entityType: string) {
  return db.auditLog.findFirst({ where: { actorId, entityType, action: "export" }, orderBy: { id: "desc" } });
}

const FORMULA = '=HYPERLINK("http://evil.example","点我")';
let world: World;

beforeAll(async () => {
  world = await createWorld();
});

describe("self-review round results export", () => {
  it("a row per sheet as the round page shows it; a unit's staff get their unit's row only", async () => {
    const round = await db.selfReviewRound.create({
      data: {
        title: `反思${world.tag}`,
        period: "2026年第四季度",
        dueOn: calendarDay(-2),
        sheets: {
          create: [
            {
              unitId: world.divisionA.id,
              status: "SUBMITTED",
              submittedAt: new Date("2026-11-30T16:30:00Z"),
              leaderComment: FORMULA,
              returnCount: 1,
            },
            { unitId: world.agencyA.id, status: "DRAFT" },
          ],
        },
      },
      include: { sheets: true },
    });
    const submitted = round.sheets.find((s) => s.unitId === world.divisionA.id);
    const draft = round.sheets.find((s) => s.unitId === world.agencyA.id);
    const raised = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id });
    await db.selfReviewAnswer.createMany({
      data: [
        ...SELF_REVIEW_QUESTIONS.map((q, i) => ({
          sheetId: submitted?.id as string,
          question: q,
          rating: (i % 5) + 1,
          found: "查摆出的具体问题十个字以上",
          problemId: q === "PACE" ? raised.id : null,
        })),
        // A draft's ratings are not shown, as on the page.
        { sheetId: draft?.id as string, question: "GOALS", rating: 5, found: "草稿" },
      ],
    });
    const route = withId(roundExportRoute, round.id);
    const path = `self-reviews/${round.id}`;

    const r = await download(route, path, world.coordinator.token, "format=xlsx");
    expect(r.status).toBe(200);
    expect(r.type).toContain("spreadsheetml");
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]?.slice(0, 8)).toEqual([
      "序号",
      "反思轮次",
      "期间",
      "单位",
      "状态",
      "逾期",
      "提交时间（北京时间）",
      "目标明不明",
    ]);
    expect(rows[0]?.slice(15)).toEqual(["平均", "退回次数", "领导点评", "转为问题数", "演示数据"]);
    const shown = await getRound(world.coordinator.actor, round.id);
    const body = rows.slice(1);
    expect(body.map((x) => x[3])).toEqual(shown.sheets.map((s) => s.unit.name));
    const a = body.find((x) => x[3] === world.divisionA.name);
    // Submitted at 00:30 on 1 December in Beijing; the ratings as submitted, the mean as the page's.
    expect(a?.slice(4, 7)).toEqual(["已提交", "否", "2026-12-01 00:30"]);
    expect(a?.slice(7, 15)).toEqual(SELF_REVIEW_QUESTIONS.map((_q, i) => String((i % 5) + 1)));
    expect(a?.[15]).toBe(String(shown.sheets.find((s) => s.unit.id === world.divisionA.id)?.mean));
    expect(a?.slice(16, 19)).toEqual(["1", `'${FORMULA}`, "1"]);
    const d = body.find((x) => x[3] === world.agencyA.name);
    expect(d?.slice(4, 6)).toEqual(["草稿", "是"]);
    expect(d?.slice(7, 16).every((v) => v === "")).toBe(true);

    const audit = await lastExportAudit(world.coordinator.user.id, "SelfReviewRound");
    expect(audit?.after).toMatchObject({ format: "xlsx", filters: { roundId: round.id } });

    // The division's head: their unit's row only, in CSV with the BOM.
    const mine = csvRows((await download(route, path, world.headA.token, "format=csv")).bytes);
    expect(mine.slice(1).map((x) => x[3])).toEqual([world.divisionA.name]);
    expect(mine[1]?.[17]).toBe(`'${FORMULA}`);
    // A unit that does not answer this round: as if it did not exist.
    expect((await download(route, path, world.headB.token, "format=xlsx")).status).toBe(404);
    expect((await download(withId(roundExportRoute, "nope"), "self-reviews/nope", world.leader.token, "")).status).toBe(404);

    const bad = await download(route, path, world.coordinator.token, "format=pdf");
    expect(bad.status).toBe(422);
    expect(JSON.stringify(JSON.parse(bad.bytes.toString("utf8")).error.fields)).toMatch(/[\u4e00-\u9fa5]/);
    expect((await download(route, path, world.coordinator.token, "status=SUBMITTED")).status).toBe(422);
  });
});

describe("sweeps exports", () => {
  let sweepId = "";
  beforeAll(async () => {
    const template = await db.sweepTemplate.create({
      data: {
        name: `清单${world.tag}`,
        items: {
          create: [
            { position: 1, title: "应急池是否满足容积" },
            { position: 2, title: FORMULA },
          ],
        },
      },
      include: { items: { orderBy: { position: "asc" } } },
    });
    const [itemA, itemB] = template.items;
    const firm = (districtId: string, name: string) =>
      db.enterprise.create({
        data: { creditCode: validCreditCode("320200"), name: `${name}${world.tag}`, districtId, address: "-东路1号" },
      });
    const [a1, a2, b1] = await Promise.all([
      firm(world.districtA.id, "甲一化工"),
      firm(world.districtA.id, "甲二化工"),
      firm(world.districtB.id, "乙一化工"),
    ]);
    const sweep = await db.sweep.create({
      data: {
        title: `=排查${world.tag}`,
        templateId: template.id,
        startsOn: calendarDay(-5),
        endsOn: calendarDay(-1),
        targetTags: ["CHEMICAL"],
        targets: {
          create: [
            { enterpriseId: a1.id, districtId: world.districtA.id, checkedAt: new Date("2026-11-30T17:05:00Z") },
            { enterpriseId: a2.id, districtId: world.districtA.id },
            { enterpriseId: b1.id, districtId: world.districtB.id, checkedAt: new Date("2026-11-29T02:00:00Z") },
          ],
        },
      },
      include: { targets: true },
    });
    sweepId = sweep.id;
    const t1 = sweep.targets.find((t) => t.enterpriseId === a1.id);
    const t3 = sweep.targets.find((t) => t.enterpriseId === b1.id);
    await db.sweepItemResult.createMany({
      data: [
        { targetId: t1?.id as string, itemId: itemA?.id as string, verdict: "PASS", note: "容积足够" },
        { targetId: t1?.id as string, itemId: itemB?.id as string, verdict: "FAIL", note: "闸阀锈死" },
        { targetId: t3?.id as string, itemId: itemA?.id as string, verdict: "PASS" },
        { targetId: t3?.id as string, itemId: itemB?.id as string, verdict: "NOT_APPLICABLE" },
      ],
    });
    const fail = await db.sweepItemResult.findFirstOrThrow({ where: { targetId: t1?.id, verdict: "FAIL" } });
    await db.hazard.create({
      data: {
        resultId: fail.id,
        sweepId,
        targetId: t1?.id as string,
        districtId: world.districtA.id,
        enterpriseId: a1.id,
        level: "MAJOR",
        deadline: calendarDay(20),
        description: "闸阀锈死",
      },
    });
  });

  it("the sweeps list: a row per sweep as listed, counts over the person's districts, the status", async () => {
    const r = await download(sweepExportRoute, "sweeps", world.officerA.token, "format=xlsx");
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]).toEqual([
      "排查任务",
      "开始日期",
      "结束日期",
      "排查清单",
      "清单项数",
      "排查对象",
      "已查",
      "进度",
      "各属地进度",
      "发现隐患",
      "重大隐患",
      "较大隐患",
      "一般隐患",
      "状态",
      "演示数据",
    ]);
    const listed = (await listSweeps(world.officerA.actor)).items;
    expect(rows.slice(1).map((x) => x[0]?.replace(/^'/, ""))).toEqual(listed.map((s) => s.title));
    const mine = rows.find((x) => x[0] === `'=排查${world.tag}`);
    // The officer's district: two targets, one checked, one major hazard; past its window → overdue.
    expect(mine?.slice(1, 3)).toEqual([calendarDay(-5), calendarDay(-1)].map((d) => d.toISOString().slice(0, 10)));
    expect(mine?.slice(4, 14)).toEqual(["2", "2", "1", "0.5", `${world.districtA.name} 1/2`, "1", "0", "1", "0", "超期未完成"]);

    const wide = csvRows((await download(sweepExportRoute, "sweeps", world.coordinator.token, "format=csv")).bytes);
    const all = wide.find((x) => x[0] === `'=排查${world.tag}`);
    expect(all?.slice(5, 8)).toEqual(["3", "2", "66%"]);
    expect(await lastExportAudit(world.coordinator.user.id, "Sweep")).toMatchObject({ after: { format: "csv" } });

    const bad = await download(sweepExportRoute, "sweeps", world.officerA.token, "format=xlsx&year=2026");
    expect(bad.status).toBe(422);
  });

  it("one sweep's targets: unchecked first, the officer's district only, verdict counts, failed items and notes", async () => {
    const route = withId(sweepTargetsExportRoute, sweepId);
    const r = await download(route, `sweeps/${sweepId}`, world.officerA.token, "format=xlsx");
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]).toEqual([
      "序号",
      "排查任务",
      "排查对象",
      "类型",
      "属地",
      "地址",
      "排查时间（北京时间）",
      "合格",
      "不合格",
      "不适用",
      "发现隐患",
      "不合格项",
      "检查说明",
      "照片数",
    ]);
    const page = await getSweep(world.officerA.actor, sweepId);
    const body = rows.slice(1);
    expect(body.map((x) => x[2])).toEqual(page.targets.map((t) => t.name));
    expect(body.map((x) => x[2])).toEqual([`甲二化工${world.tag}`, `甲一化工${world.tag}`]);
    expect(body[0]?.slice(5, 10)).toEqual(["'-东路1号", "未查", "", "", ""]);
    expect(body[1]?.slice(6, 14)).toEqual([
      "2026-12-01 01:05",
      "1",
      "1",
      "0",
      "1",
      `'${FORMULA}：闸阀锈死`,
      "应急池是否满足容积：容积足够",
      "0",
    ]);

    const wide = csvRows((await download(route, `sweeps/${sweepId}`, world.coordinator.token, "format=csv")).bytes);
    expect(wide.slice(1).map((x) => x[4])).toContain(world.districtB.name);
    expect(wide.slice(1)).toHaveLength(3);
    expect((await download(route, `sweeps/${sweepId}`, world.officerA.token, "pageSize=abc&x=1")).status).toBe(422);
    const missing = withId(sweepTargetsExportRoute, "00000000-0000-4000-8000-000000000000");
    expect((await download(missing, "sweeps/x", world.officerA.token, "format=xlsx")).status).toBe(404);
  });
});

describe("enterprise register export", () => {
  it("the register page's rows in the import's columns: re-imports with nothing created or changed; formula text stays text", async () => {
    // A mark of this test's firms only (the sweeps' firms carry the world's tag too).
    const tag = `库${world.tag}`;
    const firms = [
      { name: `=1+1${tag}`, districtId: world.districtA.id, address: "-西路2号", industry: "@化工", lat: 31.491234, lng: 120.3 },
      { name: `甲化工${tag}`, districtId: world.districtA.id, tags: ["CHEMICAL" as const, "VOCS_KEY" as const] },
      {
        name: `乙化工${tag}`,
        districtId: world.districtB.id,
        status: "CLOSED" as const,
        closedOn: new Date("2025-06-30T00:00:00Z"),
      },
    ];
    for (const f of firms) await db.enterprise.create({ data: { creditCode: validCreditCode("320200"), ...f } });
    const q = `q=${encodeURIComponent(tag)}`;

    const r = await download(enterpriseExportRoute, "enterprises", world.coordinator.token, `format=xlsx&${q}`);
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.bytes);
    expect(rows[0]).toEqual([
      "统一社会信用代码",
      "企业名称",
      "属地",
      "地址",
      "纬度",
      "经度",
      "行业",
      "标签",
      "状态",
      "关闭日期",
      "属地名称",
      "演示数据",
    ]);
    const listed = (await listEnterprises(world.coordinator.actor, { q: tag, pageSize: 100 })).items;
    expect(rows.slice(1).map((x) => x[0])).toEqual(listed.map((e) => e.creditCode));
    const f = rows.find((x) => x[1] === `'=1+1${tag}`);
    expect(f?.slice(2, 7)).toEqual([world.districtA.code, "'-西路2号", "31.491234", "120.3", "'@化工"]);
    expect(rows.find((x) => x[1] === `甲化工${tag}`)?.[7]).toBe("化工、VOCs重点");
    expect(rows.find((x) => x[1] === `乙化工${tag}`)?.slice(8, 11)).toEqual(["关闭", "2025-06-30", world.districtB.name]);
    expect(await lastExportAudit(world.coordinator.user.id, "Enterprise")).toMatchObject({
      after: { format: "xlsx", filters: { q: tag } },
    });

    // Round trip: both files import into the same register with nothing created or changed.
    const back = await importEnterprises(world.coordinator.actor, { name: "企业库.xlsx", bytes: r.bytes });
    expect(back).toEqual({ imported: 0, updated: 0, unchanged: 3, errors: [] });
    const csv = await download(enterpriseExportRoute, "enterprises", world.coordinator.token, `format=csv&${q}`);
    expect(csvRows(csv.bytes).find((x) => x[0] === listed[0]?.creditCode)).toBeDefined();
    const backCsv = await importEnterprises(world.coordinator.actor, { name: "企业库.csv", bytes: csv.bytes });
    expect(backCsv).toEqual({ imported: 0, updated: 0, unchanged: 3, errors: [] });
    const formula = await db.enterprise.findFirstOrThrow({ where: { name: `=1+1${tag}` } });
    expect(formula).toMatchObject({ version: 1, address: "-西路2号", industry: "@化工" });

    // The register page's filters and the officer's scope.
    const district = await download(enterpriseExportRoute, "enterprises", world.officerA.token, `format=csv&${q}`);
    const seen = csvRows(district.bytes).slice(1);
    expect(seen.map((x) => x[2]).every((c) => c === world.districtA.code)).toBe(true);
    expect(seen).toHaveLength(2);
    const closed = csvRows(
      (await download(enterpriseExportRoute, "enterprises", world.coordinator.token, `format=csv&${q}&status=CLOSED`)).bytes,
    );
    expect(closed.slice(1).map((x) => x[1])).toEqual([`乙化工${tag}`]);
    const bad = await download(enterpriseExportRoute, "enterprises", world.coordinator.token, `format=xlsx&status=OPEN_LATE`);
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.bytes.toString("utf8")).error.fields.status).toBeDefined();
  });
});
