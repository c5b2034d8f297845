"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { SOURCE_CONTROL_ITEMS, SOURCE_CONTROL_VERDICTS } from "@/lib/domain/source-control";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

type Answer = { item: string; verdict: string; note: string };

/** The eight-item checklist: one radio group per item (arrow keys move within it) and a note. */
export function ChecklistForm({
  projectId,
  version,
  initial,
  readOnly,
  action,
}: {
  projectId: string;
  version: number;
  initial: { item: string; verdict: string | null; note: string }[];
  readOnly: boolean;
  action: (id: string, input: { items: Answer[]; version: number }) => Promise<ActionResult>;
}) {
  const t = useTranslations("offsiteProjects");
  const ti = useTranslations("offsiteEnums.item");
  const tv = useTranslations("offsiteEnums.verdict");
  const save = useAction();
  const [saved, setSaved] = useState(false);
  const [answers, setAnswers] = useState<Record<string, { verdict: string; note: string }>>(
    Object.fromEntries(initial.map((a) => [a.item, { verdict: a.verdict ?? "", note: a.note }])),
  );
  const set = (item: string, patch: Partial<{ verdict: string; note: string }>) => {
    setSaved(false);
    setAnswers((a) => ({ ...a, [item]: { verdict: "", note: "", ...a[item], ...patch } }));
  };
  const submit = (v: number) =>
    save.run(
      () =>
        action(projectId, {
          version: v,
          items: SOURCE_CONTROL_ITEMS.filter((i) => answers[i]?.verdict).map((item) => ({
            item,
            verdict: answers[item]?.verdict ?? "",
            note: answers[item]?.note ?? "",
          })),
        }),
      () => setSaved(true),
    );
  const inputs = SOURCE_CONTROL_ITEMS.flatMap((i) => [`items.${i}`, `items.${i}.note`]);
  return (
    <form
      className="space-y-3"
      aria-busy={save.pending}
      onSubmit={(e) => {
        e.preventDefault();
        submit(version);
      }}
    >
      <p className="text-slate-600 text-sm">{readOnly ? t("readOnly") : t("checklistHelp")}</p>
      <ol className="divide-y divide-slate-100">
        {SOURCE_CONTROL_ITEMS.map((item, n) => {
          const a = answers[item] ?? { verdict: "", note: "" };
          const itemError = fieldError(save.result, `items.${item}`);
          const noteError = fieldError(save.result, `items.${item}.note`);
          return (
            <li key={item} className="grid gap-2 py-2 sm:grid-cols-[14rem_1fr_1fr] sm:items-center" data-testid={`check-${item}`}>
              <fieldset className="contents" disabled={readOnly} aria-describedby={`err-${item}`}>
                <legend className="font-medium text-sm">
                  {n + 1}. {ti(item)}
                </legend>
                <div className="flex flex-wrap gap-3">
                  {SOURCE_CONTROL_VERDICTS.map((v) => (
                    <label key={v} className="flex min-h-8 items-center gap-1.5 text-sm">
                      <input
                        type="radio"
                        name={`verdict-${item}`}
                        value={v}
                        checked={a.verdict === v}
                        onChange={() => set(item, { verdict: v })}
                      />
                      {tv(v)}
                    </label>
                  ))}
                </div>
                <div>
                  <label htmlFor={`note-${item}`} className="sr-only">
                    {ti(item)} · {t("note")}
                  </label>
                  <input
                    id={`note-${item}`}
                    className="field-input"
                    maxLength={500}
                    placeholder={t("note")}
                    value={a.note}
                    onChange={(e) => set(item, { note: e.target.value })}
                    aria-invalid={!!noteError}
                    aria-describedby={`err-${item}`}
                  />
                </div>
                <div id={`err-${item}`} className="sm:col-span-3">
                  <FieldError id={`err-${item}-v`} message={itemError} />
                  <FieldError id={`err-${item}-n`} message={noteError} />
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <FormAlert result={save.result} inputs={inputs} onRetry={submit} pending={save.pending} />
      {!readOnly && (
        <div className="flex items-center gap-3">
          <button type="submit" className="btn-primary" disabled={save.pending}>
            {t("saveChecklist")}
          </button>
          {saved && (
            <span role="status" className="text-emerald-700 text-sm">
              {t("saved")}
            </span>
          )}
        </div>
      )}
    </form>
  );
}

/** Pass or refuse; a refusal needs a comment; a pass with NOT_MET items comes back naming them. */
export function ReviewForm({
  projectId,
  version,
  action,
}: {
  projectId: string;
  version: number;
  action: (id: string, input: { pass: boolean; comment: string; version: number }) => Promise<ActionResult>;
}) {
  const t = useTranslations("offsiteProjects");
  const review = useAction();
  const [pass, setPass] = useState<"" | "pass" | "refuse">("");
  const [comment, setComment] = useState("");
  const commentError = fieldError(review.result, "comment");
  const submit = (v: number) => review.run(() => action(projectId, { pass: pass === "pass", comment, version: v }));
  return (
    <form
      className="space-y-3"
      aria-busy={review.pending}
      onSubmit={(e) => {
        e.preventDefault();
        submit(version);
      }}
    >
      <fieldset>
        <legend className="field-label">{t("review")}</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex min-h-8 items-center gap-1.5 text-sm">
            <input type="radio" name="decision" value="pass" checked={pass === "pass"} onChange={() => setPass("pass")} />
            {t("reviewPass")}
          </label>
          <label className="flex min-h-8 items-center gap-1.5 text-sm">
            <input type="radio" name="decision" value="refuse" checked={pass === "refuse"} onChange={() => setPass("refuse")} />
            {t("reviewRefuse")}
          </label>
        </div>
      </fieldset>
      <div>
        <label htmlFor="review-comment" className="field-label">
          {t("reviewComment")}
        </label>
        <textarea
          id="review-comment"
          rows={3}
          maxLength={1000}
          className="field-input"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={!!commentError}
          aria-describedby="review-comment-help review-comment-error"
        />
        <p id="review-comment-help" className="mt-1 text-slate-600 text-xs">
          {t("reviewCommentHelp")}
        </p>
        <FieldError id="review-comment-error" message={commentError} />
      </div>
      <FormAlert result={review.result} inputs={["comment"]} onRetry={submit} pending={review.pending} />
      <button type="submit" className={pass === "refuse" ? "btn-danger" : "btn-primary"} disabled={review.pending || !pass}>
        {pass === "refuse" ? t("reviewRefuse") : t("reviewPass")}
      </button>
    </form>
  );
}

/** Submits a new project (name, developer from the register or a district, EIA document, stage). */
export function NewProjectForm({
  enterprises,
  districts,
  defaultDistrictId,
  action,
}: {
  enterprises: { id: string; name: string; districtName: string }[];
  districts: { id: string; name: string }[];
  defaultDistrictId: string;
  action: (input: Record<string, string>) => Promise<ActionResult>;
}) {
  const t = useTranslations("offsiteProjects");
  const tf = useTranslations("offsiteEnums.reportForm");
  const create = useAction();
  const [values, setValues] = useState({
    name: "",
    enterpriseId: "",
    districtId: defaultDistrictId,
    reportForm: "REPORT_TABLE",
    stage: "",
  });
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const err = (k: string) => fieldError(create.result, k);
  const field = (k: keyof typeof values, label: string, control: React.ReactNode, help?: string) => (
    <div>
      <label htmlFor={`project-${k}`} className="field-label">
        {label}
      </label>
      {control}
      {help && (
        <p id={`project-${k}-help`} className="mt-1 text-slate-600 text-xs">
          {help}
        </p>
      )}
      <FieldError id={`project-${k}-error`} message={err(k)} />
    </div>
  );
  const aria = (k: string) => ({ "aria-invalid": !!err(k), "aria-describedby": `project-${k}-help project-${k}-error` });
  return (
    <form
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      aria-busy={create.pending}
      onSubmit={(e) => {
        e.preventDefault();
        create.run(() => action(values));
      }}
    >
      {field(
        "name",
        t("name"),
        <input
          id="project-name"
          className="field-input"
          maxLength={200}
          value={values.name}
          onChange={set("name")}
          {...aria("name")}
        />,
      )}
      {field(
        "enterpriseId",
        t("enterprise"),
        <select
          id="project-enterpriseId"
          className="field-input"
          value={values.enterpriseId}
          onChange={set("enterpriseId")}
          {...aria("enterpriseId")}
        >
          <option value="">{t("noEnterprise")}</option>
          {enterprises.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}（{e.districtName}）
            </option>
          ))}
        </select>,
      )}
      {!values.enterpriseId &&
        field(
          "districtId",
          t("district"),
          <select
            id="project-districtId"
            className="field-input"
            value={values.districtId}
            onChange={set("districtId")}
            {...aria("districtId")}
          >
            <option value="" />
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>,
        )}
      {field(
        "reportForm",
        t("reportForm"),
        <select
          id="project-reportForm"
          className="field-input"
          value={values.reportForm}
          onChange={set("reportForm")}
          {...aria("reportForm")}
        >
          {(["REPORT_BOOK", "REPORT_TABLE"] as const).map((f) => (
            <option key={f} value={f}>
              {tf(f)}
            </option>
          ))}
        </select>,
      )}
      {field(
        "stage",
        t("stage"),
        <input
          id="project-stage"
          className="field-input"
          maxLength={60}
          value={values.stage}
          onChange={set("stage")}
          {...aria("stage")}
        />,
        t("stageHelp"),
      )}
      <FormAlert result={create.result} inputs={["name", "enterpriseId", "districtId", "reportForm", "stage"]} />
      <button type="submit" className="btn-primary" disabled={create.pending}>
        {t("submit")}
      </button>
    </form>
  );
}
