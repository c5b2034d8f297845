import "server-only";
import { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { LEDGER_HEADERS } from "../../domain/ledger-columns";
import { formatMeasuresText } from "../../domain/office-text";
import { isOverdue, overdueDays } from "../../domain/problem-rules";
import { MESSAGES } from "../../i18n/messages";
import { type Actor, authorize } from "../../permissions";
import { type ProblemExportQuery, problemExportQuerySchema } from "../../schemas/office";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import type { ExportColumn, TableExport } from "../office/table-export";
import { problemFilterWhere } from "./list-problems";
import { problemScope } from "./scope";

const exportSelect = {
  id: true,
  code: true,
  source: true,
  round: true,
  category: true,
  title: true,
  description: true,
  districtId: true,
  locationText: true,
  leadOfficialId: true,
  leadUnitId: true,
  acceptanceUnitId: true,
  responsiblePerson: true,
  responsiblePhone: true,
  target: true,
  deadlineBand: true,
  deadline: true,
  progress: true,
  status: true,
  colour: true,
  relapse: true,
  extensionCount: true,
} satisfies Prisma.ProblemSelect;

type ExportRow = Prisma.ProblemGetPayload<{ select: typeof exportSelect }> & {
  districtName: string;
  leadOfficialName: string | null;
  leadUnitName: string;
  acceptanceUnitName: string | null;
  /** Co-units' names in the register's order. */
  coUnitNames: string[];
  /** Measures' descriptions in their order. */
  measures: string[];
  latestReport: string | null;
};

/** Rows read per page: one page in memory at a time. */
export const EXPORT_PAGE_SIZE = 1000;

type EnumTexts = Record<"source" | "category" | "band" | "status", Record<string, string>>;
const enums = MESSAGES["zh-CN"].enums as unknown as EnumTexts;
type LedgerTexts = {
  sheetName: string;
  colour: Record<string, string>;
  overdueDays: string;
  notOverdue: string;
  relapse: string;
  extended: string;
};
const ledgerTexts = (MESSAGES["zh-CN"] as unknown as { office: { ledger: LedgerTexts } }).office.ledger;

const h = (field: keyof typeof LEDGER_HEADERS): string => LEDGER_HEADERS[field][0] ?? field;

/** The ledger columns offices use (台账), in their order; `today` decides overdue. */
export function ledgerColumns(today: Date): ExportColumn<ExportRow>[] {
  return [
    { header: h("seq"), width: 6, kind: "int", value: (_r, i) => i + 1 },
    { header: h("code"), width: 16, value: (r) => r.code },
    { header: h("source"), width: 16, value: (r) => enums.source[r.source] },
    { header: h("round"), width: 14, value: (r) => r.round },
    { header: h("category"), width: 10, value: (r) => enums.category[r.category] },
    { header: h("title"), width: 24, value: (r) => r.title },
    { header: h("description"), width: 48, value: (r) => r.description },
    { header: h("district"), width: 10, value: (r) => r.districtName },
    { header: h("locationText"), width: 20, value: (r) => r.locationText },
    { header: h("leadOfficial"), width: 10, value: (r) => r.leadOfficialName },
    { header: h("leadUnit"), width: 16, value: (r) => r.leadUnitName },
    {
      header: h("coUnits"),
      width: 20,
      value: (r) => r.coUnitNames.join("、"),
    },
    { header: h("responsiblePerson"), width: 10, value: (r) => r.responsiblePerson },
    { header: h("responsiblePhone"), width: 14, value: (r) => r.responsiblePhone },
    { header: h("target"), width: 30, value: (r) => r.target },
    { header: h("measures"), width: 48, value: (r) => formatMeasuresText(r.measures) },
    { header: h("deadlineBand"), width: 12, value: (r) => enums.band[r.deadlineBand] },
    {
      header: h("deadline"),
      width: 12,
      kind: "date",
      // An ongoing problem has no date: its deadline cell says so, as ledgers write it.
      value: (r) => r.deadline ?? (r.deadlineBand === "ONGOING" ? enums.band.ONGOING : null),
    },
    { header: h("progressText"), width: 40, value: (r) => r.latestReport },
    { header: h("progress"), width: 8, kind: "percent", value: (r) => r.progress },
    { header: h("status"), width: 10, value: (r) => enums.status[r.status] },
    { header: h("colour"), width: 10, value: (r) => ledgerTexts.colour[r.colour] },
    {
      header: h("overdue"),
      width: 12,
      value: (r) =>
        isOverdue(r, today) ? ledgerTexts.overdueDays.replace("{days}", String(overdueDays(r, today))) : ledgerTexts.notOverdue,
    },
    { header: h("acceptanceUnit"), width: 16, value: (r) => r.acceptanceUnitName },
    {
      header: h("note"),
      width: 20,
      value: (r) =>
        [
          r.relapse ? ledgerTexts.relapse : null,
          r.extensionCount ? ledgerTexts.extended.replace("{n}", String(r.extensionCount)) : null,
        ]
          .filter(Boolean)
          .join("；"),
    },
  ];
}

type Names = { districts: Map<string, string>; units: Map<string, string>; users: Map<string, string> };

/** The names the rows refer to: small registers, read once per export instead of joined on every page. */
async function loadNames(): Promise<Names> {
  const [districts, units, users] = await Promise.all([
    db.district.findMany({ select: { id: true, name: true } }),
    db.unit.findMany({ select: { id: true, name: true } }),
    db.user.findMany({ select: { id: true, displayName: true } }),
  ]);
  return {
    districts: new Map(districts.map((d) => [d.id, d.name])),
    units: new Map(units.map((u) => [u.id, u.name])),
    users: new Map(users.map((u) => [u.id, u.displayName])),
  };
}

async function* ledgerPages(where: Prisma.ProblemWhereInput, pageSize: number): AsyncGenerator<ExportRow[]> {
  let names: Names | null = null;
  // Keyset pages by code (unique): each page is one indexed range read, however deep the export is,
  // plus one query for its co-units, measures and latest progress report.
  let after: string | null = null;
  for (;;) {
    const rows: Prisma.ProblemGetPayload<{ select: typeof exportSelect }>[] = await db.problem.findMany({
      where: after === null ? where : { AND: [where, { code: { gt: after } }] },
      select: exportSelect,
      orderBy: { code: "asc" },
      take: pageSize,
    });
    if (rows.length === 0) return;
    names ??= await loadNames();
    const ids = Prisma.join(rows.map((r) => Prisma.sql`${r.id}::uuid`));
    const details = await db.$queryRaw<
      { id: string; coUnitNames: string[] | null; measures: string[] | null; latestReport: string | null }[]
    >(Prisma.sql`
      SELECT p.id::text AS id,
        (SELECT array_agg(u."name" ORDER BY u."sortOrder", u.code) FROM "ProblemCoUnit" c JOIN "Unit" u ON u.id = c."unitId"
          WHERE c."problemId" = p.id) AS "coUnitNames",
        (SELECT array_agg(m.description ORDER BY m.seq) FROM "Measure" m WHERE m."problemId" = p.id) AS measures,
        (SELECT r.text FROM "ProgressReport" r WHERE r."problemId" = p.id ORDER BY r."createdAt" DESC LIMIT 1) AS "latestReport"
      FROM "Problem" p WHERE p.id IN (${ids})`);
    const detailOf = new Map(details.map((d) => [d.id, d]));
    const n = names;
    yield rows.map((r) => {
      const d = detailOf.get(r.id);
      return {
        ...r,
        districtName: n.districts.get(r.districtId) ?? "",
        leadOfficialName: r.leadOfficialId ? (n.users.get(r.leadOfficialId) ?? null) : null,
        leadUnitName: n.units.get(r.leadUnitId) ?? "",
        acceptanceUnitName: r.acceptanceUnitId ? (n.units.get(r.acceptanceUnitId) ?? null) : null,
        coUnitNames: d?.coUnitNames ?? [],
        measures: d?.measures ?? [],
        latestReport: d?.latestReport ?? null,
      };
    });
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]?.code ?? null;
  }
}

