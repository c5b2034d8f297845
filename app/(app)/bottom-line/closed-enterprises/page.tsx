import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BottomLineTabs } from "@/components/bottom-line/tabs";
import { ExportButtons } from "@/components/office/export-buttons";
import { Badge } from "@/components/ui/badge";
import { NoPermission } from "@/components/ui/no-permission";
import { CLOSURE_STAGES } from "@/lib/domain/bottom-line";
import { can } from "@/lib/permissions";
import { listClosedEnterprises } from "@/lib/server/closed-enterprises/list-closed-enterprises";
import { pathWithQuery, requireActor } from "../../session";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("bottomLine.tabs.closedEnterprises")} · ${t("common.appName")}` };
}

/** 退出化工企业: chemical firms closed in the last N years, the closure stage each has reached, and who was re-checked this year. */
export default async function ClosedEnterprisesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/bottom-line/closed-enterprises", params));
  if (!can(actor, "closedEnterprise.read")) return <NoPermission />;
  const notRechecked = params.notRechecked === "true";
  const [data, t] = await Promise.all([
    listClosedEnterprises(actor, notRechecked ? { notRechecked: "true" } : {}),
    getTranslations("bottomLine"),
  ]);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="mb-2 font-semibold text-slate-900 text-xl">{t("title")}</h1>
      <BottomLineTabs current="closedEnterprises" />
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <p className="text-slate-600 text-sm">{t("closed.intro", { years: data.years })}</p>
        {can(actor, "listExport.read") && (
          <ExportButtons
            endpoint="/api/v1/closed-enterprises/export"
            query={{ notRechecked: notRechecked ? "true" : undefined }}
            testId="closed-enterprises"
          />
        )}
      </div>
      <nav aria-label={t("closed.filters")} className="mb-3 flex flex-wrap gap-2">
        <Link
          href="/bottom-line/closed-enterprises"
          aria-current={!notRechecked ? "true" : undefined}
          className={notRechecked ? "btn-secondary" : "btn-primary"}
        >
          {t("closed.all")}
        </Link>
        <Link
          href="/bottom-line/closed-enterprises?notRechecked=true"
          aria-current={notRechecked ? "true" : undefined}
          className={notRechecked ? "btn-primary" : "btn-secondary"}
        >
          {t("closed.notRechecked", { count: data.notRechecked })}
        </Link>
      </nav>
      {data.items.length === 0 ? (
        <p className="card p-4 text-slate-700 text-sm">{t("closed.empty")}</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="w-full text-sm" data-testid="closed-table">
            <caption className="sr-only">{t("closed.caption", { count: data.items.length })}</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("closed.name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("closed.district")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("closed.closedOn")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("closed.stage")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("closed.lastRecheck")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id} className="border-slate-100 border-t" data-testid="closed-row">
                  <td className="px-3 py-2">
                    <Link href={`/bottom-line/closed-enterprises/${e.id}`} className="link font-medium">
                      {e.name}
                    </Link>
                    <div className="text-slate-500 text-xs">{e.creditCode}</div>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{e.district.name}</td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">{e.closedOn}</td>
                  <td className="px-3 py-2">
                    <span className="sr-only">
                      {t("closed.stagesDone", { done: e.stagesDone, total: CLOSURE_STAGES.length })}
                    </span>
                    <span aria-hidden className="mr-2 inline-flex gap-0.5 align-middle">
                      {CLOSURE_STAGES.map((s, i) => (
                        <span key={s} className={`h-2 w-4 rounded-sm ${i < e.stagesDone ? "bg-blue-700" : "bg-slate-200"}`} />
                      ))}
                    </span>
                    {e.stageReached ? t(`stage.${e.stageReached}`) : t("closed.noStage")}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {e.lastRecheck ? (
                      <>
                        <span className="tabular-nums">{e.lastRecheck.checkedOn}</span>{" "}
                        <Badge tone={e.lastRecheck.ok ? "emerald" : "red"}>
                          {e.lastRecheck.ok ? t("recheck.ok") : t("recheck.notOk")}
                        </Badge>
                      </>
                    ) : (
                      <span className="text-slate-500">{t("closed.never")}</span>
                    )}
                    {!e.recheckedThisYear && <div className="font-medium text-amber-800 text-xs">{t("closed.dueThisYear")}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
