"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { LEDGER_IMPORT_FIELDS } from "@/lib/domain/ledger-columns";

type Column = { index: number; header: string; field: string | null };
type RowError = { row: number; column: string; reason: string };
type Result = {
  dryRun: boolean;
  headerRow: number;
  columns: Column[];
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  unmatched: { units: string[]; districts: string[]; officials: string[] };
  preview: {
    row: number;
    code: string | null;
    action: string;
    title: string;
    district: string;
    leadUnit: string;
    deadline: string;
  }[];
};

/**
 * Upload → the columns mapped from their headers (adjustable) → a preview listing every bad row
 * (row, column, reason) → one all-or-nothing commit whose progress streams back line by line.
 */
export function LedgerImport() {
  const t = useTranslations("officeUi");
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  function body(): FormData {
    const form = new FormData();
    if (file) form.set("file", file);
    if (Object.keys(mapping).length) form.set("mapping", JSON.stringify(mapping));
    return form;
  }

  async function preview() {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch("/api/v1/problems/import?dryRun=1", { method: "POST", body: body() });
      const json = await res.json();
      if (!res.ok) setMessage({ tone: "error", text: json.error?.message ?? t("failed") });
      else setResult(json as Result);
    } catch {
      setMessage({ tone: "error", text: t("failed") });
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    setProgress({ done: 0, total: (result?.created ?? 0) + (result?.updated ?? 0) });
    try {
      const res = await fetch("/api/v1/problems/import", {
        method: "POST",
        body: body(),
        headers: { accept: "application/x-ndjson" },
      });
      if (!res.body || !res.ok) {
        const json = await res.json().catch(() => ({}));
        setMessage({ tone: "error", text: json.error?.message ?? t("failed") });
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const msg = JSON.parse(line);
          if (msg.progress) setProgress(msg.progress);
          if (msg.result) setResult(msg.result);
          if (msg.error) setMessage({ tone: "error", text: msg.error.message ?? t("failed") });
          else if (msg.result) setMessage({ tone: "ok", text: t("done", msg.result) });
        }
      }
    } catch {
      setMessage({ tone: "error", text: t("failed") });
    } finally {
      setBusy(false);
    }
  }

  const canCommit = !!result && result.dryRun && result.errors.length === 0 && !busy;
  return (
    <div className="space-y-4">
      <div className="card flex flex-wrap items-end gap-3 p-4">
        <div>
          <label htmlFor={fileId} className="block font-medium text-slate-700 text-sm">
            {t("file")}
          </label>
          <input
            id={fileId}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              setMapping({});
              setProgress(null);
              setMessage(null);
            }}
            className="mt-1 text-sm"
            data-testid="import-file"
          />
        </div>
        <button type="button" className="btn-secondary" disabled={!file || busy} onClick={preview} data-testid="import-preview">
          {t("preview")}
        </button>
        <button type="button" className="btn-primary" disabled={!canCommit} onClick={commit} data-testid="import-commit">
          {t("commit")}
        </button>
      </div>

      {progress ? (
        <div className="space-y-1">
          <progress className="w-full" max={Math.max(progress.total, 1)} value={progress.done} aria-label={t("progress")} />
          <p className="text-slate-600 text-xs">
            {progress.done} / {progress.total}
          </p>
        </div>
      ) : null}
      {message ? (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={message.tone === "error" ? "text-red-700 text-sm" : "text-emerald-700 text-sm"}
          data-testid="import-message"
        >
          {message.text}
        </p>
      ) : null}

      {result ? (
        <>
          <p className="text-slate-700 text-sm" data-testid="import-summary">
            {t("headerRow", { row: result.headerRow })} ·{" "}
            {t("summary", { rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged })}
          </p>
          {result.columns.length ? (
            <section className="card p-4">
              <h2 className="font-semibold text-slate-900">{t("mapping")}</h2>
              <p className="mb-2 text-slate-600 text-xs">{t("mappingHint")}</p>
              <table className="w-full text-sm">
                <thead>
                  <tr className="text-left text-slate-500">
                    <th className="py-1">{t("column")}</th>
                    <th className="py-1">{t("field")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.columns.map((c) => {
                    const value =
                      mapping[String(c.index)] ??
                      (c.field && (LEDGER_IMPORT_FIELDS as readonly string[]).includes(c.field) ? c.field : "");
                    return (
                      <tr key={c.index} className="border-slate-100 border-t">
                        <td className="py-1 pr-2">{c.header || `#${c.index + 1}`}</td>
                        <td className="py-1">
                          <select
                            aria-label={`${t("field")}: ${c.header || c.index + 1}`}
                            value={value}
                            onChange={(e) => setMapping({ ...mapping, [String(c.index)]: e.target.value })}
                            className="rounded border border-slate-300 px-1 py-0.5"
                            data-testid={`mapping-${c.index}`}
                          >
                            <option value="">{c.field && !value ? t(`fields.${c.field}`) : t("ignore")}</option>
                            {LEDGER_IMPORT_FIELDS.map((f) => (
                              <option key={f} value={f}>
                                {t(`fields.${f}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          ) : null}
          {result.errors.length ? (
            <section className="card border-red-200 p-4" data-testid="import-errors">
              <h2 className="font-semibold text-red-800">{t("errors", { n: result.errors.length })}</h2>
              <table className="mt-2 w-full text-sm">
                <thead>
                  <tr className="text-left text-slate-500">
                    <th className="py-1 pr-2">{t("errorRow")}</th>
                    <th className="py-1 pr-2">{t("errorColumn")}</th>
                    <th className="py-1">{t("errorReason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((e) => (
                    <tr key={`${e.row}-${e.column}-${e.reason}`} className="border-slate-100 border-t">
                      <td className="py-1 pr-2">{e.row || "—"}</td>
                      <td className="py-1 pr-2">{e.column || "—"}</td>
                      <td className="py-1">{e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {result.unmatched.units.length + result.unmatched.districts.length + result.unmatched.officials.length ? (
                <div className="mt-3 text-sm">
                  <h3 className="font-medium">{t("unmatched")}</h3>
                  <ul className="list-disc pl-5">
                    {result.unmatched.units.length ? (
                      <li>{`${t("unmatchedUnits")}：${result.unmatched.units.join("、")}`}</li>
                    ) : null}
                    {result.unmatched.districts.length ? (
                      <li>{`${t("unmatchedDistricts")}：${result.unmatched.districts.join("、")}`}</li>
                    ) : null}
                    {result.unmatched.officials.length ? (
                      <li>{`${t("unmatchedOfficials")}：${result.unmatched.officials.join("、")}`}</li>
                    ) : null}
                  </ul>
                </div>
              ) : null}
            </section>
          ) : null}
          {result.preview.length ? (
            <section className="card overflow-x-auto p-4">
              <h2 className="font-semibold text-slate-900">{t("previewRows", { n: result.preview.length })}</h2>
              <table className="mt-2 w-full text-sm">
                <thead>
                  <tr className="text-left text-slate-500">
                    <th className="py-1 pr-2">{t("errorRow")}</th>
                    <th className="py-1 pr-2">{t("fields.code")}</th>
                    <th className="py-1 pr-2">{t("action")}</th>
                    <th className="py-1 pr-2">{t("fields.title")}</th>
                    <th className="py-1 pr-2">{t("fields.district")}</th>
                    <th className="py-1 pr-2">{t("fields.leadUnit")}</th>
                    <th className="py-1">{t("fields.deadline")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.preview.map((p) => (
                    <tr key={p.row} className="border-slate-100 border-t">
                      <td className="py-1 pr-2">{p.row}</td>
                      <td className="py-1 pr-2 font-mono text-xs">{p.code ?? "—"}</td>
                      <td className="py-1 pr-2">{t(`actions.${p.action}`)}</td>
                      <td className="py-1 pr-2">{p.title}</td>
                      <td className="py-1 pr-2">{p.district}</td>
                      <td className="py-1 pr-2">{p.leadUnit}</td>
                      <td className="py-1">{p.deadline}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
