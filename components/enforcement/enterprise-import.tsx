"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

type RowError = { row: number; column: string | null; reason: string };

/** Uploads a register file to the import API and lists every row error in Chinese (nothing is written then). */
export function EnterpriseImport() {
  const t = useTranslations("enforcement.enterprises");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; errors: RowError[] } | null>(null);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setResult(null);
    try {
      const res = await fetch("/api/v1/enterprises/import", { method: "POST", body: form });
      const json = await res.json().catch(() => ({}));
      if (res.ok) {
        setResult({ ok: true, text: t("imported", json), errors: [] });
        router.refresh();
      } else {
        const errors: RowError[] = json.errors ?? [];
        setResult({
          ok: false,
          text: errors.length ? t("importFailed", { count: errors.length }) : (json.error?.message ?? res.statusText),
          errors,
        });
      }
    } finally {
      setBusy(false);
    }
  }
  return (
    <details className="card p-3">
      <summary className="cursor-pointer font-medium text-sm">{t("import")}</summary>
      <p className="my-2 text-slate-600 text-xs">{t("importHint")}</p>
      <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
        <label className="text-sm">
          <span className="sr-only">{t("file")}</span>
          <input type="file" name="file" accept=".xlsx,.csv,text/csv" required className="text-sm" />
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? t("importing") : t("upload")}
        </button>
      </form>
      {result && (
        <div
          role={result.ok ? "status" : "alert"}
          className={`mt-2 rounded p-2 text-sm ${result.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}
        >
          <p>{result.text}</p>
          {result.errors.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {result.errors.slice(0, 200).map((x) => (
                <li key={`${x.row}-${x.column}-${x.reason}`}>
                  {x.row > 0 && `${t("row", { row: x.row })} `}
                  {x.column && `【${x.column}】`}
                  {x.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </details>
  );
}
