"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";
import type { ProblemDto } from "@/lib/schemas/problem";
import { ProgressBar } from "../problems/badges";
import { Badge, type BadgeTone } from "../ui/badge";

export type EditableMeasure = NonNullable<ProblemDto["measures"]>[number];
export type UnitChoice = { value: string; label: string };

const MEASURE_TONES: Record<EditableMeasure["status"], BadgeTone> = {
  NOT_STARTED: "slate",
  IN_PROGRESS: "blue",
  DONE: "emerald",
};
const DETAIL_INPUTS = ["description", "ownerUnitId", "ownerPerson", "milestone", "weight"] as const;

type Actions = {
  add: (input: Record<string, string>) => Promise<ActionResult>;
  update: (measureId: string, input: Record<string, string | number>) => Promise<ActionResult>;
  complete: (measureId: string, version: number) => Promise<ActionResult>;
  reorder: (ids: string[]) => Promise<ActionResult>;
};

type Details = Record<(typeof DETAIL_INPUTS)[number], string>;

const detailsOf = (m?: EditableMeasure): Details => ({
  description: m?.description ?? "",
  ownerUnitId: m?.ownerUnitId ?? "",
  ownerPerson: m?.ownerPerson ?? "",
  milestone: m?.milestone ?? "",
  weight: String(m?.weight ?? 1),
});

/** Description, owner, milestone and weight: the inputs of adding and of editing a measure. */
function DetailFields({
  idPrefix,
  values,
  onChange,
  units,
  result,
}: {
  idPrefix: string;
  values: Details;
  onChange: (v: Details) => void;
  units: UnitChoice[];
  result: ActionResult | null;
}) {
  const t = useTranslations("measures");
  const tw = useTranslations("problemWork.measures");
  const err = (f: string) => fieldError(result, f);
  const input = (name: keyof Details) => ({
    id: `${idPrefix}-${name}`,
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      onChange({ ...values, [name]: e.target.value }),
    "aria-invalid": err(name) ? true : undefined,
    "aria-describedby": err(name) ? `${idPrefix}-${name}-error` : undefined,
    className: "field-input",
  });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <label htmlFor={`${idPrefix}-description`} className="field-label">
          {t("description")}
        </label>
        <textarea rows={2} maxLength={1000} {...input("description")} />
        <FieldError id={`${idPrefix}-description-error`} message={err("description")} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-ownerUnitId`} className="field-label">
          {t("ownerUnit")}
        </label>
        <select {...input("ownerUnitId")}>
          <option value="">{tw("noOwnerUnit")}</option>
          {units.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
        <FieldError id={`${idPrefix}-ownerUnitId-error`} message={err("ownerUnitId")} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-ownerPerson`} className="field-label">
          {t("ownerPerson")}
        </label>
        <input type="text" maxLength={50} autoComplete="off" {...input("ownerPerson")} />
        <FieldError id={`${idPrefix}-ownerPerson-error`} message={err("ownerPerson")} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-milestone`} className="field-label">
          {t("milestone")}
        </label>
        <input type="date" {...input("milestone")} />
        <FieldError id={`${idPrefix}-milestone-error`} message={err("milestone")} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-weight`} className="field-label">
          {t("weight")}
        </label>
        <input type="number" min={1} max={100} step={1} inputMode="numeric" {...input("weight")} />
        <FieldError id={`${idPrefix}-weight-error`} message={err("weight")} />
      </div>
    </div>
  );
}

