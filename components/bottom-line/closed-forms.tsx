"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import type { ClosureStageName } from "@/lib/domain/bottom-line";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

/** Records the next closure stage (its date and note), or skips remediation with a reason. */
export function StageForm({
  enterpriseId,
  next,
  today,
  submit,
}: {
  enterpriseId: string;
  next: ClosureStageName;
  today: string;
  submit: (id: string, input: unknown) => Promise<ActionResult>;
}) {
  const t = useTranslations("bottomLine");
  const [skip, setSkip] = useState(false);
  const { pending, result, run } = useAction();
  const canSkip = next === "REMEDIATED";
  function send(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const input = skip
      ? { stage: next, skipped: true, skipReason: f.get("skipReason"), note: f.get("note") }
      : { stage: next, completedOn: f.get("completedOn"), note: f.get("note") };
    run(() => submit(enterpriseId, input));
  }
  const dateErr = fieldError(result, "completedOn");
  const reasonErr = fieldError(result, "skipReason");
  return (
    <form onSubmit={send} className="space-y-2" noValidate data-testid="stage-form">
      <h3 className="font-medium">{t("closedDetail.recordStage", { stage: t(`stage.${next}`) })}</h3>
      {canSkip && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="h-5 w-5" checked={skip} onChange={(e) => setSkip(e.target.checked)} />
          {t("closedDetail.skip")}
        </label>
      )}
      {skip ? (
        <div>
          <label className="field-label" htmlFor="skipReason">
            {t("closedDetail.skipReason")}
          </label>
          <textarea
            id="skipReason"
            name="skipReason"
            className="field-input"
            rows={2}
            aria-invalid={reasonErr ? true : undefined}
          />
          <FieldError id="skipReason-err" message={reasonErr} />
        </div>
      ) : (
        <div>
          <label className="field-label" htmlFor="completedOn">
            {t("closedDetail.completedOn")}
          </label>
          <input
            id="completedOn"
            name="completedOn"
            type="date"
            max={today}
            defaultValue={today}
            className="field-input"
            aria-invalid={dateErr ? true : undefined}
          />
          <FieldError id="completedOn-err" message={dateErr} />
        </div>
      )}
      <div>
        <label className="field-label" htmlFor="stage-note">
          {t("closedDetail.note")}
        </label>
        <textarea id="stage-note" name="note" className="field-input" rows={2} />
      </div>
      <FormAlert result={result} inputs={["completedOn", "skipReason"]} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("closedDetail.save")}
      </button>
    </form>
  );
}

/** Records a re-check (复查) of the site. */
export function RecheckForm({
  enterpriseId,
  today,
  inspector,
  submit,
}: {
  enterpriseId: string;
  today: string;
  inspector: string;
  submit: (id: string, input: unknown) => Promise<ActionResult>;
}) {
  const t = useTranslations("bottomLine");
  const { pending, result, run } = useAction();
  function send(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    run(
      () =>
        submit(enterpriseId, {
          checkedOn: f.get("checkedOn"),
          inspector: f.get("inspector"),
          findings: f.get("findings"),
          ok: f.get("ok"),
        }),
      () => form.reset(),
    );
  }
  const err = (k: string) => fieldError(result, k);
  return (
    <form onSubmit={send} className="space-y-2" noValidate data-testid="recheck-form">
      <h3 className="font-medium">{t("recheck.heading")}</h3>
      <div className="grid gap-2 sm:grid-cols-2">
        <div>
          <label className="field-label" htmlFor="checkedOn">
            {t("recheck.checkedOn")}
          </label>
          <input
            id="checkedOn"
            name="checkedOn"
            type="date"
            max={today}
            defaultValue={today}
            className="field-input"
            aria-invalid={err("checkedOn") ? true : undefined}
          />
          <FieldError id="checkedOn-err" message={err("checkedOn")} />
        </div>
        <div>
          <label className="field-label" htmlFor="inspector">
            {t("recheck.inspector")}
          </label>
          <input
            id="inspector"
            name="inspector"
            defaultValue={inspector}
            maxLength={50}
            className="field-input"
            aria-invalid={err("inspector") ? true : undefined}
          />
          <FieldError id="inspector-err" message={err("inspector")} />
        </div>
      </div>
      <div>
        <label className="field-label" htmlFor="findings">
          {t("recheck.findings")}
        </label>
        <textarea
          id="findings"
          name="findings"
          className="field-input"
          rows={3}
          aria-invalid={err("findings") ? true : undefined}
        />
        <FieldError id="findings-err" message={err("findings")} />
      </div>
      <fieldset className="flex gap-4 text-sm">
        <legend className="field-label">{t("recheck.result")}</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="ok" value="true" defaultChecked className="h-5 w-5" /> {t("recheck.ok")}
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="ok" value="false" className="h-5 w-5" /> {t("recheck.notOk")}
        </label>
      </fieldset>
      <FormAlert result={result} inputs={["checkedOn", "inspector", "findings"]} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("recheck.save")}
      </button>
    </form>
  );
}
