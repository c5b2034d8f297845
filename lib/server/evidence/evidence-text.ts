import "server-only";
import type { z } from "zod";
import { AppError, Invalid } from "../../errors";
import { type Locale, parseInput } from "../../schemas/parse";
import { messageText } from "../workflow/workflow-text";

/** A server message of the `evidence` namespace in the caller's language. */
export function evidenceText(locale: Locale, path: string, params: Record<string, string | number> = {}): string {
  return messageText(locale, `evidence.${path}`, params);
}

/** `parseInput`, with the schema's `evidence.*` message keys translated too. */
export function parseEvidenceInput<S extends z.ZodType>(schema: S, raw: unknown, locale: Locale): z.output<S> {
  try {
    return parseInput(schema, raw, locale);
  } catch (e) {
    if (!(e instanceof Invalid) || !e.fields) throw e;
    const fields = Object.fromEntries(
      Object.entries(e.fields).map(([k, msgs]) => [k, msgs.map((m) => (m.startsWith("evidence.") ? messageText(locale, m) : m))]),
    );
    throw new Invalid(fields, e.message);
  }
}

/** 413: the file (or image) is larger than the settings allow. */
export function tooLarge(message: string): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", 413, message, { file: [message] });
}

/** 415: the bytes are not of an accepted type. */
export function unsupportedType(message: string): AppError {
  return new AppError("UNSUPPORTED_MEDIA_TYPE", 415, message, { file: [message] });
}

/** 422 on one field. */
export function invalidField(field: string, message: string): Invalid {
  return new Invalid({ [field]: [message] }, message);
}

/** "50 MiB", "2 KiB" — a byte count as people read it. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${Math.floor(n / 1024)} KiB`;
  return `${n} B`;
}
