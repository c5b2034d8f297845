"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveSheetAction, submitSheetAction } from "@/app/(app)/bottom-line/self-reviews/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { fieldError } from "@/lib/schemas/action-result";
import type { SheetDto } from "@/lib/schemas/self-review";

type Draft = { rating: string; found: string; willDo: string };

/** A unit answers the eight questions: a rating, what it found, what it will do; save a draft or submit. */
export function SheetForm({ sheet }: { sheet: SheetDto }) {
  const t = useTranslations("selfReview");
  const { pending, result, run } = useAction();
  const [saved, setSaved] = useState<"saved" | "submitted" | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      sheet.answers.map((a) => [a.question, { rating: a.rating?.toString() ?? "", found: a.found, willDo: a.willDo }]),
    ),
  );
  const payload = (version: number) => ({
    version,
    answers: sheet.answers.map((a) => {
      const d = drafts[a.question] as Draft;
      return { question: a.question, rating: d.rating === "" ? null : Number(d.rating), found: d.found, willDo: d.willDo };
    }),
  });
  const set = (q: string, patch: Partial<Draft>) => {
    setSaved(null);
    setDrafts((all) => ({ ...all, [q]: { ...(all[q] as Draft), ...patch } }));
  };
  const inputs = sheet.answers.flatMap((a) => ["rating", "found", "willDo"].map((f) => `answers.${a.question}.${f}`));
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => submitSheetAction(sheet.roundId, sheet.unit.id, payload(sheet.version)),
          () => setSaved("submitted"),
        );
      }}
      data-testid="sheet-form"
    >
      {sheet.status === "RETURNED" && sheet.returnReason ? (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 text-sm"
          data-testid="returned-banner"
        >
          {t("returnedBanner", { reason: sheet.returnReason })}
        </p>
      ) : null}
      <FormAlert result={result} inputs={inputs} pending={pending} />
      <ol className="space-y-4">
        {sheet.answers.map((a, i) => {
          const d = drafts[a.question] as Draft;
          const id = (f: string) => `${a.question}-${f}`;
          const err = (f: string) => fieldError(result, `answers.${a.question}.${f}`);
          return (
            <li
              key={a.question}
              className={`card p-4 ${a.returned ? "border-amber-400 ring-2 ring-amber-300" : ""}`}
              data-testid={`answer-${a.question}`}
            >
              <h3 className="font-semibold text-base">
                {i + 1}. {t(`questions.${a.question}`)}
                {a.returned ? (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-amber-900 text-xs">{t("returnedMark")}</span>
                ) : null}
              </h3>
              <fieldset className="mt-2" aria-describedby={err("rating") ? id("rating-error") : undefined}>
                <legend className="field-label">{t("rating")}</legend>
                <div className="flex flex-wrap gap-2">
                  {[1, 2, 3, 4, 5].map((n) => (
                    <label
                      key={n}
                      className="inline-flex min-h-10 min-w-10 cursor-pointer items-center justify-center gap-1 rounded-md border border-slate-300 px-3 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50"
                    >
                      <input
                        type="radio"
                        name={id("rating")}
                        value={n}
                        checked={d.rating === String(n)}
                        onChange={() => set(a.question, { rating: String(n) })}
                      />
                      {n}
                    </label>
                  ))}
                </div>
                <FieldError id={id("rating-error")} message={err("rating")} />
              </fieldset>
              <label className="field-label mt-3" htmlFor={id("found")}>
                {t("found")}
              </label>
              <textarea
                id={id("found")}
                className="field-input"
                rows={3}
                value={d.found}
                aria-invalid={err("found") ? true : undefined}
                aria-describedby={err("found") ? id("found-error") : undefined}
                onChange={(e) => set(a.question, { found: e.target.value })}
              />
              <FieldError id={id("found-error")} message={err("found")} />
              <label className="field-label mt-3" htmlFor={id("willDo")}>
                {t("willDo")}
              </label>
              <textarea
                id={id("willDo")}
                className="field-input"
                rows={2}
                value={d.willDo}
                aria-invalid={err("willDo") ? true : undefined}
                aria-describedby={err("willDo") ? id("willDo-error") : undefined}
                onChange={(e) => set(a.question, { willDo: e.target.value })}
              />
              <FieldError id={id("willDo-error")} message={err("willDo")} />
            </li>
          );
        })}
      </ol>
      <div className="sticky bottom-0 flex flex-wrap items-center gap-2 border-slate-200 border-t bg-white/95 py-3">
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={() =>
            run(
              () => saveSheetAction(sheet.roundId, sheet.unit.id, payload(sheet.version)),
              () => setSaved("saved"),
            )
          }
        >
          {t("save")}
        </button>
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("submit")}
        </button>
        {saved ? (
          <span role="status" className="text-emerald-800 text-sm">
            {t(saved === "saved" ? "saved" : "submittedOk")}
          </span>
        ) : null}
      </div>
    </form>
  );
}
