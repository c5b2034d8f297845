"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

const REASONS = ["MAINTENANCE_FILED", "CALIBRATION", "INSTRUMENT_FAULT", "OTHER"] as const;

type Assign = (id: string, input: { assigneeId: string; version: number }) => Promise<ActionResult>;
type Dismiss = (id: string, input: { reason: string; note: string; version: number }) => Promise<ActionResult>;

/** Assign (a select of the people who may check it) and dismiss (a reason from the list, in a dialog). */
export function ClueActions({
  clueId,
  version,
  assignees,
  currentAssigneeId,
  canAssign,
  canDismiss,
  assignAction,
  dismissAction,
}: {
  clueId: string;
  version: number;
  assignees: { id: string; displayName: string }[];
  currentAssigneeId: string | null;
  canAssign: boolean;
  canDismiss: boolean;
  assignAction: Assign;
  dismissAction: Dismiss;
}) {
  const t = useTranslations("offsiteClues");
  const te = useTranslations("offsiteEnums.dismissReason");
  const assign = useAction();
  const dismiss = useAction();
  const [assigneeId, setAssigneeId] = useState(currentAssigneeId ?? "");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<string>("");
  const [note, setNote] = useState("");
  const noteError = fieldError(dismiss.result, "note");
  const reasonError = fieldError(dismiss.result, "reason");

  return (
    <div className="flex flex-wrap items-end gap-3">
      {canAssign && (
        <form
          className="flex flex-wrap items-end gap-2"
          aria-busy={assign.pending}
          onSubmit={(e) => {
            e.preventDefault();
            assign.run(() => assignAction(clueId, { assigneeId, version }));
          }}
        >
          <div>
            <label htmlFor="clue-assignee" className="field-label">
              {t("assignTo")}
            </label>
            <select
              id="clue-assignee"
              className="field-input"
              value={assigneeId}
              onChange={(e) => setAssigneeId(e.target.value)}
              aria-invalid={!!fieldError(assign.result, "assigneeId")}
              aria-describedby="clue-assignee-error"
            >
              <option value="">{t("choose")}</option>
              {assignees.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-primary" disabled={assign.pending || !assigneeId}>
            {t("assignSubmit")}
          </button>
          <div className="basis-full">
            <FieldError id="clue-assignee-error" message={fieldError(assign.result, "assigneeId")} />
            <FormAlert result={assign.result} inputs={["assigneeId"]} />
          </div>
        </form>
      )}
      {canDismiss && (
        <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
          {t("dismiss")}
        </button>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} title={t("dismiss")} testId="dismiss-dialog">
        <form
          className="space-y-3"
          aria-busy={dismiss.pending}
          onSubmit={(e) => {
            e.preventDefault();
            dismiss.run(
              () => dismissAction(clueId, { reason, note, version }),
              () => setOpen(false),
            );
          }}
        >
          <fieldset aria-describedby="dismiss-reason-error">
            <legend className="field-label">{t("dismissReason")}</legend>
            <div className="space-y-1">
              {REASONS.map((r) => (
                <label key={r} className="flex min-h-8 items-center gap-2 text-sm">
                  <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
                  {te(r)}
                </label>
              ))}
            </div>
            <FieldError id="dismiss-reason-error" message={reasonError} />
          </fieldset>
          <div>
            <label htmlFor="dismiss-note" className="field-label">
              {t("dismissNote")}
            </label>
            <textarea
              id="dismiss-note"
              rows={3}
              maxLength={500}
              className="field-input"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-invalid={!!noteError}
              aria-describedby="dismiss-note-help dismiss-note-error"
            />
            <p id="dismiss-note-help" className="mt-1 text-slate-600 text-xs">
              {t("dismissNoteHelp")}
            </p>
            <FieldError id="dismiss-note-error" message={noteError} />
          </div>
          <FormAlert result={dismiss.result} inputs={["reason", "note"]} />
          <div className="flex justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
            <button type="submit" className="btn-danger" disabled={dismiss.pending || !reason}>
              {t("dismissSubmit")}
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
