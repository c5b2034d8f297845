"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError, FormField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { ENTERPRISE_TAGS } from "@/lib/domain/enums";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

type Template = { id: string; name: string; items: { title: string; guidance: string }[] };
type Row = { key: number; title: string; guidance: string };

export type SweepFormValues = {
  title: string;
  startsOn: string;
  endsOn: string;
  templateId: string;
  targetTags: string[];
  parkIds: string[];
};

const INPUTS = ["title", "startsOn", "endsOn", "templateId", "template", "targetTags", "parkIds"];

/**
 * Opens or edits a hazard sweep: title and window, a checklist (a kept template, or new items with
 * their guidance written here — rows added, removed and moved with buttons, so the keyboard does it
 * all), and targets by register tags (how many enterprises they match is shown as the tags change)
 * and/or parks. Errors come back per field from the same schema the API uses.
 */
export function SweepForm({
  templates,
  parks,
  initial,
  submit,
  countTargets,
}: {
  templates: Template[];
  parks: { id: string; name: string; districtName: string }[];
  initial?: SweepFormValues;
  submit: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  countTargets: (tags: string[]) => Promise<ActionResult<number>>;
}) {
  const t = useTranslations("bottomLineForms.sweep");
  const tags = useTranslations("enforcement.tags");
  const router = useRouter();
  const { pending, result, run } = useAction({ success: t("saved") });
  const err = (k: string) => fieldError(result, k);
  const [mode, setMode] = useState<"kept" | "new">(initial || templates.length ? "kept" : "new");
  const [templateId, setTemplateId] = useState(initial?.templateId ?? templates[0]?.id ?? "");
  const nextKey = useRef(2);
  const [rows, setRows] = useState<Row[]>([{ key: 1, title: "", guidance: "" }]);
  const [chosenTags, setChosenTags] = useState<string[]>(initial?.targetTags ?? []);
  const [parkIds, setParkIds] = useState<string[]>(initial?.parkIds ?? []);
  const [count, setCount] = useState<number | null>(null);
  const rowRefs = useRef(new Map<number, HTMLInputElement>());
  const [focusKey, setFocusKey] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    if (chosenTags.length === 0) {
      setCount(0);
      return;
    }
    setCount(null);
    const timer = setTimeout(async () => {
      const r = await countTargets(chosenTags);
      if (current) setCount(r.ok ? (r.data ?? 0) : null);
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [chosenTags, countTargets]);

  useEffect(() => {
    if (focusKey !== null) rowRefs.current.get(focusKey)?.focus();
  }, [focusKey]);

  const picked = templates.find((x) => x.id === templateId);
  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  function move(i: number, by: -1 | 1) {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    if (!row) return;
    next.splice(i + by, 0, row);
    setRows(next);
    setFocusKey(row.key);
  }
  function addRow() {
    const key = nextKey.current++;
    setRows([...rows, { key, title: "", guidance: "" }]);
    setFocusKey(key);
  }
  function removeRow(i: number) {
    const next = rows.filter((_, j) => j !== i);
    setRows(next);
    setFocusKey((next[i] ?? next[i - 1])?.key ?? null);
  }

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const input = {
          title: f.get("title"),
          startsOn: f.get("startsOn"),
          endsOn: f.get("endsOn"),
          ...(mode === "kept"
            ? { templateId: templateId || undefined }
            : {
                template: {
                  name: f.get("templateName"),
                  description: f.get("templateDescription"),
                  items: rows.map((r) => ({ title: r.title, guidance: r.guidance })),
                },
              }),
          targetTags: chosenTags,
          parkIds,
        };
        run(
          () => submit(input),
          (data) => data && router.push(`/bottom-line/sweeps/${data.id}`),
        );
      }}
    >
      <section className="card space-y-3 p-4">
        <FormField label={t("title")} error={err("title")}>
          {(p) => <input {...p} name="title" className="field-input" maxLength={200} defaultValue={initial?.title} />}
        </FormField>
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label={t("startsOn")} error={err("startsOn")}>
            {(p) => <input {...p} name="startsOn" type="date" className="field-input" defaultValue={initial?.startsOn} />}
          </FormField>
          <FormField label={t("endsOn")} hint={t("endsOnHint")} error={err("endsOn")}>
            {(p) => <input {...p} name="endsOn" type="date" className="field-input" defaultValue={initial?.endsOn} />}
          </FormField>
        </div>
      </section>

      <fieldset className="card space-y-3 p-4">
        <legend className="px-1 font-semibold">{t("checklist")}</legend>
        <div className="flex flex-wrap gap-4" role="radiogroup" aria-label={t("checklist")}>
          <label className="inline-flex min-h-10 items-center gap-2">
            <input
              type="radio"
              name="checklistMode"
              checked={mode === "kept"}
              disabled={templates.length === 0}
              onChange={() => setMode("kept")}
            />
            {t("useKept")}
          </label>
          <label className="inline-flex min-h-10 items-center gap-2">
            <input type="radio" name="checklistMode" checked={mode === "new"} onChange={() => setMode("new")} />
            {t("writeNew")}
          </label>
        </div>
        {mode === "kept" ? (
          <>
            <FormField label={t("template")} error={err("templateId")}>
              {(p) => (
                <select {...p} className="field-input" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
                  {templates.map((x) => (
                    <option key={x.id} value={x.id}>
                      {t("templateOption", { name: x.name, count: x.items.length })}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {picked && (
              <ol className="list-decimal space-y-1 pl-5 text-sm" data-testid="template-preview">
                {picked.items.map((i) => (
                  <li key={i.title}>
                    <span className="font-medium">{i.title}</span>
                    {i.guidance && <span className="text-slate-600"> — {i.guidance}</span>}
                  </li>
                ))}
              </ol>
            )}
          </>
        ) : (
          <>
            <div className="grid gap-3 sm:grid-cols-2">
              <FormField label={t("templateName")} hint={t("templateNameHint")} error={err("template.name")}>
                {(p) => <input {...p} name="templateName" className="field-input" maxLength={100} />}
              </FormField>
              <FormField label={t("templateDescription")} error={err("template.description")}>
                {(p) => <input {...p} name="templateDescription" className="field-input" maxLength={1000} />}
              </FormField>
            </div>
            <ol className="space-y-2" aria-label={t("items")}>
              {rows.map((r, i) => {
                const titleErr = err(`template.items.${i}.title`);
                const guidanceErr = err(`template.items.${i}.guidance`);
                return (
                  <li key={r.key} className="rounded border border-slate-200 p-3" data-testid="checklist-row">
                    <div className="grid gap-2 sm:grid-cols-2">
                      <div>
                        <label className="field-label" htmlFor={`item-title-${r.key}`}>
                          {t("itemTitle", { n: i + 1 })}
                        </label>
                        <input
                          id={`item-title-${r.key}`}
                          ref={(el) => {
                            if (el) rowRefs.current.set(r.key, el);
                            else rowRefs.current.delete(r.key);
                          }}
                          className="field-input"
                          maxLength={200}
                          value={r.title}
                          aria-invalid={titleErr ? true : undefined}
                          aria-describedby={titleErr ? `item-title-${r.key}-err` : undefined}
                          onChange={(e) => setRows(rows.map((x) => (x.key === r.key ? { ...x, title: e.target.value } : x)))}
                        />
                        <FieldError id={`item-title-${r.key}-err`} message={titleErr} />
                      </div>
                      <div>
                        <label className="field-label" htmlFor={`item-guidance-${r.key}`}>
                          {t("itemGuidance", { n: i + 1 })}
                        </label>
                        <input
                          id={`item-guidance-${r.key}`}
                          className="field-input"
                          maxLength={1000}
                          value={r.guidance}
                          aria-invalid={guidanceErr ? true : undefined}
                          onChange={(e) => setRows(rows.map((x) => (x.key === r.key ? { ...x, guidance: e.target.value } : x)))}
                        />
                        <FieldError id={`item-guidance-${r.key}-err`} message={guidanceErr} />
                      </div>
                    </div>
                    <div className="mt-2 flex flex-wrap gap-2">
                      <button
                        type="button"
                        className="btn-secondary"
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                        aria-label={t("moveUp", { n: i + 1 })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="btn-secondary"
                        disabled={i === rows.length - 1}
                        onClick={() => move(i, 1)}
                        aria-label={t("moveDown", { n: i + 1 })}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="btn-secondary"
                        disabled={rows.length === 1}
                        onClick={() => removeRow(i)}
                        aria-label={t("removeItem", { n: i + 1 })}
                      >
                        {t("remove")}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
            <FieldError id="template-items-err" message={err("template.items") ?? err("template")} />
            <button type="button" className="btn-secondary" onClick={addRow} data-testid="add-checklist-row">
              {t("addItem")}
            </button>
          </>
        )}
      </fieldset>

      <fieldset className="card space-y-3 p-4" aria-describedby="targets-hint">
        <legend className="px-1 font-semibold">{t("targets")}</legend>
        <p id="targets-hint" className="text-slate-600 text-sm">
          {t("targetsHint")}
        </p>
        <fieldset>
          <legend className="field-label">{t("byTags")}</legend>
          <div className="flex flex-wrap gap-2">
            {ENTERPRISE_TAGS.map((tag) => (
              <label key={tag} className="inline-flex min-h-10 items-center gap-2 rounded border border-slate-300 px-3">
                <input
                  type="checkbox"
                  checked={chosenTags.includes(tag)}
                  onChange={() => setChosenTags(toggle(chosenTags, tag))}
                  aria-invalid={err("targetTags") ? true : undefined}
                />
                {tags(tag)}
              </label>
            ))}
          </div>
          <p className="mt-1 text-sm" aria-live="polite" data-testid="tag-target-count">
            {chosenTags.length === 0 ? t("noTags") : count === null ? t("counting") : t("tagCount", { count })}
          </p>
          <FieldError id="targetTags-err" message={err("targetTags")} />
        </fieldset>
        <fieldset>
          <legend className="field-label">{t("byParks")}</legend>
          {parks.length === 0 ? (
            <p className="text-slate-600 text-sm">{t("noParks")}</p>
          ) : (
            <div className="grid gap-1 sm:grid-cols-2">
              {parks.map((p) => (
                <label key={p.id} className="inline-flex min-h-10 items-center gap-2">
                  <input type="checkbox" checked={parkIds.includes(p.id)} onChange={() => setParkIds(toggle(parkIds, p.id))} />
                  {p.name} <span className="text-slate-500 text-xs">{p.districtName}</span>
                </label>
              ))}
            </div>
          )}
          <FieldError id="parkIds-err" message={err("parkIds")} />
        </fieldset>
      </fieldset>

      <FormAlert
        result={result}
        inputs={[...INPUTS, ...(result && !result.ok ? Object.keys(result.fields).filter((k) => k.startsWith("template.")) : [])]}
      />
      <button type="submit" className="btn-primary" disabled={pending} data-testid="sweep-submit">
        {initial ? t("save") : t("open")}
      </button>
    </form>
  );
}
