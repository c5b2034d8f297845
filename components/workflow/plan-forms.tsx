"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { type ActionResult, fieldError } from "./action-result";
import { Dialog, FieldError, FormAlert, useAction } from "./form-bits";

/** The lead division writes (or revises) the plan: its target; the measures go with it as they stand. */
export function PlanSubmitForm({
  initialTarget,
  measureCount,
  submit,
}: {
  initialTarget: string;
  measureCount: number;
  submit: (input: { target: string }) => Promise<ActionResult>;
}) {
  const t = useTranslations("problemWork.plan");
  const [target, setTarget] = useState(initialTarget);
  const { pending, result, run } = useAction();
  const error = fieldError(result, "target");
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        run(() => submit({ target }));
      }}
      className="mt-3 space-y-3 rounded-md border border-blue-200 bg-blue-50/40 p-3"
      aria-busy={pending}
      data-testid="plan-submit-form"
    >
      <div>
        <label htmlFor="plan-target" className="field-label">
          {t("target")}
        </label>
        <textarea
          id="plan-target"
          rows={4}
          maxLength={2000}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`plan-target-hint${error ? " plan-target-error" : ""}`}
          className="field-input"
        />
        <p id="plan-target-hint" className="mt-1 text-slate-600 text-xs">
          {t("measuresGoWith", { count: measureCount })}
        </p>
        <FieldError id="plan-target-error" message={error} />
      </div>
      <FormAlert result={result} inputs={["target"]} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}

/** The lead official approves the submitted plan, or returns it with a reason. */
export function PlanDecision({
  version,
  decide,
}: {
  version: number;
  decide: (input: { decision: string; reason?: string; version: number }) => Promise<ActionResult>;
}) {
  const t = useTranslations("problemWork.plan");
  const [decision, setDecision] = useState<"APPROVE" | "RETURN" | null>(null);
  const [reason, setReason] = useState("");
  const { pending, result, run, reset } = useAction();
  const open = (d: "APPROVE" | "RETURN") => {
    reset();
    setDecision(d);
  };
  const send = (ver: number) => {
    if (!decision) return;
    run(
      () => decide({ decision, reason: reason.trim() || undefined, version: ver }),
      () => setDecision(null),
    );
  };
  const error = fieldError(result, "reason");
  const returning = decision === "RETURN";
  return (
    <div className="mt-3 flex flex-wrap gap-2" data-testid="plan-decision">
      <button type="button" className="btn-primary" onClick={() => open("APPROVE")}>
        {t("approve")}
      </button>
      <button type="button" className="btn-secondary" onClick={() => open("RETURN")}>
        {t("return")}
      </button>
      <Dialog
        open={decision !== null}
        onClose={() => setDecision(null)}
        title={returning ? t("returnTitle") : t("approveTitle")}
        testId="plan-decision-dialog"
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send(version);
          }}
          className="space-y-3"
          aria-busy={pending}
        >
          <div>
            <label htmlFor="plan-reason" className="field-label">
              {returning ? t("returnReason") : t("approveComment")}
            </label>
            <textarea
              id="plan-reason"
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required={returning}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "plan-reason-error" : undefined}
              className="field-input"
            />
            <FieldError id="plan-reason-error" message={error} />
          </div>
          <FormAlert result={result} inputs={["reason"]} onRetry={send} pending={pending} />
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => setDecision(null)}>
              {t("cancel")}
            </button>
            <button type="submit" className={returning ? "btn-danger" : "btn-primary"} disabled={pending}>
              {returning ? t("confirmReturn") : t("confirmApprove")}
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
