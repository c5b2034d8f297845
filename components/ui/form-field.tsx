"use client";

import { useId } from "react";

/** The ids of one input, its hint and its error, and the `aria-describedby` that names what is shown. */
export function fieldIds(id: string, shown: { hint?: boolean; error?: boolean }) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [shown.hint ? hintId : null, shown.error ? errorId : null].filter(Boolean).join(" ");
  return { id, hintId, errorId, describedBy: describedBy || undefined };
}

/** What a field hands to its input: the id, and the invalid flag and description when there is something to say. */
export type FieldInputProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

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
 * One labelled input with an optional hint and its error, wired for screen readers: the label
 * names the input, the hint and the error describe it. The input itself is the caller's
 * (`children` receives its props), so any input, select or textarea fits.
 */
export function FormField({
  id: givenId,
  label,
  hint,
  error,
  className,
  children,
}: {
  id?: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  children: (input: FieldInputProps) => React.ReactNode;
}) {
  const autoId = useId();
  const ids = fieldIds(givenId ?? autoId, { hint: Boolean(hint), error: Boolean(error) });
  return (
    <div className={className}>
      <label htmlFor={ids.id} className="field-label">
        {label}
      </label>
      {children({
        id: ids.id,
        ...(error ? { "aria-invalid": true as const } : {}),
        ...(ids.describedBy ? { "aria-describedby": ids.describedBy } : {}),
      })}
      {hint ? (
        <p id={ids.hintId} className="mt-1 text-slate-600 text-xs">
          {hint}
        </p>
      ) : null}
      <FieldError id={ids.errorId} message={error} />
    </div>
  );
}
