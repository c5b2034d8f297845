import "server-only";
import { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { type Actor, authorize } from "../../permissions";
import { problemScopeSql } from "../problems/scope";
import { lateReportSql } from "../reports/late-report-sql";
import { getSettings } from "../settings/get-settings";
import { cachedByLedgerVersion } from "./ledger-cache";

/** Rectification performance of one group (a district, a lead division, a lead official, or everything). */
export type PerformanceRow = {
  key: string | null;
  name: string | null;
  /** The administrative code, for district rows (links to the ledger filter by district). */
  code: string | null;
  total: number;
  open: number;
  closed: number;
  closedOnTime: number;
  /** Closed on or before the deadline, as a share of the closed ones; null when none is closed. */
  onTimeClosureRate: number | null;
  overdue: number;
  overdueDays: number;
  red: number;
  yellow: number;
  green: number;
  blue: number;
  extensions: number;
  /** Open problems whose lead unit is behind on its periodic progress reports. */
  lateReports: number;
  byStatus: Record<string, number>;
};

export type DashboardSummary = {
  totals: PerformanceRow;
  byDistrict: PerformanceRow[];
  byLeadUnit: PerformanceRow[];
  byLeadOfficial: PerformanceRow[];
};

type Raw = {
  dim: string;
  key: string | null;
  status: string | null;
  total: bigint;
  closed: bigint;
  closed_on_time: bigint;
  overdue: bigint;
  overdue_days: bigint | null;
  red: bigint;
  yellow: bigint;
  green: bigint;
  blue: bigint;
  extensions: bigint | null;
  late: bigint;
};

/**
 * Totals by status and colour, on-time closure, overdue count and days, and extensions — for the
 * whole scope and per district, lead division and lead official — in one pass over the ledger,
 * late progress reports included (`reportStanding` in SQL, as `listLateReporters` reads it).
 * The grouped figures are served from memory while the ledger has not changed (`ledger-cache.ts`).
 */
export async function getDashboardSummary(actor: Actor, opts: { now?: Date } = {}): Promise<DashboardSummary> {
  authorize(actor, "indicator.read");
  const today = bureauToday(opts.now ?? clockNow());
  const settings = await getSettings();
  // One pass over the ledger (the late-report rule in SQL, counted per group like the rest), kept
  // while the ledger version is unchanged (`cachedByLedgerVersion`: the query itself, with its
  // scope, day and settings, is the key); the names are read beside it every time.
  // The triggers of the migration `ledger_version` cover every table this query reads (Problem,
  // ProgressReport, ProblemCoUnit): a new table here needs its trigger there.
  const query = Prisma.sql`
    SELECT
      CASE WHEN GROUPING(p."districtId") = 0 THEN 'district'
           WHEN GROUPING(p."leadUnitId") = 0 THEN 'unit'
           WHEN GROUPING(p."leadOfficialId") = 0 THEN 'official'
           ELSE 'all' END AS dim,
      COALESCE(p."districtId", p."leadUnitId", p."leadOfficialId")::text AS key,
      CASE WHEN GROUPING(p.status) = 0 THEN p.status::text END AS status,
      count(*) AS total,
      count(*) FILTER (WHERE p.status = 'CLOSED') AS closed,
      count(*) FILTER (WHERE p.status = 'CLOSED' AND (p.deadline IS NULL OR (p."closedAt" AT TIME ZONE 'Asia/Shanghai')::date <= p.deadline)) AS closed_on_time,
      count(*) FILTER (WHERE p.deadline < ${today}::date AND p.status NOT IN ('CLOSED', 'ONGOING')) AS overdue,
      sum(${today}::date - p.deadline) FILTER (WHERE p.deadline < ${today}::date AND p.status NOT IN ('CLOSED', 'ONGOING')) AS overdue_days,
      count(*) FILTER (WHERE p.colour = 'RED') AS red,
      count(*) FILTER (WHERE p.colour = 'YELLOW') AS yellow,
      count(*) FILTER (WHERE p.colour = 'GREEN') AS green,
      count(*) FILTER (WHERE p.colour = 'BLUE') AS blue,
      sum(p."extensionCount") AS extensions,
      count(*) FILTER (WHERE p.late) AS late,
      (SELECT "version" FROM "LedgerVersion" WHERE "id" = 1) AS ledger_version
    FROM (SELECT p.*, ${lateReportSql(today, settings)} AS late FROM "Problem" p WHERE ${problemScopeSql(actor)}) p
    GROUP BY GROUPING SETS ((p."districtId"), (p."leadUnitId"), (p."leadOfficialId"), (), (p.status))`;
  const key = JSON.stringify(["dashboard-summary", query.sql, query.values]);
  const [rows, names] = await Promise.all([
    cachedByLedgerVersion(key, async () => {
      const fresh = await db.$queryRaw<(Raw & { ledger_version: bigint | null })[]>(query);
      return { value: fresh as Raw[], version: fresh[0]?.ledger_version ?? null };
    }),
    db.$queryRaw<{ id: string; name: string; code: string | null }[]>`
      SELECT id::text AS id, name, code FROM "District"
      UNION ALL SELECT id::text, name, NULL FROM "Unit"
      UNION ALL SELECT id::text, "displayName", NULL FROM "User" WHERE role = 'LEADER'`,
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const districtCode = new Map(names.filter((n) => n.code !== null).map((n) => [n.id, n.code as string]));

  const toRow = (r: Raw): PerformanceRow => {
    const closed = Number(r.closed);
    const closedOnTime = Number(r.closed_on_time);
    return {
      key: r.key,
      name: r.key ? (nameOf.get(r.key) ?? null) : null,
      code: r.dim === "district" && r.key ? (districtCode.get(r.key) ?? null) : null,
      total: Number(r.total),
      open: Number(r.total) - closed,
      closed,
      closedOnTime,
      onTimeClosureRate: closed ? Math.round((closedOnTime / closed) * 1000) / 1000 : null,
      overdue: Number(r.overdue),
      overdueDays: Number(r.overdue_days ?? 0),
      red: Number(r.red),
      yellow: Number(r.yellow),
      green: Number(r.green),
      blue: Number(r.blue),
      extensions: Number(r.extensions ?? 0),
      lateReports: r.dim === "all" || r.key ? Number(r.late) : 0,
      byStatus: {},
    };
  };
  const all = rows.find((r) => r.dim === "all" && r.status === null);
  const totals = all
    ? toRow(all)
    : toRow({
        dim: "all",
        key: null,
        status: null,
        total: 0n,
        closed: 0n,
        closed_on_time: 0n,
        overdue: 0n,
        overdue_days: 0n,
        red: 0n,
        yellow: 0n,
        green: 0n,
        blue: 0n,
        extensions: 0n,
        late: 0n,
      });
  for (const r of rows) if (r.dim === "all" && r.status !== null) totals.byStatus[r.status] = Number(r.total);

  const byWorst = (a: PerformanceRow, b: PerformanceRow) =>
    b.red - a.red || b.overdue - a.overdue || (a.name ?? "").localeCompare(b.name ?? "");
  return {
    totals,
    byDistrict: rows
      .filter((r) => r.dim === "district")
      .map(toRow)
      .sort((a, b) => (districtCode.get(a.key ?? "") ?? "").localeCompare(districtCode.get(b.key ?? "") ?? "")),
    byLeadUnit: rows
      .filter((r) => r.dim === "unit")
      .map(toRow)
      .sort(byWorst),
    byLeadOfficial: rows
      .filter((r) => r.dim === "official" && r.key !== null)
      .map(toRow)
      .sort(byWorst),
  };
}
