"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError, FormField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { ASSESSMENT_RESULTS, PREVENTION_ITEM_KINDS, PREVENTION_LEVELS } from "@/lib/domain/bottom-line";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

type Submit = (parkId: string, input: unknown) => Promise<ActionResult>;

/** The form's submit: its fields as an object to the park's action, the form cleared once saved. */
function onParkSubmit(run: ReturnType<typeof useAction>["run"], submit: Submit, parkId: string) {
  return (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    run(
      () => submit(parkId, Object.fromEntries(new FormData(form))),
      () => form.reset(),
    );
  };
}

/** The three prevention levels as the options of a select. */
export function LevelOptions() {
  const t = useTranslations("bottomLine");
  return PREVENTION_LEVELS.map((l) => (
    <option key={l} value={l}>
      {t(`preventionLevel.${l}`)}
    </option>
  ));
}

/** Reports the quantity built of one plan item (version-checked). */
export function ProgressForm({
  parkId,
  item,
  submit,
}: {
  parkId: string;
  item: { id: string; name: string; doneQty: number; targetQty: number; version: number };
  submit: (parkId: string, itemId: string, input: unknown) => Promise<ActionResult>;
}) {
  const t = useTranslations("bottomLine.parkDetail");
  const { pending, result, run } = useAction();
  const id = `done-${item.id}`;
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run(() => submit(parkId, item.id, { doneQty: f.get("doneQty"), version: item.version }));
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t("doneOf", { name: item.name })}
      </label>
      <input
        id={id}
        name="doneQty"
        inputMode="numeric"
        defaultValue={item.doneQty}
        className="field-input w-28"
        aria-invalid={fieldError(result, "doneQty") ? true : undefined}
      />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("update")}
      </button>
      <div className="w-full">
        <FieldError id={`${id}-err`} message={fieldError(result, "doneQty")} />
        <FormAlert result={result} inputs={["doneQty"]} />
      </div>
    </form>
  );
}

/** Adds an item to the construction plan. */
export function ItemForm({ parkId, today, submit }: { parkId: string; today: string; submit: Submit }) {
  const t = useTranslations("bottomLine");
  const { pending, result, run } = useAction();
  const err = (k: string) => fieldError(result, k);
  return (
    <form className="grid gap-2 sm:grid-cols-3" noValidate onSubmit={onParkSubmit(run, submit, parkId)}>
      <FormField id="item-level" label={t("parkDetail.level")} error={err("level")}>
        {(input) => (
          <select {...input} name="level" className="field-input">
            <LevelOptions />
          </select>
        )}
      </FormField>
      <FormField id="item-kind" label={t("parkDetail.kind")} error={err("kind")}>
        {(input) => (
          <select {...input} name="kind" className="field-input">
            {PREVENTION_ITEM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`itemKind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="item-name" label={t("parkDetail.name")} error={err("name")}>
        {(input) => <input {...input} name="name" className="field-input" maxLength={200} />}
      </FormField>
      <FormField id="item-target" label={t("parkDetail.target")} error={err("targetQty")}>
        {(input) => <input {...input} name="targetQty" inputMode="numeric" className="field-input" />}
      </FormField>
      <FormField id="item-start" label={t("parkDetail.startOn")} error={err("startOn")}>
        {(input) => <input {...input} name="startOn" type="date" defaultValue={today} className="field-input" />}
      </FormField>
      <FormField id="item-deadline" label={t("parkDetail.deadline")} error={err("deadline")}>
        {(input) => <input {...input} name="deadline" type="date" className="field-input" />}
      </FormField>
      <div className="sm:col-span-3">
        <FormAlert result={result} inputs={["level", "kind", "name", "targetQty", "startOn", "deadline"]} />
        <button type="submit" className="btn-primary mt-1" disabled={pending}>
          {t("parkDetail.addItem")}
        </button>
      </div>
    </form>
  );
}

/** Records an assessment of the park's three-level prevention. */
export function AssessmentForm({ parkId, today, submit }: { parkId: string; today: string; submit: Submit }) {
  const t = useTranslations("bottomLine");
  const { pending, result, run } = useAction();
  const err = (k: string) => fieldError(result, k);
  return (
    <form className="grid gap-2 sm:grid-cols-2" noValidate onSubmit={onParkSubmit(run, submit, parkId)}>
      <FormField id="assessedOn" label={t("parkDetail.assessedOn")} error={err("assessedOn")}>
        {(input) => <input {...input} name="assessedOn" type="date" max={today} defaultValue={today} className="field-input" />}
      </FormField>
      <FormField id="assessment-result" label={t("parkDetail.result")} error={err("result")}>
        {(input) => (
          <select {...input} name="result" className="field-input">
            {ASSESSMENT_RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`assessment.${r}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="sm:col-span-2">
        <FormField id="assessment-findings" label={t("parkDetail.findings")} error={err("findings")}>
          {(input) => <textarea {...input} name="findings" rows={3} className="field-input" />}
        </FormField>
        <FormAlert result={result} inputs={["assessedOn", "result", "findings"]} />
        <button type="submit" className="btn-primary mt-1" disabled={pending}>
          {t("parkDetail.saveAssessment")}
        </button>
      </div>
    </form>
  );
}

/** Records a drill held, counted towards a DRILL item of the plan when one is chosen. */
export function DrillForm({
  parkId,
  today,
  drillItems,
  submit,
}: {
  parkId: string;
  today: string;
  drillItems: { id: string; name: string }[];
  submit: Submit;
}) {
  const t = useTranslations("bottomLine");
  const { pending, result, run } = useAction();
  const err = (k: string) => fieldError(result, k);
  return (
    <form className="grid gap-2 sm:grid-cols-2" noValidate onSubmit={onParkSubmit(run, submit, parkId)}>
      <FormField id="drill-level" label={t("parkDetail.level")} error={err("level")}>
        {(input) => (
          <select {...input} name="level" className="field-input">
            <LevelOptions />
          </select>
        )}
      </FormField>
      <FormField id="heldOn" label={t("parkDetail.heldOn")} error={err("heldOn")}>
        {(input) => <input {...input} name="heldOn" type="date" max={today} defaultValue={today} className="field-input" />}
      </FormField>
      <FormField id="scenario" label={t("parkDetail.scenario")} error={err("scenario")}>
        {(input) => <input {...input} name="scenario" className="field-input" maxLength={500} />}
      </FormField>
      <FormField id="participants" label={t("parkDetail.participants")} error={err("participants")}>
        {(input) => <input {...input} name="participants" inputMode="numeric" className="field-input" />}
      </FormField>
      <FormField id="drill-item" label={t("parkDetail.countsTowards")} error={err("itemId")}>
        {(input) => (
          <select {...input} name="itemId" className="field-input">
            <option value="">{t("parkDetail.noItem")}</option>
            {drillItems.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="sm:col-span-2">
        <FormAlert result={result} inputs={["level", "heldOn", "scenario", "participants", "itemId"]} />
        <button type="submit" className="btn-primary mt-1" disabled={pending}>
          {t("parkDetail.saveDrill")}
        </button>
      </div>
    </form>
  );
}
