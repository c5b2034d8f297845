"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { CLOSURE_ACTIONS } from "@/lib/domain/workflow";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

export type OfferedAction = {
  action: string;
  label: string;
  /** Sends work back: the reason is required. */
  commentRequired: boolean;
};

type Transition = (input: { action: string; comment?: string; version: number }) => Promise<ActionResult>;

/**
 * The workflow steps the person may take now (the problem's `allowedActions`), each confirmed in a
 * dialog with a comment — required where the step sends work back. A stale version keeps the
 * comment and offers to retry on the latest version. Closure steps (acceptance, notice, sign-off,
 * look-back) are never offered here: each has its own form in the closure panel.
 */
export function WorkflowActions({
  actions,
  version,
  transition,
}: {
  actions: OfferedAction[];
  version: number;
  transition: Transition;
}) {
  const t = useTranslations("problemWork.workflow");
  const feedback = useTranslations("feedback");
  const offered = actions.filter((a) => !(CLOSURE_ACTIONS as readonly string[]).includes(a.action));
  const [chosen, setChosen] = useState<OfferedAction | null>(null);
  const [comment, setComment] = useState("");
  const { pending, result, run, reset } = useAction();

  const open = (a: OfferedAction) => {
    reset();
    setComment("");
    setChosen(a);
  };
  const submit = (ver: number) => {
    if (!chosen) return;
    run(
      () => transition({ action: chosen.action, comment: comment.trim() || undefined, version: ver }),
      () => setChosen(null),
      feedback("actionDone", { action: chosen.label }),
    );
  };
  const commentError = fieldError(result, "comment");

  return (
    <div>
      <div className="flex flex-wrap gap-2" data-testid="workflow-actions">
        {offered.map((a) => (
          <button key={a.action} type="button" className="btn-primary" onClick={() => open(a)} data-action={a.action}>
            {a.label}
          </button>
        ))}
      </div>
      <Dialog open={chosen !== null} onClose={() => setChosen(null)} title={chosen?.label ?? ""} testId="workflow-dialog">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit(version);
          }}
          className="space-y-3"
          aria-busy={pending}
        >
          <p className="text-slate-700 text-sm">{t("confirm", { action: chosen?.label ?? "" })}</p>
          <div>
            <label htmlFor="wf-comment" className="field-label">
              {chosen?.commentRequired ? t("reasonRequired") : t("commentOptional")}
            </label>
            <textarea
              id="wf-comment"
              rows={3}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              required={chosen?.commentRequired}
              aria-invalid={commentError ? true : undefined}
              aria-describedby={commentError ? "wf-comment-error" : undefined}
              className="field-input"
            />
            <FieldError id="wf-comment-error" message={commentError} />
          </div>
          <FormAlert result={result} inputs={["comment"]} onRetry={submit} pending={pending} />
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => setChosen(null)}>
              {t("cancel")}
            </button>
            <button type="submit" className="btn-primary" disabled={pending}>
              {pending ? t("working") : t("confirmButton", { action: chosen?.label ?? "" })}
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
