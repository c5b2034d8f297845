import { inflateRawSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as briefingRoute } from "@/app/api/v1/reports/briefing/route";
import { db } from "@/lib/db";
import { readZipDirectory } from "@/lib/server/office/zip-directory";
import { calendarDay, createProblem } from "../factories";
import { call } from "../support/api";
import { createWorld, type World } from "../support/world";

/**
 * The monthly briefing is a valid .docx whose text carries the month's figures, computed here
 * again straight from the database; GB/T 9704 page setup; only the all-seeing roles get it.
 */

function unzip(bytes: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readZipDirectory(bytes)) {
    const lh = e.localHeaderOffset;
    const start = lh + 30 + bytes.readUInt16LE(lh + 26) + bytes.readUInt16LE(lh + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    out.set(e.name, e.method === 0 ? Buffer.from(data) : inflateRawSync(data));
  }
  return out;
}

/** The visible text of document.xml: the runs' text joined, paragraphs on their own lines. */
function docText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g, "$1")
    .replace(/<[^>]+>/g, "");
}

let world: World;
const now = new Date();
const month = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

beforeAll(async () => {
  world = await createWorld();
  // This month: one overdue, one closed (with its closure record), one on time.
  await createProblem(db, {
    title: `逾期问题${world.tag}`,
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    status: "RECTIFYING",
    colour: "RED",
    deadline: calendarDay(-40),
  });
  const closed = await createProblem(db, {
    title: `已销号问题${world.tag}`,
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    status: "CLOSED",
    colour: "BLUE",
  });
  await db.problemClosure.create({ data: { problemId: closed.id, closedAt: new Date(), signedById: world.leader.user.id } });
  await createProblem(db, { districtId: world.districtB.id, leadUnitId: world.divisionB.id, status: "ASSIGNED" });
});

async function sqlFigures() {
  const [o] = await db.$queryRaw<{ total: number; closed: number; overdue: number; registered: number }[]>`
    WITH cut AS (SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + interval '1 day') AT TIME ZONE 'Asia/Shanghai' AS at,
                        (now() AT TIME ZONE 'Asia/Shanghai')::date AS day,
                        date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' AS start),
    ps AS (SELECT p.*, EXISTS (SELECT 1 FROM "ProblemClosure" c, cut WHERE c."problemId" = p.id AND c."closedAt" < cut.at
                  AND (c."reopenedAt" IS NULL OR c."reopenedAt" >= cut.at)) AS is_closed
           FROM "Problem" p, cut WHERE p."createdAt" < cut.at)
    SELECT COUNT(*)::int AS total,
           COUNT(*) FILTER (WHERE is_closed)::int AS closed,
           COUNT(*) FILTER (WHERE NOT is_closed AND "deadlineBand" <> 'ONGOING' AND status <> 'ONGOING' AND deadline < (SELECT day FROM cut))::int AS overdue,
           (SELECT COUNT(*)::int FROM "Problem", cut WHERE "createdAt" >= cut.start AND "createdAt" < cut.at) AS registered
    FROM ps`;
  return o as { total: number; closed: number; overdue: number; registered: number };
}

