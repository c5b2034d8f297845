import { z } from "zod";
import { parseCalendarDate } from "../domain/calendar";

/** Text PostgreSQL can store: no NUL character and no unpaired UTF-16 surrogate (either would be a 500). */
export function isStorableText(s: string): boolean {
  return !s.includes("\u0000") && s.isWellFormed();
}

/** Form and query fields: "" (an untouched input) and null mean "not given". */
export const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path id can be a record id at all (anything else is answered as not found). */
export function isUuid(id: string): boolean {
  return UUID_TEXT.test(id);
}

/** Optional trimmed text: "" → undefined, so HTML forms and JSON behave alike. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.string().max(max, "v.tooLong").refine(isStorableText, "v.invalidText").optional(),
  );

/** Text an edit may empty: "" → null (cleared), absent → not sent. */
export const clearableText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
    z.string().max(max, "v.tooLong").refine(isStorableText, "v.invalidText").nullable().optional(),
  );

/** Empty or missing → "required"; anything else wrong → the given message key. */
export const requiredOr =
  (key: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null || issue.input === "" ? "v.required" : key;

export const requiredText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string().min(1, "v.required").max(max, "v.tooLong").refine(isStorableText, "v.invalidText"),
  );

export const calendarDate = z
  .string()
  .refine((s) => parseCalendarDate(s) !== null, "v.invalidDate")
  .meta({ format: "date", example: "2026-12-31" });

export const uuid = z.uuid();

export const PAGE_SIZE_MAX = 100;

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
};

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
      current: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });
