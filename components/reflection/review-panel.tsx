"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { commentSheetAction, raiseProblemAction, returnSheetAction } from "@/app/(app)/bottom-line/self-reviews/actions";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { fieldError } from "@/lib/schemas/action-result";
import type { SheetDto } from "@/lib/schemas/self-review";

/** A leader's comment and the return of chosen answers with a reason. */
export function ReviewPanel({ sheet }: { sheet: SheetDto }) {
  const t = useTranslations("selfReview");
  const comment = useAction();
  const back = useAction();
  const [text, setText] = useState(sheet.leaderComment ?? "");
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  return (
    <section className="card space-y-3 p-4" aria-labelledby="review-title">
      <h2 id="review-title" className="font-semibold text-lg">
        {t("leaderComment")}
      </h2>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          comment.run(() => commentSheetAction(sheet.roundId, sheet.unit.id, { version: sheet.version, comment: text }));
        }}
      >
        <FormAlert result={comment.result} inputs={["comment"]} pending={comment.pending} />
        <label className="field-label" htmlFor="leader-comment">
          {t("comment")}
        </label>
        <textarea id="leader-comment" className="field-input" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        <FieldError id="leader-comment-error" message={fieldError(comment.result, "comment")} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-secondary" disabled={comment.pending}>
            {t("sendComment")}
          </button>
          <button type="button" className="btn-danger" onClick={() => setOpen(true)}>
            {t("returnTitle")}
          </button>
        </div>
      </form>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("returnTitle")} testId="return-dialog">
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            back.run(
              () => returnSheetAction(sheet.roundId, sheet.unit.id, { version: sheet.version, questions: chosen, reason }),
              () => setOpen(false),
            );
          }}
        >
          <FormAlert result={back.result} inputs={["questions", "reason"]} pending={back.pending} />
          <fieldset>
            <legend className="field-label">{t("returnQuestions")}</legend>
            <div className="grid gap-1 sm:grid-cols-2">
              {sheet.answers.map((a) => (
                <label key={a.question} className="flex min-h-10 items-center gap-2">
                  <input
                    type="checkbox"
                    checked={chosen.includes(a.question)}
                    onChange={(e) =>
                      setChosen((c) => (e.target.checked ? [...c, a.question] : c.filter((q) => q !== a.question)))
                    }
                  />
                  {t(`questions.${a.question}`)}
                </label>
              ))}
            </div>
            <FieldError id="return-questions-error" message={fieldError(back.result, "questions")} />
          </fieldset>
          <label className="field-label" htmlFor="return-reason">
            {t("returnReason")}
          </label>
          <textarea
            id="return-reason"
            className="field-input"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <FieldError id="return-reason-error" message={fieldError(back.result, "reason")} />
          <div className="flex gap-2">
            <button type="submit" className="btn-danger" disabled={back.pending}>
              {t("doReturn")}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              ✕
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}

const CATEGORIES = ["WATER", "AIR", "SOIL", "SOLID_WASTE", "NOISE", "ECOLOGY", "RISK"] as const;
const BANDS = ["IMMEDIATE", "SHORT", "MID", "LONG", "ONGOING"] as const;

/** One click (and a short form) to turn an answer's finding into a SELF_CHECK ledger problem. */
export function RaiseProblemButton({
  sheet,
  question,
  districts,
  needsDistrict,
}: {
  sheet: SheetDto;
  question: string;
  districts: { code: string; name: string }[];
  needsDistrict: boolean;
}) {
  const t = useTranslations("selfReview");
  const te = useTranslations("enums");
  const { pending, result, run } = useAction();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ category: "RISK", deadlineBand: "SHORT", deadline: "", districtCode: "" });
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [k]: e.target.value });
  return (
    <>
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)} data-testid={`raise-${question}`}>
        {t("raise")}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("raiseTitle")}>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            run(
              () => raiseProblemAction(sheet.roundId, sheet.unit.id, { question, ...form }),
              () => setOpen(false),
            );
          }}
        >
          <FormAlert result={result} inputs={["category", "deadlineBand", "deadline", "districtCode"]} pending={pending} />
          <label className="field-label" htmlFor={`cat-${question}`}>
            {t("category")}
          </label>
          <select id={`cat-${question}`} className="field-input" value={form.category} onChange={set("category")}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {te(`category.${c}`)}
              </option>
            ))}
          </select>
          <label className="field-label" htmlFor={`band-${question}`}>
            {t("band")}
          </label>
          <select id={`band-${question}`} className="field-input" value={form.deadlineBand} onChange={set("deadlineBand")}>
            {BANDS.map((b) => (
              <option key={b} value={b}>
                {te(`band.${b}`)}
              </option>
            ))}
          </select>
          <label className="field-label" htmlFor={`deadline-${question}`}>
            {t("deadline")}
          </label>
          <input
            id={`deadline-${question}`}
            type="date"
            className="field-input"
            value={form.deadline}
            onChange={set("deadline")}
          />
          <FieldError id={`deadline-${question}-error`} message={fieldError(result, "deadline")} />
          {needsDistrict ? (
            <>
              <label className="field-label" htmlFor={`district-${question}`}>
                {t("district")}
              </label>
              <select
                id={`district-${question}`}
                className="field-input"
                value={form.districtCode}
                onChange={set("districtCode")}
              >
                <option value="" />
                {districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
              <FieldError id={`district-${question}-error`} message={fieldError(result, "districtCode")} />
            </>
          ) : null}
          <button type="submit" className="btn-primary" disabled={pending}>
            {t("raise")}
          </button>
        </form>
      </Dialog>
    </>
  );
}
