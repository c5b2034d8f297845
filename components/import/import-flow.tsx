"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";

export type ImportRowError = { row: number; column: string | null; reason: string };
/** What an import endpoint answers: a preview (nothing written) or the outcome of the commit. */
export type ImportAnswer = {
  preview?: boolean;
  rows?: number;
  imported?: number;
  replaced?: number;
  errors?: ImportRowError[];
  sample?: Record<string, string | null>[];
};

type State =
  | { kind: "idle" }
  | { kind: "sending"; step: "preview" | "commit"; percent: number | null }
  | { kind: "previewed"; answer: ImportAnswer; file: File }
  | { kind: "done"; answer: ImportAnswer }
  | { kind: "rejected"; errors: ImportRowError[] }
  | { kind: "failed"; message: string };

export type ImportFlowProps = {
  inputId: string;
  fileLabel: string;
  help?: React.ReactNode;
  accept?: string;
  /** POST URL that only checks the file (answers with `preview`, `rows`, `sample`). */
  previewUrl: string;
  /** POST URL that writes the file. */
  commitUrl: string;
  /** Column names of the file → the words people read, for the preview header and the error table. */
  columnLabels: Record<string, string>;
  /** Line above the preview table, e.g. "校验通过：共 12 行，新增 10，替换 2". */
  previewText: (a: ImportAnswer) => string;
  doneText: (a: ImportAnswer) => React.ReactNode;
  /** Called once the file is written (e.g. to refresh the page that shows the data). */
  onDone?: (a: ImportAnswer) => void;
};

function send(
  url: string,
  file: File,
  locale: string,
  onProgress: (percent: number | null) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.set("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    // Row errors in the language the page is shown in, whatever the browser's own setting.
    xhr.setRequestHeader("Accept-Language", locale);
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) onProgress(Math.round((ev.loaded / ev.total) * 100));
    };
    // Uploaded: the server now reads and checks the file (no percentage for that part).
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () => reject(new Error("network"));
    xhr.onload = () => {
      let body: unknown = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = {};
      }
      resolve({ status: xhr.status, body });
    };
    xhr.send(form);
  });
}

/** Row errors from an answer: the list an import gives, or a 422's per-row `fields` (`row3: [...]`). */
function rowErrors(body: unknown): ImportRowError[] | null {
  const b = body as { errors?: ImportRowError[]; error?: { fields?: Record<string, string[]> } };
  if (Array.isArray(b.errors) && b.errors.length) return b.errors;
  const fields = b.error?.fields;
  if (!fields) return null;
  const out: ImportRowError[] = [];
  for (const [key, messages] of Object.entries(fields)) {
    const m = /^row(\d+)$/.exec(key);
    for (const reason of messages) out.push({ row: m ? Number(m[1]) : 0, column: null, reason });
  }
  return out.length ? out : null;
}

/**
 * One way to import a file, the same on every import page: choose the file → 检查 (upload with
 * progress, the server checks every row and writes nothing) → either every bad row in a table
 * (row, column, reason) or a preview of the first rows with what would change → 确认导入.
 */
