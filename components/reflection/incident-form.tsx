"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { findProblemsAction, recordIncidentAction, updateIncidentAction } from "@/app/(app)/bottom-line/incidents/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { INCIDENT_LEVELS, INCIDENT_TYPES } from "@/lib/domain/incidents";
import { fieldError } from "@/lib/schemas/action-result";
import type { LinkableProblem } from "@/lib/schemas/incident-edit";
import type { IncidentDto } from "@/lib/schemas/self-review";

type Enterprise = { id: string; name: string; districtCode: string };

/** Linked problems: chosen from a search of the problems the person may see, shown as removable chips. */
function ProblemPicker({
  value,
  onChange,
  hidden,
  error,
}: {
  value: LinkableProblem[];
  onChange: (v: LinkableProblem[]) => void;
  hidden: number;
  error?: string;
}) {
  const t = useTranslations("incidentEdit");
  const id = useId();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<LinkableProblem[] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (q.trim().length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = setTimeout(async () => {
      setBusy(true);
      const r = await findProblemsAction(q);
      if (!live) return;
      setBusy(false);
      setFound(r.ok ? (r.data ?? []) : []);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  const chosen = new Set(value.map((p) => p.id));
  return (
    <fieldset className="space-y-2">
      <legend className="field-label">{t("linked")}</legend>
      {value.length ? (
        <ul className="flex flex-wrap gap-2" data-testid="linked-problems">
          {value.map((p) => (
            <li key={p.id} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-1 text-sm">
              <span className="font-mono">{p.code}</span> {p.title}
              <button
                type="button"
                className="ml-1 text-red-700"
                aria-label={t("remove", { code: p.code })}
                onClick={() => onChange(value.filter((x) => x.id !== p.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-600 text-sm">{t("noneLinked")}</p>
      )}
      {hidden ? <p className="text-slate-600 text-xs">{t("hiddenLinked", { n: hidden })}</p> : null}
      <label className="sr-only" htmlFor={`${id}-q`}>
        {t("problemSearch")}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        className="field-input"
        placeholder={t("problemSearch")}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        onKeyDown={(e) => {
          // Enter picks the first match instead of submitting the whole form.
          if (e.key !== "Enter") return;
          e.preventDefault();
          const first = found?.find((p) => !chosen.has(p.id));
          if (first) {
            onChange([...value, first]);
            setQ("");
          }
        }}
      />
      <p id={`${id}-hint`} className="text-slate-600 text-xs">
        {t("problemSearchHint")}
      </p>
      <FieldError id={`${id}-error`} message={error} />
      <div aria-live="polite">
        {busy ? <p className="text-slate-600 text-sm">{t("searching")}</p> : null}
        {!busy && found && found.length === 0 ? <p className="text-slate-600 text-sm">{t("noMatch")}</p> : null}
        {!busy && found?.length ? (
          <ul className="divide-y divide-slate-100 rounded border border-slate-200" data-testid="problem-matches">
            {found.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2 px-2 py-1 text-sm">
                <span>
                  <span className="font-mono">{p.code}</span> {p.title}
                </span>
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={chosen.has(p.id)}
                  onClick={() => {
                    onChange([...value, p]);
                    setQ("");
                  }}
                >
                  {t("add")}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </fieldset>
  );
}

/**
 * Records an incident, or edits one (`incident` given): date, name, district, enterprise (the
 * district's, filterable by name), type, level, cause, response, linked problems.
 */
export function IncidentForm({
  districts,
  enterprises,
  today,
  incident,
  onDone,
}: {
  districts: { code: string; name: string }[];
  enterprises: Enterprise[];
  today: string;
  incident?: IncidentDto;
  onDone?: () => void;
}) {
  const t = useTranslations("incidents");
  const te = useTranslations("incidentEdit");
  const { pending, result, run } = useAction({ success: incident ? te("saved") : te("recorded") });
  const prefix = incident ? `incident-${incident.id.slice(0, 8)}` : "incident";
  const blank = {
    occurredOn: incident?.occurredOn ?? today,
    title: incident?.title ?? "",
    districtCode: incident?.district.code ?? districts[0]?.code ?? "",
    enterpriseId: incident?.enterprise?.id ?? "",
    type: incident?.type ?? "WATER",
    level: incident?.level ?? "GENERAL",
    cause: incident?.cause ?? "",
    response: incident?.response ?? "",
  };
  const [f, setF] = useState(blank);
  const [problems, setProblems] = useState<LinkableProblem[]>(incident?.problems ?? []);
  const [filter, setFilter] = useState("");
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setF({ ...f, [k]: e.target.value, ...(k === "districtCode" ? { enterpriseId: "" } : {}) });
  const err = (k: string) => fieldError(result, k);
  const aria = (k: string) => ({
    "aria-invalid": err(k) ? true : undefined,
    "aria-describedby": err(k) ? `${prefix}-${k}-error` : undefined,
  });
  const shown = enterprises.filter(
    (e) =>
      (e.districtCode === f.districtCode || e.id === f.enterpriseId) &&
      (!filter.trim() || e.name.includes(filter.trim()) || e.id === f.enterpriseId),
  );
  const select = (k: "districtCode" | "type" | "level", label: string, options: { value: string; label: string }[]) => (
    <div>
      <label className="field-label" htmlFor={`${prefix}-${k}`}>
        {label}
      </label>
      <select id={`${prefix}-${k}`} className="field-input" value={f[k]} onChange={set(k)} {...aria(k)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${prefix}-${k}-error`} message={err(k)} />
    </div>
  );
  return (
    <form
      className={incident ? "space-y-3" : "card space-y-3 p-4"}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body = { ...f, problemIds: problems.map((p) => p.id) };
        run(
          () =>
            incident ? updateIncidentAction(incident.id, { ...body, version: incident.version }) : recordIncidentAction(body),
          () => {
            if (incident) onDone?.();
            else {
              setF(blank);
              setProblems([]);
              setFilter("");
            }
          },
        );
      }}
    >
      {incident ? null : <h2 className="font-semibold text-lg">{t("record")}</h2>}
      <FormAlert result={result} inputs={[...Object.keys(f), "problemIds"]} pending={pending} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <label className="field-label" htmlFor={`${prefix}-occurredOn`}>
            {t("occurredOn")}
          </label>
          <input
            id={`${prefix}-occurredOn`}
            type="date"
            className="field-input"
            value={f.occurredOn}
            onChange={set("occurredOn")}
            {...aria("occurredOn")}
          />
          <FieldError id={`${prefix}-occurredOn-error`} message={err("occurredOn")} />
        </div>
        <div className="lg:col-span-2">
          <label className="field-label" htmlFor={`${prefix}-title`}>
            {t("name")}
          </label>
          <input id={`${prefix}-title`} className="field-input" value={f.title} onChange={set("title")} {...aria("title")} />
          <FieldError id={`${prefix}-title-error`} message={err("title")} />
        </div>
        {select(
          "districtCode",
          t("district"),
          districts.map((d) => ({ value: d.code, label: d.name })),
        )}
        <div className="space-y-1 lg:col-span-2">
          <label className="field-label" htmlFor={`${prefix}-enterpriseId`}>
            {t("enterprise")}
          </label>
          <div className="grid gap-2 sm:grid-cols-2">
            <input
              type="search"
              className="field-input"
              aria-label={te("enterpriseFilter")}
              placeholder={te("enterpriseFilter")}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <select
              id={`${prefix}-enterpriseId`}
              className="field-input"
              value={f.enterpriseId}
              onChange={set("enterpriseId")}
              {...aria("enterpriseId")}
            >
              <option value="">{te("enterpriseAll")}</option>
              {shown.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
          <FieldError id={`${prefix}-enterpriseId-error`} message={err("enterpriseId")} />
        </div>
        {select(
          "type",
          t("type"),
          INCIDENT_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) })),
        )}
        {select(
          "level",
          t("level"),
          INCIDENT_LEVELS.map((v) => ({ value: v, label: t(`levels.${v}`) })),
        )}
      </div>
      {(["cause", "response"] as const).map((k) => (
        <div key={k}>
          <label className="field-label" htmlFor={`${prefix}-${k}`}>
            {t(k)}
          </label>
          <textarea id={`${prefix}-${k}`} className="field-input" rows={2} value={f[k]} onChange={set(k)} {...aria(k)} />
          <FieldError id={`${prefix}-${k}-error`} message={err(k)} />
        </div>
      ))}
      <ProblemPicker value={problems} onChange={setProblems} hidden={incident?.hiddenProblems ?? 0} error={err("problemIds")} />
      <div className="flex gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {incident ? te("save") : t("save")}
        </button>
        {incident ? (
          <button type="button" className="btn-secondary" onClick={onDone}>
            {te("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
