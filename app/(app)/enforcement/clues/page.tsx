import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterSelect, ListTable, PageLinks } from "@/components/enforcement/list-parts";
import { ExportButtons } from "@/components/office/export-buttons";
import { ClueStatusBadge, RuleBadge } from "@/components/offsite/clue-badges";
import { NoPermission } from "@/components/ui/no-permission";
import { db } from "@/lib/db";
import { CLUE_RULES } from "@/lib/domain/clue-detection";
import { shanghaiMinute } from "@/lib/i18n/format-time";
import { can } from "@/lib/permissions";
import { CLUE_STATUSES } from "@/lib/schemas/offsite";
import { listClues } from "@/lib/server/clues/list-clues";
import { getSettings } from "@/lib/server/settings/get-settings";
import { pathWithQuery, requireActor } from "../../session";
import { one, type Search, unfilteredOnBadFilter } from "../search";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("offsiteClues.title")} · ${t("common.appName")}` };
}

/** 非现场执法线索: by status, district and rule, newest first. */
export default async function CluesPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/enforcement/clues", params));
  if (!can(actor, "clue.read")) return <NoPermission />;
  const [t, tr, ts] = await Promise.all([
    getTranslations("offsiteClues"),
    getTranslations("offsiteEnums.rule"),
    getTranslations("offsiteEnums.clueStatus"),
  ]);
  const query = {
    status: one(params.status),
    rule: one(params.rule),
    districtId: one(params.districtId),
    page: one(params.page),
  };
  const [districts, settings, result] = await Promise.all([
    db.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true } }),
    getSettings(),
    unfilteredOnBadFilter(listClues(actor, query), () => listClues(actor, {})),
  ]);
  const pageHref = (page: number) => pathWithQuery("/enforcement/clues", { ...params, page: String(page) });
  const statusHref = (status: string) => pathWithQuery("/enforcement/clues", { ...params, status, page: undefined });

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="font-bold text-2xl">{t("title")}</h1>
          <p className="max-w-3xl text-slate-600 text-sm">
            {t("intro", {
              exceedance: settings.clueExceedanceHours,
              flatline: settings.clueFlatlineHours,
              gap: settings.clueGapHours,
            })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {can(actor, "listExport.read") && <ExportButtons endpoint="/api/v1/clues/export" query={query} testId="clues" />}
          {can(actor, "monitoring.import") && (
            <Link href="/enforcement/clues/import" className="btn-primary">
              {t("import")}
            </Link>
          )}
        </div>
      </header>

      <nav aria-label={t("status")} className="flex flex-wrap gap-2">
        {["", ...CLUE_STATUSES].map((s) => {
          const current = (query.status || "") === s;
          const count = s ? (result.counts[s] ?? 0) : Object.values(result.counts).reduce((n, c) => (n ?? 0) + (c ?? 0), 0);
          return (
            <Link
              key={s || "all"}
              href={statusHref(s)}
              aria-current={current ? "page" : undefined}
              className={`rounded-full px-3 py-1.5 text-sm ring-1 ${current ? "bg-blue-700 text-white ring-blue-700" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              {s ? ts(s as "OPEN") : t("allStatuses")} <span className="tabular-nums">{count}</span>
            </Link>
          );
        })}
      </nav>

      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
        aria-label={t("filters")}
      >
        {query.status && <input type="hidden" name="status" value={query.status} />}
        <FilterSelect
          name="districtId"
          label={t("district")}
          value={query.districtId}
          all={t("allDistricts")}
          options={districts.map((d) => [d.id, d.name] as const)}
        />
        <FilterSelect
          name="rule"
          label={t("rule")}
          value={query.rule}
          all={t("allRules")}
          options={CLUE_RULES.map((r) => [r, tr(r)] as const)}
        />
        <button type="submit" className="btn-secondary">
          {t("apply")}
        </button>
      </form>

      {result.items.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-center text-slate-600 shadow-sm ring-1 ring-slate-200">{t("empty")}</p>
      ) : (
        <ListTable
          caption={t("title")}
          headers={[
            { label: t("enterprise") },
            { label: `${t("outlet")} · ${t("pollutant")}` },
            { label: t("rule") },
            { label: t("window") },
            { label: t("hours"), end: true },
            { label: t("peak"), end: true },
            { label: t("status") },
            { label: t("assignee") },
          ]}
        >
          {result.items.map((c) => (
            <tr key={c.id} className="border-t border-slate-100 hover:bg-slate-50">
              <td className="p-2">
                <Link href={`/enforcement/clues/${c.id}`} className="link font-medium">
                  {c.enterprise.name}
                </Link>
                <div className="text-slate-500 text-xs">
                  {c.district.name}
                  {c.enterprise.isDemo && <span className="ml-1 text-amber-800">（{t("demo")}）</span>}
                </div>
              </td>
              <td className="p-2">
                {c.outletCode} · {c.pollutant}
              </td>
              <td className="p-2">
                <RuleBadge rule={c.rule} />
              </td>
              <td className="whitespace-nowrap p-2 tabular-nums">
                {shanghaiMinute(c.windowStart)} – {shanghaiMinute(c.windowEnd).slice(5)}
              </td>
              <td className="p-2 text-right tabular-nums">{t("hoursValue", { hours: c.hours })}</td>
              <td className="p-2 text-right tabular-nums">
                {c.peak === null ? "—" : `${c.peak}${c.limit !== null ? ` / ${c.limit}` : ""} ${c.unit}`}
              </td>
              <td className="p-2">
                <ClueStatusBadge status={c.status} />
              </td>
              <td className="p-2">{c.assignee?.displayName ?? "—"}</td>
            </tr>
          ))}
        </ListTable>
      )}
      <PageLinks
        page={result.page}
        pages={Math.max(1, Math.ceil(result.total / result.pageSize))}
        href={pageHref}
        labels={{ prev: t("previous"), next: t("next"), page: t("pageOf", { page: result.page }) }}
        summary={t("total", { total: result.total })}
      />
    </div>
  );
}
