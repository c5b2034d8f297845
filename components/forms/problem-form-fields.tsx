"use client";

import type { useTranslations } from "next-intl";
import type { FormField, ProblemFormValues } from "./problem-form-data";

export type Option = { value: string; label: string };
export type UnitOption = Option & { kind: string };

/**
 * The problem form's controls: label, control (or the read-only value), hint and error of one
 * field, and its input, textarea or select. Plain functions, not components, so inputs keep focus
 * while the form re-renders.
 */
export function problemFieldKit({
  values,
  set,
  errors,
  canEdit,
  display,
  t,
}: {
  values: ProblemFormValues;
  set: (field: Exclude<FormField, "coUnitIds">, value: string) => void;
  errors: Record<string, string[]>;
  canEdit: (field: FormField) => boolean;
  display: (field: FormField, v: ProblemFormValues) => React.ReactNode;
  t: ReturnType<typeof useTranslations>;
}) {
  const describedBy = (name: string, hint?: boolean) =>
    [errors[name] ? `p-${name}-error` : null, hint ? `p-${name}-hint` : null].filter(Boolean).join(" ") || undefined;

  function field(
    { name, label, required, wide, hint }: { name: FormField; label: string; required?: boolean; wide?: boolean; hint?: string },
    children: React.ReactNode,
  ) {
    const editableHere = canEdit(name);
    return (
      <div className={wide ? "sm:col-span-2" : ""}>
        {editableHere ? (
          <label htmlFor={`p-${name}`} className="field-label">
            {label}
            {required ? (
              <span className="ml-0.5 text-red-600" aria-hidden>
                *
              </span>
            ) : null}
          </label>
        ) : (
          <p className="field-label">
            {label}
            <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 font-normal text-slate-500 text-xs">{t("readOnly")}</span>
          </p>
        )}
        {editableHere ? (
          children
        ) : (
          <p className="min-h-10 whitespace-pre-wrap rounded-md border border-slate-200 border-dashed bg-slate-50 px-3 py-2 text-slate-700 text-sm">
            {display(name, values)}
          </p>
        )}
        {hint && editableHere ? (
          <p id={`p-${name}-hint`} className="mt-1 text-slate-500 text-xs">
            {hint}
          </p>
        ) : null}
        {errors[name] ? (
          <p id={`p-${name}-error`} className="field-error">
            {errors[name].join("；")}
          </p>
        ) : null}
      </div>
    );
  }

  const input = (
    name: Exclude<FormField, "coUnitIds">,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint = false,
  ) => (
    <input
      id={`p-${name}`}
      name={name}
      value={values[name]}
      onChange={(e) => set(name, e.target.value)}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={describedBy(name, hint)}
      className="field-input"
      {...extra}
    />
  );

  const textarea = (name: "description" | "target", rows: number, required = false) => (
    <textarea
      id={`p-${name}`}
      name={name}
      rows={rows}
      value={values[name]}
      onChange={(e) => set(name, e.target.value)}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={describedBy(name)}
      aria-required={required || undefined}
      className="field-input"
    />
  );

  const select = (name: Exclude<FormField, "coUnitIds">, options: Option[], placeholder: string, required = false) => (
    <select
      id={`p-${name}`}
      name={name}
      value={values[name]}
      onChange={(e) => set(name, e.target.value)}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={describedBy(name)}
      aria-required={required || undefined}
      className="field-input"
    >
      <option value="">{placeholder}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );

  return { field, input, textarea, select, describedBy };
}
