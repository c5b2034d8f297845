"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { openRoundAction } from "@/app/(app)/bottom-line/self-reviews/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { fieldError } from "@/lib/schemas/action-result";

/** The inspection office opens a round: title, period, due date, units. */
export function RoundForm({ units }: { units: { id: string; name: string }[] }) {
  const t = useTranslations("selfReview");
  const { pending, result, run } = useAction();
  const [form, setForm] = useState({ title: "", period: "", dueOn: "" });
  const [chosen, setChosen] = useState<string[]>([]);
  const text = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  return (
    <form
      className="card space-y-3 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => openRoundAction({ ...form, unitIds: chosen }),
          () => {
            setForm({ title: "", period: "", dueOn: "" });
            setChosen([]);
          },
        );
      }}
    >
      <h2 className="font-semibold text-lg">{t("open")}</h2>
      <FormAlert result={result} inputs={["title", "period", "dueOn", "unitIds"]} pending={pending} />
      <div className="grid gap-3 sm:grid-cols-3">
        {(["title", "period"] as const).map((k) => (
          <div key={k}>
            <label className="field-label" htmlFor={`round-${k}`}>
              {t(k === "title" ? "roundTitle" : "period")}
            </label>
            <input
              id={`round-${k}`}
              className="field-input"
              value={form[k]}
              onChange={text(k)}
              aria-invalid={fieldError(result, k) ? true : undefined}
            />
            <FieldError id={`round-${k}-error`} message={fieldError(result, k)} />
          </div>
        ))}
        <div>
          <label className="field-label" htmlFor="round-dueOn">
            {t("dueOn")}
          </label>
          <input id="round-dueOn" type="date" className="field-input" value={form.dueOn} onChange={text("dueOn")} />
          <FieldError id="round-dueOn-error" message={fieldError(result, "dueOn")} />
        </div>
      </div>
      <fieldset>
        <legend className="field-label">{t("chooseUnits")}</legend>
        <div className="grid max-h-60 gap-1 overflow-y-auto sm:grid-cols-3">
          {units.map((u) => (
            <label key={u.id} className="flex min-h-10 items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={chosen.includes(u.id)}
                onChange={(e) => setChosen((c) => (e.target.checked ? [...c, u.id] : c.filter((x) => x !== u.id)))}
              />
              {u.name}
            </label>
          ))}
        </div>
        <FieldError id="round-units-error" message={fieldError(result, "unitIds")} />
      </fieldset>
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
