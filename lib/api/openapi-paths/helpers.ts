import { z } from "zod";

/** Small builders shared by the OpenAPI path groups. */
export type JsonSchema = Record<string, unknown>;

export function ref(schema: z.ZodType): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error("schema without meta id");
  return { $ref: `#/components/schemas/${id}` };
}

export const json = (schema: JsonSchema) => ({ "application/json": { schema } });

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed request (bad JSON, wrong content type)",
  401: "Not signed in, or the token was revoked or expired",
  403: "Signed in but not allowed",
  404: "Not found or outside your data scope",
  409: "Stale version; `error.current` holds the current record",
  422: "Validation failed, or an action not allowed in the current state; `error.fields` lists the reasons",
  429: "Too many requests; see Retry-After",
};

export const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      { description: ERROR_TEXT[c] ?? "Error", content: json({ $ref: "#/components/schemas/Error" }) },
    ]),
  );

export const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };

export const list = (item: JsonSchema) => ({
  type: "object",
  properties: { items: { type: "array", items: item } },
  required: ["items"],
});

/** A query schema's properties as OpenAPI parameters (the schema itself may be a $ref into $defs). */
export function queryParameters(schema: z.ZodType): JsonSchema[] {
  const js = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema & {
    $defs?: Record<string, { properties?: Record<string, JsonSchema> }>;
    properties?: Record<string, JsonSchema>;
  };
  const id = z.globalRegistry.get(schema)?.id;
  const properties = (id ? js.$defs?.[id]?.properties : js.properties) ?? {};
  return Object.entries(properties).map(([name, propertySchema]) => ({
    name,
    in: "query",
    required: false,
    schema: propertySchema,
  }));
}
