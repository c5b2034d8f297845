"use client";

import type { ActionResult } from "@/lib/schemas/action-result";
import { Dialog } from "./dialog";
import { FormAlert } from "./form-alert";
import { FieldError } from "./form-field";

/**
 * Asks before something that cannot be taken back (delete, end, sign out everywhere): a sentence,
 * a cancel button that has focus first, and the confirm button (red when it destroys).
 */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  children,
  confirmLabel,
  cancelLabel,
  pending = false,
  destructive = false,
  result = null,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  children?: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  pending?: boolean;
  destructive?: boolean;
  result?: ActionResult | null;
  testId?: string;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} testId={testId}>
      <div className="space-y-3" aria-busy={pending}>
        {children ? <div className="text-slate-700 text-sm">{children}</div> : null}
        <FormAlert result={result} pending={pending} />
        <div className="flex flex-wrap justify-end gap-2">
          {/* biome-ignore lint/a11y/noAutofocus: the safe choice has focus when the dialog opens */}
          <button type="button" className="btn-secondary" onClick={onClose} autoFocus>
            {cancelLabel}
          </button>
          <button type="button" className={destructive ? "btn-danger" : "btn-primary"} disabled={pending} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/**
 * The dialog of a decision (approve or return a plan, approve or reject an extension): one text
 * field, required when the decision sends work back, and a stale-version retry.
 */
export function DecisionDialog({
  open,
  onClose,
  title,
  testId,
  field,
  result,
  pending,
  onSubmit,
  onRetry,
  cancelLabel,
  submitLabel,
  sendsBack,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  testId: string;
  field: {
    id: string;
    name: string;
    label: string;
    maxLength: number;
    value: string;
    onChange: (value: string) => void;
    error?: string;
  };
  result: ActionResult | null;
  pending: boolean;
  onSubmit: () => void;
  onRetry: (version: number) => void;
  cancelLabel: string;
  submitLabel: string;
  /** Returning or rejecting: the text is required and the button is red. */
  sendsBack: boolean;
}) {
  const errorId = `${field.id}-error`;
  return (
    <Dialog open={open} onClose={onClose} title={title} testId={testId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        className="space-y-3"
        aria-busy={pending}
      >
        <div>
          <label htmlFor={field.id} className="field-label">
            {field.label}
          </label>
          <textarea
            id={field.id}
            rows={3}
            maxLength={field.maxLength}
            value={field.value}
            onChange={(e) => field.onChange(e.target.value)}
            required={sendsBack}
            aria-invalid={field.error ? true : undefined}
            aria-describedby={field.error ? errorId : undefined}
            className="field-input"
          />
          <FieldError id={errorId} message={field.error} />
        </div>
        <FormAlert result={result} inputs={[field.name]} onRetry={onRetry} pending={pending} />
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={onClose}>
            {cancelLabel}
          </button>
          <button type="submit" className={sendsBack ? "btn-danger" : "btn-primary"} disabled={pending}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
