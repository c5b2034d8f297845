import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { addDays, formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import { RETURN_REASONS, type ReturnReasonName } from "../../domain/enums";
import { type Actor, authorize } from "../../permissions";
import { type ReviewStatsDto, reviewStatsQuerySchema } from "../../schemas/evidence";
import type { Locale } from "../../schemas/parse";
import { problemScope } from "../problems/scope";
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
  const range: Prisma.DateTimeFilter = {};
  if (from) range.gte = startOfDay(from);
  if (to) range.lt = startOfDay(addDays(to, 1));
  const problemWhere: Prisma.ProblemWhereInput = {
    AND: [problemScope(actor), query.districtId ? { districtId: query.districtId } : {}],
  };
  const problemSelect = {
    districtId: true,
    district: { select: { name: true } },
    leadUnitId: true,
    leadUnit: { select: { name: true } },
  } as const;

  const [reviews, pending] = await Promise.all([
    db.evidenceReview.findMany({
      where: { at: range, evidence: { problem: problemWhere } },
      select: { decision: true, reasonCode: true, evidence: { select: { problem: { select: problemSelect } } } },
    }),
    db.evidence.findMany({
      where: { reviewStatus: "PENDING", supersededBy: { is: null }, createdAt: range, problem: problemWhere },
      select: { problem: { select: problemSelect } },
    }),
  ]);

  const totals = emptyCounts();
  const districts = new Map<string, { name: string; counts: Counts }>();
  const units = new Map<string, { name: string; counts: Counts }>();
  const bucketsOf = (p: { districtId: string; district: { name: string }; leadUnitId: string; leadUnit: { name: string } }) => {
    const d = districts.get(p.districtId) ?? { name: p.district.name, counts: emptyCounts() };
    districts.set(p.districtId, d);
    const u = units.get(p.leadUnitId) ?? { name: p.leadUnit.name, counts: emptyCounts() };
    units.set(p.leadUnitId, u);
    return [totals, d.counts, u.counts];
  };
  for (const r of reviews) {
    for (const c of bucketsOf(r.evidence.problem)) {
      if (r.decision === "ACCEPTED") c.accepted++;
      if (r.decision === "RETURNED") {
        c.returned++;
        const code = (RETURN_REASONS as readonly string[]).includes(r.reasonCode ?? "")
          ? (r.reasonCode as ReturnReasonName)
          : "OTHER";
        c.reasons.set(code, (c.reasons.get(code) ?? 0) + 1);
      }
    }
  }
  for (const e of pending) for (const c of bucketsOf(e.problem)) c.pending++;

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
