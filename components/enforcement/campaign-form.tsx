"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** The tags that choose each action's targets by default (the coordinator may change them). */
export const DEFAULT_ACTION_TAGS: Record<string, string[]> = {
  VOCS_REDUCTION: ["VOCS_KEY"],
  CONSTRUCTION_SITE: ["CONSTRUCTION_SITE"],
  SECTION_COMPLIANCE: ["NEAR_SECTION"],
  EXITED_ENTERPRISE: ["CHEMICAL"],
  CONSTRUCTION_PROJECT: [],
  KEY_PETITION: [],
};

/** A new campaign: name, year, period and which of the six actions, each with its target tags; targets counted per district. */
export function CampaignForm({
  actionTypes,
  tags,
  year,
}: {
  actionTypes: readonly string[];
  tags: readonly string[];
  year: number;
}) {
  const t = useTranslations("enforcement");
  const router = useRouter();
  const [v, setV] = useState({
    name: `${year}年六大专项执法行动`,
    year: String(year),
    startsOn: `${year}-05-01`,
    endsOn: `${year}-09-30`,
  });
  const [actions, setActions] = useState<Record<string, string[] | null>>(
    Object.fromEntries(actionTypes.map((a) => [a, DEFAULT_ACTION_TAGS[a] ?? []])),
  );
  const [err, setErr] = useState<string | null>(null);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = {
      ...v,
      actions: Object.entries(actions)
        .filter(([, tagList]) => tagList !== null)
        .map(([type, targetTags]) => ({ type, targetTags })),
    };
    const res = await fetch("/api/v1/campaigns", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (res.ok) router.push(`/enforcement/campaigns/${json.id}`);
    else
      setErr(
        [json.error?.message, ...Object.values((json.error?.fields ?? {}) as Record<string, string[]>).flat()]
          .filter(Boolean)
          .join(" "),
      );
  }
  const input = "w-full rounded border border-slate-300 px-2 py-1.5";
  return (
    <details className="card p-3">
      <summary className="cursor-pointer font-medium text-sm">{t("campaigns.create")}</summary>
      <form onSubmit={submit} className="mt-2 grid gap-2 sm:grid-cols-4">
        {err && (
          <p role="alert" className="rounded bg-red-50 p-2 text-red-900 text-sm sm:col-span-4">
            {err}
          </p>
        )}
        <label className="text-sm sm:col-span-4">
          <span className="block">{t("campaigns.name")}</span>
          <input className={input} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
        </label>
        {(["year", "startsOn", "endsOn"] as const).map((k) => (
          <label key={k} className="text-sm">
            <span className="block">{t(`campaigns.${k}`)}</span>
            <input
              type={k === "year" ? "number" : "date"}
              className={input}
              value={v[k]}
              onChange={(e) => setV({ ...v, [k]: e.target.value })}
            />
          </label>
        ))}
        <fieldset className="text-sm sm:col-span-4">
          <legend className="font-medium">{t("campaigns.chooseActions")}</legend>
          {actionTypes.map((a) => (
            <div key={a} className="flex flex-wrap items-center gap-2 py-1">
              <label className="inline-flex w-32 items-center gap-1">
                <input
                  type="checkbox"
                  checked={actions[a] !== null}
                  onChange={(e) => setActions({ ...actions, [a]: e.target.checked ? (DEFAULT_ACTION_TAGS[a] ?? []) : null })}
                />
                {t(`actions.${a}` as "actions.NONE")}
              </label>
              {actions[a] !== null &&
                tags.map((tag) => (
                  <label key={tag} className="inline-flex items-center gap-1 text-slate-600 text-xs">
                    <input
                      type="checkbox"
                      checked={actions[a]?.includes(tag) ?? false}
                      onChange={(e) => {
                        const current = actions[a] ?? [];
                        setActions({ ...actions, [a]: e.target.checked ? [...current, tag] : current.filter((x) => x !== tag) });
                      }}
                    />
                    {t(`tags.${tag}` as "tags.CHEMICAL")}
                  </label>
                ))}
            </div>
          ))}
        </fieldset>
        <button type="submit" className="btn-primary sm:col-span-4">
          {t("campaigns.create")}
        </button>
      </form>
    </details>
  );
}
