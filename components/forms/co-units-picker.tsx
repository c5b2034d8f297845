"use client";

import { useTranslations } from "next-intl";
import type { ProblemFormValues } from "./problem-form-data";
import type { UnitOption } from "./problem-form-fields";

/** The co-operating units: a checkbox per unit, grouped by kind, with the count ticked. */
export function CoUnitsPicker({
  units,
  values,
  setValues,
  error,
  describedBy,
}: {
  units: UnitOption[];
  values: ProblemFormValues;
  setValues: (update: (v: ProblemFormValues) => ProblemFormValues) => void;
  error?: string[];
  describedBy?: string;
}) {
  const t = useTranslations("form");
  const tf = useTranslations("problem.fields");
  const te = useTranslations("enums");
  const unitGroups = units.reduce<{ kind: string; units: UnitOption[] }[]>((groups, u) => {
    const group = groups.find((g) => g.kind === u.kind);
    if (group) group.units.push(u);
    else groups.push({ kind: u.kind, units: [u] });
    return groups;
  }, []);
  return (
    <fieldset className="sm:col-span-2" aria-describedby={describedBy}>
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
                        coUnitIds: e.target.checked ? [...v.coUnitIds, u.value] : v.coUnitIds.filter((id) => id !== u.value),
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
      {error ? (
        <p id="p-coUnitIds-error" className="field-error">
          {error.join("；")}
        </p>
      ) : null}
    </fieldset>
  );
}
