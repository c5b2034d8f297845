import "server-only";
import { Invalid } from "../../errors";
import type { Locale } from "../../schemas/parse";
import { messageText } from "../workflow/workflow-text";

/** A bottom-line message in the caller's locale (`bottomLineValidation.<key>`). */
export function blText(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  return messageText(locale, `bottomLineValidation.${key}`, params);
}

/** A 422 on one field with a bottom-line message. */
export function blInvalid(locale: Locale, field: string, key: string, params: Record<string, string | number> = {}): Invalid {
  return new Invalid({ [field]: [blText(locale, key, params)] });
}