export function ImportFlow(props: ImportFlowProps) {
  const t = useTranslations("importKit");
  const locale = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const helpId = useId();
  const [state, setState] = useState<State>({ kind: "idle" });

  async function run(file: File, step: "preview" | "commit") {
    setState({ kind: "sending", step, percent: 0 });
    try {
      const { status, body } = await send(step === "preview" ? props.previewUrl : props.commitUrl, file, locale, (percent) =>
        setState({ kind: "sending", step, percent }),
      );
      const answer = body as ImportAnswer & { error?: { message?: string } };
      if (status >= 200 && status < 300) {
        setState(step === "preview" ? { kind: "previewed", answer, file } : { kind: "done", answer });
        if (step === "commit") props.onDone?.(answer);
        return;
      }
      const errors = status === 422 ? rowErrors(body) : null;
      if (errors) setState({ kind: "rejected", errors });
      else setState({ kind: "failed", message: answer.error?.message ?? t("failed", { status }) });
    } catch {
      setState({ kind: "failed", message: t("network") });
    }
  }

  function check(e: React.FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) setState({ kind: "failed", message: t("chooseFile") });
    else void run(file, "preview");
  }

  const busy = state.kind === "sending";
  const label = (c: string | null) => (c === null ? "—" : (props.columnLabels[c] ?? c));
  const sample = state.kind === "previewed" ? (state.answer.sample ?? []) : [];
  const sampleColumns = sample[0] ? Object.keys(sample[0]) : [];

  return (
    <div className="space-y-4">
      <form onSubmit={check} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <label htmlFor={props.inputId} className="block font-medium">
          {props.fileLabel}
        </label>
        <input
          id={props.inputId}
          ref={input}
          type="file"
          name="file"
          accept={props.accept ?? ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
          className="block w-full text-sm"
          aria-describedby={props.help ? helpId : undefined}
          onChange={() => setState({ kind: "idle" })}
        />
        {props.help && (
          <div id={helpId} className="text-slate-600 text-sm">
            {props.help}
          </div>
        )}
        <button type="submit" disabled={busy} className="btn-primary">
          {busy && state.step === "preview" ? t("checking") : t("check")}
        </button>
      </form>

      {state.kind === "sending" && (
        <div aria-live="polite">
          <div
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={state.percent ?? 100}
            aria-label={t("progress")}
            className="h-3 w-full overflow-hidden rounded bg-slate-200"
          >
            <div
              className={`h-full bg-blue-600 transition-all ${state.percent === null ? "animate-pulse" : ""}`}
              style={{ width: `${state.percent ?? 100}%` }}
            />
          </div>
          <p className="mt-1 text-slate-600 text-sm">
            {state.percent === null
              ? state.step === "preview"
                ? t("checkingRows")
                : t("writing")
              : t("uploading", { percent: state.percent })}
          </p>
        </div>
      )}

      {state.kind === "previewed" && (
        <div
          role="status"
          className="space-y-2 overflow-x-auto rounded bg-sky-50 p-3 ring-1 ring-sky-200"
          data-testid="import-preview"
        >
          <p>{props.previewText(state.answer)}</p>
          {sample.length > 0 && (
            <table className="w-full text-sm">
              <caption className="text-left text-slate-600 text-xs">{t("sampleTitle", { count: sample.length })}</caption>
              <thead className="text-left">
                <tr>
                  {sampleColumns.map((c) => (
                    <th key={c} scope="col" className="px-2 py-1">
                      {label(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sample.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity of their own
                  <tr key={i} className="border-sky-100 border-t">
                    {sampleColumns.map((c) => (
                      <td key={c} className="px-2 py-1">
                        {r[c] ?? "—"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="flex gap-2">
            <button type="button" className="btn-primary" onClick={() => void run(state.file, "commit")}>
              {t("commit")}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setState({ kind: "idle" })}>
              {t("cancel")}
            </button>
          </div>
        </div>
      )}

      {state.kind === "done" && (
        <div
          role="status"
          className="rounded bg-emerald-50 p-3 text-emerald-900 ring-1 ring-emerald-200"
          data-testid="import-done"
        >
          {props.doneText(state.answer)}
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
                <th scope="col" className="px-2 py-1">
                  {t("row")}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t("column")}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t("reason")}
                </th>
              </tr>
            </thead>
            <tbody>
              {state.errors.slice(0, 500).map((e) => (
                <tr key={`${e.row}-${e.column}-${e.reason}`} className="border-red-100 border-t">
                  <td className="px-2 py-1 tabular-nums">{e.row > 0 ? t("rowNo", { row: e.row }) : t("wholeFile")}</td>
                  <td className="px-2 py-1">{label(e.column)}</td>
                  <td className="px-2 py-1">{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.errors.length > 500 && (
            <p className="mt-1 text-red-900 text-sm">{t("more", { count: state.errors.length - 500 })}</p>
          )}
        </div>
      )}
    </div>
  );
}

/** The valid codes of an import, listed on its page (the template's code sheets say the same). */
export function ValidCodes({ groups }: { groups: { title: string; rows: { code: string; name: string }[] }[] }) {
  const t = useTranslations("importKit");
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="valid-codes-title">
      <h2 id="valid-codes-title" className="font-semibold">
        {t("validCodes")}
      </h2>
      {groups.map((g) => (
        <details key={g.title} className="mt-2">
          <summary className="cursor-pointer text-blue-700 text-sm">
            {g.title}（{g.rows.length}）
          </summary>
          <table className="mt-1 w-full text-sm" data-testid="valid-codes">
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-2 py-1">
                  {t("code")}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t("meaning")}
                </th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map((r) => (
                <tr key={r.code} className="border-slate-100 border-b">
                  <td className="px-2 py-1 font-mono">{r.code}</td>
                  <td className="px-2 py-1">{r.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  );
}
