"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { type ActionResult, otherErrors } from "@/lib/schemas/action-result";

/**
 * The failure of a form: its message and the messages of fields without an input here; on a
 * stale version, a notice that someone else changed the record and a button to try again on the
 * latest version (the input is kept). Focus moves to it so a screen reader reads it at once.
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
