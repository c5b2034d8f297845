import { z } from "zod";
import {
  adminUnitSchema,
  adminUserSchema,
  auditEntrySchema,
  auditQuerySchema,
  districtCreateSchema,
  mySessionSchema,
  oneTimePasswordSchema,
  passwordChangeSchema,
  setupSchema,
  unitCreateSchema,
  unitUpdateSchema,
  userCreateSchema,
} from "../../schemas/admin";
import { userUpdateSchema } from "../../schemas/user";
import { errors, idParam, json, list, queryParameters, ref } from "./helpers";

const xlsx = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
};
const multipartFile = {
  "multipart/form-data": {
    schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] },
  },
};
const auditPageSchema = z
  .object({ items: z.array(auditEntrySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: "AuditLogPage" });
const importResultSchema = z
  .object({ created: z.array(z.object({ username: z.string(), displayName: z.string(), oneTimePassword: z.string() })) })
  .meta({ id: "UserImportResult" });
const setupResultSchema = z
  .object({ userId: z.uuid(), username: z.string(), cityName: z.string(), districts: z.number().int(), units: z.number().int() })
  .meta({ id: "SetupResult" });

/** Added to the core `/api/v1/users` entry. */
export function adminUserPaths(): Record<string, unknown> {
  return {
    post: {
      summary:
        "Create an account (administrators); answers the account and a one-time password, shown once — the person must choose a new one at first sign-in",
      requestBody: { required: true, content: json(ref(userCreateSchema)) },
      responses: {
        "201": { description: "Created", content: json(ref(oneTimePasswordSchema)) },
        ...errors(400, 401, 403, 422),
      },
    },
  };
}

export function adminUnitPaths(): Record<string, unknown> {
  return {
    post: {
      summary: "Create a unit (administrators)",
      requestBody: { required: true, content: json(ref(unitCreateSchema)) },
      responses: { "201": { description: "Created", content: json(ref(adminUnitSchema)) }, ...errors(400, 401, 403, 422) },
    },
  };
}

export function adminDistrictPaths(): Record<string, unknown> {
  return {
    post: {
      summary: "Add a functional zone (e.g. a development zone) missing from the national division list (administrators)",
      requestBody: { required: true, content: json(ref(districtCreateSchema)) },
      responses: { "201": { description: "Created" }, ...errors(400, 401, 403, 422) },
    },
  };
}

/** Accounts, own password and sessions, units, the audit log, first run. */
export function adminPaths(): Record<string, unknown> {
  return {
    "/api/v1/users/{id}": {
      patch: {
        summary:
          "Edit an account: name, role, unit, district, phone, e-mail, active, language (administrators); a change of role, unit or district, or a deactivation, ends the person's sessions at once",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(userUpdateSchema)) },
        responses: {
          "200": { description: "Updated", content: json(ref(adminUserSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/api/v1/users/{id}/reset-password": {
      post: {
        summary:
          "Reset a password (administrators): a one-time password shown once; the person's sessions end and a new password is required at next sign-in",
        parameters: [idParam],
        responses: { "200": { description: "Reset", content: json(ref(oneTimePasswordSchema)) }, ...errors(401, 403, 404) },
      },
    },
    "/api/v1/users/{id}/unlock": {
      post: {
        summary: "Lift the sign-in lock of an account after repeated failures (administrators)",
        parameters: [idParam],
        responses: { "200": { description: "Unlocked", content: json(ref(adminUserSchema)) }, ...errors(401, 403, 404) },
      },
    },
    "/api/v1/users/import": {
      post: {
        summary:
          "Import accounts from an XLSX sheet (administrators), all or nothing: any bad row → 422 with every row's errors; each account gets a one-time password. `?preview=true` only checks the sheet: 200 with the accounts as they would be created, nothing written",
        parameters: [{ name: "preview", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] } }],
        requestBody: { required: true, content: multipartFile },
        responses: {
          "200": { description: "Preview (`preview: true`, `rows`, `sample`), nothing created" },
          "201": { description: "Created accounts", content: json(ref(importResultSchema)) },
          ...errors(400, 401, 403, 422),
        },
      },
    },
    "/api/v1/users/import/template": {
      get: {
        summary: "The XLSX template of the account import",
        responses: { "200": { description: "Template", content: xlsx }, ...errors(401, 403) },
      },
    },
    "/api/v1/me/password": {
      post: {
        summary:
          "Change my password (the current one required; the new one under the password policy); ends my other sessions. Allowed while a password change is required",
        requestBody: { required: true, content: json(ref(passwordChangeSchema)) },
        responses: { "200": { description: "Changed" }, ...errors(400, 401, 422) },
      },
    },
    "/api/v1/me/sessions": {
      get: {
        summary: "My live sessions (browsers and API tokens), the one in use marked",
        responses: { "200": { description: "Sessions", content: json(list(ref(mySessionSchema))) }, ...errors(401, 403) },
      },
    },
    "/api/v1/me/sessions/{id}": {
      delete: {
        summary: "End one of my sessions; another person's answers 404",
        parameters: [idParam],
        responses: { "204": { description: "Ended" }, ...errors(401, 403, 404) },
      },
    },
    "/api/v1/units/{id}": {
      patch: {
        summary: "Rename, move (parent), change kind or district, deactivate or reactivate a unit (administrators)",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(unitUpdateSchema)) },
        responses: {
          "200": { description: "Updated", content: json(ref(adminUnitSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
      delete: {
        summary: "Delete a unit nothing points to (administrators); 409 names what points to it — deactivate it instead",
        parameters: [idParam],
        responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404, 409) },
      },
    },
    "/api/v1/audit": {
      get: {
        summary:
          "The audit log (administrators): by person (`actor`), record (`entity`: Type, Type:id or a problem code), `action`, time (`from`, `to`; dates are Asia/Shanghai days), newest first, paged; changes in words",
        parameters: queryParameters(auditQuerySchema),
        responses: { "200": { description: "A page of entries", content: json(ref(auditPageSchema)) }, ...errors(401, 403, 422) },
      },
    },
    "/api/v1/audit/export": {
      get: {
        summary: "The filtered audit log as XLSX (at most 20 000 entries; text cells escaped against formula injection)",
        parameters: queryParameters(auditQuerySchema),
        responses: { "200": { description: "Workbook", content: xlsx }, ...errors(401, 403, 422) },
      },
    },
    "/api/v1/setup": {
      post: {
        summary:
          "First run: the one-time setup token printed by `npm start` creates the first administrator and loads the city's reference data; 409 once set up",
        security: [],
        requestBody: { required: true, content: json(ref(setupSchema)) },
        responses: { "201": { description: "Set up", content: json(ref(setupResultSchema)) }, ...errors(400, 403, 409, 422) },
      },
    },
  };
}
