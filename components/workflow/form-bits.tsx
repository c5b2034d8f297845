"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { type ActionResult, fieldError, otherErrors } from "./action-result";

/**
 * Runs a server action in a transition and keeps its failure to show. A success refreshes the page
 * (the action revalidated it); a conflict also refreshes it, so the latest record is on screen
 * while the form keeps what the person typed.
 */
export function useAction() {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const router = useRouter();
  function run(call: () => Promise<ActionResult>, onOk?: () => void) {
    start(async () => {
      const r = await call();
      setResult(r.ok ? null : r);
      if (r.ok) onOk?.();
      else if (r.conflict) router.refresh();
    });
  }
  return { pending, result, run, reset: () => setResult(null) };
}

/**
 * The failure of a form: its message and the messages of fields without an input here; on a
 * stale version, a notice that someone else changed the record and a button to try again on the
 * latest version (the input is kept).
 */
export function FormAlert({
  result,
  inputs = [],
  onRetry,
  pending = false,
}: {
  result: ActionResult | null;
  inputs?: readonly string[];
  onRetry?: (version: number) => void;
  pending?: boolean;
}) {
  const t = useTranslations("problemWork");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result && !result.ok) ref.current?.focus();
  }, [result]);
  if (!result || result.ok) return null;
  if (result.conflict) {
    const { version } = result.conflict;
    return (
      <div
        ref={ref}
        tabIndex={-1}
        role="alert"
        className="rounded-md border-2 border-amber-400 bg-amber-50 p-3 text-amber-950 text-sm"
        data-testid="action-conflict"
      >
        <p className="font-medium">{result.message}</p>
        <p className="mt-1">{t("conflictKept", { version })}</p>
        {onRetry ? (
          <button type="button" className="btn-primary mt-2" disabled={pending} onClick={() => onRetry(version)}>
            {t("retryOnLatest")}
          </button>
        ) : null}
      </div>
    );
  }
  const messages = [...(result.message ? [result.message] : []), ...otherErrors(result, inputs)];
  if (messages.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900 text-sm"
      data-testid="action-error"
    >
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}

/** An error under one input, referenced by its `aria-describedby`. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/**
 * A modal dialog (the native `<dialog>`: focus moves in, Escape closes, the page behind is inert).
 * `open` is controlled by the caller.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
      data-testid={testId}
    >
      {open ? (
        <div className="p-4">
          <h2 id={titleId} className="mb-3 font-semibold text-base text-slate-900">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
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
}: {
  yes: Yes;
  version: number;
  decide: (decision: Yes | "RETURN", text: string | undefined, version: number) => Promise<ActionResult>;
  labels: TwoWayLabels;
  /** The input's id and the name the server reports its errors under. */
  field: { id: string; name: string };
  testId: string;
  className?: string;
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
