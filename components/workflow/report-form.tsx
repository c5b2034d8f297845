"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

export type ReportableMeasure = { id: string; seq: number; description: string; percent: number };

const INPUTS = ["text", "percent", "measureId"] as const;

/**
 * Files a progress report: what was done and the percent reached, for the problem as a whole or
 * for one measure (whose percent then follows the report).
 */
export function ReportForm({
  measures,
  problemProgress,
  create,
}: {
  measures: ReportableMeasure[];
  problemProgress: number;
  create: (input: { text: string; percent: string; measureId: string }) => Promise<ActionResult>;
}) {
  const t = useTranslations("reports");
  const tw = useTranslations("problemWork.reports");
  const feedback = useTranslations("feedback");
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [measureId, setMeasureId] = useState("");
  const [percent, setPercent] = useState(String(problemProgress));
  const { pending, result, run } = useAction({ success: feedback("submitted") });
  const err = (f: string) => fieldError(result, f);
  const described = (f: string, extra?: string) => [err(f) ? `r-${f}-error` : null, extra].filter(Boolean).join(" ") || undefined;

  if (!open) {
    return (
      <button type="button" className="btn-primary mb-3" onClick={() => setOpen(true)}>
        {t("create")}
      </button>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => create({ text, percent, measureId }),
          () => {
            setText("");
            setOpen(false);
          },
        );
      }}
      className="mb-4 space-y-3 rounded-md border border-blue-200 bg-blue-50/40 p-3"
      aria-busy={pending}
      aria-label={t("create")}
      data-testid="report-form"
    >
      <div>
        <label htmlFor="r-text" className="field-label">
          {t("text")}
        </label>
        <textarea
          id="r-text"
          rows={3}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={err("text") ? true : undefined}
          aria-describedby={described("text")}
          className="field-input"
        />
        <FieldError id="r-text-error" message={err("text")} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="r-measureId" className="field-label">
            {t("measure")}
          </label>
          <select
            id="r-measureId"
            value={measureId}
            onChange={(e) => {
              setMeasureId(e.target.value);
              const m = measures.find((x) => x.id === e.target.value);
              setPercent(String(m ? m.percent : problemProgress));
            }}
            aria-invalid={err("measureId") ? true : undefined}
            aria-describedby={described("measureId")}
            className="field-input"
          >
            <option value="">{t("measureNone")}</option>
            {measures.map((m) => (
              <option key={m.id} value={m.id}>
                {m.seq}. {m.description}
              </option>
            ))}
          </select>
          <FieldError id="r-measureId-error" message={err("measureId")} />
        </div>
        <div>
          <label htmlFor="r-percent" className="field-label">
            {t("percent")}
          </label>
          <input
            id="r-percent"
            type="number"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
            aria-invalid={err("percent") ? true : undefined}
            aria-describedby={described("percent", "r-percent-hint")}
            className="field-input"
          />
          <p id="r-percent-hint" className="mt-1 text-slate-600 text-xs">
            {measureId ? tw("percentSetsMeasure") : tw("percentOfProblem")}
          </p>
          <FieldError id="r-percent-error" message={err("percent")} />
        </div>
      </div>
      <FormAlert result={result} inputs={INPUTS} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {tw("submit")}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
          {tw("cancel")}
        </button>
      </div>
    </form>
  );
}
