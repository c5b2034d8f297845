import { z } from "zod";
import { LEDGER_IMPORT_FIELDS } from "../domain/ledger-columns";
import { problemListQuerySchema } from "./problem";

export const exportFormatEnum = z.enum(["xlsx", "csv"], { error: "v.invalidOption" });

/** The file format of any list's export (`GET /api/v1/<list>/export?format=`); the list's own filters come beside it. */
export const listExportFormatSchema = z.object({
  format: z.preprocess((v) => (v === "" ? undefined : v), exportFormatEnum.default("xlsx")),
});

/** The ledger's own filters (the list's query) plus the file format; paging does not apply to an export. */
export const problemExportQuerySchema = problemListQuerySchema
  .omit({ page: true, pageSize: true })
  .extend({ format: z.preprocess((v) => (v === "" ? undefined : v), exportFormatEnum.default("xlsx")) })
  .meta({ id: "ProblemExportQuery" });
export type ProblemExportQuery = z.output<typeof problemExportQuerySchema>;

export const ledgerImportFieldEnum = z.enum(LEDGER_IMPORT_FIELDS);

/**
 * A mapping chosen on the page: sheet column (0-based, as a string key) → field, or "" to leave
 * the column out. Columns not named keep their automatic mapping.
 */
export const ledgerMappingSchema = z
  .record(z.string().regex(/^\d{1,3}$/), z.union([ledgerImportFieldEnum, z.literal("")]))
  .meta({ id: "LedgerImportMapping" });

export const ledgerImportErrorSchema = z
  .object({
    /** Row number in the sheet (1-based, as Excel shows it); 0 for the file as a whole. */
    row: z.number().int(),
    /** The column header as written in the file ("" for the whole row). */
    column: z.string(),
    reason: z.string(),
  })
  .meta({ id: "LedgerImportError" });

export const ledgerImportColumnSchema = z
  .object({
    index: z.number().int(),
    header: z.string(),
    field: z.union([ledgerImportFieldEnum, z.string()]).nullable(),
  })
  .meta({ id: "LedgerImportColumn" });

export const ledgerImportPreviewRowSchema = z
  .object({
    row: z.number().int(),
    code: z.string().nullable(),
    action: z.enum(["create", "update", "unchanged", "error"]),
    title: z.string(),
    district: z.string(),
    leadUnit: z.string(),
    deadline: z.string(),
  })
  .meta({ id: "LedgerImportPreviewRow" });

export const ledgerImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    sheetName: z.string(),
    headerRow: z.number().int(),
    columns: z.array(ledgerImportColumnSchema),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.array(ledgerImportErrorSchema),
    /** Names in the file that match no unit, district or lead official. */
    unmatched: z.object({ units: z.array(z.string()), districts: z.array(z.string()), officials: z.array(z.string()) }),
    /** The first rows as they would be imported (dry run only). */
    preview: z.array(ledgerImportPreviewRowSchema),
  })
  .meta({ id: "LedgerImportResult" });
export type LedgerImportResult = z.output<typeof ledgerImportResultSchema>;

export const briefingQuerySchema = z
  .strictObject({
    month: z.string({ error: "office.v.invalidMonth" }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "office.v.invalidMonth" }),
  })
  .meta({ id: "BriefingQuery" });
