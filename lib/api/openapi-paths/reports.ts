import type { z } from "zod";
import { closedEnterpriseQuerySchema, hazardListQuerySchema, parkListQuerySchema } from "../../schemas/bottom-line";
import { caseListQuery, enterpriseListQuery, inspectionListQuery } from "../../schemas/enforcement";
import { rankingQuerySchema } from "../../schemas/indicator";
import {
  briefingQuerySchema,
  ledgerImportResultSchema,
  listExportFormatSchema,
  problemExportQuerySchema,
} from "../../schemas/office";
import { clueListQuerySchema, projectListQuerySchema } from "../../schemas/offsite";
import { penaltyListQuerySchema } from "../../schemas/penalties";
import {
  lateReporterSchema,
  lateReportersQuerySchema,
  progressReportCreateSchema,
  progressReportListQuerySchema,
  progressReportPageSchema,
  progressReportSchema,
} from "../../schemas/report";
import { incidentListQuerySchema } from "../../schemas/self-review";
import { readingQuerySchema } from "../../schemas/taihu";
import { timelineQuerySchema } from "../../schemas/timeline";
import { errors, idParam, json, list, queryParameters, ref } from "./helpers";

const binary = { schema: { type: "string", format: "binary" } };
const DOCX = { "application/vnd.openxmlformats-officedocument.wordprocessingml.document": binary };

/** `GET /api/v1/<list>/export`: one list as a file, with that list's own filters (paging does not apply). */
function listExport(what: string, filters: z.ZodType | null, opts: { pathId?: boolean } = {}) {
  return {
    get: {
      summary: `${what} with the list's own filters and your data scope, as XLSX (default) or CSV (UTF-8 with BOM), streamed; the rows are exactly those the list shows you, columns in Chinese; formula-looking text is prefixed with an apostrophe; the export is audited`,
      parameters: [
        ...(opts.pathId ? [idParam] : []),
        ...(filters ? queryParameters(filters).filter((p) => p.name !== "page" && p.name !== "pageSize") : []),
        ...queryParameters(listExportFormatSchema),
      ],
      responses: {
        "200": {
          description: "The file (attachment)",
          content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": binary, "text/csv": binary },
        },
        ...(opts.pathId ? errors(401, 403, 404, 422) : errors(401, 403, 422)),
      },
    },
  };
}

