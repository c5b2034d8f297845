"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { PENALTY_RULE_KEYS, type PenaltyRules } from "@/lib/domain/penalties";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

/** An administrator edits every penalty rule, threshold and amount and saves them as a version in force from a month. */
export function PenaltyRulesForm({
  current,
  defaultMonth,
  save,
}: {
  current: PenaltyRules;
  defaultMonth: string;
  save: (input: { effectiveFrom: string; rules: Record<string, unknown>; reason: string }) => Promise<ActionResult>;
}) {
  const t = useTranslations("penaltyRules");
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(PENALTY_RULE_KEYS.map((k) => [k, String(current[k])])),
  );
  const [effectiveFrom, setEffectiveFrom] = useState(defaultMonth);
  const [reason, setReason] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const feedback = useTranslations("feedback");
  const { pending, result, run } = useAction({ success: feedback("saved") });
  const submit = () => {
    // Numbers as numbers; anything else is sent as typed, so the server names the bad key.
    const rules = Object.fromEntries(
      PENALTY_RULE_KEYS.filter((k) => values[k] !== String(current[k])).map((k) => {
        const text = (values[k] ?? "").trim();
        return [k, text !== "" && Number.isFinite(Number(text)) ? Number(text) : text];
      }),
    );
    const month = effectiveFrom;
    run(
      () => save({ effectiveFrom: month, rules, reason }),
      () => {
        setSaved(t("saved", { month }));
        setReason("");
      },
    );
  };
  const inputs = ["effectiveFrom", "reason", ...PENALTY_RULE_KEYS.map((k) => `rules.${k}`)];
  return (
    <form
      className="space-y-3"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        submit();
      }}
    >
      <p
        role="status"
        aria-live="polite"
        className={saved ? "rounded bg-emerald-50 px-2 py-1 text-emerald-900 text-sm" : "sr-only"}
      >
        {saved ?? ""}
      </p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {PENALTY_RULE_KEYS.map((k) => {
          const id = `rule-${k}`;
          const error = fieldError(result, `rules.${k}`);
          return (
            <div key={k}>
              <label htmlFor={id} className="field-label">
                {t(`keys.${k}`)}
              </label>
              <input
                id={id}
                name={k}
                inputMode="decimal"
                value={values[k] ?? ""}
                onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
                className="field-input tabular-nums"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
              />
              <FieldError id={`${id}-error`} message={error} />
            </div>
          );
        })}
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[12rem_1fr]">
        <div>
          <label htmlFor="rule-effective" className="field-label">
            {t("effectiveFrom")}
          </label>
          <input
            id="rule-effective"
            type="month"
            required
            value={effectiveFrom}
            onChange={(e) => setEffectiveFrom(e.target.value)}
            className="field-input"
            aria-invalid={fieldError(result, "effectiveFrom") ? true : undefined}
            aria-describedby="rule-effective-error"
          />
          <FieldError id="rule-effective-error" message={fieldError(result, "effectiveFrom")} />
        </div>
        <div>
          <label htmlFor="rule-reason" className="field-label">
            {t("reason")}
          </label>
          <textarea
            id="rule-reason"
            rows={2}
            required
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="field-input"
            aria-invalid={fieldError(result, "reason") ? true : undefined}
            aria-describedby="rule-reason-error"
          />
          <FieldError id="rule-reason-error" message={fieldError(result, "reason")} />
        </div>
      </div>
      <FormAlert result={result} inputs={inputs} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
