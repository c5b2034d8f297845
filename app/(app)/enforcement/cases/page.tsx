import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionFilterForm } from "@/components/enforcement/action-filter-form";
import { FilterSelect, ListTable, PageLinks } from "@/components/enforcement/list-parts";
import { ExportButtons } from "@/components/office/export-buttons";
import { db } from "@/lib/db";
import { CASE_STATUSES } from "@/lib/domain/enforcement";
import { can } from "@/lib/permissions";
import { listCases } from "@/lib/server/enforcement/list-cases";
import { pathWithQuery, requireActor } from "../../session";
import { readFilters, type Search, unfilteredOnBadFilter, withQuery } from "../search";

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
  const { params, query, given } = await readFilters(searchParams, FILTERS);
  const actor = await requireActor(pathWithQuery("/enforcement/cases", params));
  const t = await getTranslations("enforcement");
  const [districts, result] = await Promise.all([
    db.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } }),
    unfilteredOnBadFilter(listCases(actor, { ...given, pageSize: 50 }), () => listCases(actor, { pageSize: 50 })),
  ]);
  const all = t("common.all");
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="font-bold text-2xl">{t("cases.title")}</h1>
        {can(actor, "listExport.read") && <ExportButtons endpoint="/api/v1/cases/export" query={given} testId="cases" />}
      </header>
      <ActionFilterForm query={query} districts={districts}>
        <FilterSelect
          name="status"
          label={t("cases.status")}
          value={query.status}
          all={all}
          options={CASE_STATUSES.map((s) => [s, t(`caseStatus.${s}`)] as const)}
        />
        <FilterSelect
          name="withProblem"
          label={t("cases.problem")}
          value={query.withProblem}
          all={all}
          options={[["true", t("cases.openProblem")]]}
        />
      </ActionFilterForm>
      <p className="text-slate-600 text-sm" data-testid="case-total">
        {t("common.total", { count: result.total })} · {t("cases.sum", { wan: (result.fineYuan / 10_000).toFixed(2) })}
      </p>
      {result.items.length === 0 ? (
        <p className="card p-4 text-slate-600 text-sm">{t("common.none")}</p>
      ) : (
        <ListTable
          caption={t("cases.title")}
          headers={[
            { label: t("cases.number") },
            { label: t("inspections.enterprise") },
            { label: t("cases.violation") },
            { label: t("cases.fine"), end: true },
            { label: t("cases.status") },
            { label: t("cases.problem") },
          ]}
        >
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
        </ListTable>
      )}
      <PageLinks
        page={result.page}
        pages={pages}
        href={(page) => withQuery("/enforcement/cases", { ...query, page })}
        labels={{ prev: t("common.prev"), next: t("common.next"), page: t("common.page", { page: result.page }) }}
      />
    </div>
  );
}
