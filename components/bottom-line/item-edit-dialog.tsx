"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { PREVENTION_ITEM_KINDS } from "@/lib/domain/bottom-line";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";
import { LevelOptions } from "./park-forms";

type Item = {
  id: string;
  level: string;
  kind: string;
  name: string;
  targetQty: number;
  doneQty: number;
  startOn: string;
  deadline: string;
  version: number;
};

const INPUTS = ["level", "kind", "name", "targetQty", "doneQty", "startOn", "deadline"];

/**
 * Edits a whole construction-plan item in a dialog (level, kind, name, target and done quantity,
 * start, deadline) with the version seen; if someone changed it meanwhile, the form keeps the input
 * and offers to save it over the latest version.
 */
export function ItemEditDialog({
  parkId,
  item,
  submit,
}: {
  parkId: string;
  item: Item;
  submit: (parkId: string, itemId: string, input: unknown) => Promise<ActionResult>;
}) {
  const t = useTranslations("bottomLineForms.item");
  const bl = useTranslations("bottomLine");
  const [open, setOpen] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { pending, result, run, reset } = useAction({ success: t("saved") });
  const err = (k: string) => fieldError(result, k);
  function send(version: number) {
    if (!form.current) return;
    const input = { ...Object.fromEntries(new FormData(form.current)), version };
    run(
      () => submit(parkId, item.id, input),
      () => setOpen(false),
    );
  }
  return (
    <>
      <button
        type="button"
        className="btn-secondary"
        onClick={() => {
          reset();
          setOpen(true);
        }}
        aria-label={t("editOf", { name: item.name })}
        data-testid="item-edit"
      >
        {t("edit")}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("title", { name: item.name })} testId="item-edit-dialog">
        <form
          ref={form}
          noValidate
          className="grid gap-2 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            send(item.version);
          }}
        >
          <FormField label={bl("parkDetail.level")} error={err("level")}>
            {(p) => (
              <select {...p} name="level" className="field-input" defaultValue={item.level}>
                <LevelOptions />
              </select>
            )}
          </FormField>
          <FormField label={bl("parkDetail.kind")} error={err("kind")}>
            {(p) => (
              <select {...p} name="kind" className="field-input" defaultValue={item.kind}>
                {PREVENTION_ITEM_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {bl(`itemKind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={bl("parkDetail.name")} error={err("name")} className="sm:col-span-2">
            {(p) => <input {...p} name="name" className="field-input" maxLength={200} defaultValue={item.name} />}
          </FormField>
          <FormField label={t("targetQty")} hint={t("unitHint")} error={err("targetQty")}>
            {(p) => <input {...p} name="targetQty" inputMode="numeric" className="field-input" defaultValue={item.targetQty} />}
          </FormField>
          <FormField label={t("doneQty")} error={err("doneQty")}>
            {(p) => <input {...p} name="doneQty" inputMode="numeric" className="field-input" defaultValue={item.doneQty} />}
          </FormField>
          <FormField label={bl("parkDetail.startOn")} error={err("startOn")}>
            {(p) => <input {...p} name="startOn" type="date" className="field-input" defaultValue={item.startOn} />}
          </FormField>
          <FormField label={bl("parkDetail.deadline")} error={err("deadline")}>
            {(p) => <input {...p} name="deadline" type="date" className="field-input" defaultValue={item.deadline} />}
          </FormField>
          <div className="sm:col-span-2">
            <FormAlert result={result} inputs={INPUTS} onRetry={send} pending={pending} />
            <div className="mt-2 flex gap-2">
              <button type="submit" className="btn-primary" disabled={pending}>
                {t("save")}
              </button>
              <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
                {t("cancel")}
              </button>
            </div>
          </div>
        </form>
      </Dialog>
    </>
  );
}
