"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ActionField, ActionForm } from "./action-form";

export type SettingGroup = { title: string; items: { key: string; label: string; value: number; min: number; max: number }[] };

/** Every validated rule setting, grouped; out-of-range values are refused field by field. */
export function SettingsForm({ groups, action }: { groups: SettingGroup[]; action: (f: FormData) => Promise<ActionResult> }) {
  const t = useTranslations("adminUi");
  return (
    <ActionForm
      action={action}
      submitLabel={t("saveSettings")}
      pendingLabel={t("saving")}
      testId="settings-form"
      done={() => <p className="text-green-800 text-sm">{t("saved")}</p>}
    >
      {groups.map((g) => (
        <fieldset key={g.title} className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 font-medium text-slate-800 text-sm">{g.title}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {g.items.map((s) => (
              <ActionField key={s.key} name={s.key} label={s.label}>
                {(p) => (
                  <input
                    {...p}
                    type="number"
                    inputMode="numeric"
                    min={s.min}
                    max={s.max}
                    step={1}
                    defaultValue={s.value}
                    className="field-input"
                  />
                )}
              </ActionField>
            ))}
          </div>
        </fieldset>
      ))}
    </ActionForm>
  );
}

/** The closure checklist: per category, the evidence kinds required before applying for closure. */
export function ChecklistForm({
  categories,
  kinds,
  checked,
  action,
}: {
  categories: { key: string; label: string }[];
  kinds: { key: string; label: string }[];
  checked: Record<string, string[]>;
  action: (f: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("adminUi");
  return (
    <ActionForm
      action={action}
      submitLabel={t("saveChecklist")}
      pendingLabel={t("saving")}
      testId="checklist-form"
      done={() => <p className="text-green-800 text-sm">{t("saved")}</p>}
    >
      <div className="space-y-2">
        {categories.map((c) => (
          <fieldset key={c.key} className="rounded-md border border-slate-200 p-2">
            <legend className="px-1 font-medium text-slate-800 text-sm">{c.label}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {kinds.map((k) => (
                <label key={k.key} className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" name={`${c.key}:${k.key}`} defaultChecked={checked[c.key]?.includes(k.key)} />
                  {k.label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
    </ActionForm>
  );
}
