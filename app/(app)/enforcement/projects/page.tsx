import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterSelect, ListTable } from "@/components/enforcement/list-parts";
import { ExportButtons } from "@/components/office/export-buttons";
import { SourceControlChart } from "@/components/offsite/source-control-chart";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { NoPermission } from "@/components/ui/no-permission";
import { db } from "@/lib/db";
import { SOURCE_CONTROL_ITEMS } from "@/lib/domain/source-control";
import { shanghaiMinute } from "@/lib/i18n/format-time";
import { can } from "@/lib/permissions";
import { PROJECT_STATUSES } from "@/lib/schemas/offsite";
import { listProjects } from "@/lib/server/projects/list-projects";
import { projectStatistics } from "@/lib/server/projects/project-statistics";
import { pathWithQuery, requireActor } from "../../session";
import { one, type Search, unfilteredOnBadFilter } from "../search";

const STATUS_TONE: Record<string, BadgeTone> = { SUBMITTED: "amber", PASSED: "emerald", REFUSED: "orange" };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("offsiteProjects.title")} · ${t("common.appName")}` };
}

/** 建设项目源头管控: the projects, and which of the eight items fails most, by district. */
export default async function ProjectsPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/enforcement/projects", params));
  if (!can(actor, "project.read")) return <NoPermission />;
  const [t, ti, ts, tf] = await Promise.all([
    getTranslations("offsiteProjects"),
    getTranslations("offsiteEnums.item"),
    getTranslations("offsiteEnums.projectStatus"),
    getTranslations("offsiteEnums.reportForm"),
  ]);
  const query = { status: one(params.status), districtId: one(params.districtId), page: one(params.page) };
  const [districts, result, stats] = await Promise.all([
    db.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true } }),
    unfilteredOnBadFilter(listProjects(actor, query), () => listProjects(actor, {})),
    projectStatistics(actor),
  ]);
  const top = stats.items[0];
  const chartItems = SOURCE_CONTROL_ITEMS.map((item) => ({
    name: ti(item),
    values: stats.byDistrict.map((d) => d.notMet[item]),
  }));

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="font-bold text-2xl">{t("title")}</h1>
          <p className="max-w-3xl text-slate-600 text-sm">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {can(actor, "listExport.read") && <ExportButtons endpoint="/api/v1/projects/export" query={query} testId="projects" />}
          {can(actor, "project.submit") && (
            <Link href="/enforcement/projects/new" className="btn-primary">
              {t("create")}
            </Link>
          )}
        </div>
      </header>

      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="stats-title">
        <h2 id="stats-title" className="font-semibold">
          {t("statsTitle")}
        </h2>
        <p className="text-sm" data-testid="stats-most">
          {top && top.notMet > 0 ? t("statsMost", { item: ti(top.item), count: top.notMet }) : t("statsNone")}
        </p>
        {stats.byDistrict.length > 0 && (
          <SourceControlChart
            districts={stats.byDistrict.map((d) => d.district.name)}
            items={chartItems}
            label={t("statsLabel")}
          />
        )}
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-700">{t("byDistrict")}</summary>
          <div className="overflow-x-auto">
            <table className="mt-2 w-full">
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="p-1">
                    {t("district")}
                  </th>
                  <th scope="col" className="p-1 text-right">
                    {t("projects")}
                  </th>
                  <th scope="col" className="p-1 text-right">
                    {t("passed")}
                  </th>
                  <th scope="col" className="p-1 text-right">
                    {t("refused")}
                  </th>
                  {SOURCE_CONTROL_ITEMS.map((i) => (
                    <th key={i} scope="col" className="p-1 text-right">
                      {ti(i)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {stats.byDistrict.map((d) => (
                  <tr key={d.district.id} className="border-t border-slate-100">
                    <th scope="row" className="p-1 text-left font-normal">
                      {d.district.name}
                    </th>
                    <td className="p-1 text-right tabular-nums">{d.projects}</td>
                    <td className="p-1 text-right tabular-nums">{d.passed}</td>
                    <td className="p-1 text-right tabular-nums">{d.refused}</td>
                    {SOURCE_CONTROL_ITEMS.map((i) => (
                      <td key={i} className="p-1 text-right tabular-nums">
                        {d.notMet[i]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <FilterSelect
          name="status"
          label={t("status")}
          value={query.status}
          all={t("allStatuses")}
          options={PROJECT_STATUSES.map((s) => [s, ts(s)] as const)}
        />
        <FilterSelect
          name="districtId"
          label={t("district")}
          value={query.districtId}
          all={t("allDistricts")}
          options={districts.map((d) => [d.id, d.name] as const)}
        />
        <button type="submit" className="btn-secondary">
          {t("apply")}
        </button>
      </form>

      {result.items.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-center text-slate-600 shadow-sm ring-1 ring-slate-200">{t("empty")}</p>
      ) : (
        <ListTable
          caption={t("total", { total: result.total })}
          captionHidden={false}
          headers={[
            { label: t("name") },
            { label: t("district") },
            { label: t("reportForm") },
            { label: t("stage") },
            { label: t("notMetCount"), end: true },
            { label: t("status") },
            { label: t("submittedAt") },
          ]}
        >
          {result.items.map((p) => (
            <tr key={p.id} className="border-t border-slate-100 hover:bg-slate-50">
              <td className="p-2">
                <Link href={`/enforcement/projects/${p.id}`} className="link font-medium">
                  {p.name}
                </Link>
                {p.isDemo && <span className="ml-1 text-amber-800 text-xs">（{t("demo")}）</span>}
                {p.enterprise && <div className="text-slate-500 text-xs">{p.enterprise.name}</div>}
              </td>
              <td className="p-2">{p.district.name}</td>
              <td className="p-2">{tf(p.reportForm)}</td>
              <td className="p-2">{p.stage}</td>
              <td className="p-2 text-right tabular-nums">{p.checklist.filter((c) => c.verdict === "NOT_MET").length}</td>
              <td className="p-2">
                <Badge tone={STATUS_TONE[p.status] ?? "slate"}>{ts(p.status)}</Badge>
              </td>
              <td className="whitespace-nowrap p-2 tabular-nums">{shanghaiMinute(p.createdAt)}</td>
            </tr>
          ))}
        </ListTable>
      )}
    </div>
  );
}
