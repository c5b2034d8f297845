import {
  campaignCreateSchema,
  campaignListQuery,
  caseCreateSchema,
  caseListQuery,
  caseProblemSchema,
  caseTransitionSchema,
  enterpriseCreateSchema,
  enterpriseListQuery,
  enterprisePatchSchema,
  inspectionCreateSchema,
  inspectionListQuery,
  summaryQuery,
} from "../../schemas/enforcement";
import { errors, idParam, json, queryParameters, ref } from "./helpers";

const xlsx = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
};
const multipart = {
  required: true,
  content: {
    "multipart/form-data": {
      schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] },
    },
  },
};

/** Enforcement (专项执法): enterprise register, campaigns, inspections, cases, the summary. */
export function enforcementPaths(): Record<string, unknown> {
  return {
    "/api/v1/enterprises": {
      get: {
        summary:
          "The enterprise register (企业库): search by name or credit code, filter by district, tag, status; field officers see their district's (and an enterprise they inspected across districts)",
        parameters: queryParameters(enterpriseListQuery),
        responses: { "200": { description: "A page of enterprises" }, ...errors(401, 403, 422) },
      },
      post: {
        summary:
          "Register an enterprise (coordinator, admin); the credit code is checked by GB 32100-2015 (a wrong check character is a 422 on creditCode)",
        requestBody: { required: true, content: json(ref(enterpriseCreateSchema)) },
        responses: { "201": { description: "Created" }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/enterprises/{id}": {
      get: {
        summary: "An enterprise with its inspections, cases and ledger problems (each within your scope)",
        parameters: [idParam],
        responses: { "200": { description: "Enterprise" }, ...errors(401, 404) },
      },
      patch: {
        summary: "Edit an enterprise with the version you saw (the credit code never changes); stale → 409",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(enterprisePatchSchema)) },
        responses: { "200": { description: "Updated" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/enterprises/import": {
      post: {
        summary:
          "Import the register (XLSX or CSV UTF-8, the export's columns): all rows or none; a known credit code updates its enterprise; → {imported, updated, unchanged, errors}",
        requestBody: multipart,
        responses: {
          "200": { description: "Imported" },
          "422": { description: "Every bad row in Chinese; nothing written" },
          ...errors(400, 401, 403),
        },
      },
    },
    "/api/v1/campaigns": {
      get: {
        summary: "Special enforcement campaigns (专项行动), newest first",
        parameters: queryParameters(campaignListQuery),
        responses: { "200": { description: "Campaigns" }, ...errors(401, 422) },
      },
      post: {
        summary:
          "Create a campaign with its actions (coordinator); each district's target defaults to its count of target enterprises (by tags)",
        requestBody: { required: true, content: json(ref(campaignCreateSchema)) },
        responses: { "201": { description: "Created" }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/campaigns/{id}": {
      get: {
        summary:
          "A campaign with progress: distinct enterprises inspected / target per action and district, coloured by planned pace",
        parameters: [idParam],
        responses: { "200": { description: "Campaign" }, ...errors(401, 404) },
      },
    },
    "/api/v1/inspections": {
      get: {
        summary: "Inspections within your scope, filtered by district, action, campaign, mode, result, enterprise, months",
        parameters: queryParameters(inspectionListQuery),
        responses: { "200": { description: "A page of inspections" }, ...errors(401, 422) },
      },
      post: {
        summary:
          "Record an inspection; the mode rules are refused with a 422 naming the rule (on site ≥ 2 officers, CROSS no local inspector, ESCALATED city-level lead, OFF_SITE a clue)",
        requestBody: { required: true, content: json(ref(inspectionCreateSchema)) },
        responses: { "201": { description: "Created" }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/inspections/{id}/photos": {
      post: {
        summary:
          "A photo of the inspection (multipart `file`, images only) through the evidence pipeline; the same bytes again → 200 with the stored photo",
        parameters: [idParam],
        requestBody: multipart,
        responses: {
          "201": { description: "Stored" },
          "200": { description: "Already stored" },
          ...errors(400, 401, 403, 404, 413, 415, 422),
        },
      },
    },
    "/api/v1/inspections/{id}/photos/{photoId}": {
      get: {
        summary: "The photo (or `variant=thumb`)",
        parameters: [
          idParam,
          { name: "photoId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          { name: "variant", in: "query", required: false, schema: { type: "string", enum: ["thumb"] } },
        ],
        responses: { "200": { description: "Image" }, ...errors(401, 404) },
      },
    },
    "/api/v1/cases": {
      get: {
        summary: "Cases (立案查处) within your scope, filtered like inspections by filing month, plus status and withProblem",
        parameters: queryParameters(caseListQuery),
        responses: { "200": { description: "A page of cases with the sum of their fines (yuan)" }, ...errors(401, 422) },
      },
      post: {
        summary:
          "File a case from an inspection that found a violation; numbered per year (锡环罚〔2026〕12号); fine in whole yuan",
        requestBody: { required: true, content: json(ref(caseCreateSchema)) },
        responses: { "201": { description: "Filed" }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/cases/{id}/transitions": {
      post: {
        summary: "The case's next step (FILED → NOTIFIED → DECIDED → EXECUTED → CLOSED) on a date not before the last; audited",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(caseTransitionSchema)) },
        responses: { "200": { description: "Moved" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/cases/{id}/problem": {
      post: {
        summary:
          "立为台账问题: register a ledger problem (source ENFORCEMENT, the enterprise's district) and link it to the case, in one transaction",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(caseProblemSchema)) },
        responses: { "201": { description: "The case with its problem" }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/enforcement/summary": {
      get: {
        summary:
          "执法成效: inspections, violations, cases, fines (yuan and 万元), problems opened by action, mode, district and month (from/to YYYY-MM)",
        parameters: queryParameters(summaryQuery),
        responses: { "200": { description: "Summary" }, ...errors(401, 422) },
      },
    },
    "/api/v1/enforcement/summary/export": {
      get: {
        summary: "The summary as XLSX, one sheet per dimension",
        parameters: queryParameters(summaryQuery),
        responses: { "200": { description: "XLSX", content: xlsx }, ...errors(401, 422) },
      },
    },
  };
}
