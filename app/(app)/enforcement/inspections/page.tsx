import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExportButtons } from "@/components/office/export-buttons";
import { db } from "@/lib/db";
import { ACTION_TYPES, INSPECTION_MODES, INSPECTION_RESULTS } from "@/lib/domain/enforcement";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { listInspections } from "@/lib/server/enforcement/list-inspections";
import { pathWithQuery, requireActor } from "../../session";
import { one, type Search, withQuery } from "../search";

const FILTERS = ["districtCode", "actionType", "mode", "result", "from", "to", "enterpriseId", "campaignId"] as const;

/** Inspections, filtered by the query (the dashboard's links land here). */
export default async function InspectionsPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/enforcement/inspections", params));
  const t = await getTranslations("enforcement");
  const query = Object.fromEntries([...FILTERS, "page"].map((k) => [k, one(params[k])])) as Record<string, string>;
  // Only the filters given: an empty value (an untouched select, no page) is no filter at all.
  const given = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ""));
  const [districts, result] = await Promise.all([
    db.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } }),
    listInspections(actor, { ...given, pageSize: 50 }).catch((e: unknown) => {
      if (isAppError(e) && e.status === 422) return listInspections(actor, { pageSize: 50 });
      throw e;
    }),
  ]);
  const select = (name: string, label: string, options: readonly (readonly [string, string])[]) => (
    <label className="flex flex-col text-sm">
      <span className="text-slate-600">{label}</span>
      <select name={name} defaultValue={query[name]} className="rounded border border-slate-300 px-2 py-1.5">
        <option value="">{t("common.all")}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
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
      <form method="get" className="card flex flex-wrap items-end gap-3 p-3" aria-label={t("common.apply")}>
        {select(
          "districtCode",
          t("common.district"),
          districts.map((d) => [d.code, d.name] as const),
        )}
        {select(
          "actionType",
          t("inspections.action"),
          ACTION_TYPES.map((a) => [a, t(`actions.${a}`)] as const),
        )}
        {select(
          "mode",
          t("inspections.mode"),
          INSPECTION_MODES.map((m) => [m, t(`modes.${m}`)] as const),
        )}
        {select(
          "result",
          t("inspections.result"),
          INSPECTION_RESULTS.map((r) => [r, t(`results.${r}`)] as const),
        )}
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("common.from")}</span>
          <input type="month" name="from" defaultValue={query.from} className="rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("common.to")}</span>
          <input type="month" name="to" defaultValue={query.to} className="rounded border border-slate-300 px-2 py-1.5" />
        </label>
        {query.enterpriseId && <input type="hidden" name="enterpriseId" value={query.enterpriseId} />}
        {query.campaignId && <input type="hidden" name="campaignId" value={query.campaignId} />}
        <button type="submit" className="btn-secondary">
          {t("common.apply")}
        </button>
      </form>
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
      {pages > 1 && (
        <nav className="flex gap-2 text-sm" aria-label={t("common.page", { page: result.page })}>
          {result.page > 1 && (
            <Link className="btn-secondary" href={withQuery("/enforcement/inspections", { ...query, page: result.page - 1 })}>
              {t("common.prev")}
            </Link>
          )}
          <span className="self-center">
            {t("common.page", { page: result.page })} / {pages}
          </span>
          {result.page < pages && (
            <Link className="btn-secondary" href={withQuery("/enforcement/inspections", { ...query, page: result.page + 1 })}>
              {t("common.next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
