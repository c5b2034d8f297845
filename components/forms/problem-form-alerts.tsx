"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import type { ProblemDto } from "@/lib/schemas/problem";
import type { FormField, ProblemFormValues } from "./problem-form-data";
import { sameValue, valuesOf } from "./problem-form-values";

/**
 * Someone else saved first: the fields this person changed, theirs beside the latest (what the
 * other person changed in bold), and a button to save this person's changes on top of the latest.
 */
export function ConflictPanel({
  conflict,
  values,
  base,
  display,
  pending,
  rebaseAndSave,
  cancelHref,
  conflictRef,
}: {
  conflict: { latest: ProblemDto; mine: FormField[] };
  values: ProblemFormValues;
  base: ProblemFormValues;
  display: (field: FormField, v: ProblemFormValues) => React.ReactNode;
  pending: boolean;
  rebaseAndSave: () => void;
  cancelHref: string;
  conflictRef: RefObject<HTMLElement | null>;
}) {
  const t = useTranslations("form");
  const tf = useTranslations("problem.fields");
  return (
    <section
      ref={conflictRef}
      tabIndex={-1}
      role="alert"
      aria-labelledby="conflict-title"
      className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4"
      data-testid="conflict-panel"
    >
      <h2 id="conflict-title" className="font-semibold text-amber-950 text-base">
        {t("conflictTitle")}
      </h2>
      <p className="mt-1 text-amber-950 text-sm">{t("conflictBody", { version: conflict.latest.version })}</p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <thead className="bg-amber-100 text-left text-amber-950 text-xs">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("conflictField")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("conflictMine")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("conflictLatest")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-amber-200">
            {conflict.mine.map((field) => {
              const latest = valuesOf(conflict.latest);
              return (
                <tr key={field} className="align-top">
                  <th scope="row" className="px-3 py-2 text-left font-medium text-slate-700">
                    {tf(field)}
                  </th>
                  <td className="whitespace-pre-wrap px-3 py-2 text-slate-900">{display(field, values)}</td>
                  <td
                    className={`whitespace-pre-wrap px-3 py-2 ${sameValue(field, latest, base) ? "text-slate-600" : "font-semibold text-amber-900"}`}
                  >
                    {display(field, latest)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className="btn-primary" onClick={rebaseAndSave} disabled={pending}>
          {t("conflictRebase")}
        </button>
        <Link href={cancelHref} className="btn-secondary">
          {t("conflictDiscard")}
        </Link>
      </div>
    </section>
  );
}

/** The refusal of a save: its message and every field's message, each a link to its input. */
export function ErrorSummary({
  errors,
  errorCount,
  message,
  alertRef,
}: {
  errors: Record<string, string[]>;
  errorCount: number;
  message: string | null;
  alertRef: RefObject<HTMLDivElement | null>;
}) {
  const t = useTranslations("form");
  const tf = useTranslations("problem.fields");
  return (
    <div
      ref={alertRef}
      tabIndex={-1}
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 text-sm"
      data-testid="form-errors"
    >
      {message ? <p className="font-medium">{message}</p> : null}
      {errorCount > 0 ? (
        <>
          <p className="font-medium">{t("errorSummary", { count: errorCount })}</p>
          <ul className="mt-1 list-disc pl-5">
            {Object.entries(errors).map(([field, msgs]) => (
              <li key={field}>
                <a href={`#p-${field}`} className="underline">
                  {tf.has(field) ? tf(field) : field}
                </a>
                ：{msgs.join("；")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
