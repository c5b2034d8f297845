import "server-only";
import { createHash } from "node:crypto";
import { db } from "../../db";
import { classLabel, type SectionResultRow, type SectionRowError, validateSectionTable } from "../../domain/water-sections";
import { type Actor, authorize } from "../../permissions";
import { writeAudit } from "../audit/write-audit";
import { readResultsFile } from "./read-results-file";
import { periodText } from "./section-dto";

export type SectionImportResult = {
  /** True when nothing was written (a preview, or a file with errors). */
  preview: boolean;
  rows: number;
  imported: number;
  replaced: number;
  errors: SectionRowError[];
  sample: { sectionCode: string; period: string; classLabel: string; keyPollutants: string | null }[];
};

const SAMPLE = 20;

/**
 * Monthly section results from CSV or XLSX: read → validate (every bad row listed in Chinese,
 * all-or-nothing) → with `commit`, write in one transaction, replacing the same section-month;
 * audited with the file's hash and the replaced results. Without `commit` it only says what would
 * happen (preview).
 */
export async function importSectionResults(
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  opts: { commit: boolean; requestId?: string },
): Promise<SectionImportResult> {
  authorize(actor, "section.manage");
  const empty = (errors: SectionRowError[]): SectionImportResult => ({
    preview: true,
    rows: 0,
    imported: 0,
    replaced: 0,
    errors,
    sample: [],
  });
  const read = await readResultsFile(file.bytes);
  if ("error" in read) return empty([read.error]);
  const sections = await db.waterSection.findMany({ select: { id: true, code: true } });
  const idByCode = new Map(sections.map((s) => [s.code, s.id]));
  const { rows, errors } = validateSectionTable(read.table, new Set(idByCode.keys()));
  if (errors.length) return empty(errors);

  const sample = rows.slice(0, SAMPLE).map((r) => ({
    sectionCode: r.sectionCode,
    period: periodText(r.year, r.month),
    classLabel: classLabel(r.waterClass),
    keyPollutants: r.keyPollutants,
  }));
  const keyOf = (r: { sectionId: string; year: number; month: number }) => `${r.sectionId}|${r.year}|${r.month}`;
  const existingOf = async (tx: Pick<typeof db, "waterSectionResult">, batch: SectionResultRow[]) =>
    tx.waterSectionResult.findMany({
      where: {
        OR: batch.map((r) => ({ sectionId: idByCode.get(r.sectionCode) as string, year: r.year, month: r.month })),
      },
      select: { sectionId: true, year: true, month: true, waterClass: true, keyPollutants: true },
    });

  if (!opts.commit) {
    let replaced = 0;
    for (let i = 0; i < rows.length; i += 1000) replaced += (await existingOf(db, rows.slice(i, i + 1000))).length;
    return { preview: true, rows: rows.length, imported: rows.length - replaced, replaced, errors: [], sample };
  }

  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return db.$transaction(
    async (tx) => {
      const record = await tx.waterSectionImport.create({
        data: {
          fileName: file.name.slice(0, 200),
          sha256,
          rowCount: rows.length,
          imported: 0,
          replaced: 0,
          importedById: actor.id,
        },
      });
      const replacedRows: { section: string; period: string; before: string; after: string }[] = [];
      const codeById = new Map(sections.map((s) => [s.id, s.code]));
      for (let i = 0; i < rows.length; i += 1000) {
        const batch = rows.slice(i, i + 1000);
        const existing = new Map((await existingOf(tx, batch)).map((e) => [keyOf(e), e]));
        for (const r of batch) {
          const sectionId = idByCode.get(r.sectionCode) as string;
          const before = existing.get(keyOf({ sectionId, year: r.year, month: r.month }));
          if (before) {
            replacedRows.push({
              section: codeById.get(sectionId) as string,
              period: periodText(r.year, r.month),
              before: classLabel(before.waterClass),
              after: classLabel(r.waterClass),
            });
          }
          await tx.waterSectionResult.upsert({
            where: { sectionId_year_month: { sectionId, year: r.year, month: r.month } },
            create: {
              sectionId,
              year: r.year,
              month: r.month,
              waterClass: r.waterClass,
              keyPollutants: r.keyPollutants,
              importId: record.id,
            },
            update: { waterClass: r.waterClass, keyPollutants: r.keyPollutants, importId: record.id },
          });
        }
      }
      const replaced = replacedRows.length;
      const imported = rows.length - replaced;
      await tx.waterSectionImport.update({ where: { id: record.id }, data: { imported, replaced } });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "WaterSectionImport",
        entityId: record.id,
        action: "import",
        after: {
          fileName: record.fileName,
          sha256,
          rows: rows.length,
          imported,
          replaced,
          replacedRows: replacedRows.slice(0, 500),
        },
        requestId: opts.requestId,
      });
      return { preview: false, rows: rows.length, imported, replaced, errors: [], sample };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
