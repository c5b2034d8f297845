"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { DecisionDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

/** Asks the lead official for more time: the new deadline and why. */
export function ExtensionRequestForm({
  currentDeadline,
  request,
}: {
  currentDeadline: string;
  request: (input: { newDeadline: string; reason: string }) => Promise<ActionResult>;
}) {
  const t = useTranslations("extensions");
  const tw = useTranslations("problemWork.extensions");
  const feedback = useTranslations("feedback");
  const [open, setOpen] = useState(false);
  const [newDeadline, setNewDeadline] = useState("");
  const [reason, setReason] = useState("");
  const { pending, result, run } = useAction({ success: feedback("requested") });
  const err = (f: string) => fieldError(result, f);
  if (!open) {
    return (
      <button type="button" className="btn-secondary mt-3" onClick={() => setOpen(true)}>
        {t("request")}
      </button>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => request({ newDeadline, reason }),
          () => {
            setOpen(false);
            setNewDeadline("");
            setReason("");
          },
        );
      }}
      className="mt-3 space-y-3 rounded-md border border-blue-200 bg-blue-50/40 p-3"
      aria-busy={pending}
      aria-label={t("request")}
      data-testid="extension-request-form"
    >
      <p className="text-slate-700 text-sm">{tw("currentDeadline", { date: currentDeadline })}</p>
      <div>
        <label htmlFor="x-newDeadline" className="field-label">
          {t("newDeadline")}
        </label>
        <input
          id="x-newDeadline"
          type="date"
          min={currentDeadline}
          value={newDeadline}
          onChange={(e) => setNewDeadline(e.target.value)}
          aria-invalid={err("newDeadline") ? true : undefined}
          aria-describedby={err("newDeadline") ? "x-newDeadline-error" : undefined}
          className="field-input sm:w-56"
        />
        <FieldError id="x-newDeadline-error" message={err("newDeadline")} />
      </div>
      <div>
        <label htmlFor="x-reason" className="field-label">
          {t("reason")}
        </label>
        <textarea
          id="x-reason"
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={err("reason") ? true : undefined}
          aria-describedby={err("reason") ? "x-reason-error" : undefined}
          className="field-input"
        />
        <FieldError id="x-reason-error" message={err("reason")} />
      </div>
      <FormAlert result={result} inputs={["newDeadline", "reason"]} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {tw("submitRequest")}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
          {tw("cancel")}
        </button>
      </div>
    </form>
  );
}

/** The lead official approves a pending extension or rejects it with a comment. */
export function ExtensionDecision({
  version,
  decide,
}: {
  version: number;
  decide: (input: { decision: string; comment?: string; version: number }) => Promise<ActionResult>;
}) {
  const t = useTranslations("extensions");
  const tw = useTranslations("problemWork.extensions");
  const feedback = useTranslations("feedback");
  const [decision, setDecision] = useState<"APPROVE" | "REJECT" | null>(null);
  const [comment, setComment] = useState("");
  const { pending, result, run, reset } = useAction();
  const rejecting = decision === "REJECT";
  const error = fieldError(result, "comment");
  const send = (ver: number) => {
    if (!decision) return;
    run(
      () => decide({ decision, comment: comment.trim() || undefined, version: ver }),
      () => setDecision(null),
      feedback(decision === "APPROVE" ? "approved" : "rejected"),
    );
  };
  const open = (d: "APPROVE" | "REJECT") => {
    reset();
    setDecision(d);
  };
  return (
    <div className="mt-2 flex flex-wrap gap-2" data-testid="extension-decision">
      <button type="button" className="btn-primary" onClick={() => open("APPROVE")}>
        {t("decision.APPROVE")}
      </button>
      <button type="button" className="btn-secondary" onClick={() => open("REJECT")}>
        {t("decision.REJECT")}
      </button>
      <DecisionDialog
        open={decision !== null}
        onClose={() => setDecision(null)}
        title={decision ? t(`decision.${decision}`) : ""}
        testId="extension-decision-dialog"
        field={{
          id: "x-comment",
          name: "comment",
          label: rejecting ? tw("rejectComment") : tw("approveComment"),
          maxLength: 1000,
          value: comment,
          onChange: setComment,
          error,
        }}
        result={result}
        pending={pending}
        onSubmit={() => send(version)}
        onRetry={send}
        cancelLabel={tw("cancel")}
        submitLabel={decision ? t(`decision.${decision}`) : ""}
        sendsBack={rejecting}
      />
    </div>
  );
}