/** Progress reports (整改进展), the late reporters, and the office documents: ledger export/import, briefing, printable records. */
export function reportPaths(): Record<string, unknown> {
  return {
    "/api/v1/problems/export": {
      get: {
        summary:
          "The ledger with the list's own filters (and your data scope) as XLSX (styled header, frozen, filtered, real dates) or CSV (UTF-8 with BOM), streamed in pages; text that a spreadsheet would take for a formula is prefixed with an apostrophe; the export is audited",
        parameters: queryParameters(problemExportQuerySchema),
        responses: {
          "200": {
            description: "The file (attachment)",
            content: {
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": binary,
              "text/csv": binary,
            },
          },
          ...errors(401, 422),
        },
      },
    },
    "/api/v1/campaigns/{id}/export": listExport("One campaign's progress per action and district (专项行动进度)", null, {
      pathId: true,
    }),
    "/api/v1/cases/export": listExport("The enforcement cases (立案查处)", caseListQuery),
    "/api/v1/hazards/export": listExport("The sweeps' hazards (隐患清单)", hazardListQuerySchema),
    "/api/v1/sweeps/export": listExport(
      "The hazard sweeps (隐患排查任务): window, checklist, targets and checked over your scope, hazards by level, status; no filters (any parameter → 422)",
      null,
    ),
    "/api/v1/sweeps/{id}/export": listExport(
      "One sweep's targets (排查对象) in your districts: checked at (Beijing time), verdict counts, failed items, notes",
      null,
      { pathId: true },
    ),
    "/api/v1/self-reviews/{id}/export": listExport(
      "One self-review round's results (八个方面反思): a row per unit sheet you may see — status, late, submitted at (Beijing time), the eight submitted ratings and their mean, returns, the leader's comment, findings raised as problems",
      null,
      { pathId: true },
    ),
    "/api/v1/enterprises/export": listExport(
      "The enterprise register (企业库) in the import's columns (re-imports unchanged by credit code) plus the district's name",
      enterpriseListQuery,
    ),
    "/api/v1/incidents/export": listExport("The environmental incidents of a year (突发环境事件)", incidentListQuerySchema),
    "/api/v1/inspections/export": listExport("The enforcement inspections (执法检查)", inspectionListQuery),
    "/api/v1/taihu/readings/export": listExport(
      "The Taihu readings of a period (太湖监测读数; the last 30 days by default), the first eight columns those of the upload",
      readingQuerySchema,
    ),
    "/api/v1/timeline/export": listExport("The timeline board (挂图作战), its measures one line each", timelineQuerySchema),
    "/api/v1/closed-enterprises/export": listExport(
      "The closed chemical enterprises (退出化工企业), one column per closure stage",
      closedEnterpriseQuerySchema,
    ),
    "/api/v1/clues/export": listExport(
      "The off-site enforcement clues (非现场执法线索), times in Beijing time",
      clueListQuerySchema,
    ),
    "/api/v1/projects/export": listExport(
      "The construction projects' source control (建设项目源头管控“422”), one column per checklist item",
      projectListQuerySchema,
    ),
    "/api/v1/parks/export": listExport(
      "The parks' three-level prevention (三级防控), a column per level with its pace grade",
      parkListQuerySchema,
    ),
    "/api/v1/penalties/export": listExport(
      "The penalty proposals and decisions of a year (惩戒建议与决定; year defaults to this year)",
      penaltyListQuerySchema,
    ),
    "/api/v1/rankings/export": listExport(
      "One indicator's ranking (a row per ranked unit: rank, value, provincial average, target-line status)",
      rankingQuerySchema,
    ),
    "/api/v1/problems/import": {
      post: {
        summary:
          'Import an office ledger (XLSX or CSV UTF-8; coordinator only). The header is found (merged title rows, two-row headers), columns mapped by their names or by `mapping` (JSON: column index → field), text dates read ("2021年12月底", "2022年6月", Excel serials, "长期坚持" → ONGOING), units, districts and lead officials resolved by name. `?dryRun=1` answers the mapping, the errors and a preview; otherwise all rows are written in one transaction or none (any bad row → 422 with the list). A row whose problem code exists updates that problem (version-checked, audited); unchanged rows are left alone. With `Accept: application/x-ndjson` the commit streams `{progress:{done,total}}` lines and ends with `{result}`',
        parameters: [
          { name: "dryRun", in: "query", required: false, schema: { type: "string", enum: ["1", "0", "true", "false"] } },
        ],
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                properties: {
                  file: { type: "string", format: "binary" },
                  mapping: {
                    type: "string",
                    description: 'JSON object: column index (0-based) → field, or "" to leave the column out',
                  },
                },
                required: ["file"],
              },
            },
          },
        },
        responses: {
          "200": { description: "Preview (dry run) or the import's counts", content: json(ref(ledgerImportResultSchema)) },
          ...errors(400, 401, 403, 413, 422),
        },
      },
    },
    "/api/v1/reports/briefing": {
      get: {
        summary:
          "The monthly dispatch briefing (调度简报) of `month` as .docx in official-document layout (GB/T 9704): overall progress, by district and lead unit, overdue and red/yellow lists, target-line standings, penalties, charts; for the roles that see the whole city; audited",
        parameters: queryParameters(briefingQuerySchema),
        responses: { "200": { description: "The document (attachment)", content: DOCX }, ...errors(401, 403, 422) },
      },
    },
    "/api/v1/problems/{id}/closure-form": {
      get: {
        summary:
          "The closure approval form (整改销号审批表) of a closed problem as .docx, filled from its closure records (409 when not closed)",
        parameters: [idParam],
        responses: { "200": { description: "The form (attachment)", content: DOCX }, ...errors(401, 403, 404, 409) },
      },
    },
    "/api/v1/problems/{id}/notice-document": {
      get: {
        summary: "The text of the problem's latest public notice (公示) as .docx (409 when there is none)",
        parameters: [idParam],
        responses: { "200": { description: "The notice (attachment)", content: DOCX }, ...errors(401, 403, 404, 409) },
      },
    },
    "/api/v1/problems/{id}/reports": {
      get: {
        summary: "The problem's progress reports, newest first",
        parameters: [idParam, ...queryParameters(progressReportListQuerySchema)],
        responses: { "200": { description: "Reports", content: json(ref(progressReportPageSchema)) }, ...errors(401, 404, 422) },
      },
      post: {
        summary:
          "Report progress on an assigned, rectifying or ongoing problem; with `measureId` the measure's percent is set too (the reporter's unit is recorded)",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(progressReportCreateSchema)) },
        responses: {
          "201": { description: "Reported", content: json(ref(progressReportSchema)) },
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    "/api/v1/reports/late": {
      get: {
        summary:
          "Lead units late with their periodic progress reports (every `reportCycleDays` from the later of the last report and the assignment, plus `lateReportGraceDays`), within your scope, worst first",
        parameters: queryParameters(lateReportersQuerySchema),
        responses: {
          "200": { description: "Late reporters", content: json(list(ref(lateReporterSchema))) },
          ...errors(401, 422),
        },
      },
    },
  };
}
