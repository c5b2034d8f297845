import { z } from "zod";
import { errorBodySchema } from "../schemas/common";
import { problemHistorySchema, problemListQuerySchema, problemPageSchema, problemSchema } from "../schemas/problem";
import { sessionTokenSchema, signInSchema } from "../schemas/session";
import { meSchema, userListQuerySchema, userSchema } from "../schemas/user";
import { AREA_PATHS } from "./openapi-paths";
import { adminDistrictPaths, adminUnitPaths, adminUserPaths } from "./openapi-paths/admin";
import { errors, idParam, type JsonSchema, json, list, queryParameters, ref } from "./openapi-paths/helpers";

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with, so
 * the description cannot drift from the behaviour.
 */
const bearer = [{ bearer: [] }];

export function buildOpenApiDocument(serverUrl = "/"): JsonSchema {
  // Touch the schemas so their ids are registered before the registry is converted.
  void [errorBodySchema, problemHistorySchema, problemPageSchema, sessionTokenSchema, signInSchema, meSchema, userSchema];
  const components = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    io: "output",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  for (const s of Object.values(components.schemas)) {
    delete s.$schema;
    delete s.$id;
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Rectify API",
      version: "1.0.0",
      description:
        "REST API of the rectification ledger. Sign in with POST /session, then send `Authorization: Bearer <token>`. " +
        "Errors are `{error: {code, message, fields?}}`. Records outside your data scope answer 404.",
    },
    servers: [{ url: serverUrl }],
    components: {
      schemas: components.schemas,
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
    security: bearer,
    paths: {
      "/api/v1/session": {
        post: {
          summary: "Sign in; returns a bearer token",
          security: [],
          requestBody: { required: true, content: json(ref(signInSchema)) },
          responses: { "201": { description: "Token", content: json(ref(sessionTokenSchema)) }, ...errors(400, 401, 422, 429) },
        },
        delete: { summary: "Revoke the current token", responses: { "204": { description: "Revoked" }, ...errors(401) } },
      },
      "/api/v1/me": {
        get: {
          summary: "The signed-in user",
          responses: { "200": { description: "Me", content: json(ref(meSchema)) }, ...errors(401) },
        },
      },
      "/api/v1/districts": {
        get: {
          summary: "Districts in administrative-code order",
          responses: {
            "200": {
              description: "Districts",
              content: json(
                list({
                  type: "object",
                  properties: {
                    id: { type: "string", format: "uuid" },
                    code: { type: "string" },
                    name: { type: "string" },
                    nameEn: { type: "string" },
                  },
                }),
              ),
            },
            ...errors(401),
          },
        },
        ...adminDistrictPaths(),
      },
      "/api/v1/units": {
        get: {
          summary: "Active units (bureau, divisions, agencies, affiliated units, district governments)",
          responses: {
            "200": {
              description: "Units",
              content: json(
                list({
                  type: "object",
                  properties: {
                    id: { type: "string", format: "uuid" },
                    code: { type: "string" },
                    name: { type: "string" },
                    nameEn: { type: "string" },
                    kind: { type: "string", enum: ["BUREAU", "DIVISION", "AGENCY", "AFFILIATED", "DISTRICT_GOVERNMENT"] },
                    parentId: { type: ["string", "null"] },
                    districtCode: { type: ["string", "null"] },
                  },
                }),
              ),
            },
            ...errors(401),
          },
        },
        ...adminUnitPaths(),
      },
      "/api/v1/users": {
        get: {
          summary:
            "People, optionally of one role; administrators may search with `q` (username or name), `active` and `unitId` and get full accounts (AdminUser)",
          parameters: queryParameters(userListQuerySchema),
          responses: { "200": { description: "Users", content: json(list(ref(userSchema))) }, ...errors(401, 422) },
        },
        ...adminUserPaths(),
      },
      "/api/v1/problems": {
        get: {
          summary: "The ledger: filtered, searched, sorted, paged (within your data scope)",
          parameters: queryParameters(problemListQuerySchema),
          responses: { "200": { description: "A page of problems", content: json(ref(problemPageSchema)) }, ...errors(401, 422) },
        },
        post: {
          summary: "Register a problem",
          requestBody: { required: true, content: json({ $ref: "#/components/schemas/ProblemCreate" }) },
          responses: { "201": { description: "Created", content: json(ref(problemSchema)) }, ...errors(400, 401, 403, 422) },
        },
      },
      "/api/v1/problems/{id}": {
        get: {
          summary: "One problem with its measures",
          parameters: [idParam],
          responses: { "200": { description: "Problem", content: json(ref(problemSchema)) }, ...errors(401, 404) },
        },
        patch: {
          summary: "Edit a problem; send the version you saw",
          parameters: [idParam],
          requestBody: { required: true, content: json({ $ref: "#/components/schemas/ProblemUpdate" }) },
          responses: {
            "200": { description: "Updated", content: json(ref(problemSchema)) },
            ...errors(400, 401, 403, 404, 409, 422),
          },
        },
      },
      "/api/v1/problems/{id}/history": {
        get: {
          summary:
            "Audit trail of the problem, its measures, evidence, findings, plan submissions, progress reports and extension requests, newest first; `refs` names every id the entries mention",
          parameters: [idParam],
          responses: { "200": { description: "History", content: json(ref(problemHistorySchema)) }, ...errors(401, 404) },
        },
      },
      ...mergeAreaPaths(),
      "/api/v1/openapi.json": {
        get: { summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1 document" } } },
      },
    },
  };
}

/** The areas' paths; an area may add methods to a path another area (or the core) already describes. */
function mergeAreaPaths(): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const area of AREA_PATHS) {
    for (const [path, methods] of Object.entries(area())) out[path] = { ...out[path], ...(methods as Record<string, unknown>) };
  }
  return out;
}
