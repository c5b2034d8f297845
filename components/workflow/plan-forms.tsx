"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { TwoWayDecision } from "@/components/workflow/two-way-decision";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

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
  const feedback = useTranslations("feedback");
  const [target, setTarget] = useState(initialTarget);
  const { pending, result, run } = useAction({ success: feedback("submitted") });
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
  const feedback = useTranslations("feedback");
  return (
    <TwoWayDecision
      yes="APPROVE"
      version={version}
      decide={(decision, reason, ver) => decide({ decision, reason, version: ver })}
      field={{ id: "plan-reason", name: "reason" }}
      testId="plan-decision"
      success={{ yes: feedback("approved"), no: feedback("returned") }}
      className="mt-3"
      labels={{
        yes: t("approve"),
        no: t("return"),
        yesTitle: t("approveTitle"),
        noTitle: t("returnTitle"),
        yesText: t("approveComment"),
        noText: t("returnReason"),
        yesConfirm: t("confirmApprove"),
        noConfirm: t("confirmReturn"),
        cancel: t("cancel"),
      }}
    />
  );
}
