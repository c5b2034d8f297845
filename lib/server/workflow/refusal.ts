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

/**
 * The error for a refused workflow step: the wrong person → 403; a missing reason → 422 on
 * `field.comment`; anything else → 422 on `action`, naming the actions allowed now.
 */
export function refusalError(
  reason: RefusalReason | "notAvailable" | "planDecisionOnly",
  allowed: readonly WorkflowAction[],
  locale: Locale,
  fields: { action: string; comment: string } = { action: "action", comment: "comment" },
): AppError {
  const text = messageText(locale, `workflow.refusal.${reason}`);
  if ((FORBIDDEN_REASONS as readonly string[]).includes(reason)) return new Forbidden(text);
  if (reason === "commentRequired") return new Invalid({ [fields.comment]: [text] });
  return new Invalid({ [fields.action]: [text, allowedText(allowed, locale)] }, text);
}