function MeasureItem({
  measure,
  index,
  count,
  canManage,
  canUpdate,
  units,
  actions,
  onMove,
  moving,
}: {
  measure: EditableMeasure;
  index: number;
  count: number;
  canManage: boolean;
  canUpdate: boolean;
  units: UnitChoice[];
  actions: Actions;
  onMove: (index: number, delta: -1 | 1) => void;
  moving: boolean;
}) {
  const t = useTranslations("measures");
  const tw = useTranslations("problemWork.measures");
  const te = useTranslations("enums.measureStatus");
  const feedback = useTranslations("feedback");
  const [percent, setPercent] = useState(String(measure.percent));
  const [editing, setEditing] = useState(false);
  const [details, setDetails] = useState<Details>(detailsOf(measure));
  const progress = useAction({ success: feedback("saved") });
  const edit = useAction({ success: feedback("saved") });
  const done = measure.status === "DONE";
  const unitName = measure.ownerUnitId
    ? (units.find((u) => u.value === measure.ownerUnitId)?.label ?? measure.ownerUnitName)
    : null;
  const percentError = fieldError(progress.result, "percent");
  const idPrefix = `m-${measure.id}`;

  const savePercent = (version: number) => progress.run(() => actions.update(measure.id, { percent, version }));
  const complete = (version: number) =>
    progress.run(() => actions.complete(measure.id, version), undefined, feedback("completed"));
  const saveDetails = (version: number) => {
    const changed: Record<string, string | number> = { version };
    const before = detailsOf(measure);
    for (const key of DETAIL_INPUTS) if (details[key] !== before[key]) changed[key] = details[key];
    edit.run(
      () => actions.update(measure.id, changed),
      () => setEditing(false),
    );
  };

  return (
    <li className="rounded-md border border-slate-200 p-3" data-testid="measure-item" data-measure-id={measure.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 flex-1 text-sm">
          <span className="mr-1 font-medium text-slate-500 tabular-nums">{measure.seq}.</span>
          <span className="whitespace-pre-wrap text-slate-900">{measure.description}</span>
        </p>
        <span className="flex items-center gap-1">
          <Badge tone={MEASURE_TONES[measure.status]}>{te(measure.status)}</Badge>
          {canManage ? (
            <>
              <button
                type="button"
                className="btn-secondary min-h-9 px-2 py-1"
                disabled={index === 0 || moving}
                onClick={() => onMove(index, -1)}
                aria-label={tw("moveUp", { seq: measure.seq })}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn-secondary min-h-9 px-2 py-1"
                disabled={index === count - 1 || moving}
                onClick={() => onMove(index, 1)}
                aria-label={tw("moveDown", { seq: measure.seq })}
              >
                ↓
              </button>
            </>
          ) : null}
        </span>
      </div>
      <p className="mt-1 text-slate-600 text-xs">
        {unitName ?? tw("noOwnerUnit")}
        {measure.ownerPerson ? ` · ${measure.ownerPerson}` : ""}
        {` · ${measure.milestone ? tw("milestoneOn", { date: measure.milestone }) : tw("noMilestone")}`}
        {measure.weight !== 1 ? ` · ${tw("weightValue", { weight: measure.weight })}` : ""}
      </p>
      <ProgressBar percent={measure.percent} className="mt-2 max-w-md" />

      {canUpdate && !done ? (
        <form
          className="mt-2 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            savePercent(measure.version);
          }}
          aria-busy={progress.pending}
        >
          <div>
            <label htmlFor={`${idPrefix}-percent`} className="field-label text-xs">
              {tw("percentFor", { seq: measure.seq })}
            </label>
            <input
              id={`${idPrefix}-percent`}
              type="number"
              min={0}
              max={100}
              step={1}
              inputMode="numeric"
              value={percent}
              onChange={(e) => setPercent(e.target.value)}
              aria-invalid={percentError ? true : undefined}
              aria-describedby={percentError ? `${idPrefix}-percent-error` : undefined}
              className="field-input w-28"
            />
          </div>
          <button type="submit" className="btn-secondary" disabled={progress.pending}>
            {tw("savePercent")}
          </button>
          <button
            type="button"
            className="btn-secondary"
            disabled={progress.pending}
            onClick={() => complete(measure.version)}
            aria-label={tw("completeLabel", { seq: measure.seq })}
          >
            {t("complete")}
          </button>
          <div className="w-full">
            <FieldError id={`${idPrefix}-percent-error`} message={percentError} />
            <FormAlert
              result={progress.result}
              inputs={["percent"]}
              onRetry={(v) => (Number(percent) >= 100 ? complete(v) : savePercent(v))}
              pending={progress.pending}
            />
          </div>
        </form>
      ) : null}

      {canManage ? (
        editing ? (
          <form
            className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
            onSubmit={(e) => {
              e.preventDefault();
              saveDetails(measure.version);
            }}
            aria-busy={edit.pending}
            aria-label={tw("editLabel", { seq: measure.seq })}
          >
            <DetailFields idPrefix={idPrefix} values={details} onChange={setDetails} units={units} result={edit.result} />
            <FormAlert result={edit.result} inputs={DETAIL_INPUTS} onRetry={saveDetails} pending={edit.pending} />
            <div className="flex flex-wrap gap-2">
              <button type="submit" className="btn-primary" disabled={edit.pending}>
                {tw("saveDetails")}
              </button>
              <button
                type="button"
                className="btn-secondary"
                onClick={() => {
                  setEditing(false);
                  setDetails(detailsOf(measure));
                  edit.reset();
                }}
              >
                {tw("cancel")}
              </button>
            </div>
          </form>
        ) : (
          <button
            type="button"
            className="link mt-2 text-sm"
            onClick={() => {
              setDetails(detailsOf(measure));
              setEditing(true);
            }}
            aria-label={tw("editLabel", { seq: measure.seq })}
          >
            {t("edit")}
          </button>
        )
      ) : null}
    </li>
  );
}

