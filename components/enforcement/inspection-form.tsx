"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";

type Option = { id: string; name: string };
export type InspectionFormOptions = {
  enterprises: (Option & { districtName: string })[];
  actions: (Option & { type: string })[];
  units: Option[];
  officers: (Option & { unitName: string })[];
  modes: readonly string[];
  results: readonly string[];
};

type Photo = { key: string; file: File; preview: string };

/** A small JPEG preview drawn from the photo (the original bytes are what is uploaded). */
async function previewOf(file: File): Promise<string> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 240 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas.toDataURL("image/jpeg", 0.7);
  } catch {
    return "";
  }
}

/**
 * Records an inspection through the API, then uploads its photos one by one. Built for a phone:
 * one column, large targets, the camera opened by the photo button (capture="environment").
 * A refused rule is shown on its field, named.
 */
export function InspectionForm({
  options,
  initial,
}: {
  options: InspectionFormOptions;
  initial: { enterpriseId: string; leadUnitId: string; inspectorIds: string[]; inspectedOn: string };
}) {
  const t = useTranslations("enforcement");
  const router = useRouter();
  const [filter, setFilter] = useState("");
  const [values, setValues] = useState({
    enterpriseId: initial.enterpriseId,
    actionId: "",
    inspectedOn: initial.inspectedOn,
    mode: "ALL_STAFF",
    leadUnitId: initial.leadUnitId,
    inspectorIds: initial.inspectorIds,
    findings: "",
    result: "NO_ISSUE",
    clueId: "",
  });
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const set = <K extends keyof typeof values>(k: K, v: (typeof values)[K]) => setValues((x) => ({ ...x, [k]: v }));
  const enterprises = useMemo(
    () =>
      options.enterprises.filter(
        (e) => e.id === values.enterpriseId || !filter || e.name.includes(filter) || e.districtName.includes(filter),
      ),
    [options.enterprises, filter, values.enterpriseId],
  );

  async function addPhotos(list: FileList | null) {
    if (!list) return;
    const added = await Promise.all(
      [...list].map(async (file) => ({ key: crypto.randomUUID(), file, preview: await previewOf(file) })),
    );
    setPhotos((p) => [...p, ...added]);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    setBusy(t("common.saving"));
    try {
      const res = await fetch("/api/v1/inspections", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(values),
      });
      const json = await res.json().catch(() => ({}));
      if (!res.ok) {
        setErrors(json.error?.fields ?? {});
        setMessage({ tone: "bad", text: json.error?.message ?? res.statusText });
        return;
      }
      const failed: string[] = [];
      for (const [i, p] of photos.entries()) {
        setBusy(t("inspections.uploading", { done: i, total: photos.length }));
        const form = new FormData();
        form.set("file", p.file, p.file.name);
        const up = await fetch(`/api/v1/inspections/${json.id}/photos`, { method: "POST", body: form });
        if (!up.ok) {
          const body = await up.json().catch(() => ({}));
          failed.push(t("inspections.photoFailed", { name: p.file.name, reason: body.error?.message ?? up.statusText }));
        }
      }
      if (failed.length) {
        setMessage({ tone: "bad", text: failed.join(" ") });
        return;
      }
      router.push(`/enforcement/enterprises/${values.enterpriseId}?saved=1`);
    } finally {
      setBusy(null);
    }
  }

  const fieldError = (key: string) =>
    errors[key]?.length ? (
      <p id={`err-${key}`} role="alert" className="mt-1 text-red-700 text-sm">
        {errors[key]?.join(" ")}
      </p>
    ) : null;
  const describedBy = (key: string) => (errors[key]?.length ? `err-${key}` : undefined);
  const input = "w-full rounded border border-slate-300 px-3 py-2.5 text-base";

  return (
    <form onSubmit={submit} className="mx-auto max-w-xl space-y-4" noValidate>
      {message && (
        <p
          role={message.tone === "bad" ? "alert" : "status"}
          className={`rounded p-3 text-sm ${message.tone === "bad" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800"}`}
        >
          {message.text}
        </p>
      )}
      <div>
        <label htmlFor="f-enterprise" className="mb-1 block font-medium text-sm">
          {t("inspections.enterprise")}
        </label>
        <input
          type="search"
          aria-label={t("inspections.filterEnterprise")}
          placeholder={t("inspections.filterEnterprise")}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className={`${input} mb-2`}
        />
        <select
          id="f-enterprise"
          value={values.enterpriseId}
          onChange={(e) => set("enterpriseId", e.target.value)}
          className={input}
          aria-describedby={describedBy("enterpriseId")}
          required
        >
          <option value="">—</option>
          {enterprises.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}（{x.districtName}）
            </option>
          ))}
        </select>
        {fieldError("enterpriseId")}
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor="f-date" className="mb-1 block font-medium text-sm">
            {t("inspections.date")}
          </label>
          <input
            id="f-date"
            type="date"
            value={values.inspectedOn}
            onChange={(e) => set("inspectedOn", e.target.value)}
            className={input}
            aria-describedby={describedBy("inspectedOn")}
          />
          {fieldError("inspectedOn")}
        </div>
        <div>
          <label htmlFor="f-mode" className="mb-1 block font-medium text-sm">
            {t("inspections.mode")}
          </label>
          <select id="f-mode" value={values.mode} onChange={(e) => set("mode", e.target.value)} className={input}>
            {options.modes.map((m) => (
              <option key={m} value={m}>
                {t(`modes.${m}` as "modes.CROSS")}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor="f-action" className="mb-1 block font-medium text-sm">
          {t("inspections.action")}
        </label>
        <select id="f-action" value={values.actionId} onChange={(e) => set("actionId", e.target.value)} className={input}>
          <option value="">{t("inspections.noAction")}</option>
          {options.actions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-lead" className="mb-1 block font-medium text-sm">
          {t("inspections.leadUnit")}
        </label>
        <select
          id="f-lead"
          value={values.leadUnitId}
          onChange={(e) => set("leadUnitId", e.target.value)}
          className={input}
          aria-describedby={describedBy("leadUnitId")}
        >
          <option value="">—</option>
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        {fieldError("leadUnitId")}
      </div>
      <fieldset aria-describedby={describedBy("inspectorIds") ?? "hint-inspectors"}>
        <legend className="mb-1 font-medium text-sm">{t("inspections.inspectors")}</legend>
        <p id="hint-inspectors" className="mb-1 text-slate-500 text-xs">
          {t("inspections.inspectorsHint")}
        </p>
        <div className="max-h-56 space-y-1 overflow-y-auto rounded border border-slate-200 p-2">
          {options.officers.map((o) => (
            <label key={o.id} className="flex min-h-10 items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="h-5 w-5"
                checked={values.inspectorIds.includes(o.id)}
                onChange={(e) =>
                  set(
                    "inspectorIds",
                    e.target.checked ? [...values.inspectorIds, o.id] : values.inspectorIds.filter((x) => x !== o.id),
                  )
                }
              />
              <span>
                {o.name} <span className="text-slate-500">{o.unitName}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldError("inspectorIds")}
      </fieldset>
      <div>
        <label htmlFor="f-findings" className="mb-1 block font-medium text-sm">
          {t("inspections.findings")}
        </label>
        <textarea
          id="f-findings"
          rows={4}
          value={values.findings}
          onChange={(e) => set("findings", e.target.value)}
          className={input}
          aria-describedby={describedBy("findings")}
        />
        {fieldError("findings")}
      </div>
      <fieldset>
        <legend className="mb-1 font-medium text-sm">{t("inspections.result")}</legend>
        <div className="flex flex-wrap gap-2">
          {options.results.map((r) => (
            <label key={r} className="flex min-h-10 items-center gap-2 rounded border border-slate-300 px-3 text-sm">
              <input type="radio" name="result" value={r} checked={values.result === r} onChange={() => set("result", r)} />
              {t(`results.${r}` as "results.NO_ISSUE")}
            </label>
          ))}
        </div>
      </fieldset>
      {values.mode === "OFF_SITE" && (
        <div>
          <label htmlFor="f-clue" className="mb-1 block font-medium text-sm">
            {t("inspections.clue")}
          </label>
          <input
            id="f-clue"
            value={values.clueId}
            onChange={(e) => set("clueId", e.target.value.trim())}
            className={input}
            aria-describedby={describedBy("clueId") ?? "hint-clue"}
          />
          <p id="hint-clue" className="text-slate-500 text-xs">
            {t("inspections.clueHint")}
          </p>
          {fieldError("clueId")}
        </div>
      )}
      <div>
        <label htmlFor="f-photos" className="btn-secondary inline-flex min-h-11 cursor-pointer items-center">
          {t("inspections.takePhoto")}
        </label>
        <input
          id="f-photos"
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          className="sr-only"
          onChange={(e) => {
            void addPhotos(e.target.files);
            e.target.value = "";
          }}
        />
        <span className="ml-2 text-slate-600 text-sm" aria-live="polite">
          {t("inspections.photoCount", { count: photos.length })}
        </span>
        {photos.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("inspections.photos")}>
            {photos.map((p) => (
              <li key={p.key} className="relative">
                {p.preview ? (
                  // biome-ignore lint/performance/noImgElement: a local data-URL preview
                  <img src={p.preview} alt={p.file.name} className="h-20 w-20 rounded object-cover" />
                ) : (
                  <span className="flex h-20 w-20 items-center justify-center rounded bg-slate-100 text-xs">{p.file.name}</span>
                )}
                <button
                  type="button"
                  onClick={() => setPhotos((x) => x.filter((y) => y.key !== p.key))}
                  className="absolute top-0 right-0 rounded-bl bg-white/90 px-1 text-xs"
                  aria-label={`${t("inspections.removePhoto")} ${p.file.name}`}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="submit" className="btn-primary min-h-12 w-full text-base" disabled={busy !== null}>
        {busy ?? t("inspections.submit")}
      </button>
    </form>
  );
}
