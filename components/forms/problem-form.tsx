"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { useToast } from "@/components/ui/toast";
import { DEADLINE_BANDS, PROBLEM_CATEGORIES, PROBLEM_SOURCES } from "@/lib/domain/enums";
import type { ProblemDto } from "@/lib/schemas/problem";
import { formatFieldValue, type ReferenceNames, type ValueContext } from "../problems/field-values";
import {
  CO_UNITS_SENT,
  FORM_FIELDS,
  type FormField,
  NUMBER_FIELDS,
  type ProblemFormValues,
  type SaveResult,
  TEXT_FIELDS,
} from "./problem-form-data";

export type Option = { value: string; label: string };
export type UnitOption = Option & { kind: string };

type Props = {
  mode: "create" | "edit";
  /** The record being edited (edit mode). */
  problem?: ProblemDto;
  /** Fields this person may change; "all" for the ledger keeper. */
  editable: "all" | readonly string[];
  districts: Option[];
  units: UnitOption[];
  leaders: Option[];
  names: ReferenceNames;
  /** Server action: saves and reports per-field errors or a conflict instead of throwing. */
  action: (form: FormData) => Promise<SaveResult>;
  cancelHref: string;
};

const EMPTY: ProblemFormValues = {
  ...(Object.fromEntries([...TEXT_FIELDS, ...NUMBER_FIELDS].map((f) => [f, ""])) as Record<
    (typeof TEXT_FIELDS)[number] | (typeof NUMBER_FIELDS)[number],
    string
  >),
  coUnitIds: [],
};

function valuesOf(p: ProblemDto): ProblemFormValues {
  return {
    code: p.code,
    title: p.title,
    description: p.description,
    source: p.source,
    round: p.round ?? "",
    category: p.category,
    districtCode: p.districtCode,
    locationText: p.locationText ?? "",
    leadOfficialId: p.leadOfficialId ?? "",
    leadUnitId: p.leadUnitId,
    acceptanceUnitId: p.acceptanceUnitId ?? "",
    responsiblePerson: p.responsiblePerson ?? "",
    responsiblePhone: p.responsiblePhone ?? "",
    target: p.target ?? "",
    deadlineBand: p.deadlineBand,
    deadline: p.deadline ?? "",
    lat: p.lat === null ? "" : String(p.lat),
    lng: p.lng === null ? "" : String(p.lng),
    coUnitIds: [...p.coUnitIds].sort(),
  };
}

function sameValue(field: FormField, a: ProblemFormValues, b: ProblemFormValues): boolean {
  if (field === "coUnitIds") return [...a.coUnitIds].sort().join(",") === [...b.coUnitIds].sort().join(",");
  if (field === "lat" || field === "lng") {
    const [x, y] = [a[field].trim(), b[field].trim()];
    return x === y || (x !== "" && y !== "" && Number(x) === Number(y));
  }
  return a[field] === b[field];
}

/** The fields where `values` differs from what the person started from. */
function changedFields(values: ProblemFormValues, base: ProblemFormValues): FormField[] {
  return FORM_FIELDS.filter((f) => !sameValue(f, values, base));
}

/**
 * One form for registering and editing a problem. Edits send only the changed fields plus the
 * version they were based on; a stale version comes back as a conflict with the current record,
 * and the person's input is kept so nothing typed is lost.
 */
