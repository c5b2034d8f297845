"use client";

import { useState } from "react";
import { DecisionDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

/** The words of a two-way decision: the two buttons, each one's dialog title, text label and confirm button. */
export type TwoWayLabels = {
  yes: string;
  no: string;
  yesTitle: string;
  noTitle: string;
  yesText: string;
  noText: string;
  yesConfirm: string;
  noConfirm: string;
  cancel: string;
};

/**
 * A decision by the lead official with two outcomes: `yes` (approve, sign) or RETURN, which sends
 * the work back and so asks for a reason. Each button opens the decision dialog; the text goes to
 * `decide` as the outcome's reason or comment.
 */
export function TwoWayDecision<Yes extends string>({
  yes,
  version,
  decide,
  labels,
  field,
  testId,
  className = "",
  success,
}: {
  yes: Yes;
  version: number;
  decide: (decision: Yes | "RETURN", text: string | undefined, version: number) => Promise<ActionResult>;
  labels: TwoWayLabels;
  /** The input's id and the name the server reports its errors under. */
  field: { id: string; name: string };
  testId: string;
  className?: string;
  /** The toast after a decision, e.g. 已批准 / 已退回 (by outcome). */
  success?: { yes: string; no: string };
}) {
  const [decision, setDecision] = useState<Yes | "RETURN" | null>(null);
  const [text, setText] = useState("");
  const { pending, result, run, reset } = useAction();
  const open = (d: Yes | "RETURN") => {
    reset();
    setDecision(d);
  };
  const send = (ver: number) => {
    if (!decision) return;
    run(
      () => decide(decision, text.trim() || undefined, ver),
      () => setDecision(null),
      success ? (decision === "RETURN" ? success.no : success.yes) : undefined,
    );
  };
  const returning = decision === "RETURN";
  return (
    <div className={`flex flex-wrap gap-2 ${className}`} data-testid={testId}>
      <button type="button" className="btn-primary" onClick={() => open(yes)}>
        {labels.yes}
      </button>
      <button type="button" className="btn-secondary" onClick={() => open("RETURN")}>
        {labels.no}
      </button>
      <DecisionDialog
        open={decision !== null}
        onClose={() => setDecision(null)}
        title={returning ? labels.noTitle : labels.yesTitle}
        testId={`${testId}-dialog`}
        field={{
          id: field.id,
          name: field.name,
          label: returning ? labels.noText : labels.yesText,
          maxLength: 2000,
          value: text,
          onChange: setText,
          error: fieldError(result, field.name),
        }}
        result={result}
        pending={pending}
        onSubmit={() => send(version)}
        onRetry={send}
        cancelLabel={labels.cancel}
        submitLabel={returning ? labels.noConfirm : labels.yesConfirm}
        sendsBack={returning}
      />
    </div>
  );
}
