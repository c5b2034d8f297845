"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useToast } from "@/components/ui/toast";

type RowError = { row: number; column: string | null; reason: string };
type Outcome =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "processing" }
  | { kind: "done"; imported: number; replaced: number }
  | { kind: "rejected"; errors: RowError[] }
  | { kind: "failed"; message: string };

/** Uploads an indicator file with a visible progress bar, then shows what was imported or every bad row. */
export function IndicatorImportForm() {
  const t = useTranslations("indicatorImport");
  const toast = useToast();
  const feedback = useTranslations("feedback");
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setOutcome({ kind: "failed", message: t("chooseFile") });
      return;
    }
    const form = new FormData();
    form.set("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/indicators/import");
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setOutcome({ kind: "uploading", percent: Math.round((ev.loaded / ev.total) * 100) });
    };
    xhr.upload.onload = () => setOutcome({ kind: "processing" });
    xhr.onerror = () => setOutcome({ kind: "failed", message: t("network") });
    xhr.onload = () => {
      let body: { imported?: number; replaced?: number; errors?: RowError[]; error?: { message: string } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = {};
      }
      if (xhr.status === 200) {
        setOutcome({ kind: "done", imported: body.imported ?? 0, replaced: body.replaced ?? 0 });
        toast.show(feedback("imported"));
      } else if (xhr.status === 422 && body.errors) setOutcome({ kind: "rejected", errors: body.errors });
      else setOutcome({ kind: "failed", message: body.error?.message ?? t("failed", { status: xhr.status }) });
    };
    setOutcome({ kind: "uploading", percent: 0 });
    xhr.send(form);
  }

  const busy = outcome.kind === "uploading" || outcome.kind === "processing";
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <label htmlFor="indicator-file" className="block font-medium">
          {t("file")}
        </label>
        <input
          id="indicator-file"
          ref={input}
          type="file"
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="block w-full text-sm"
          aria-describedby="indicator-file-help"
        />
        <p id="indicator-file-help" className="text-sm text-slate-600">
          {t("help")}
        </p>
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-400 disabled:opacity-60"
        >
          {busy ? t("importing") : t("import")}
        </button>
        {(outcome.kind === "uploading" || outcome.kind === "processing") && (
          <div aria-live="polite">
            <div
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={outcome.kind === "uploading" ? outcome.percent : 100}
              aria-label={t("progress")}
              className="h-3 w-full overflow-hidden rounded bg-slate-200"
            >
              <div
                className={`h-full bg-blue-600 transition-all ${outcome.kind === "processing" ? "animate-pulse" : ""}`}
                style={{ width: `${outcome.kind === "uploading" ? outcome.percent : 100}%` }}
              />
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {outcome.kind === "uploading" ? t("uploading", { percent: outcome.percent }) : t("processing")}
            </p>
          </div>
        )}
      </form>

      {outcome.kind === "done" && (
        <div
          role="status"
          className="rounded bg-emerald-50 p-3 text-emerald-900 ring-1 ring-emerald-200"
          data-testid="import-done"
        >
          {t("done", { imported: outcome.imported, replaced: outcome.replaced })}{" "}
          <Link href="/dashboard" className="font-medium underline">
            {t("toDashboard")}
          </Link>
        </div>
      )}
      {outcome.kind === "failed" && (
        <p role="alert" className="rounded bg-red-50 p-3 text-red-900 ring-1 ring-red-200">
          {outcome.message}
        </p>
      )}
      {outcome.kind === "rejected" && (
        <div role="alert" className="rounded bg-red-50 p-3 ring-1 ring-red-200" data-testid="import-errors">
          <p className="font-medium text-red-900">{t("rejected", { count: outcome.errors.length })}</p>
          <table className="mt-2 w-full text-sm">
            <thead className="text-left text-red-900">
              <tr>
                <th className="px-2 py-1">{t("row")}</th>
                <th className="px-2 py-1">{t("column")}</th>
                <th className="px-2 py-1">{t("reason")}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.errors.slice(0, 500).map((e) => (
                <tr key={`${e.row}-${e.column}-${e.reason}`} className="border-t border-red-100">
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
