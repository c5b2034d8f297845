import type { ActionResult } from "@/lib/schemas/action-result";
import type { ProblemDto } from "@/lib/schemas/problem";

/**
 * How the problem form travels as FormData, shared by the form (which builds it) and the server
 * action (which reads it). Pure: no server or browser APIs.
 */
export const TEXT_FIELDS = [
  "code",
  "title",
  "description",
  "source",
  "round",
  "category",
  "districtCode",
  "locationText",
  "leadOfficialId",
  "leadUnitId",
  "acceptanceUnitId",
  "responsiblePerson",
  "responsiblePhone",
  "target",
  "deadlineBand",
  "deadline",
] as const;
export const NUMBER_FIELDS = ["lat", "lng"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type NumberField = (typeof NUMBER_FIELDS)[number];
export type FormField = TextField | NumberField | "coUnitIds";
export const FORM_FIELDS: readonly FormField[] = [...TEXT_FIELDS, ...NUMBER_FIELDS, "coUnitIds"];

/** The ledger code identifies the problem: an edit may change it but never empty it. */
export const NOT_CLEARABLE_ON_EDIT: readonly string[] = ["code"];

/** Marks that co-units were sent even when none is ticked (FormData has no empty list). */
export const CO_UNITS_SENT = "coUnitIds:sent";

/** What the save action answers: the record's id, or per-field messages and, on a stale version, the record as it is now. */
export type SaveResult = ActionResult<{ id: string }, ProblemDto>;

export type ProblemFormValues = Record<TextField | NumberField, string> & { coUnitIds: string[] };

/**
 * FormData → the object the use case parses. Text goes as typed (the schema trims; "" is
 * "absent" on create and "cleared" on edit); coordinates become numbers (or null to clear); co-units come from repeated keys.
 */
export function problemInputFromForm(
  form: FormData,
  mode: "create" | "update",
): { input: Record<string, unknown>; cleared: string[] } {
  const input: Record<string, unknown> = {};
  const cleared: string[] = [];
  for (const key of TEXT_FIELDS) {
    if (!form.has(key)) continue;
    const value = String(form.get(key) ?? "");
    if (value.trim() === "" && mode === "update" && NOT_CLEARABLE_ON_EDIT.includes(key)) {
      cleared.push(key);
      continue;
    }
    input[key] = value;
  }
  for (const key of NUMBER_FIELDS) {
    if (!form.has(key)) continue;
    const value = String(form.get(key) ?? "").trim();
    if (value === "") {
      // An edit clears the point (the pair rule asks for both); a new problem just has none.
      if (mode === "update") input[key] = null;
      continue;
    }
    const n = Number(value);
    input[key] = Number.isFinite(n) ? n : value;
  }
  if (mode === "create" || form.has(CO_UNITS_SENT) || form.has("coUnitIds")) {
    input.coUnitIds = form.getAll("coUnitIds").map(String);
  }
  if (mode === "update") input.version = Number(form.get("version"));
  return { input, cleared };
}
