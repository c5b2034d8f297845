"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useRef, useState, useTransition } from "react";
import { FormField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/schemas/action-result";

const ResultContext = createContext<ActionResult | null>(null);

/**
 * A form that runs one server action and shows what it answered: the form's message, each field's
 * messages beside it (see `Field`), and on success whatever `done` renders from the data (e.g. a
 * one-time password). The page is refreshed after a success.
 */
export function ActionForm<T>({
  action,
  submitLabel,
  pendingLabel,
  children,
  done,
  confirmText,
  className = "space-y-3",
  submitClassName = "btn-primary",
  resetOnSuccess = false,
  testId,
  success,
}: {
  /** The toast after success; "已保存" when not given. */
  success?: string;
  action: (form: FormData) => Promise<ActionResult<T>>;
  submitLabel: string;
  pendingLabel: string;
  children?: React.ReactNode;
  done?: (data: T | undefined) => React.ReactNode;
  confirmText?: string;
  className?: string;
  submitClassName?: string;
  resetOnSuccess?: boolean;
  testId?: string;
}) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const toast = useToast();
  const feedback = useTranslations("feedback");
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) alertRef.current?.focus();
  }, [result]);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (confirmText && !window.confirm(confirmText)) return;
    const formEl = e.currentTarget;
    const data = new FormData(formEl);
    start(async () => {
      const r = await action(data);
      setResult(r);
      if (r.ok) {
        toast.show(success ?? feedback("saved"));
        if (resetOnSuccess) formEl.reset();
        router.refresh();
      }
    });
  }

  const failed = result && !result.ok ? result : null;
  const general = failed ? [...(failed.message ? [failed.message] : []), ...(failed.fields._ ?? [])] : [];
  return (
    <ResultContext.Provider value={result}>
      <form onSubmit={onSubmit} noValidate className={className} data-testid={testId}>
        {general.length ? (
          <div
            ref={alertRef}
            tabIndex={-1}
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900 text-sm"
          >
            {general.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        ) : null}
        {children}
        <button type="submit" className={submitClassName} disabled={pending} aria-busy={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {result?.ok && done ? (
          <div ref={alertRef} tabIndex={-1} role="status">
            {done(result.data)}
          </div>
        ) : null}
      </form>
    </ResultContext.Provider>
  );
}

/** A labelled input (or select) of an `ActionForm`: the kit's form field, with the messages of the last answer beneath it. */
export function ActionField({
  name,
  label,
  children,
  className,
}: {
  name: string;
  label: string;
  children: (props: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
  className?: string;
}) {
  const result = useContext(ResultContext);
  const errors = result && !result.ok ? result.fields[name] : undefined;
  return (
    <FormField label={label} error={errors?.join("；")} className={className}>
      {(input) => children({ ...input, name })}
    </FormField>
  );
}

/** Unmatched field messages (e.g. import rows) as a list. */
export function OtherErrors({ known }: { known: readonly string[] }) {
  const result = useContext(ResultContext);
  if (!result || result.ok) return null;
  const rest = Object.entries(result.fields).filter(([k]) => k !== "_" && !known.includes(k));
  if (rest.length === 0) return null;
  return (
    <ul
      className="list-disc space-y-1 rounded-md border border-red-300 bg-red-50 p-3 pl-6 text-red-900 text-sm"
      data-testid="row-errors"
    >
      {rest.flatMap(([k, ms]) => ms.map((m) => <li key={`${k}-${m}`}>{m}</li>))}
    </ul>
  );
}
