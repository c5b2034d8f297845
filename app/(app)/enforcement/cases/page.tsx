import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExportButtons } from "@/components/office/export-buttons";
import { db } from "@/lib/db";
import { ACTION_TYPES, CASE_STATUSES, INSPECTION_MODES } from "@/lib/domain/enforcement";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { listCases } from "@/lib/server/enforcement/list-cases";
import { pathWithQuery, requireActor } from "../../session";
import { one, type Search, withQuery } from "../search";

const FILTERS = [
  "districtCode",
  "actionType",
  "mode",
  "status",
  "withProblem",
  "from",
  "to",
  "enterpriseId",
  "campaignId",
] as const;

/** Cases (立案查处), filtered by the query (the dashboard's links land here). */
export default async function CasesPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/enforcement/cases", params));
  const t = await getTranslations("enforcement");
  const query = Object.fromEntries([...FILTERS, "page"].map((k) => [k, one(params[k])])) as Record<string, string>;
  // Only the filters given: an empty value (an untouched select, no page) is no filter at all.
  const given = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ""));
  const [districts, result] = await Promise.all([
    db.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } }),
    listCases(actor, { ...given, pageSize: 50 }).catch((e: unknown) => {
      if (isAppError(e) && e.status === 422) return listCases(actor, { pageSize: 50 });
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
        <h1 className="font-bold text-2xl">{t("cases.title")}</h1>
        {can(actor, "listExport.read") && <ExportButtons endpoint="/api/v1/cases/export" query={given} testId="cases" />}
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
          "status",
          t("cases.status"),
          CASE_STATUSES.map((s) => [s, t(`caseStatus.${s}`)] as const),
        )}
        {select("withProblem", t("cases.problem"), [["true", t("cases.openProblem")]] as const)}
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("common.from")}</span>
          <input type="month" name="from" defaultValue={query.from} className="rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("common.to")}</span>
          <input type="month" name="to" defaultValue={query.to} className="rounded border border-slate-300 px-2 py-1.5" />
        </label>
        {query.enterpriseId && <input type="hidden" name="enterpriseId" value={query.enterpriseId} />}
        <button type="submit" className="btn-secondary">
          {t("common.apply")}
        </button>
      </form>
      <p className="text-slate-600 text-sm" data-testid="case-total">
        {t("common.total", { count: result.total })} · {t("cases.sum", { wan: (result.fineYuan / 10_000).toFixed(2) })}
      </p>
      {result.items.length === 0 ? (
        <p className="card p-4 text-slate-600 text-sm">{t("common.none")}</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="p-2">
                  {t("cases.number")}
                </th>
                <th scope="col" className="p-2">
                  {t("inspections.enterprise")}
                </th>
                <th scope="col" className="p-2">
                  {t("cases.violation")}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("cases.fine")}
                </th>
                <th scope="col" className="p-2">
                  {t("cases.status")}
                </th>
                <th scope="col" className="p-2">
                  {t("cases.problem")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((c) => (
                <tr key={c.id} className="border-slate-100 border-t" data-testid="case-row">
                  <td className="p-2 whitespace-nowrap">
                    <Link className="link" href={`/enforcement/cases/${c.id}`}>
                      {c.number}
                    </Link>
                  </td>
                  <td className="p-2">
                    {c.enterprise.name}
                    <span className="block text-slate-500 text-xs">{c.enterprise.districtName}</span>
                  </td>
                  <td className="p-2">{c.violation}</td>
                  <td className="p-2 text-right">{c.fineYuan.toLocaleString("zh-CN")}</td>
                  <td className="p-2">{t(`caseStatus.${c.status}` as "caseStatus.FILED")}</td>
                  <td className="p-2">
                    {c.problem ? (
                      <Link className="link" href={`/problems/${c.problem.id}`}>
                        {c.problem.code}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="flex gap-2 text-sm" aria-label={t("common.page", { page: result.page })}>
          {result.page > 1 && (
            <Link className="btn-secondary" href={withQuery("/enforcement/cases", { ...query, page: result.page - 1 })}>
              {t("common.prev")}
            </Link>
          )}
          <span className="self-center">
            {t("common.page", { page: result.page })} / {pages}
          </span>
          {result.page < pages && (
            <Link className="btn-secondary" href={withQuery("/enforcement/cases", { ...query, page: result.page + 1 })}>
              {t("common.next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
