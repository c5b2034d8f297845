"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useToast } from "@/components/ui/toast";

type RowError = { row: number; column: string | null; reason: string };
type Sample = { sectionCode: string; period: string; classLabel: string; keyPollutants: string | null };
type Result = { preview: boolean; rows: number; imported: number; replaced: number; errors: RowError[]; sample: Sample[] };
type State =
  | { kind: "idle" }
  | { kind: "busy"; commit: boolean }
  | { kind: "previewed"; result: Result; file: File }
  | { kind: "done"; result: Result }
  | { kind: "rejected"; errors: RowError[] }
  | { kind: "failed"; message: string };

/** Checks a results file (preview), shows what it would change, and imports it only on confirmation. */
export function ResultsImportForm() {
  const t = useTranslations("sectionImport");
  const toast = useToast();
  const feedback = useTranslations("feedback");
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: "idle" });

  async function send(file: File, commit: boolean) {
    setState({ kind: "busy", commit });
    const form = new FormData();
    form.set("file", file);
    try {
      const res = await fetch(`/api/v1/sections/import${commit ? "?commit=true" : ""}`, { method: "POST", body: form });
      const body = await res.json().catch(() => ({}));
      if (res.ok) {
        setState(commit ? { kind: "done", result: body } : { kind: "previewed", result: body, file });
        if (commit) toast.show(feedback("imported"));
      } else if (res.status === 422 && Array.isArray(body.errors)) setState({ kind: "rejected", errors: body.errors });
      else setState({ kind: "failed", message: body.error?.message ?? t("failed", { status: res.status }) });
    } catch {
      setState({ kind: "failed", message: t("network") });
    }
  }

  function preview(e: React.FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) setState({ kind: "failed", message: t("chooseFile") });
    else void send(file, false);
  }

  const busy = state.kind === "busy";
  return (
    <div className="space-y-4">
      <form onSubmit={preview} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <label htmlFor="results-file" className="block font-medium">
          {t("file")}
        </label>
        <input
          id="results-file"
          ref={input}
          type="file"
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="block w-full text-sm"
          aria-describedby="results-file-help"
          onChange={() => setState({ kind: "idle" })}
        />
        <p id="results-file-help" className="text-slate-600 text-sm">
          {t("help")}{" "}
          <a href="/api/v1/sections/import/template" className="text-blue-700 underline" download>
            {t("template")}
          </a>
        </p>
        <button type="submit" disabled={busy} className="btn-secondary">
          {busy && !state.commit ? t("previewing") : t("preview")}
        </button>
      </form>

      {state.kind === "previewed" && (
        <div role="status" className="space-y-2 rounded bg-sky-50 p-3 ring-1 ring-sky-200" data-testid="import-preview">
          <p>{t("previewOk", { rows: state.result.rows, imported: state.result.imported, replaced: state.result.replaced })}</p>
          <table className="w-full text-sm">
            <caption className="text-left text-slate-600 text-xs">
              {t("sampleTitle", { count: state.result.sample.length })}
            </caption>
            <thead className="text-left">
              <tr>
                <th className="px-2 py-1">{t("section")}</th>
                <th className="px-2 py-1">{t("period")}</th>
                <th className="px-2 py-1">{t("class")}</th>
                <th className="px-2 py-1">{t("keyPollutant")}</th>
              </tr>
            </thead>
            <tbody>
              {state.result.sample.map((s) => (
                <tr key={`${s.sectionCode}-${s.period}`} className="border-sky-100 border-t">
                  <td className="px-2 py-1 font-mono">{s.sectionCode}</td>
                  <td className="px-2 py-1">{s.period}</td>
                  <td className="px-2 py-1">{s.classLabel}</td>
                  <td className="px-2 py-1">{s.keyPollutants ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="btn-primary" onClick={() => void send(state.file, true)}>
            {t("commit")}
          </button>
        </div>
      )}
      {busy && state.commit && (
        <p role="status" className="text-slate-600 text-sm">
          {t("committing")}
        </p>
      )}
      {state.kind === "done" && (
        <div
          role="status"
          className="rounded bg-emerald-50 p-3 text-emerald-900 ring-1 ring-emerald-200"
          data-testid="import-done"
        >
          {t("done", { imported: state.result.imported, replaced: state.result.replaced })}{" "}
          <Link href="/sections" className="font-medium underline">
            {t("toList")}
          </Link>
        </div>
      )}
      {state.kind === "failed" && (
        <p role="alert" className="rounded bg-red-50 p-3 text-red-900 ring-1 ring-red-200">
          {state.message}
        </p>
      )}
      {state.kind === "rejected" && (
        <div role="alert" className="overflow-x-auto rounded bg-red-50 p-3 ring-1 ring-red-200" data-testid="import-errors">
          <p className="font-medium text-red-900">{t("rejected", { count: state.errors.length })}</p>
          <table className="mt-2 w-full text-sm">
            <thead className="text-left text-red-900">
              <tr>
                <th className="px-2 py-1">{t("row")}</th>
                <th className="px-2 py-1">{t("column")}</th>
                <th className="px-2 py-1">{t("reason")}</th>
              </tr>
            </thead>
            <tbody>
              {state.errors.slice(0, 500).map((e) => (
                <tr key={`${e.row}-${e.column}-${e.reason}`} className="border-red-100 border-t">
                  <td className="px-2 py-1 tabular-nums">{e.row}</td>
                  <td className="px-2 py-1 font-mono">{e.column ?? "—"}</td>
                  <td className="px-2 py-1">{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
