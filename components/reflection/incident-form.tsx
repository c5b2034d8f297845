"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { recordIncidentAction } from "@/app/(app)/bottom-line/incidents/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { INCIDENT_LEVELS, INCIDENT_TYPES } from "@/lib/domain/incidents";
import { fieldError } from "@/lib/schemas/action-result";

/** Records an incident (date, district, enterprise, type, level, cause, response, linked problems). */
export function IncidentForm({
  districts,
  enterprises,
  today,
}: {
  districts: { code: string; name: string }[];
  enterprises: { id: string; name: string }[];
  today: string;
}) {
  const t = useTranslations("incidents");
  const { pending, result, run } = useAction();
  const blank = {
    occurredOn: today,
    title: "",
    districtCode: districts[0]?.code ?? "",
    enterpriseId: "",
    type: "WATER",
    level: "GENERAL",
    cause: "",
    response: "",
    problemIds: "",
  };
  const [f, setF] = useState(blank);
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setF({ ...f, [k]: e.target.value });
  const err = (k: string) => fieldError(result, k);
  const aria = (k: string) => ({
    "aria-invalid": err(k) ? true : undefined,
    "aria-describedby": err(k) ? `incident-${k}-error` : undefined,
  });
  const select = (
    k: "districtCode" | "enterpriseId" | "type" | "level",
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <div>
      <label className="field-label" htmlFor={`incident-${k}`}>
        {label}
      </label>
      <select id={`incident-${k}`} className="field-input" value={f[k]} onChange={set(k)} {...aria(k)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`incident-${k}-error`} message={err(k)} />
    </div>
  );
  return (
    <form
      className="card space-y-3 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const problemIds = f.problemIds.split(/\s+/).filter(Boolean);
        run(
          () => recordIncidentAction({ ...f, problemIds }),
          () => setF(blank),
        );
      }}
    >
      <h2 className="font-semibold text-lg">{t("record")}</h2>
      <FormAlert result={result} inputs={Object.keys(f)} pending={pending} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <label className="field-label" htmlFor="incident-occurredOn">
            {t("occurredOn")}
          </label>
          <input
            id="incident-occurredOn"
            type="date"
            className="field-input"
            value={f.occurredOn}
            onChange={set("occurredOn")}
            {...aria("occurredOn")}
          />
          <FieldError id="incident-occurredOn-error" message={err("occurredOn")} />
        </div>
        <div className="lg:col-span-2">
          <label className="field-label" htmlFor="incident-title">
            {t("name")}
          </label>
          <input id="incident-title" className="field-input" value={f.title} onChange={set("title")} {...aria("title")} />
          <FieldError id="incident-title-error" message={err("title")} />
        </div>
        {select(
          "districtCode",
          t("district"),
          districts.map((d) => ({ value: d.code, label: d.name })),
        )}
        {select("enterpriseId", t("enterprise"), [
          { value: "", label: "—" },
          ...enterprises.map((e) => ({ value: e.id, label: e.name })),
        ])}
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
      {(["cause", "response", "problemIds"] as const).map((k) => (
        <div key={k}>
          <label className="field-label" htmlFor={`incident-${k}`}>
            {k === "problemIds" ? t("problemsHint") : t(k)}
          </label>
          <textarea id={`incident-${k}`} className="field-input" rows={2} value={f[k]} onChange={set(k)} {...aria(k)} />
          <FieldError id={`incident-${k}-error`} message={err(k)} />
        </div>
      ))}
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
