import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../../db";
import { addDays, formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import { RETURN_REASONS, type ReturnReasonName } from "../../domain/enums";
import { type Actor, authorize } from "../../permissions";
import { type ReviewStatsDto, reviewStatsQuerySchema } from "../../schemas/evidence";
import type { Locale } from "../../schemas/parse";
import { problemScopeSql } from "../problems/scope";
import { CURRENT_EVIDENCE_SQL } from "./current-evidence-sql";
import { parseEvidenceInput } from "./evidence-text";

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The first instant of an Asia/Shanghai calendar day. */
function startOfDay(day: Date): Date {
  return new Date(day.getTime() - SHANGHAI_OFFSET_MS);
}

type Counts = { accepted: number; returned: number; pending: number; reasons: Map<ReturnReasonName, number> };
const emptyCounts = (): Counts => ({ accepted: 0, returned: 0, pending: 0, reasons: new Map() });

function reasonList(reasons: Map<ReturnReasonName, number>) {
  return RETURN_REASONS.filter((r) => (reasons.get(r) ?? 0) > 0).map((reasonCode) => ({
    reasonCode,
    count: reasons.get(reasonCode) ?? 0,
  }));
}

const byReturnedThenName = <T extends { returned: number; name: string }>(a: T, b: T) =>
  b.returned - a.returned || a.name.localeCompare(b.name, "zh-CN");

/**
 * Why proof gets sent back, within the caller's scope: review decisions made in the period
 * (calendar days in Asia/Shanghai, both ends included; open ends when omitted) by reason code,
 * by district and by lead unit, with the totals; `pending` counts current evidence uploaded in
 * the period still awaiting review.
 */
export async function getReviewStats(actor: Actor, rawQuery: unknown, opts: { locale?: Locale } = {}): Promise<ReviewStatsDto> {
  authorize(actor, "evidence.read");
  const query = parseEvidenceInput(reviewStatsQuerySchema, rawQuery, opts.locale ?? "en");
  const from = query.from ? parseCalendarDate(query.from) : null;
  const to = query.to ? parseCalendarDate(query.to) : null;
  // Counted in the database (a bureau holds hundreds of thousands of reviews): one row per
  // district × lead unit × decision × reason, then rolled up here.
  const inDistrict = query.districtId ? Prisma.sql` AND p."districtId" = ${query.districtId}::uuid` : Prisma.empty;
  const where = Prisma.sql`${problemScopeSql(actor)}${inDistrict}`;
  const during = (column: Prisma.Sql) => {
    const since = from ? Prisma.sql` AND ${column} >= ${startOfDay(from)}` : Prisma.empty;
    const until = to ? Prisma.sql` AND ${column} < ${startOfDay(addDays(to, 1))}` : Prisma.empty;
    return Prisma.sql`${since}${until}`;
  };
  type Group = { districtId: string; leadUnitId: string; decision: string | null; reasonCode: string | null; n: number };
  const [reviews, pending, districtNames, unitNames] = await Promise.all([
    db.$queryRaw<Group[]>`
      SELECT p."districtId", p."leadUnitId", r.decision::text AS decision, r."reasonCode", count(*)::int AS n
        FROM "EvidenceReview" r
        JOIN "Evidence" e ON e.id = r."evidenceId"
        JOIN "Problem" p ON p.id = e."problemId"
       WHERE ${where}${during(Prisma.sql`r.at`)}
       GROUP BY 1, 2, 3, 4`,
    db.$queryRaw<Group[]>`
      SELECT p."districtId", p."leadUnitId", NULL AS decision, NULL AS "reasonCode", count(*)::int AS n
        FROM "Evidence" e
        JOIN "Problem" p ON p.id = e."problemId"
       WHERE e."reviewStatus" = 'PENDING'
         AND ${CURRENT_EVIDENCE_SQL}
         AND ${where}${during(Prisma.sql`e."createdAt"`)}
       GROUP BY 1, 2`,
    db.district.findMany({ select: { id: true, name: true } }),
    db.unit.findMany({ select: { id: true, name: true } }),
  ]);
  const districtName = new Map(districtNames.map((d) => [d.id, d.name]));
  const unitName = new Map(unitNames.map((u) => [u.id, u.name]));

  const totals = emptyCounts();
  const districts = new Map<string, { name: string; counts: Counts }>();
  const units = new Map<string, { name: string; counts: Counts }>();
  const bucketsOf = (g: Group) => {
    const d = districts.get(g.districtId) ?? { name: districtName.get(g.districtId) ?? "", counts: emptyCounts() };
    districts.set(g.districtId, d);
    const u = units.get(g.leadUnitId) ?? { name: unitName.get(g.leadUnitId) ?? "", counts: emptyCounts() };
    units.set(g.leadUnitId, u);
    return [totals, d.counts, u.counts];
  };
  for (const g of reviews) {
    for (const c of bucketsOf(g)) {
      if (g.decision === "ACCEPTED") c.accepted += g.n;
      if (g.decision === "RETURNED") {
        c.returned += g.n;
        const code = (RETURN_REASONS as readonly string[]).includes(g.reasonCode ?? "")
          ? (g.reasonCode as ReturnReasonName)
          : "OTHER";
        c.reasons.set(code, (c.reasons.get(code) ?? 0) + g.n);
      }
    }
  }
  for (const g of pending) for (const c of bucketsOf(g)) c.pending += g.n;

  const counts = (c: Counts) => ({ accepted: c.accepted, returned: c.returned, pending: c.pending });
  return {
    from: from ? formatCalendarDate(from) : null,
    to: to ? formatCalendarDate(to) : null,
    districtId: query.districtId ?? null,
    totals: counts(totals),
    byReason: reasonList(totals.reasons),
    byDistrict: [...districts.entries()]
      .map(([districtId, d]) => ({
        districtId,
        districtName: d.name,
        name: d.name,
        ...counts(d.counts),
        byReason: reasonList(d.counts.reasons),
      }))
      .sort(byReturnedThenName)
      .map(({ name: _name, ...rest }) => rest),
    byLeadUnit: [...units.entries()]
      .map(([unitId, u]) => ({
        unitId,
        unitName: u.name,
        name: u.name,
        ...counts(u.counts),
        byReason: reasonList(u.counts.reasons),
      }))
      .sort(byReturnedThenName)
      .map(({ name: _name, ...rest }) => rest),
  };
}
