import type { ProblemDto } from "@/lib/schemas/problem";
import { FORM_FIELDS, type FormField, NUMBER_FIELDS, type ProblemFormValues, TEXT_FIELDS } from "./problem-form-data";

/** The problem form's values: empty, from a record, and what changed against a starting point. Pure. */
export const EMPTY: ProblemFormValues = {
  ...(Object.fromEntries([...TEXT_FIELDS, ...NUMBER_FIELDS].map((f) => [f, ""])) as Record<
    (typeof TEXT_FIELDS)[number] | (typeof NUMBER_FIELDS)[number],
    string
  >),
  coUnitIds: [],
};

export function valuesOf(p: ProblemDto): ProblemFormValues {
  return {
    code: p.code,
    title: p.title,
    description: p.description,
    source: p.source,
    round: p.round ?? "",
    category: p.category,
    districtCode: p.districtCode,
    locationText: p.locationText ?? "",
    leadOfficialId: p.leadOfficialId ?? "",
    leadUnitId: p.leadUnitId,
    acceptanceUnitId: p.acceptanceUnitId ?? "",
    responsiblePerson: p.responsiblePerson ?? "",
    responsiblePhone: p.responsiblePhone ?? "",
    target: p.target ?? "",
    deadlineBand: p.deadlineBand,
    deadline: p.deadline ?? "",
    lat: p.lat === null ? "" : String(p.lat),
    lng: p.lng === null ? "" : String(p.lng),
    coUnitIds: [...p.coUnitIds].sort(),
  };
}

export function sameValue(field: FormField, a: ProblemFormValues, b: ProblemFormValues): boolean {
  if (field === "coUnitIds") return [...a.coUnitIds].sort().join(",") === [...b.coUnitIds].sort().join(",");
  if (field === "lat" || field === "lng") {
    const [x, y] = [a[field].trim(), b[field].trim()];
    return x === y || (x !== "" && y !== "" && Number(x) === Number(y));
  }
  return a[field] === b[field];
}

/** The fields where `values` differs from what the person started from. */
export function changedFields(values: ProblemFormValues, base: ProblemFormValues): FormField[] {
  return FORM_FIELDS.filter((f) => !sameValue(f, values, base));
}
