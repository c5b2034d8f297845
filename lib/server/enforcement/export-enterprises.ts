import "server-only";
import ExcelJS from "exceljs";
import { db } from "../../db";
import { IMPORT_COLUMNS, STATUS_LABELS, TAG_LABELS } from "../../domain/enterprise-import";
import { type Actor, authorize } from "../../permissions";
import { enterpriseListQuery } from "../../schemas/enforcement";
import { type Locale, parseInput } from "../../schemas/parse";
import { safeCell } from "../audit/export-audit";
import { writeAudit } from "../audit/write-audit";
import { enterpriseInclude, toEnterpriseDto } from "./enterprise-dto";
import { enterpriseWhere } from "./list-enterprises";

/**
 * `GET /api/v1/enterprises/export`: the filtered register as XLSX, in the import's own columns
 * (so an export edited and imported again updates by credit code). Text cells a spreadsheet would
 * take for a formula are quoted. The export is audited.
 */
export async function exportEnterprises(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<Buffer> {
  authorize(actor, "enterprise.read");
  const q = parseInput(enterpriseListQuery, raw, opts.locale);
  const rows = await db.enterprise.findMany({
    where: enterpriseWhere(actor, q),
    include: enterpriseInclude,
    orderBy: [{ district: { code: "asc" } }, { name: "asc" }],
    take: 50_000,
  });
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("企业库");
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.zh));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const e = toEnterpriseDto(row);
    sheet.addRow([
      e.creditCode,
      safeCell(e.name),
      e.districtCode,
      safeCell(e.address),
      e.lat === null ? "" : String(e.lat),
      e.lng === null ? "" : String(e.lng),
      safeCell(e.industry),
      e.tags.map((t) => TAG_LABELS[t as keyof typeof TAG_LABELS]).join("、"),
      STATUS_LABELS[e.status as keyof typeof STATUS_LABELS],
      e.closedOn ?? "",
    ]);
  }
  sheet.columns.forEach((c, i) => {
    c.width = [22, 36, 10, 40, 12, 12, 16, 30, 8, 12][i] ?? 16;
  });
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actorId: actor.id,
      entityType: "Enterprise",
      entityId: "export",
      action: "export",
      after: { rows: rows.length, filters: raw },
      requestId: opts.requestId,
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
