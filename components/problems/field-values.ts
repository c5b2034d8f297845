/** Turns stored values (enum codes, ids, booleans) into what a person reads, for history and conflicts. */
export type ReferenceNames = {
  /** district code → name */
  districts: Record<string, string>;
  /** unit id → name */
  units: Record<string, string>;
  /** user id → display name (lead officials) */
  leaders: Record<string, string>;
};

export type Translate = { (key: string): string; has(key: string): boolean };

export type ValueContext = {
  enums: Translate;
  common: Translate;
  names: ReferenceNames;
  /** Workflow action labels (`workflow.actions`), for the workflow steps in the history. */
  actions?: Translate;
  /** Colour grade labels (`grade`). */
  grades?: Translate;
};

const ENUM_FIELDS: Record<string, string> = {
  source: "source",
  category: "category",
  status: "status",
  deadlineBand: "band",
};

function enumLabel(ctx: ValueContext, group: string, value: string): string {
  const key = `${group}.${value}`;
  return ctx.enums.has(key) ? ctx.enums(key) : value;
}

export function formatFieldValue(field: string, value: unknown, ctx: ValueContext, entityType = "Problem"): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) {
    return ctx.common("empty");
  }
  if (typeof value === "boolean") return ctx.common(value ? "yes" : "no");
  if (field === "status" && entityType === "Measure") return enumLabel(ctx, "measureStatus", String(value));
  const group = ENUM_FIELDS[field];
  if (group) return enumLabel(ctx, group, String(value));
  if (field === "districtCode") return ctx.names.districts[String(value)] ?? String(value);
  if (field === "leadUnitId" || field === "acceptanceUnitId" || field === "ownerUnitId") {
    return ctx.names.units[String(value)] ?? String(value);
  }
  if (field === "leadOfficialId") return ctx.names.leaders[String(value)] ?? String(value);
  if (field === "coUnitIds" && Array.isArray(value))
    return value.map((id) => ctx.names.units[String(id)] ?? String(id)).join("、");
  if (field === "percent" || field === "progress") return `${value}%`;
  if (field === "workflowAction" && ctx.actions?.has(String(value))) return ctx.actions(String(value));
  if (field === "colour" && ctx.grades?.has(String(value))) return ctx.grades(String(value));
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const MEASURE_LABELS: Record<string, string> = {
  seq: "measures.seq",
  description: "measures.description",
  ownerUnitId: "measures.ownerUnit",
  ownerPerson: "measures.ownerPerson",
  milestone: "measures.milestone",
  status: "measures.status",
  percent: "measures.percent",
};

/**
 * The label of a field, from the `problem` messages, else from `moreT` (the workflow's own fields:
 * return count, colour, original deadline…); unknown fields show their name.
 */
export function fieldLabel(field: string, problemT: Translate, entityType = "Problem", moreT?: Translate): string {
  const key = entityType === "Measure" ? (MEASURE_LABELS[field] ?? `fields.${field}`) : `fields.${field}`;
  if (problemT.has(key)) return problemT(key);
  return moreT?.has(field) ? moreT(field) : field;
}
