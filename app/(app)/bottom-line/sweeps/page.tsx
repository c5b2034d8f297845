import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HazardTable } from "@/components/bottom-line/hazard-table";
import { NewSweepLink } from "@/components/bottom-line/new-links";
import { BottomLineTabs } from "@/components/bottom-line/tabs";
import { ExportButtons } from "@/components/office/export-buttons";
import { NoPermission } from "@/components/ui/no-permission";
import { HAZARD_LEVELS } from "@/lib/domain/bottom-line";
import { can } from "@/lib/permissions";
import { listHazards } from "@/lib/server/hazards/list-hazards";
import { listSweeps } from "@/lib/server/sweeps/list-sweeps";
import { pathWithQuery, requireActor } from "../../session";
import { hazardsToProblemsAction } from "../actions";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("bottomLine.tabs.sweeps")} · ${t("common.appName")}` };
}

/** 隐患排查: the sweeps with their progress, and the hazards found (filtered by level, open, overdue, district, sweep). */
export default async function SweepsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/bottom-line/sweeps", params));
  if (!can(actor, "sweep.read")) return <NoPermission />;
  const filters = {
    level: first(params.level),
    open: first(params.open),
    overdue: first(params.overdue),
    districtId: first(params.district),
    sweepId: first(params.sweep),
  };
  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  const [sweeps, hazards, t, ts] = await Promise.all([
    listSweeps(actor),
    listHazards(actor, clean).catch(() => listHazards(actor, {})),
    getTranslations("bottomLine"),
    getTranslations("sweepState"),
  ]);
  const level = (l: string) => t(`level.${l}`);
  const chip = (href: string, label: string, active: boolean) => (
    <Link
      key={href}
      href={href}
      aria-current={active ? "true" : undefined}
      className={`inline-flex min-h-10 items-center rounded-full border px-3 text-sm ${active ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="mb-2 font-semibold text-slate-900 text-xl">{t("title")}</h1>
      <BottomLineTabs current="sweeps" />
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold text-lg">{t("sweeps.heading")}</h2>
        <div className="flex flex-wrap items-center gap-2">
          {can(actor, "listExport.read") && <ExportButtons endpoint="/api/v1/sweeps/export" query={{}} testId="sweeps" />}
          {can(actor, "sweep.manage") && <NewSweepLink />}
        </div>
      </div>
      {sweeps.items.length === 0 ? (
        <p className="card p-4 text-slate-700 text-sm">{t("sweeps.empty")}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {sweeps.items.map((s) => (
            <li key={s.id} className="card p-4">
              <Link
                href={`/bottom-line/sweeps/${s.id}`}
                className="font-medium text-blue-800 hover:underline"
                data-testid="sweep-link"
              >
                {s.title}
              </Link>
              {s.isDemo && <span className="ml-2 text-amber-800 text-xs">{t("demo")}</span>}
              <p className="text-slate-600 text-sm">
                {t("sweeps.window", { from: s.startsOn, to: s.endsOn })} · {s.template.name}
              </p>
              <p className="mt-1 text-sm">
                {ts(s.state)} ·{" "}
                {t("sweeps.progress", { checked: s.progress.checked, total: s.progress.total, percent: s.progress.percent })} ·{" "}
                <Link href={`/bottom-line/sweeps?sweep=${s.id}#hazards`} className="link">
                  {t("sweeps.hazardCount", { count: s.hazards.total })}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <section id="hazards" className="card mt-6" aria-labelledby="hazards-title">
        <div className="border-slate-200 border-b p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="hazards-title" className="font-semibold text-lg">
              {t("hazards.heading", { count: hazards.total })}
            </h2>
            {can(actor, "listExport.read") && <ExportButtons endpoint="/api/v1/hazards/export" query={clean} testId="hazards" />}
          </div>
          <nav aria-label={t("hazards.filters")} className="mt-2 flex flex-wrap gap-2">
            {chip("/bottom-line/sweeps#hazards", t("hazards.all"), Object.keys(clean).length === 0)}
            {chip("/bottom-line/sweeps?open=true#hazards", t("hazards.open"), clean.open === "true" && !clean.level)}
            {chip("/bottom-line/sweeps?overdue=true#hazards", t("hazards.overdueOnly"), clean.overdue === "true")}
            {HAZARD_LEVELS.map((l) =>
              chip(
                `/bottom-line/sweeps?level=${l}&open=true#hazards`,
                t("hazards.openOfLevel", { level: level(l) }),
                clean.level === l,
              ),
            )}
          </nav>
        </div>
        <HazardTable items={hazards.items} canConvert={can(actor, "hazard.toProblem")} convert={hazardsToProblemsAction} />
      </section>
    </div>
  );
}
