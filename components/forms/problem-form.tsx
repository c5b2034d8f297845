"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { DEADLINE_BANDS, PROBLEM_CATEGORIES, PROBLEM_SOURCES } from "@/lib/domain/enums";
import type { ProblemDto } from "@/lib/schemas/problem";
import { formatFieldValue, type ReferenceNames, type ValueContext } from "../problems/field-values";
import { CoUnitsPicker } from "./co-units-picker";
import { ConflictPanel, ErrorSummary } from "./problem-form-alerts";
import type { FormField, ProblemFormValues, SaveResult } from "./problem-form-data";
import { type Option, problemFieldKit, type UnitOption } from "./problem-form-fields";
import { useProblemForm } from "./use-problem-form";

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

/**
 * One form for registering and editing a problem, in four sections (basic facts, location,
 * responsibility, requirements). The state and saving live in `useProblemForm`, the controls in
 * `problemFieldKit`, the conflict and error panels in problem-form-alerts.
 */
export function ProblemForm({ mode, problem, editable, districts, units, leaders, names, action, cancelHref }: Props) {
  const t = useTranslations("form");
  const tf = useTranslations("problem.fields");
  const tp = useTranslations("problem");
  const te = useTranslations("enums");
  const common = useTranslations("common");
  const form = useProblemForm({ mode, problem, editable, action });
  const { values, setValues, errors, errorCount, message, conflict, pending, canEdit } = form;
  const valueCtx: ValueContext = { enums: te, common, names };
  const display = (field: FormField, v: ProblemFormValues) =>
    formatFieldValue(field, field === "coUnitIds" ? v.coUnitIds : v[field], valueCtx);
  const { field, input, textarea, select, describedBy } = problemFieldKit({ values, set: form.set, errors, canEdit, display, t });

  const enumOptions = (group: string, list: readonly string[]) => list.map((v) => ({ value: v, label: te(`${group}.${v}`) }));
  const unitOptions = units.map((u) => ({ value: u.value, label: u.label }));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        form.submit();
      }}
      className="space-y-4 pb-20 sm:pb-0"
      aria-busy={pending}
    >
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          values={values}
          base={form.base}
          display={display}
          pending={pending}
          rebaseAndSave={form.rebaseAndSave}
          cancelHref={cancelHref}
          conflictRef={form.conflictRef}
        />
      ) : null}

      {!conflict && (errorCount > 0 || message) ? (
        <ErrorSummary errors={errors} errorCount={errorCount} message={message} alertRef={form.alertRef} />
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
            <CoUnitsPicker
              units={units}
              values={values}
              setValues={setValues}
              error={errors.coUnitIds}
              describedBy={describedBy("coUnitIds", true)}
            />
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
