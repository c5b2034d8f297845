import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { summaryQuery } from "../../schemas/enforcement";
import { type Locale, parseInput } from "../../schemas/parse";
import { countClues } from "../clues/count-clues";
import { monthAfter, monthStart } from "./list-inspections";
import { inspectionScopeSql } from "./scope";

export type SummaryFigures = {
  inspections: number;
  violations: number;
  cases: number;
  fineYuan: number;
  /** The same fines in 万元, two decimals (for reading; the yuan figure is exact). */
  fineWan: number;
  problemsOpened: number;
};
export type SummaryRow = SummaryFigures & { key: string; label?: string };

export type EnforcementSummary = {
  from: string;
  to: string;
  totals: SummaryFigures & {
    /** Filled from clues (off-site enforcement): raised in the period. */
    cluesRaised: number | null;
    /** Filled from clues: closed by an inspection or dismissed in the period. */
    cluesHandled: number | null;
  };
  byAction: SummaryRow[];
  byMode: SummaryRow[];
  byDistrict: SummaryRow[];
  byMonth: SummaryRow[];
};

const empty = (): SummaryFigures => ({ inspections: 0, violations: 0, cases: 0, fineYuan: 0, fineWan: 0, problemsOpened: 0 });
const wan = (yuan: number) => Math.round(yuan / 100) / 100;

/**
 * `GET /api/v1/enforcement/summary?from=YYYY-MM&to=YYYY-MM` (执法成效): inspections and violations
 * by inspection month, cases, fines and problems opened by filing month — by action, mode,
 * district and month, within the person's scope. Default: January of this year to this month.
 */
export async function getEnforcementSummary(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<EnforcementSummary> {
  authorize(actor, "enforcement.read");
  const q = parseInput(summaryQuery, raw, opts.locale);
  const today = bureauToday(opts.now);
  const thisMonth = today.toISOString().slice(0, 7);
  const from = q.from ?? `${thisMonth.slice(0, 4)}-01`;
  const to = q.to ?? thisMonth;
  if (to < from) throw new Invalid({ to: ["结束月份不得早于开始月份"] });
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10) throw new Invalid({ from: ["一次最多统计十年"] });
  const start = monthStart(from);
  const end = monthAfter(to);
  const scope = inspectionScopeSql(actor);
  type Cell = { action: string | null; mode: string; districtCode: string; month: string };
  const [inspections, cases, districts] = await Promise.all([
    db.$queryRaw<(Cell & { n: bigint; violations: bigint })[]>(Prisma.sql`
      SELECT a.type::text AS action, i.mode::text AS mode, d.code AS "districtCode", to_char(i."inspectedOn", 'YYYY-MM') AS month,
             COUNT(*) AS n, COUNT(*) FILTER (WHERE i.result = 'VIOLATION') AS violations
      FROM "Inspection" i JOIN "Enterprise" e ON e.id = i."enterpriseId" JOIN "District" d ON d.id = e."districtId"
      LEFT JOIN "CampaignAction" a ON a.id = i."actionId"
      WHERE i."inspectedOn" >= ${start} AND i."inspectedOn" < ${end} AND ${scope}
      GROUP BY 1, 2, 3, 4`),
    db.$queryRaw<(Cell & { n: bigint; fine: bigint; problems: bigint })[]>(Prisma.sql`
      SELECT a.type::text AS action, i.mode::text AS mode, d.code AS "districtCode", to_char(c."filedOn", 'YYYY-MM') AS month,
             COUNT(*) AS n, COALESCE(SUM(c."fineYuan"), 0)::bigint AS fine, COUNT(c."problemId") AS problems
      FROM "EnforcementCase" c JOIN "Inspection" i ON i.id = c."inspectionId"
      JOIN "Enterprise" e ON e.id = c."enterpriseId" JOIN "District" d ON d.id = e."districtId"
      LEFT JOIN "CampaignAction" a ON a.id = i."actionId"
      WHERE c."filedOn" >= ${start} AND c."filedOn" < ${end} AND ${scope}
      GROUP BY 1, 2, 3, 4`),
    db.district.findMany({ select: { code: true, name: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
  ]);
  const groups = { action: new Map<string, SummaryFigures>(), mode: new Map(), district: new Map(), month: new Map() } as Record<
    "action" | "mode" | "district" | "month",
    Map<string, SummaryFigures>
  >;
  const totals = empty();
  const bump = (cell: Cell, f: (x: SummaryFigures) => void) => {
    f(totals);
    for (const [dim, key] of [
      ["action", cell.action ?? "NONE"],
      ["mode", cell.mode],
      ["district", cell.districtCode],
      ["month", cell.month],
    ] as const) {
      const map = groups[dim];
      const row = map.get(key) ?? empty();
      f(row);
      map.set(key, row);
    }
  };
  for (const r of inspections)
    bump(r, (x) => {
      x.inspections += Number(r.n);
      x.violations += Number(r.violations);
    });
  for (const r of cases)
    bump(r, (x) => {
      x.cases += Number(r.n);
      x.fineYuan += Number(r.fine);
      x.problemsOpened += Number(r.problems);
    });
  const rows = (map: Map<string, SummaryFigures>, keys: string[], label?: (k: string) => string) =>
    keys.map((key) => {
      const f = map.get(key) ?? empty();
      return { key, ...(label && { label: label(key) }), ...f, fineWan: wan(f.fineYuan) };
    });
  const clues = await countClues({
    from: start,
    to: end,
    ...(actor.role === "FIELD_OFFICER" && {
      districtIds: actor.districtId ? [actor.districtId] : ["00000000-0000-0000-0000-000000000000"],
    }),
  });
  const months: string[] = [];
  for (let m = start; m < end; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1)))
    months.push(m.toISOString().slice(0, 7));
  const districtName = new Map(districts.map((d) => [d.code, d.name]));
  const districtKeys = districts.map((d) => d.code).filter((c) => actor.role !== "FIELD_OFFICER" || groups.district.has(c));
  return {
    from,
    to,
    // Off-site clues raised and handled (closed by an inspection or dismissed) in the same months.
    totals: { ...totals, fineWan: wan(totals.fineYuan), cluesRaised: clues.raised, cluesHandled: clues.handled },
    byAction: rows(groups.action, [
      "VOCS_REDUCTION",
      "CONSTRUCTION_SITE",
      "SECTION_COMPLIANCE",
      "EXITED_ENTERPRISE",
      "CONSTRUCTION_PROJECT",
      "KEY_PETITION",
      ...(groups.action.has("NONE") ? ["NONE"] : []),
    ]),
    byMode: rows(groups.mode, ["ALL_STAFF", "CROSS", "ESCALATED", "OFF_SITE"]),
    byDistrict: rows(groups.district, districtKeys, (k) => districtName.get(k) ?? k),
    byMonth: rows(groups.month, months),
  };
}