describe("monthly briefing", () => {
  it("is a valid .docx in official layout whose text carries this month's figures", async () => {
    const r = await fetchDocx(world.coordinator.token, month);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("wordprocessingml");
    const files = unzip(r.bytes);
    expect([...files.keys()]).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]));
    const xml = files.get("word/document.xml")?.toString("utf8") ?? "";
    const text = docText(xml);
    const f = await sqlFigures();
    expect(f.overdue).toBeGreaterThanOrEqual(1);
    expect(text).toContain(`全市台账共有突出生态环境问题${f.total}个，已销号${f.closed}个`);
    expect(text).toContain(`逾期未完成${f.overdue}个`);
    expect(text).toContain(`本月新登记问题${f.registered}个`);
    expect(text).toContain(`逾期问题${world.tag}`);
    // The district table row of district A: 2 problems, 1 closed, 1 open, 1 overdue, 50%.
    expect(text).toContain(`${world.districtA.name}\n2\n1\n1\n1\n50%`);
    // A4, margins 37/35/28/26 mm, page numbers "— n —" in the footers, charts as PNG.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar [^>]*>/.exec(xml)?.[0] ?? "";
    for (const m of ['w:top="2098"', 'w:bottom="1984"', 'w:left="1587"', 'w:right="1474"']) expect(margins).toContain(m);
    const footers = [...files.keys()].filter((k) => /word\/footer\d+\.xml/.test(k));
    expect(footers.length).toBeGreaterThanOrEqual(2);
    expect(files.get(footers[0] as string)?.toString("utf8")).toContain("— ");
    expect([...files.keys()].some((k) => k.startsWith("word/media/") && k.endsWith(".png"))).toBe(true);
    expect(xml).toContain("仿宋_GB2312");
    const audit = await db.auditLog.findFirst({ where: { entityType: "Briefing", actorId: world.coordinator.user.id } });
    expect(audit?.entityId).toBe(month);
  });

  it("refuses a malformed month in Chinese, and the roles that see only part of the city", async () => {
    const bad = await call(briefingRoute, "GET", "/reports/briefing?month=2026-13", {
      token: world.coordinator.token,
      headers: { "accept-language": "zh-CN" },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("请选择有效的月份");
    for (const p of [world.headA, world.officerA]) expect((await fetchDocx(p.token, month)).status).toBe(403);
    for (const p of [world.leader, world.viewer, world.admin]) expect((await fetchDocx(p.token, month)).status).toBe(200);
    expect((await call(briefingRoute, "GET", `/reports/briefing?month=${month}`)).status).toBe(401);
  });
});

async function fetchDocx(token: string, m: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const { NextRequest } = await import("next/server");
  const res = await briefingRoute(
    new NextRequest(`http://localhost/api/v1/reports/briefing?month=${m}`, { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({}) as Promise<never> },
  );
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("printable closure records", () => {
  async function getDoc(handler: unknown, token: string, id: string) {
    const { NextRequest } = await import("next/server");
    const res = await (handler as typeof briefingRoute)(
      new NextRequest(`http://localhost/api/v1/problems/${id}/x`, { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ id }) as Promise<never> },
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      text: res.status === 200 ? docText(unzip(bytes).get("word/document.xml")?.toString("utf8") ?? "") : "",
    };
  }

  it("the closure approval form carries the closure records; not closed → 409; out of scope → 404", async () => {
    const { GET: formRoute } = await import("@/app/api/v1/problems/[id]/closure-form/route");
    const { GET: noticeRoute } = await import("@/app/api/v1/problems/[id]/notice-document/route");
    const p = await createProblem(db, {
      title: `销号打印${world.tag}`,
      description: "某码头扬尘污染问题。",
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      status: "CLOSED",
      colour: "BLUE",
      measures: [{ description: "建设围挡和喷淋设施", status: "DONE", percent: 100 }],
    });
    const acceptance = await db.acceptance.create({
      data: {
        problemId: p.id,
        acceptedOn: calendarDay(-20),
        onSiteCheck: true,
        result: "PASSED",
        opinion: "现场核查喷淋设施运行正常，同意通过验收",
        signers: ["李四", "王五"],
        recordedById: world.coordinator.user.id,
      },
    });
    const notice = await db.publicNotice.create({
      data: {
        problemId: p.id,
        acceptanceId: acceptance.id,
        startsOn: calendarDay(-18),
        endsOn: calendarDay(-11),
        phone: "0510-12345678",
        summary: "围挡喷淋设施已建成并运行",
        status: "ENDED",
        createdById: world.coordinator.user.id,
      },
    });
    await db.problemClosure.create({
      data: {
        problemId: p.id,
        closedAt: new Date(),
        signedById: world.leader.user.id,
        acceptanceId: acceptance.id,
        noticeId: notice.id,
      },
    });
    const form = await getDoc(formRoute, world.coordinator.token, p.id);
    expect(form.status).toBe(200);
    for (const t of [
      "整改销号审批表",
      p.code,
      "某码头扬尘污染问题。",
      "1. 建设围挡和喷淋设施",
      "现场核查喷淋设施运行正常",
      "李四、王五",
      "0510-12345678",
      `审签：${world.leader.user.displayName}`,
    ])
      expect(form.text).toContain(t);
    const text = await getDoc(noticeRoute, world.viewer.token, p.id);
    expect(text.text).toContain("围挡喷淋设施已建成并运行");
    expect((await getDoc(formRoute, world.officerB.token, p.id)).status).toBe(404);
    const open = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      status: "RECTIFYING",
    });
    expect((await getDoc(formRoute, world.coordinator.token, open.id)).status).toBe(409);
  });
});
