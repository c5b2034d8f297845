import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionFilterForm } from "@/components/enforcement/action-filter-form";
import { FilterSelect, PageLinks } from "@/components/enforcement/list-parts";
import { ExportButtons } from "@/components/office/export-buttons";
import { db } from "@/lib/db";
import { INSPECTION_RESULTS } from "@/lib/domain/enforcement";
import { can } from "@/lib/permissions";
import { listInspections } from "@/lib/server/enforcement/list-inspections";
import { pathWithQuery, requireActor } from "../../session";
import { readFilters, type Search, unfilteredOnBadFilter, withQuery } from "../search";

const FILTERS = ["districtCode", "actionType", "mode", "result", "from", "to", "enterpriseId", "campaignId"] as const;

/** Inspections, filtered by the query (the dashboard's links land here). */
export default async function InspectionsPage({ searchParams }: { searchParams: Search }) {
  const { params, query, given } = await readFilters(searchParams, FILTERS);
  const actor = await requireActor(pathWithQuery("/enforcement/inspections", params));
  const t = await getTranslations("enforcement");
  const [districts, result] = await Promise.all([
    db.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } }),
    unfilteredOnBadFilter(listInspections(actor, { ...given, pageSize: 50 }), () => listInspections(actor, { pageSize: 50 })),
  ]);
  const all = t("common.all");
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="font-bold text-2xl">{t("inspections.title")}</h1>
        <div className="flex flex-wrap items-center gap-2">
          {can(actor, "listExport.read") && (
            <ExportButtons endpoint="/api/v1/inspections/export" query={given} testId="inspections" />
          )}
          {can(actor, "inspection.create") && (
            <Link href={withQuery("/enforcement/inspections/new", { enterpriseId: query.enterpriseId })} className="btn-primary">
              {t("inspections.new")}
            </Link>
          )}
        </div>
      </header>
      <ActionFilterForm query={query} districts={districts}>
        <FilterSelect
          name="result"
          label={t("inspections.result")}
          value={query.result}
          all={all}
          options={INSPECTION_RESULTS.map((r) => [r, t(`results.${r}`)] as const)}
        />
      </ActionFilterForm>
      <p className="text-slate-600 text-sm" data-testid="inspection-total">
        {t("common.total", { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <p className="card p-4 text-slate-600 text-sm">{t("common.none")}</p>
      ) : (
        <ul className="space-y-2" aria-label={t("inspections.title")}>
          {result.items.map((i) => (
            <li key={i.id} className="card p-3 text-sm" data-testid="inspection-row">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/enforcement/enterprises/${i.enterprise.id}`} className="link font-medium">
                  {i.enterprise.name}
                </Link>
                <span className="text-slate-600">
                  {i.inspectedOn} · {i.enterprise.districtName} · {t(`modes.${i.mode}` as "modes.CROSS")}
                  {i.action && ` · ${t(`actions.${i.action.type}` as "actions.NONE")}`}
                </span>
              </div>
              <p className="mt-1 text-slate-800">{i.findings}</p>
              <div className="mt-1 flex flex-wrap items-center gap-2 text-slate-600 text-xs">
                <span className={i.result === "VIOLATION" ? "font-semibold text-red-800" : ""}>
                  {t(`results.${i.result}` as "results.NO_ISSUE")}
                </span>
                <span>
                  {t("inspections.people")}：{i.inspectors.map((p) => p.name).join("、")}（{i.leadUnit.name}）
                </span>
                {i.photos.map((p) =>
                  p.hasThumb ? (
                    // biome-ignore lint/performance/noImgElement: a streamed thumbnail of our own API
                    <img
                      key={p.id}
                      src={`/api/v1/inspections/${i.id}/photos/${p.id}?variant=thumb`}
                      alt={p.name}
                      className="h-12 w-12 rounded object-cover"
                    />
                  ) : null,
                )}
                {i.cases.map((c) => (
                  <Link key={c.id} href={`/enforcement/cases/${c.id}`} className="link">
                    {c.number}
                  </Link>
                ))}
                {i.result === "VIOLATION" && i.cases.length === 0 && can(actor, "case.file") && (
                  <Link href={`/enforcement/cases/new?inspectionId=${i.id}`} className="link">
                    {t("inspections.fileCase")}
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <PageLinks
        page={result.page}
        pages={pages}
        href={(page) => withQuery("/enforcement/inspections", { ...query, page })}
        labels={{ prev: t("common.prev"), next: t("common.next"), page: t("common.page", { page: result.page }) }}
      />
    </div>
  );
}
