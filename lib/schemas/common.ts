import { z } from "zod";
import { isPlausibleCalendarDate, parseCalendarDate } from "../domain/calendar";
import { hasBidiControl, isInvisibleOnly } from "../domain/text-safety";

/** Text PostgreSQL can store: no NUL character and no unpaired UTF-16 surrogate (either would be a 500). */
export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && s.isWellFormed();
}

/** A plain decimal number as text: "12", "-3", "31.4912". Not "0x10", "1e2", " 2 ", "Infinity". */
const DECIMAL_TEXT = /^[+-]?\d{1,15}(\.\d{1,15})?$/;

/**
 * Numbers arrive as JSON numbers, or as strings from HTML forms and query strings. A string is
 * turned into a number only when it is plain decimal text; anything else (an array such as `[2]`,
 * a hexadecimal or exponent string) is left as it is, so the number schema refuses it.
 */
export function strictNumberInput(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim();
  return DECIMAL_TEXT.test(t) ? Number(t) : v;
}

/** Form and query fields: "" (an untouched input) and null mean "not given". */
export const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path id can be a record id at all (anything else is answered as not found). */
export function isUuid(id: string): boolean {
  return UUID_TEXT.test(id);
}

/** The message key of text holding text-direction controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C). */
export const BIDI_REFUSED = "security.refusal.bidiControl";
/** The message key of text that is only whitespace or invisible characters. */
export const INVISIBLE_REFUSED = "security.refusal.invisibleText";

/** Every free text field: storable, no text-direction controls, not only invisible characters. */
const safeText = (max: number) =>
  z
    .string()
    .max(max)
    .refine(isStorableText, "v.invalidText")
    .refine((s) => !hasBidiControl(s), BIDI_REFUSED)
    .refine((s) => !isInvisibleOnly(s), INVISIBLE_REFUSED);

/** Optional trimmed text: "" → undefined, so HTML forms and JSON behave alike. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    safeText(max).optional(),
  );

/** Text an edit may empty: "" → null (cleared), absent → not sent. */
export const clearableText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
    safeText(max).nullable().optional(),
  );

/** A message for a value of the wrong kind only: a value out of range keeps the range message. */
export const kindError =
  (key: string) =>
  (issue: { code?: string }): string | undefined =>
    issue.code === "too_small" || issue.code === "too_big" ? undefined : key;

/** Empty or missing → "required"; out of range → the range message; anything else wrong → the given message key. */
export const requiredOr =
  (key: string) =>
  (issue: { input?: unknown; code?: string }): string | undefined =>
    // A value out of range is not a wrong kind of value: its bound is said by the range message.
    issue.code === "too_small" || issue.code === "too_big"
      ? undefined
      : issue.input === undefined || issue.input === null || issue.input === ""
        ? "v.required"
        : key;

export const requiredText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1, "v.required").pipe(safeText(max)));

/** Refinement of every date field: a real calendar day, inside the plausible range (lib/domain/calendar.ts). */
export function checkCalendarDate(s: string, ctx: z.RefinementCtx<string>): void {
  if (parseCalendarDate(s) === null) ctx.addIssue({ code: "custom", message: "v.invalidDate" });
  else if (!isPlausibleCalendarDate(s)) ctx.addIssue({ code: "custom", message: DATE_OUT_OF_RANGE });
}

/** The message key of a date outside the plausible range (filled with the range when localized). */
export const DATE_OUT_OF_RANGE = "security.refusal.dateOutOfRange";

export const calendarDate = z.string().superRefine(checkCalendarDate).meta({ format: "date", example: "2026-12-31" });

export const uuid = z.uuid();

export const PAGE_SIZE_MAX = 100;

export const pageQuery = {
  page: z.preprocess(strictNumberInput, z.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(strictNumberInput, z.number().int().min(1).max(PAGE_SIZE_MAX).default(20)),
};

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
      current: z.unknown().optional(),
      allowed: z.array(z.string()).optional().meta({
        description:
          "On a refused workflow or closure step (403/409/422): the workflow actions the caller may take now (codes as in `allowedActions`).",
      }),
      missing: z.array(z.string()).optional().meta({
        description:
          "On a refused step: what is missing, as machine codes — milestones (ASSIGNED, PLAN_APPROVED, ACCEPTANCE_APPLIED, ACCEPTANCE_PASSED, NOTICE_ENDED, SIGNED_OFF), STATUS_<state> for a step already behind the problem, the person needed (ROLE_COORDINATOR, LEAD_OFFICIAL, LEAD_DIVISION_HEAD), LEAD_OFFICIAL_SET, MEASURES, MEASURES_DONE, DEADLINE_BAND_NOT_ONGOING, PLAN_SUBMITTED, NO_PENDING_PLAN, EVIDENCE_<kind> (missing), EVIDENCE_ACCEPTED_<kind> (not yet accepted), COMMENT, NOTICE_OPEN, NOTICE_PERIOD_OVER, OBJECTIONS_HANDLED.",
      }),
    }),
  })
  .meta({ id: "Error" });
