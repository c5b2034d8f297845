"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

type RowError = { row: number; column: string | null; reason: string };
type Result = {
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  clues: number;
  extended: number;
  errors: RowError[];
  errorsTruncated: boolean;
};
type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; result: Result }
  | { kind: "failed"; message: string; result?: Result };

/** Sends a monitoring file to POST /api/v1/monitoring/import and shows what it did, refused rows included. */
export function MonitoringImportForm() {
  const t = useTranslations("offsiteImport");
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: "idle" });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setState({ kind: "failed", message: t("chooseFile") });
      return;
    }
    setState({ kind: "busy" });
    const form = new FormData();
    form.set("file", file);
    try {
      const res = await fetch("/api/v1/monitoring/import", { method: "POST", body: form });
      const body = await res.json().catch(() => ({}));
      if (res.ok) setState({ kind: "done", result: body });
      else {
        const fields = body.error?.fields as Record<string, string[]> | undefined;
        const message = fields
          ? Object.values(fields).flat().join("；")
          : (body.error?.message ?? t("failed", { status: res.status }));
        setState({ kind: "failed", message, result: Array.isArray(body.errors) ? body : undefined });
      }
    } catch {
      setState({ kind: "failed", message: t("network") });
    }
  }

  const result = state.kind === "done" || state.kind === "failed" ? state.result : undefined;
  return (
    <div className="space-y-4">
      <form
        onSubmit={submit}
        className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        aria-busy={state.kind === "busy"}
      >
        <label htmlFor="monitoring-file" className="block font-medium">
          {t("file")}
        </label>
        <input
          id="monitoring-file"
          ref={input}
          type="file"
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="block w-full text-sm"
          aria-describedby="monitoring-file-help"
          onChange={() => setState({ kind: "idle" })}
        />
        <p id="monitoring-file-help" className="text-slate-600 text-sm">
          {t("help")}
        </p>
        <button type="submit" disabled={state.kind === "busy"} className="btn-primary">
          {state.kind === "busy" ? t("busy") : t("submit")}
        </button>
      </form>
      {state.kind === "done" && (
        <div role="status" className="space-y-2 rounded bg-emerald-50 p-3 ring-1 ring-emerald-200" data-testid="import-done">
          <p>
            {t("done", {
              rows: state.result.rows,
              imported: state.result.imported,
              duplicates: state.result.duplicates,
              rejected: state.result.rejected,
              clues: state.result.clues,
              extended: state.result.extended,
            })}
          </p>
          <Link href="/enforcement/clues" className="link">
            {t("viewClues")}
          </Link>
        </div>
      )}
      {state.kind === "failed" && (
        <div role="alert" className="rounded bg-red-50 p-3 text-red-900 ring-1 ring-red-200" data-testid="import-failed">
          {state.message}
        </div>
      )}
      {result && result.errors.length > 0 && (
        <table className="w-full rounded bg-white text-sm shadow-sm ring-1 ring-slate-200">
          <caption className="p-2 text-left font-medium">
            {t("errorsTitle")}
            {result.errorsTruncated ? `（${t("errorsTruncated", { count: result.errors.length })}）` : ""}
          </caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th className="p-2">{t("row")}</th>
              <th className="p-2">{t("column")}</th>
              <th className="p-2">{t("reason")}</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.map((e) => (
              <tr key={`${e.row}-${e.column}`} className="border-t border-slate-100">
                <td className="p-2 tabular-nums">{e.row}</td>
                <td className="p-2 font-mono text-xs">{e.column ?? "—"}</td>
                <td className="p-2">{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
