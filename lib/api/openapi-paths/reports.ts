import {
  lateReporterSchema,
  lateReportersQuerySchema,
  progressReportCreateSchema,
  progressReportListQuerySchema,
  progressReportPageSchema,
  progressReportSchema,
} from "../../schemas/report";
import { errors, idParam, json, list, queryParameters, ref } from "./helpers";

/** Progress reports (整改进展) and the late reporters. */
export function reportPaths(): Record<string, unknown> {
  return {
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