export function ProblemForm({ mode, problem, editable, districts, units, leaders, names, action, cancelHref }: Props) {
  const t = useTranslations("form");
  const tf = useTranslations("problem.fields");
  const tp = useTranslations("problem");
  const te = useTranslations("enums");
  const common = useTranslations("common");
  const router = useRouter();
  const toast = useToast();
  const feedback = useTranslations("feedback");
  const initial = problem ? valuesOf(problem) : EMPTY;
  const [values, setValues] = useState<ProblemFormValues>(initial);
  const [base, setBase] = useState<ProblemFormValues>(initial);
  const [version, setVersion] = useState<number | undefined>(problem?.version);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ latest: ProblemDto; mine: FormField[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const alertRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLElement>(null);

  const valueCtx: ValueContext = { enums: te, common, names };
  const canEdit = (field: FormField) => editable === "all" || editable.includes(field);
  const errorCount = Object.keys(errors).length;

  // Move the screen reader and keyboard to what needs attention after a save attempt.
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
    else if (errorCount || message) alertRef.current?.focus();
  }, [conflict, errorCount, message]);

  const set = (field: Exclude<FormField, "coUnitIds">, value: string) =>
    setValues((v) => ({ ...v, [field]: value, ...(field === "deadlineBand" && value === "ONGOING" ? { deadline: "" } : {}) }));

  function save(vals: ProblemFormValues, from: ProblemFormValues, ver: number | undefined) {
    const form = new FormData();
    let fields: FormField[] = FORM_FIELDS.filter(canEdit);
    if (mode === "edit") {
      fields = changedFields(vals, from).filter(canEdit);
      if (fields.length === 0) {
        setErrors({});
        setMessage(t("nothingChanged"));
        return;
      }
      // Coordinates are one fact; the use case takes them as a pair.
      if (fields.includes("lat") || fields.includes("lng")) fields = [...new Set([...fields, "lat", "lng"] as FormField[])];
      form.set("version", String(ver));
    }
    for (const field of fields) {
      if (field === "coUnitIds") {
        form.set(CO_UNITS_SENT, "1");
        for (const id of vals.coUnitIds) form.append("coUnitIds", id);
      } else {
        form.set(field, vals[field]);
      }
    }
    startTransition(async () => {
      const result = await action(form);
      if (result.ok) {
        toast.show(feedback(mode === "create" ? "created" : "saved"));
        router.push(`/problems/${result.data?.id ?? ""}`);
        return;
      }
      setErrors(result.fields);
      if (result.conflict?.current) {
        setMessage(null);
        setConflict({ latest: result.conflict.current, mine: changedFields(vals, from) });
      } else {
        setConflict(null);
        setMessage(result.message);
      }
    });
  }

  /** Takes the other person's version as the new starting point, keeps this person's changes on top, and saves. */
  function rebaseAndSave() {
    if (!conflict) return;
    const latest = valuesOf(conflict.latest);
    const merged: ProblemFormValues = { ...latest, coUnitIds: [...latest.coUnitIds] };
    for (const field of conflict.mine) {
      if (field === "coUnitIds") merged.coUnitIds = [...values.coUnitIds];
      else merged[field] = values[field];
    }
    setValues(merged);
    setBase(latest);
    setVersion(conflict.latest.version);
    setConflict(null);
    save(merged, latest, conflict.latest.version);
  }

  const describedBy = (name: string, hint?: boolean) =>
    [errors[name] ? `p-${name}-error` : null, hint ? `p-${name}-hint` : null].filter(Boolean).join(" ") || undefined;

  const display = (field: FormField, v: ProblemFormValues) =>
    formatFieldValue(field, field === "coUnitIds" ? v.coUnitIds : v[field], valueCtx);

  /** Label, control (or the read-only value), hint and error of one field. A plain function, not a component, so inputs keep focus. */
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

  const unitGroups = units.reduce<{ kind: string; units: UnitOption[] }[]>((groups, u) => {
    const group = groups.find((g) => g.kind === u.kind);
    if (group) group.units.push(u);
    else groups.push({ kind: u.kind, units: [u] });
    return groups;
  }, []);

  const enumOptions = (group: string, list: readonly string[]) => list.map((v) => ({ value: v, label: te(`${group}.${v}`) }));
  const unitOptions = units.map((u) => ({ value: u.value, label: u.label }));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save(values, base, version);
      }}
      className="space-y-4 pb-20 sm:pb-0"
      aria-busy={pending}
    >
      {conflict ? (
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
      ) : null}

      {!conflict && (errorCount > 0 || message) ? (
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
      ) : null}

      <fieldset className="card p-4">
        <legend className="float-left mb-3 w-full font-semibold text-base text-slate-900">{tp("sections.basic")}</legend>
        <div className="clear-both grid gap-4 sm:grid-cols-2">
          {field(
            { name: "title", label: tf("title"), required: true, wide: true },
            input("title", { type: "text", maxLength: 200, "aria-required": true, autoComplete: "off" }),
          )}
          {field(
            { name: "code", label: tf("code"), hint: mode === "create" ? t("codePlaceholder") : undefined },
            input("code", { type: "text", maxLength: 40, autoComplete: "off", spellCheck: false }, mode === "create"),
          )}
          {field({ name: "round", label: tf("round") }, input("round", { type: "text", maxLength: 100 }))}
          {field(
            { name: "source", label: tf("source"), required: true },
            select("source", enumOptions("source", PROBLEM_SOURCES), t("choose"), true),
          )}
          {field(
            { name: "category", label: tf("category"), required: true },
            select("category", enumOptions("category", PROBLEM_CATEGORIES), t("choose"), true),
          )}
          {field({ name: "description", label: tf("description"), required: true, wide: true }, textarea("description", 6, true))}
        </div>
      </fieldset>

      <fieldset className="card p-4">
        <legend className="float-left mb-3 w-full font-semibold text-base text-slate-900">{tp("sections.location")}</legend>
        <div className="clear-both grid gap-4 sm:grid-cols-2">
          {field(
            { name: "districtCode", label: tf("districtCode"), required: true },
            select("districtCode", districts, t("choose"), true),
          )}
          {field({ name: "locationText", label: tf("locationText") }, input("locationText", { type: "text", maxLength: 300 }))}
          {field(
            { name: "lat", label: tf("lat") },
            input("lat", { type: "text", inputMode: "decimal", placeholder: t("latPlaceholder"), autoComplete: "off" }),
          )}
          {field(
            { name: "lng", label: tf("lng") },
            input("lng", { type: "text", inputMode: "decimal", placeholder: t("lngPlaceholder"), autoComplete: "off" }),
          )}
        </div>
      </fieldset>

      <fieldset className="card p-4">
        <legend className="float-left mb-3 w-full font-semibold text-base text-slate-900">{tp("sections.responsibility")}</legend>
        <div className="clear-both grid gap-4 sm:grid-cols-2">
          {field({ name: "leadOfficialId", label: tf("leadOfficialId") }, select("leadOfficialId", leaders, t("unassigned")))}
          {field(
            { name: "leadUnitId", label: tf("leadUnitId"), required: true },
            select("leadUnitId", unitOptions, t("choose"), true),
          )}
          {field(
            { name: "acceptanceUnitId", label: tf("acceptanceUnitId") },
            select("acceptanceUnitId", unitOptions, t("unassigned")),
          )}
          <div className="hidden sm:block" />
          {field(
            { name: "responsiblePerson", label: tf("responsiblePerson") },
            input("responsiblePerson", { type: "text", maxLength: 50, autoComplete: "off" }),
          )}
          {field(
            { name: "responsiblePhone", label: tf("responsiblePhone") },
            input("responsiblePhone", { type: "tel", maxLength: 20, inputMode: "tel", autoComplete: "off" }),
          )}
          {canEdit("coUnitIds") ? (
            <fieldset className="sm:col-span-2" aria-describedby={describedBy("coUnitIds", true)}>
              <legend className="field-label">
                {tf("coUnitIds")}
                <span id="p-coUnitIds-hint" className="ml-2 font-normal text-slate-500 text-xs">
                  {t("coUnitsHint")} · {t("coUnitsSelected", { count: values.coUnitIds.length })}
                </span>
              </legend>
              <div id="p-coUnitIds" className="max-h-60 overflow-y-auto rounded-md border border-slate-300 bg-white p-2">
                {unitGroups.map((g) => (
                  <div key={g.kind} className="mb-2 last:mb-0">
                    <p className="px-1 font-medium text-slate-500 text-xs">{te(`unitKind.${g.kind}`)}</p>
                    <div className="grid gap-x-3 sm:grid-cols-2 lg:grid-cols-3">
                      {g.units.map((u) => (
                        <label
                          key={u.value}
                          className="flex min-h-9 cursor-pointer items-center gap-2 rounded px-1 text-sm hover:bg-slate-50"
                        >
                          <input
                            type="checkbox"
                            name="coUnitIds"
                            value={u.value}
                            checked={values.coUnitIds.includes(u.value)}
                            onChange={(e) =>
                              setValues((v) => ({
                                ...v,
                                coUnitIds: e.target.checked
                                  ? [...v.coUnitIds, u.value]
                                  : v.coUnitIds.filter((id) => id !== u.value),
                              }))
                            }
                            className="h-4 w-4 rounded border-slate-400 text-blue-700"
                          />
                          {u.label}
                        </label>
                      ))}
                    </div>
                  </div>
                ))}
              </div>
              {errors.coUnitIds ? (
                <p id="p-coUnitIds-error" className="field-error">
                  {errors.coUnitIds.join("；")}
                </p>
              ) : null}
            </fieldset>
          ) : (
            field({ name: "coUnitIds", label: tf("coUnitIds"), wide: true }, null)
          )}
        </div>
      </fieldset>

      <fieldset className="card p-4">
        <legend className="float-left mb-3 w-full font-semibold text-base text-slate-900">{tp("sections.requirements")}</legend>
        <div className="clear-both grid gap-4 sm:grid-cols-2">
          {field({ name: "target", label: tf("target"), wide: true }, textarea("target", 4))}
          {field(
            { name: "deadlineBand", label: tf("deadlineBand"), required: true },
            select("deadlineBand", enumOptions("band", DEADLINE_BANDS), t("choose"), true),
          )}
          {field(
            {
              name: "deadline",
              label: tf("deadline"),
              required: values.deadlineBand !== "ONGOING",
              hint: values.deadlineBand === "ONGOING" ? t("deadlineOngoing") : undefined,
            },
            input(
              "deadline",
              { type: "date", disabled: values.deadlineBand === "ONGOING", "aria-required": values.deadlineBand !== "ONGOING" },
              values.deadlineBand === "ONGOING",
            ),
          )}
        </div>
      </fieldset>

      <div className="fixed inset-x-0 bottom-0 z-20 flex gap-2 border-slate-200 border-t bg-white/95 px-3 py-3 backdrop-blur sm:static sm:justify-end sm:border-0 sm:bg-transparent sm:p-0">
        <Link href={cancelHref} className="btn-secondary flex-1 sm:flex-none">
          {common("cancel")}
        </Link>
        <button type="submit" className="btn-primary flex-[2] sm:flex-none" disabled={pending} aria-busy={pending}>
          {pending ? common("saving") : mode === "create" ? t("submitCreate") : t("submitEdit")}
        </button>
      </div>
    </form>
  );
}
