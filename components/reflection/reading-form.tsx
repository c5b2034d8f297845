"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { recordReadingAction } from "@/app/(app)/bottom-line/taihu/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { fieldError } from "@/lib/schemas/action-result";

/** One day's reading of one point, typed on a phone or at a desk; files go through the upload beside it. */
export function ReadingForm({ points, today }: { points: { code: string; name: string }[]; today: string }) {
  const t = useTranslations("taihu");
  const { pending, result, run } = useAction();
  const [done, setDone] = useState(false);
  const [f, setF] = useState({
    pointCode: points[0]?.code ?? "",
    day: today,
    algaeDensity: "",
    bloomArea: "",
    blackBloom: "false",
    blackBloomArea: "",
    sourceStatus: "",
    note: "",
  });
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setDone(false);
    setF({ ...f, [k]: e.target.value });
  };
  const field = (k: keyof typeof f, label: string, type = "text") => (
    <div>
      <label className="field-label" htmlFor={`reading-${k}`}>
        {label}
      </label>
      <input
        id={`reading-${k}`}
        className="field-input"
        type={type}
        inputMode={type === "text" && k !== "note" ? "decimal" : undefined}
        value={f[k]}
        onChange={set(k)}
        aria-invalid={fieldError(result, k) ? true : undefined}
        aria-describedby={fieldError(result, k) ? `reading-${k}-error` : undefined}
      />
      <FieldError id={`reading-${k}-error`} message={fieldError(result, k)} />
    </div>
  );
  return (
    <form
      className="card space-y-3 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => recordReadingAction({ ...f, blackBloom: f.blackBloom === "true" }),
          () => setDone(true),
        );
      }}
    >
      <h2 className="font-semibold text-lg">{t("record")}</h2>
      <FormAlert result={result} inputs={Object.keys(f)} pending={pending} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label className="field-label" htmlFor="reading-pointCode">
            {t("point")}
          </label>
          <select id="reading-pointCode" className="field-input" value={f.pointCode} onChange={set("pointCode")}>
            {points.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}（{p.code}）
              </option>
            ))}
          </select>
        </div>
        {field("day", t("day"), "date")}
        {field("algaeDensity", t("algae"))}
        {field("bloomArea", t("bloom"))}
        <div>
          <label className="field-label" htmlFor="reading-blackBloom">
            {t("blackBloom")}
          </label>
          <select id="reading-blackBloom" className="field-input" value={f.blackBloom} onChange={set("blackBloom")}>
            <option value="false">{t("no")}</option>
            <option value="true">{t("yes")}</option>
          </select>
        </div>
        {field("blackBloomArea", t("blackBloomArea"))}
        <div>
          <label className="field-label" htmlFor="reading-sourceStatus">
            {t("source")}
          </label>
          <select id="reading-sourceStatus" className="field-input" value={f.sourceStatus} onChange={set("sourceStatus")}>
            <option value="">—</option>
            <option value="NORMAL">{t("sourceStatuses.NORMAL")}</option>
            <option value="ABNORMAL">{t("sourceStatuses.ABNORMAL")}</option>
          </select>
        </div>
        {field("note", t("note"))}
      </div>
      <div className="flex items-center gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("saveReading")}
        </button>
        {done ? (
          <span role="status" className="text-emerald-800 text-sm">
            ✓
          </span>
        ) : null}
      </div>
    </form>
  );
}