/**
 * The ledger as the caller sees it (scope) with the list's own filters, as an XLSX or CSV
 * export spec; the route streams it. Sorted by problem code, numbered 1…n.
 */
export async function exportProblems(
  actor: Actor,
  rawQuery: unknown,
  opts: { locale?: Locale; now?: Date; pageSize?: number; requestId?: string } = {},
): Promise<{ spec: TableExport<ExportRow>; query: ProblemExportQuery }> {
  authorize(actor, "problem.read");
  const query = parseInput(problemExportQuerySchema, rawQuery, opts.locale);
  const now = opts.now ?? clockNow();
  const where: Prisma.ProblemWhereInput = {
    AND: [problemScope(actor), problemFilterWhere({ ...query, page: 1, pageSize: 1 }, now)],
  };
  // Who took the ledger out, with which filters: an export is a step the audit log shows.
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actorId: actor.id,
      entityType: "Problem",
      entityId: "ledger",
      action: "export",
      after: { format: query.format, filters: rawQuery },
      requestId: opts.requestId,
    }),
  );
  return {
    query,
    spec: {
      format: query.format,
      sheetName: ledgerTexts.sheetName,
      columns: ledgerColumns(bureauToday(now)),
      pages: ledgerPages(where, opts.pageSize ?? EXPORT_PAGE_SIZE),
    },
  };
}
