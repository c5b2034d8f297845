"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useToast } from "@/components/ui/toast";

type Outcome =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; count: number }
  | { kind: "rejected"; messages: string[] }
  | { kind: "failed"; message: string };

const field = "mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-base sm:text-sm";

/** Types a published list from the province's document and sends it to `POST /api/v1/published-lists`. */
export function PublishedListForm({
  indicators,
  defaultPeriod,
}: {
  indicators: { code: string; name: string }[];
  defaultPeriod: string;
}) {
  const t = useTranslations("publishedLists");
  const toast = useToast();
  const feedback = useTranslations("feedback");
  const locale = useLocale();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = {
      indicator: form.get("indicator"),
      period: form.get("period"),
      cumulative: form.get("cumulative") === "true",
      kind: form.get("kind"),
      scope: form.get("scope"),
      size: form.get("size"),
      source: form.get("source"),
      text: form.get("text"),
      replace: form.get("replace") === "on",
    };
    setOutcome({ kind: "saving" });
    try {
      const res = await fetch("/api/v1/published-lists", {
        method: "POST",
        // Row errors in the language the page is shown in, whatever the browser's own setting.
        headers: { "Content-Type": "application/json", "Accept-Language": locale },
        body: JSON.stringify(body),
      });
      const json = await res.json().catch(() => ({}));
      if (res.status === 201) {
        toast.show(feedback("imported"));
        setOutcome({ kind: "saved", count: json.entries?.length ?? 0 });
        router.refresh();
      } else if (res.status === 422 && json.error?.fields) {
        setOutcome({ kind: "rejected", messages: Object.values(json.error.fields as Record<string, string[]>).flat() });
      } else setOutcome({ kind: "failed", message: json.error?.message ?? String(res.status) });
    } catch (err) {
      setOutcome({ kind: "failed", message: String(err) });
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" noValidate>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <label className="text-sm">
          {t("indicator")}
          <select name="indicator" className={field} defaultValue={indicators[0]?.code}>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("period")}
          <input name="period" type="month" required className={field} defaultValue={defaultPeriod} />
        </label>
        <label className="text-sm">
          {t("cumulative")}
          <select name="cumulative" className={field} defaultValue="true">
            <option value="true">{t("cumulativeTrue")}</option>
            <option value="false">{t("cumulativeFalse")}</option>
          </select>
        </label>
        <label className="text-sm">
          {t("kind")}
          <select name="kind" className={field} defaultValue="WORST">
            <option value="WORST">{t("kindWORST")}</option>
            <option value="BEST">{t("kindBEST")}</option>
          </select>
        </label>
        <label className="text-sm">
          {t("scope")}
          <select name="scope" className={field} defaultValue="PROVINCE_COUNTIES">
            <option value="PROVINCE_COUNTIES">{t("scopePROVINCE_COUNTIES")}</option>
            <option value="PROVINCE_CITIES">{t("scopePROVINCE_CITIES")}</option>
          </select>
        </label>
        <label className="text-sm">
          {t("size")}
          <input name="size" type="number" min={1} max={100} required inputMode="numeric" className={field} defaultValue={10} />
        </label>
      </div>
      <label className="block text-sm">
        {t("source")}
        <input name="source" maxLength={200} className={field} />
      </label>
      <label className="block text-sm">
        {t("text")}
        <textarea name="text" rows={12} required aria-describedby="list-help" className={`${field} font-mono`} />
      </label>
      <p id="list-help" className="text-xs text-slate-500">
        {t("textHelp")}
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="replace" /> {t("replace")}
      </label>
      <button
        type="submit"
        disabled={outcome.kind === "saving"}
        className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {outcome.kind === "saving" ? t("saving") : t("submit")}
      </button>
      <div aria-live="polite">
        {outcome.kind === "saved" && (
          <p className="rounded bg-emerald-50 p-2 text-emerald-900 ring-1 ring-emerald-200">
            {t("saved", { count: outcome.count })}
          </p>
        )}
        {outcome.kind === "rejected" && (
          <div role="alert" className="rounded bg-red-50 p-3 text-red-900 ring-1 ring-red-200" data-testid="list-errors">
            <p className="font-medium">{t("errorsTitle")}</p>
            <ul className="mt-1 list-disc pl-5 text-sm">
              {outcome.messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        )}
        {outcome.kind === "failed" && (
          <p role="alert" className="rounded bg-red-50 p-2 text-red-900 ring-1 ring-red-200">
            {t("failed", { message: outcome.message })}
          </p>
        )}
      </div>
    </form>
  );
}

/** Deletes a wrongly imported list after a confirmation. */
export function DeletePublishedListButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations("publishedLists");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      aria-label={`${t("delete")} ${label}`}
      disabled={busy}
      className="rounded px-2 py-1 text-sm text-red-700 ring-1 ring-red-300 hover:bg-red-50 disabled:opacity-60"
      onClick={async () => {
        if (!window.confirm(t("confirmDelete"))) return;
        setBusy(true);
        await fetch(`/api/v1/published-lists/${id}`, { method: "DELETE" });
        setBusy(false);
        router.refresh();
      }}
    >
      {t("delete")}
    </button>
  );
}
