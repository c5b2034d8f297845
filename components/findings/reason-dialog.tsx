"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { FINDING_REASON_MAX } from "@/lib/schemas/findings";

export type ReasonOutcome = { ok: true } | { ok: false; message: string; fields?: Record<string, string[]> };

/**
 * A button that opens a dialog asking for a reason (required), then submits it. The submit
 * answers an outcome; a refusal is shown in the dialog with the reason kept.
 */
export function ReasonDialogButton({
  buttonLabel,
  title,
  help,
  submitLabel,
  onSubmit,
  onDone,
  success,
  danger = true,
  testId,
  accessibleLabel,
}: {
  buttonLabel: string;
  title: string;
  help: string;
  submitLabel: string;
  onSubmit: (reason: string) => Promise<ReasonOutcome>;
  onDone?: () => void;
  /** The toast after success; "已记录" when not given. */
  success?: string;
  danger?: boolean;
  testId: string;
  /** A longer accessible name for the button when several stand on one page. */
  accessibleLabel?: string;
}) {
  const t = useTranslations("findings.form");
  const toast = useToast();
  const feedback = useTranslations("feedback");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = useId();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t("reasonRequired"));
      return;
    }
    setPending(true);
    setError(null);
    const outcome = await onSubmit(reason.trim());
    setPending(false);
    if (outcome.ok) {
      toast.show(success ?? feedback("recorded"));
      setOpen(false);
      setReason("");
      onDone?.();
    } else setError(outcome.fields?.reason?.join("；") ?? outcome.message);
  }

  return (
    <>
      <button
        type="button"
        className={danger ? "btn-danger" : "btn-secondary"}
        onClick={() => setOpen(true)}
        data-testid={testId}
        aria-label={accessibleLabel}
      >
        {buttonLabel}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title} testId={`${testId}-dialog`}>
        <form onSubmit={submit} noValidate className="space-y-3">
          <p className="text-slate-700 text-sm">{help}</p>
          <div>
            <label htmlFor={`${id}-reason`} className="field-label">
              {t("reason")}{" "}
              <span aria-hidden className="text-red-700">
                *
              </span>
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              required
              rows={4}
              maxLength={FINDING_REASON_MAX}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="field-input"
            />
            {error ? (
              <p id={`${id}-error`} role="alert" className="field-error">
                {error}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
            <button type="submit" className={danger ? "btn-danger" : "btn-primary"} disabled={pending}>
              {pending ? t("saving") : submitLabel}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
