import "server-only";
import { MESSAGES } from "../../i18n/messages";
import type { Locale } from "../../schemas/parse";

/**
 * A message of the app's i18n files for use on the server (API errors, notification texts), by
 * dotted path (e.g. "workflow.refusal.commentRequired"), with `{name}` placeholders filled in.
 */
export function messageText(locale: Locale, path: string, params: Record<string, string | number> = {}): string {
  let node: unknown = MESSAGES[locale];
  for (const part of path.split(".")) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  }
  const template = typeof node === "string" ? node : path;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
