import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { call } from "../support/api";

/** Every REST route on disk with the methods it exports, e.g. `/api/v1/problems/{id}` → [get, patch]. */
function routesOnDisk(): Map<string, string[]> {
  const root = path.resolve("app/api/v1");
  const routes = new Map<string, string[]>();
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    if (path.basename(file) !== "route.ts") continue;
    const dir = path.dirname(file);
    if (dir === "openapi.json") continue;
    const urlPath = `/api/v1/${dir.split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    const source = readFileSync(path.join(root, file), "utf8");
    const methods = [...source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) =>
      (m[1] as string).toLowerCase(),
    );
    routes.set(urlPath, methods.sort());
  }
  return routes;
}

type OpenApi = {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
};
let doc: OpenApi;
let text: string;

beforeAll(async () => {
  const r = await call(getOpenApi, "GET", "/openapi.json");
  expect(r.status).toBe(200);
  doc = r.body as OpenApi;
  text = r.text;
});

describe("GET /api/v1/openapi.json", () => {
  it("is OpenAPI 3.1 and needs no sign-in", () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it("describes every route and method that exists, and none that does not", () => {
    const onDisk = routesOnDisk();
    expect(onDisk.size).toBeGreaterThanOrEqual(9);
    const documented = new Map(
      Object.entries(doc.paths)
        .filter(([p]) => p !== "/api/v1/openapi.json")
        .map(([p, ops]) => [
          p,
          Object.keys(ops)
            .filter((k) => ["get", "post", "put", "patch", "delete"].includes(k))
            .sort(),
        ]),
    );
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(onDisk));
  });

  it("every $ref points at a component that exists", () => {
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((name) => !(name in doc.components.schemas))).toEqual([]);
  });

  it("the problem create body forbids unknown fields, like the API does", () => {
    const create = doc.components.schemas.ProblemCreate as {
      additionalProperties?: unknown;
      properties: Record<string, unknown>;
    };
    expect(create.additionalProperties).toBe(false);
    for (const serverOwned of ["status", "id", "version", "progress", "createdById"]) {
      expect(Object.keys(create.properties)).not.toContain(serverOwned);
    }
  });
});
