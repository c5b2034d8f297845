"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useToast } from "@/components/ui/toast";

type Indicator = { code: string; direction: "LOWER_IS_BETTER" | "HIGHER_IS_BETTER"; unit: string; precision: number };

/** Annual targets as a table (units × indicators); only changed cells are sent, errors shown on their cell. */
export function TargetsEditor({
  year,
  units,
  indicators,
  initial,
  editable,
}: {
  year: number;
  units: { code: string; name: string }[];
  indicators: Indicator[];
  initial: Record<string, string>;
  editable: boolean;
}) {
  const t = useTranslations("annualTargets");
  const toast = useToast();
  const d = useTranslations("dashboard");
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [saved, setSaved] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const key = (unit: string, indicator: string) => `${unit}|${indicator}`;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const changed = Object.keys({ ...values, ...saved }).filter((k) => (values[k] ?? "").trim() !== (saved[k] ?? ""));
    if (changed.length === 0) {
      setMessage({ tone: "ok", text: t("nothing") });
      return;
    }
    const targets = changed.map((k) => {
      const [unitCode, indicator] = k.split("|");
      const v = (values[k] ?? "").trim();
      return { unitCode, indicator, value: v === "" ? null : v };
    });
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const res = await fetch("/api/v1/targets", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ year, targets }),
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok) {
        const next = Object.fromEntries(
          (body.targets as { unitCode: string; indicator: string; value: string }[]).map((x) => [
            key(x.unitCode, x.indicator),
            x.value,
          ]),
        );
        setSaved(next);
        setValues(next);
        setMessage({ tone: "ok", text: t("saved", { count: body.changed }) });
        toast.show(t("saved", { count: body.changed }));
        router.refresh();
      } else if (res.status === 422 && body.error?.fields) {
        const cellErrors: Record<string, string> = {};
        for (const [field, messages] of Object.entries(body.error.fields as Record<string, string[]>)) {
          const m = /^targets\.(\d+)\./.exec(field);
          const target = m ? targets[Number(m[1])] : undefined;
          if (target) cellErrors[key(target.unitCode as string, target.indicator as string)] = messages.join("；");
        }
        setErrors(cellErrors);
        setMessage({ tone: "bad", text: body.error.message });
      } else setMessage({ tone: "bad", text: body.error?.message ?? t("failed", { status: res.status }) });
    } catch {
      setMessage({ tone: "bad", text: t("network") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} className="space-y-3">
      <div className="overflow-x-auto rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <table className="w-full min-w-[56rem] text-sm" data-testid="targets-table">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-2 py-1.5">{t("unit")}</th>
              {indicators.map((i) => (
                <th key={i.code} className="px-2 py-1.5">
                  {d(`indicators.${i.code}`)}
                  <span className="block font-normal text-slate-500 text-xs">
                    {t(`direction.${i.direction}`)} {d(`units.${i.unit}`)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.code} className="border-slate-100 border-b">
                <th scope="row" className="px-2 py-1.5 text-left font-medium">
                  {u.name}
                </th>
                {indicators.map((i) => {
                  const k = key(u.code, i.code);
                  const error = errors[k];
                  return (
                    <td key={i.code} className="px-2 py-1.5 align-top">
                      {editable ? (
                        <input
                          value={values[k] ?? ""}
                          onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
                          inputMode="decimal"
                          aria-label={t("cellLabel", { unit: u.name, indicator: d(`indicators.${i.code}`) })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `err-${u.code}-${i.code}` : undefined}
                          className={`w-20 rounded border px-1.5 py-1 tabular-nums ${error ? "border-red-500" : "border-slate-300"}`}
                        />
                      ) : (
                        <span className="tabular-nums">{values[k] ?? "—"}</span>
                      )}
                      {error && (
                        <p id={`err-${u.code}-${i.code}`} className="mt-0.5 text-red-700 text-xs">
                          {error}
                        </p>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable ? (
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={busy} className="btn-primary">
            {busy ? t("saving") : t("save")}
          </button>
          {message && (
            <span
              role={message.tone === "bad" ? "alert" : "status"}
              className={message.tone === "bad" ? "text-red-700 text-sm" : "text-emerald-700 text-sm"}
            >
              {message.text}
            </span>
          )}
        </div>
      ) : (
        <p className="text-slate-600 text-sm">{t("readOnly")}</p>
      )}
    </form>
  );
}
