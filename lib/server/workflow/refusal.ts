import "server-only";
import type { EvidenceKindName } from "../../domain/enums";
import { FORBIDDEN_REASONS, type RefusalReason, type WorkflowAction } from "../../domain/workflow";
import { type AppError, Forbidden, Invalid } from "../../errors";
import type { Locale } from "../../schemas/parse";
import { messageText } from "./workflow-text";

/** "Allowed now: ASSIGN (Assign), …" — codes for programs, labels for people. */
export function allowedText(allowed: readonly WorkflowAction[], locale: Locale): string {
  if (allowed.length === 0) return messageText(locale, "workflow.refusal.noneAllowed");
  const list = allowed.map((a) => `${a} (${messageText(locale, `workflow.actions.${a}`)})`).join(", ");
  return messageText(locale, "workflow.refusal.allowed", { actions: list });
}

/** "BEFORE_PHOTO (Before photo), …": evidence kinds named for programs and people alike. */
export function kindsText(kinds: readonly EvidenceKindName[], locale: Locale): string {
  return kinds.map((k) => `${k} (${messageText(locale, `enums.evidenceKind.${k}`)})`).join(", ");
}

/**
 * The error for a refused workflow step: the wrong person → 403; a missing reason → 422 on
 * `field.comment`; anything else → 422 on `action`, naming the actions allowed now. `params` fill
 * the reason's placeholders (the missing evidence kinds, the route of a closure step).
 */
export function refusalError(
  reason: RefusalReason | "closureStep" | "planDecisionOnly",
  allowed: readonly WorkflowAction[],
  locale: Locale,
  fields: { action: string; comment: string } = { action: "action", comment: "comment" },
  params: Record<string, string> = {},
  missing: readonly string[] = [],
): AppError {
  const text = messageText(locale, `workflow.refusal.${reason}`, params);
  if ((FORBIDDEN_REASONS as readonly string[]).includes(reason)) return new Forbidden(text).withChoices(allowed, missing);
  if (reason === "commentRequired") return new Invalid({ [fields.comment]: [text] }).withChoices(allowed, missing);
  return new Invalid({ [fields.action]: [text, allowedText(allowed, locale)] }, text).withChoices(allowed, missing);
}
