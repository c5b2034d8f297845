"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

type Fields = Record<string, string[]>;

async function send(
  url: string,
  body: unknown,
): Promise<{ ok: boolean; json: { id?: string; error?: { message?: string; fields?: Fields } } }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { ok: res.ok, json: await res.json().catch(() => ({})) };
}

function Errors({ message, fields }: { message: string | null; fields: Fields }) {
  if (!message && !Object.keys(fields).length) return null;
  return (
    <div role="alert" className="rounded bg-red-50 p-2 text-red-900 text-sm">
      {message && <p>{message}</p>}
      <ul className="list-disc pl-5">
        {Object.entries(fields).map(([k, v]) => (
          <li key={k}>{v.join(" ")}</li>
        ))}
      </ul>
    </div>
  );
}

const input = "w-full rounded border border-slate-300 px-3 py-2";

/** 立案: a case from an inspection that found a violation; fine in whole yuan. */
export function FileCaseForm({
  inspectionId,
  today,
  measures,
}: {
  inspectionId: string;
  today: string;
  measures: readonly string[];
}) {
  const t = useTranslations("enforcement");
  const router = useRouter();
  const [v, setV] = useState({ violation: "", legalBasis: "", fineYuan: "0", measures: [] as string[], filedOn: today });
  const [err, setErr] = useState<{ message: string | null; fields: Fields }>({ message: null, fields: {} });
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await send("/api/v1/cases", { inspectionId, ...v });
    setBusy(false);
    if (r.ok) router.push(`/enforcement/cases/${r.json.id}`);
    else setErr({ message: r.json.error?.message ?? null, fields: r.json.error?.fields ?? {} });
  }
  return (
    <form onSubmit={submit} className="card max-w-xl space-y-3 p-4">
      <Errors {...err} />
      <label className="block text-sm">
        <span className="font-medium">{t("cases.violation")}</span>
        <textarea rows={3} className={input} value={v.violation} onChange={(e) => setV({ ...v, violation: e.target.value })} />
      </label>
      <label className="block text-sm">
        <span className="font-medium">{t("cases.legalBasis")}</span>
        <input className={input} value={v.legalBasis} onChange={(e) => setV({ ...v, legalBasis: e.target.value })} />
      </label>
      <div className="grid grid-cols-2 gap-3">
        <label className="block text-sm">
          <span className="font-medium">{t("cases.fine")}</span>
          <input
            inputMode="numeric"
            className={input}
            value={v.fineYuan}
            onChange={(e) => setV({ ...v, fineYuan: e.target.value })}
          />
        </label>
        <label className="block text-sm">
          <span className="font-medium">{t("cases.filedOn")}</span>
          <input type="date" className={input} value={v.filedOn} onChange={(e) => setV({ ...v, filedOn: e.target.value })} />
        </label>
      </div>
      <fieldset className="text-sm">
        <legend className="font-medium">{t("cases.measures")}</legend>
        {measures.map((m) => (
          <label key={m} className="mr-4 inline-flex items-center gap-1">
            <input
              type="checkbox"
              checked={v.measures.includes(m)}
              onChange={(e) =>
                setV({ ...v, measures: e.target.checked ? [...v.measures, m] : v.measures.filter((x) => x !== m) })
              }
            />
            {t(`measures.${m}` as "measures.SEAL_UP")}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn-primary" disabled={busy}>
        {t("cases.new")}
      </button>
    </form>
  );
}

/** The case's next step, and 立为台账问题 for coordinators. */
export function CaseActions({
  caseId,
  version,
  next,
  today,
  canMove,
  canOpen,
  units,
  categories,
  bands,
}: {
  caseId: string;
  version: number;
  next: { status: string; label: string } | null;
  today: string;
  canMove: boolean;
  canOpen: boolean;
  units: { id: string; name: string }[];
  categories: { value: string; label: string }[];
  bands: { value: string; label: string }[];
}) {
  const t = useTranslations("enforcement.cases");
  const router = useRouter();
  const [on, setOn] = useState(today);
  const [p, setP] = useState({ leadUnitId: "", category: categories[0]?.value ?? "", deadlineBand: "SHORT", deadline: "" });
  const [err, setErr] = useState<{ message: string | null; fields: Fields }>({ message: null, fields: {} });
  const [busy, setBusy] = useState(false);
  const run = async (url: string, body: unknown) => {
    setBusy(true);
    const r = await send(url, body);
    setBusy(false);
    if (r.ok) {
      setErr({ message: null, fields: {} });
      router.refresh();
    } else setErr({ message: r.json.error?.message ?? null, fields: r.json.error?.fields ?? {} });
  };
  return (
    <div className="space-y-3">
      <Errors {...err} />
      {canMove && next && (
        <form
          className="card flex flex-wrap items-end gap-2 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void run(`/api/v1/cases/${caseId}/transitions`, { to: next.status, on, version });
          }}
        >
          <label className="text-sm">
            <span className="block">{t("on")}</span>
            <input
              type="date"
              className="rounded border border-slate-300 px-2 py-1.5"
              value={on}
              onChange={(e) => setOn(e.target.value)}
            />
          </label>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("next", { status: next.label })}
          </button>
        </form>
      )}
      {canOpen && (
        <form
          className="card grid gap-2 p-3 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            void run(`/api/v1/cases/${caseId}/problem`, p);
          }}
        >
          <h2 className="font-semibold sm:col-span-2">{t("openProblem")}</h2>
          <label className="text-sm">
            <span className="block">{t("leadUnit")}</span>
            <select
              className="w-full rounded border border-slate-300 px-2 py-1.5"
              value={p.leadUnitId}
              onChange={(e) => setP({ ...p, leadUnitId: e.target.value })}
            >
              <option value="">—</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block">{t("category")}</span>
            <select
              className="w-full rounded border border-slate-300 px-2 py-1.5"
              value={p.category}
              onChange={(e) => setP({ ...p, category: e.target.value })}
            >
              {categories.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block">{t("deadlineBand")}</span>
            <select
              className="w-full rounded border border-slate-300 px-2 py-1.5"
              value={p.deadlineBand}
              onChange={(e) => setP({ ...p, deadlineBand: e.target.value })}
            >
              {bands.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block">{t("deadline")}</span>
            <input
              type="date"
              className="w-full rounded border border-slate-300 px-2 py-1.5"
              value={p.deadline}
              onChange={(e) => setP({ ...p, deadline: e.target.value })}
            />
          </label>
          <button type="submit" className="btn-primary sm:col-span-2" disabled={busy}>
            {t("openProblem")}
          </button>
        </form>
      )}
    </div>
  );
}
