"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { RETURN_REASONS } from "@/lib/domain/enums";
import { REVIEW_REASON_MAX } from "@/lib/schemas/evidence";
import { type ApiAnswer, reviewEvidence } from "./evidence-api";

/** What the reviewer is told after a refused decision, in words. */
function failureText(answer: ApiAnswer<unknown>, t: ReturnType<typeof useTranslations>): string {
  if (answer.ok) return "";
  if (answer.status === 409) return t("stale");
  if (answer.status === 0) return t("network");
  if (answer.status === 403) return t("forbidden");
  if (answer.status === 404) return t("notFound");
  return answer.messages.length ? answer.messages.join("；") : t("failed");
}

/**
 * Accept or return one piece of evidence. A return asks for a reason code and a reason in words.
 * A stale version (someone decided first) reloads the list and says so.
 */
export function ReviewControls({
  evidenceId,
  version,
  label,
  onDone,
}: {
  evidenceId: string;
  version: number;
  /** What is being decided on, for the buttons' accessible names (e.g. the file name). */
  label: string;
  onDone: () => void;
}) {
  const t = useTranslations("evidenceUi.review");
  const tr = useTranslations("enums.returnReason");
  const toast = useToast();
  const feedback = useTranslations("feedback");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [reasonCode, setReasonCode] = useState("");
  const [reason, setReason] = useState("");
  const [fieldErrors, setFieldErrors] = useState<{ reasonCode?: string; reason?: string }>({});
  const id = useId();

  async function decide(decision: "ACCEPTED" | "RETURNED") {
    if (decision === "RETURNED") {
      const errs = {
        reasonCode: reasonCode ? undefined : t("reasonCodeRequired"),
        reason: reason.trim() ? undefined : t("reasonRequired"),
      };
      setFieldErrors(errs);
      if (errs.reasonCode || errs.reason) return;
    }
    setPending(true);
    setError(null);
    const answer = await reviewEvidence(
      evidenceId,
      decision === "RETURNED" ? { decision, reasonCode, reason: reason.trim(), version } : { decision, version },
    );
    setPending(false);
    if (answer.ok) {
      setOpen(false);
      toast.show(feedback(decision === "RETURNED" ? "returned" : "approved"));
      onDone();
      return;
    }
    setError(failureText(answer, t));
    if (answer.status === 409 || answer.status === 404) onDone();
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn-primary"
          disabled={pending}
          onClick={() => void decide("ACCEPTED")}
          aria-label={t("acceptLabel", { name: label })}
          data-testid="evidence-accept"
        >
          {t("accept")}
        </button>
        <button
          type="button"
          className="btn-secondary border-red-300 text-red-800"
          disabled={pending}
          onClick={() => {
            setError(null);
            setOpen(true);
          }}
          aria-label={t("returnLabel", { name: label })}
          data-testid="evidence-return"
        >
          {t("return")}
        </button>
      </div>
      {error && !open ? (
        <p role="alert" className="text-red-800 text-sm" data-testid="review-error">
          {error}
        </p>
      ) : null}
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("returnTitle", { name: label })}
        testId="evidence-return-dialog"
      >
        <form
          className="space-y-3"
          aria-busy={pending}
          onSubmit={(e) => {
            e.preventDefault();
            void decide("RETURNED");
          }}
        >
          <div>
            <label htmlFor={`${id}-code`} className="field-label">
              {t("reasonCode")}
            </label>
            <select
              id={`${id}-code`}
              className="field-input"
              value={reasonCode}
              onChange={(e) => setReasonCode(e.target.value)}
              aria-invalid={fieldErrors.reasonCode ? true : undefined}
              aria-describedby={fieldErrors.reasonCode ? `${id}-code-error` : undefined}
            >
              <option value="">{t("chooseReason")}</option>
              {RETURN_REASONS.map((r) => (
                <option key={r} value={r}>
                  {tr(r)}
                </option>
              ))}
            </select>
            {fieldErrors.reasonCode ? (
              <p id={`${id}-code-error`} className="field-error">
                {fieldErrors.reasonCode}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor={`${id}-reason`} className="field-label">
              {t("reason")}
            </label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              maxLength={REVIEW_REASON_MAX}
              className="field-input"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={fieldErrors.reason ? true : undefined}
              aria-describedby={fieldErrors.reason ? `${id}-reason-error` : undefined}
            />
            {fieldErrors.reason ? (
              <p id={`${id}-reason-error`} className="field-error">
                {fieldErrors.reason}
              </p>
            ) : null}
          </div>
          {error ? (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-red-900 text-sm">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
            <button type="submit" className="btn-danger" disabled={pending}>
              {t("confirmReturn")}
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