/**
 * The measures of a problem as the person may work on them: record the percent done or complete
 * a measure (its owner, the lead division, the inspection office), and — for the inspection office
 * and the lead division — edit, reorder (up/down) and add measures. Every change goes through the
 * measure use cases; a stale version keeps the input and offers to retry on the latest.
 */
export function MeasuresEditor({
  measures,
  canManage,
  updatable,
  units,
  actions,
}: {
  measures: EditableMeasure[];
  canManage: boolean;
  /** Measures whose percent this person may record. */
  updatable: string[];
  units: UnitChoice[];
  actions: Actions;
}) {
  const t = useTranslations("measures");
  const tw = useTranslations("problemWork.measures");
  const feedback = useTranslations("feedback");
  const reorder = useAction({ success: feedback("reordered") });
  const add = useAction({ success: feedback("saved") });
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<Details>(detailsOf());

  const move = (index: number, delta: -1 | 1) => {
    const ids = measures.map((m) => m.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + delta, 0, moved);
    reorder.run(() => actions.reorder(ids));
  };
  const submitNew = () => {
    const input: Record<string, string> = { description: draft.description, weight: draft.weight };
    if (draft.ownerUnitId) input.ownerUnitId = draft.ownerUnitId;
    if (draft.ownerPerson.trim()) input.ownerPerson = draft.ownerPerson;
    if (draft.milestone) input.milestone = draft.milestone;
    add.run(
      () => actions.add(input),
      () => {
        setDraft(detailsOf());
        setAdding(false);
      },
    );
  };

  return (
    <div>
      {measures.length === 0 ? (
        <p className="text-slate-600 text-sm">{t("empty")}</p>
      ) : (
        <ol className="space-y-2" data-testid="measures-editor">
          {measures.map((m, i) => (
            <MeasureItem
              key={m.id}
              measure={m}
              index={i}
              count={measures.length}
              canManage={canManage}
              canUpdate={updatable.includes(m.id)}
              units={units}
              actions={actions}
              onMove={move}
              moving={reorder.pending}
            />
          ))}
        </ol>
      )}
      <div className="mt-2">
        <FormAlert result={reorder.result} />
      </div>
      {canManage ? (
        adding ? (
          <form
            className="mt-3 space-y-3 rounded-md border border-blue-200 bg-blue-50/40 p-3"
            onSubmit={(e) => {
              e.preventDefault();
              submitNew();
            }}
            aria-busy={add.pending}
            aria-label={t("add")}
            data-testid="measure-add-form"
          >
            <DetailFields idPrefix="m-new" values={draft} onChange={setDraft} units={units} result={add.result} />
            <FormAlert result={add.result} inputs={DETAIL_INPUTS} />
            <div className="flex flex-wrap gap-2">
              <button type="submit" className="btn-primary" disabled={add.pending}>
                {tw("addSubmit")}
              </button>
              <button type="button" className="btn-secondary" onClick={() => setAdding(false)}>
                {tw("cancel")}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="btn-secondary mt-3" onClick={() => setAdding(true)}>
            + {t("add")}
          </button>
        )
      ) : null}
    </div>
  );
}
