"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { CHECK_VERDICTS, type CheckVerdictName, HAZARD_LEVELS, type HazardLevelName } from "@/lib/domain/bottom-line";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

type Item = { id: string; position: number; title: string; guidance: string };
type Answer = { verdict: CheckVerdictName | null; note: string; level: HazardLevelName; deadline: string; photos: File[] };

const VERDICT_STYLE: Record<CheckVerdictName, string> = {
  PASS: "peer-checked:border-green-700 peer-checked:bg-green-700 peer-checked:text-white",
  FAIL: "peer-checked:border-red-700 peer-checked:bg-red-700 peer-checked:text-white",
  NOT_APPLICABLE: "peer-checked:border-slate-700 peer-checked:bg-slate-700 peer-checked:text-white",
};

/**
 * The on-site check of one target, made for a phone held in one hand: one card per checklist item,
 * three large verdict buttons, a note, and for a FAIL the hazard's level and deadline. Sent once.
 */
export function CheckForm({
  sweepId,
  targetId,
  items,
  defaultDeadline,
  minDeadline,
  submit,
}: {
  sweepId: string;
  targetId: string;
  items: Item[];
  defaultDeadline: string;
  minDeadline: string;
  submit: (sweepId: string, input: unknown) => Promise<ActionResult>;
}) {
  const t = useTranslations("bottomLine.check");
  const verdict = useTranslations("bottomLine.verdict");
  const level = useTranslations("bottomLine.level");
  const router = useRouter();
  const [answers, setAnswers] = useState<Answer[]>(() =>
    items.map(() => ({ verdict: null, note: "", level: "GENERAL", deadline: defaultDeadline, photos: [] })),
  );
  const { pending, result, run } = useAction();
  const [photoError, setPhotoError] = useState<string | null>(null);

  /** After the check is recorded, each chosen photo is sent to its item (the evidence pipeline checks it). */
  async function sendPhotos(): Promise<boolean> {
    const failed: string[] = [];
    for (const [i, item] of items.entries()) {
      for (const photo of answers[i]?.photos ?? []) {
        const form = new FormData();
        form.set("itemId", item.id);
        form.set("file", photo);
        const res = await fetch(`/api/v1/sweeps/${sweepId}/checks/${targetId}/photos`, { method: "POST", body: form });
        if (!res.ok) {
          const body = (await res.json().catch(() => null)) as {
            error?: { message?: string; fields?: Record<string, string[]> };
          } | null;
          failed.push(
            `${photo.name}：${Object.values(body?.error?.fields ?? {}).flat()[0] ?? body?.error?.message ?? res.status}`,
          );
        }
      }
    }
    setPhotoError(failed.length ? t("photoFailed", { list: failed.join("；") }) : null);
    return failed.length === 0;
  }
  const set = (i: number, patch: Partial<Answer>) => setAnswers((a) => a.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const answered = answers.filter((a) => a.verdict).length;

  function send(e: React.FormEvent) {
    e.preventDefault();
    const input = {
      targetId,
      results: items.map((item, i) => {
        const a = answers[i] as Answer;
        return {
          itemId: item.id,
          verdict: a.verdict ?? "",
          note: a.note,
          ...(a.verdict === "FAIL" ? { hazard: { level: a.level, deadline: a.deadline } } : {}),
        };
      }),
    };
    run(
      () => submit(sweepId, input),
      () =>
        void sendPhotos().then((ok) => {
          if (ok) router.push(`/bottom-line/sweeps/${sweepId}`);
        }),
    );
  }

  return (
    <form onSubmit={send} className="space-y-3" noValidate>
      <p className="text-slate-700 text-sm" aria-live="polite">
        {t("answered", { answered, total: items.length })}
      </p>
      {items.map((item, i) => {
        const a = answers[i] as Answer;
        const base = `results.${i}`;
        const err = fieldError(result, `${base}.verdict`) ?? fieldError(result, `${base}.itemId`);
        const hazardErr = fieldError(result, `${base}.hazard`) ?? fieldError(result, `${base}.hazard.deadline`);
        return (
          <fieldset
            key={item.id}
            className="card p-3"
            data-testid="check-item"
            aria-describedby={err ? `${base}-err` : undefined}
          >
            <legend className="sr-only">{item.title}</legend>
            <p className="font-medium" aria-hidden>
              {item.position}. {item.title}
            </p>
            {item.guidance && <p className="mt-0.5 text-slate-600 text-sm">{item.guidance}</p>}
            <div className="mt-2 grid grid-cols-3 gap-2" role="radiogroup" aria-label={t("verdictOf", { item: item.title })}>
              {CHECK_VERDICTS.map((v) => (
                <label key={v} className="relative">
                  <input
                    type="radio"
                    name={`verdict-${item.id}`}
                    value={v}
                    checked={a.verdict === v}
                    onChange={() => set(i, { verdict: v })}
                    className="peer sr-only"
                    data-testid={`verdict-${v}`}
                  />
                  <span
                    className={`flex min-h-12 items-center justify-center rounded-md border-2 border-slate-300 bg-white px-2 text-center font-medium text-sm peer-focus-visible:outline-2 peer-focus-visible:outline-blue-600 ${VERDICT_STYLE[v]}`}
                  >
                    {verdict(v)}
                  </span>
                </label>
              ))}
            </div>
            <FieldError id={`${base}-err`} message={err} />
            {a.verdict === "FAIL" && (
              <div className="mt-2 grid grid-cols-2 gap-2 rounded-md bg-red-50 p-2">
                <div>
                  <label className="field-label" htmlFor={`level-${item.id}`}>
                    {t("level")}
                  </label>
                  <select
                    id={`level-${item.id}`}
                    className="field-input"
                    value={a.level}
                    onChange={(e) => set(i, { level: e.target.value as HazardLevelName })}
                    data-testid="hazard-level"
                  >
                    {HAZARD_LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {level(l)}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label className="field-label" htmlFor={`deadline-${item.id}`}>
                    {t("deadline")}
                  </label>
                  <input
                    id={`deadline-${item.id}`}
                    type="date"
                    className="field-input"
                    min={minDeadline}
                    value={a.deadline}
                    onChange={(e) => set(i, { deadline: e.target.value })}
                    aria-invalid={hazardErr ? true : undefined}
                    data-testid="hazard-deadline"
                  />
                </div>
                <div className="col-span-2">
                  <FieldError id={`${base}-hazard-err`} message={hazardErr} />
                </div>
              </div>
            )}
            <label className="field-label mt-2" htmlFor={`photos-${item.id}`}>
              {t("photos")}
            </label>
            <input
              id={`photos-${item.id}`}
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              className="block w-full text-sm file:mr-3 file:min-h-10 file:rounded-md file:border-0 file:bg-slate-100 file:px-3"
              onChange={(e) => set(i, { photos: Array.from(e.target.files ?? []) })}
              data-testid="check-photos"
            />
            {a.photos.length > 0 && <p className="text-slate-600 text-xs">{t("photosChosen", { count: a.photos.length })}</p>}
            <label className="field-label mt-2" htmlFor={`note-${item.id}`}>
              {t("note")}
            </label>
            <textarea
              id={`note-${item.id}`}
              className="field-input"
              rows={2}
              maxLength={1000}
              value={a.note}
              onChange={(e) => set(i, { note: e.target.value })}
              data-testid="check-note"
            />
          </fieldset>
        );
      })}
      <FormAlert
        result={result}
        inputs={items.flatMap((_, i) => [
          `results.${i}.verdict`,
          `results.${i}.itemId`,
          `results.${i}.hazard`,
          `results.${i}.hazard.deadline`,
        ])}
      />
      {photoError && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900 text-sm">
          {photoError}
        </div>
      )}
      <div className="sticky bottom-0 -mx-3 border-slate-200 border-t bg-white/95 p-3">
        <button type="submit" className="btn-primary w-full" disabled={pending} data-testid="check-submit">
          {pending ? t("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
