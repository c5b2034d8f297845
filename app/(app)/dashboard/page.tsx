import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TrendChart } from "@/components/charts/trend-chart";
import { AnnualTargets } from "@/components/dashboard/annual-targets";
import { BottomLinePanel } from "@/components/dashboard/bottom-line-panel";
import { BottomLineWatch } from "@/components/dashboard/bottom-line-watch";
import { BriefingDownload } from "@/components/dashboard/briefing-download";
import { ColourCounts } from "@/components/dashboard/colour-counts";
import { PenaltyBadge } from "@/components/dashboard/penalty-badge";
import { PenaltyPanel } from "@/components/dashboard/penalty-panel";
import { TargetBadgeLegend, TargetBadges } from "@/components/dashboard/target-badges";
import { DistrictMap } from "@/components/map/district-map";
import { ExportButtons } from "@/components/office/export-buttons";
import { ColourWhy } from "@/components/problems/colour-reason";
import { Badge } from "@/components/ui/badge";
import { bureauToday } from "@/lib/domain/calendar";
import { RED_RETURN_COUNT } from "@/lib/domain/colour";
import { INDICATOR_CODES, INDICATORS, type IndicatorCodeName } from "@/lib/domain/indicators";
import type { WhatIfResult } from "@/lib/domain/what-if";
import { can } from "@/lib/permissions";
import { getBottomLineSummary } from "@/lib/server/bottom-line/get-bottom-line-summary";
import type { PerformanceRow } from "@/lib/server/dashboard/get-dashboard-summary";
import { getDashboardSummary } from "@/lib/server/dashboard/get-dashboard-summary";
import { listAtRisk } from "@/lib/server/escalation/list-at-risk";
import { getCityStanding, getDistrictWhatIf, getTrend } from "@/lib/server/indicators/get-city-standing";
import { rankScope } from "@/lib/server/indicators/get-rankings";
import { isDemoIndicatorData } from "@/lib/server/indicators/is-demo-data";
import { getDistrictMap } from "@/lib/server/map/get-district-map";
import { getPenaltyPanel, listPenalisedDistrictCodes } from "@/lib/server/penalties/get-penalty-panel";
import { getBottomLineWatch } from "@/lib/server/self-reviews/get-bottom-line-watch";
import { readSettings } from "@/lib/server/settings/get-settings";
import { getTargetProgress } from "@/lib/server/targets/target-progress";
import { decidePenaltyAction, recordPenaltyPaymentAction } from "../penalties/actions";
import { requireActor } from "../session";

type Search = Promise<Record<string, string | string[] | undefined>>;

function pickIndicator(value: unknown): IndicatorCodeName {
  return (INDICATOR_CODES as readonly string[]).includes(String(value)) ? (value as IndicatorCodeName) : "PM25";
}

export default async function DashboardPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor("/dashboard");
  const t = await getTranslations("dashboard");
  const params = await searchParams;
  const indicator = pickIndicator(params.indicator);
  const meta = INDICATORS[indicator];
  const unitLabel = t(`units.${meta.unit}`);
  const indicatorName = t(`indicators.${indicator}`);

  const [standing, summary, demo, atRisk, bottomLine, settings, map] = await Promise.all([
    getCityStanding(actor),
    getDashboardSummary(actor),
    isDemoIndicatorData(actor),
    listAtRisk(actor, { pageSize: "20" }),
    getBottomLineWatch(actor),
    readSettings(actor),
    getDistrictMap(actor),
  ]);
  const period = standing.period;
  const [trend, districts, panel, penalised, whatIf] = period
    ? await Promise.all([
        getTrend(actor, indicator, true),
        rankScope("CITY_DISTRICTS", indicator, period.year, period.month, true),
        getPenaltyPanel(actor, period.year, period.month),
        listPenalisedDistrictCodes(period.year),
        getDistrictWhatIf(actor, indicator, period),
      ])
    : [null, null, null, new Set<string>(), null];
  const tp = await getTranslations("penalties");
  const targets = period ? await getTargetProgress(actor, period.year, period.month) : null;
  const bottomLineSummary = can(actor, "sweep.read") ? await getBottomLineSummary(actor) : null;

  const needText = (r: WhatIfResult | null, already?: boolean) => {
    if (already) return <Badge tone="emerald">{t("already")}</Badge>;
    if (!r) return "—";
    if (r.kind === "ALREADY_DECIDED") return r.beatsTarget ? t("onTrack") : t("impossible");
    if (!r.achievable) return <span className="text-red-700">{t("impossible")}</span>;
    const need =
      meta.direction === "LOWER_IS_BETTER"
        ? t("needAtMost", { value: `${r.neededAverage} ${unitLabel}` })
        : t("needAtLeast", { value: `${r.neededAverage} ${unitLabel}` });
    return (
      <span>
        {need} {r.onTrack && <Badge tone="emerald">{t("onTrack")}</Badge>}
      </span>
    );
  };

  const perfTable = (title: string, rows: PerformanceRow[], filterKey: "districtCode" | "leadUnitId" | "leadOfficialId") => (
    <div className="overflow-x-auto">
      <h3 className="mb-2 font-semibold text-slate-700">{title}</h3>
      <table className="w-full min-w-[36rem] text-sm">
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th className="px-2 py-1.5">{t("cols.name")}</th>
            <th className="px-2 py-1.5 text-right">{t("cols.total")}</th>
            <th className="px-2 py-1.5 text-right">{t("cols.open")}</th>
            <th className="px-2 py-1.5 text-right">{t("cols.overdue")}</th>
            <th className="px-2 py-1.5 text-right">{t("cols.overdueDays")}</th>
            <th className="px-2 py-1.5 text-right">{t("cols.red")}</th>
            <th className="px-2 py-1.5 text-right">{t("cols.yellow")}</th>
            <th className="px-2 py-1.5 text-right">{t("cols.onTime")}</th>
            <th className="px-2 py-1.5 text-right">{t("cols.lateReports")}</th>
            <th className="px-2 py-1.5 text-right">{t("cols.extensions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const value = filterKey === "districtCode" ? (r.code ?? "") : (r.key ?? "");
            const href = (extra = "") => `/problems?${filterKey}=${encodeURIComponent(value)}${extra}`;
            return (
              <tr key={r.key ?? "none"} className="border-b border-slate-100">
                <td className="px-2 py-1.5">{r.name ?? "—"}</td>
                <td className="px-2 py-1.5 text-right">
                  <Link className="text-blue-700 hover:underline" href={href()}>
                    {r.total}
                  </Link>
                </td>
                <td className="px-2 py-1.5 text-right">{r.open}</td>
                <td className="px-2 py-1.5 text-right">
                  <Link
                    className={r.overdue ? "font-semibold text-red-700 hover:underline" : "hover:underline"}
                    href={href("&overdue=true")}
                  >
                    {r.overdue}
                  </Link>
                </td>
                <td className="px-2 py-1.5 text-right">{r.overdueDays}</td>
                <td className="px-2 py-1.5 text-right">
                  <Link
                    className={r.red ? "font-semibold text-red-700 hover:underline" : "hover:underline"}
                    href={href("&colour=RED")}
                  >
                    {r.red}
                  </Link>
                </td>
                <td className="px-2 py-1.5 text-right">
                  <Link className="hover:underline" href={href("&colour=YELLOW")}>
                    {r.yellow}
                  </Link>
                </td>
                <td className="px-2 py-1.5 text-right">
                  {r.onTimeClosureRate === null ? "—" : `${Math.round(r.onTimeClosureRate * 100)}%`}
                </td>
                <td className="px-2 py-1.5 text-right">{r.lateReports}</td>
                <td className="px-2 py-1.5 text-right">{r.extensions}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("targetLine")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          {period && <span data-testid="dashboard-period">{t("period", { year: period.year, month: period.month })}</span>}
          {demo && <Badge tone="amber">{t("demo")}</Badge>}
          {can(actor, "briefing.read") && <BriefingDownload defaultMonth={bureauToday().toISOString().slice(0, 7)} />}
        </div>
      </header>

      <p className="rounded bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-slate-200">
        <Link href="/problems" className="hover:underline">
          {t("totals", {
            total: summary.totals.total,
            open: summary.totals.open,
            overdue: summary.totals.overdue,
            red: summary.totals.red,
          })}
        </Link>
      </p>

      <BottomLineWatch watch={bottomLine} />
      <ColourCounts
        counts={{
          RED: summary.totals.red,
          YELLOW: summary.totals.yellow,
          GREEN: summary.totals.green,
          BLUE: summary.totals.blue,
        }}
        paceMarginPct={settings.paceMarginPct}
        dueSoonDays={settings.dueSoonDays}
        returnLimit={RED_RETURN_COUNT}
      />
      <DistrictMap
        data={map}
        indicatorName={indicatorName}
        ranks={districts ? Object.fromEntries(districts.items.map((d) => [d.unitCode, d.rank])) : undefined}
      />

      {!period ? (
        <p className="rounded bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200">{t("noData")}</p>
      ) : (
        <>
          <section aria-label={t("title")} className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
            {standing.standings.map((s) => {
              const m = INDICATORS[s.indicator];
              const u = t(`units.${m.unit}`);
              const better = s.gapYtd === null ? null : m.direction === "LOWER_IS_BETTER" ? s.gapYtd < 0 : s.gapYtd > 0;
              return (
                <div
                  key={s.indicator}
                  data-testid={`standing-${s.indicator}`}
                  className={`rounded-lg bg-white p-3 shadow-sm ring-1 hover:ring-blue-400 ${s.indicator === indicator ? "ring-2 ring-blue-500" : "ring-slate-200"}`}
                >
                  <Link href={`/dashboard?indicator=${s.indicator}`} className="block">
                    <div className="text-sm text-slate-600">{t(`indicators.${s.indicator}`)}</div>
                    <div className="mt-1 flex items-baseline gap-2">
                      <span className="text-3xl font-bold tabular-nums">{s.ytd?.value ?? "—"}</span>
                      <span className="text-sm text-slate-500">
                        {u} · {t("ytd")}
                      </span>
                    </div>
                    <div className="mt-1 text-sm font-medium" data-testid={`city-rank-${s.indicator}`}>
                      {s.ytd?.rank ? t("rankOf", { rank: s.ytd.rank, total: s.cities }) : t("noRank")}
                      {s.month?.rank ? (
                        <span className="ml-2 text-xs text-slate-500">{t("monthRank", { rank: s.month.rank })}</span>
                      ) : null}
                    </div>
                    {s.changeYtd !== null && (
                      <div
                        className={`text-sm ${(m.direction === "LOWER_IS_BETTER" ? s.changeYtd <= 0 : s.changeYtd >= 0) ? "text-emerald-700" : "text-red-700"}`}
                      >
                        {t("yoy", { change: `${s.changeYtd > 0 ? "+" : ""}${s.changeYtd}${u ? ` ${u}` : ""}` })}
                      </div>
                    )}
                    {s.gapYtd !== null && (
                      <div className={`text-sm ${better ? "text-emerald-700" : "text-red-700"}`}>
                        {t("gap", { gap: `${s.gapYtd > 0 ? "+" : ""}${s.gapYtd}${u ? ` ${u}` : ""}` })}
                      </div>
                    )}
                  </Link>
                  {s.ytd && (
                    <div className="mt-2">
                      <TargetBadges
                        unit={s.ytd}
                        average={s.provincialAverageYtd}
                        unitLabel={u}
                        direction={m.direction}
                        indicatorName={t(`indicators.${s.indicator}`)}
                        cumulative
                        testId={`city-badges-${s.indicator}`}
                      />
                    </div>
                  )}
                </div>
              );
            })}
          </section>

          <TargetBadgeLegend />

          {trend && (
            <section className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
              <h2 className="mb-1 font-semibold">{t("trendTitle", { indicator: indicatorName })}</h2>
              <TrendChart
                label={t("chartLabel", { indicator: indicatorName })}
                unit={unitLabel}
                periods={trend.periods}
                series={[
                  { name: t("city"), values: trend.city.map((v) => (v === null ? null : Number(v))), colour: "#1d4ed8" },
                  {
                    name: t("province"),
                    values: trend.province.map((v) => (v === null ? null : Number(v))),
                    colour: "#64748b",
                    dashed: true,
                  },
                ]}
              />
            </section>
          )}

          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            {districts && (
              <section className="overflow-x-auto rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
                <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                  <h2 className="font-semibold">{t("districtTitle", { indicator: indicatorName })}</h2>
                  {period && can(actor, "listExport.read") && (
                    <ExportButtons
                      endpoint="/api/v1/rankings/export"
                      query={{
                        scope: "CITY_DISTRICTS",
                        indicator,
                        period: `${period.year}-${String(period.month).padStart(2, "0")}`,
                        cumulative: "true",
                      }}
                      testId="rankings"
                    />
                  )}
                </div>
                <table className="w-full text-sm" data-testid="district-ranking">
                  <thead className="bg-slate-100 text-left text-slate-600">
                    <tr>
                      <th className="px-2 py-1.5">{t("rank")}</th>
                      <th className="px-2 py-1.5">{t("district")}</th>
                      <th className="px-2 py-1.5 text-right">{t("value")}</th>
                      <th className="px-2 py-1.5">{t("status")}</th>
                      <th className="px-2 py-1.5">{t("ledger")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {districts.items.map((d) => (
                      <tr key={d.unitCode} className="border-b border-slate-100" data-testid={`district-${d.unitCode}`}>
                        <td className="px-2 py-1.5 tabular-nums">{d.rank ?? "—"}</td>
                        <td className="px-2 py-1.5">{d.unitName}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">{d.value ?? t("noRank")}</td>
                        <td className="px-2 py-1.5">
                          <TargetBadges
                            unit={d}
                            average={districts.provincialAverage}
                            unitLabel={unitLabel}
                            direction={meta.direction}
                            indicatorName={indicatorName}
                            cumulative
                          />
                          {penalised.has(d.unitCode) && <PenaltyBadge label={tp("badge")} title={tp("badgeTitle")} />}
                        </td>
                        <td className="px-2 py-1.5">
                          <Link className="text-blue-700 hover:underline" href={`/problems?districtCode=${d.unitCode}`}>
                            {t("ledger")}
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}

            {panel && <PenaltyPanel panel={panel} decide={decidePenaltyAction} pay={recordPenaltyPaymentAction} />}
          </div>

          {bottomLineSummary && <BottomLinePanel summary={bottomLineSummary} />}

          {whatIf && whatIf.items.length > 0 && (
            <section className="overflow-x-auto rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
              <h2 className="font-semibold">{t("whatIfTitle", { indicator: indicatorName })}</h2>
              <p className="mb-2 text-xs text-slate-500">{t("whatIfNote")}</p>
              <table className="w-full min-w-[32rem] text-sm" data-testid="what-if">
                <thead className="bg-slate-100 text-left text-slate-600">
                  <tr>
                    <th className="px-2 py-1.5">{t("district")}</th>
                    <th className="px-2 py-1.5 text-right">{t("value")}</th>
                    <th className="px-2 py-1.5">{t("toAverage")}</th>
                    <th className="px-2 py-1.5">{t("toTopThree")}</th>
                  </tr>
                </thead>
                <tbody>
                  {whatIf.items.map((w) => (
                    <tr key={w.unitCode} className="border-b border-slate-100">
                      <td className="px-2 py-1.5">{w.unitName}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{w.value}</td>
                      <td className="px-2 py-1.5">{needText(w.toAverage)}</td>
                      <td className="px-2 py-1.5">
                        {needText(w.toTopThree, w.toTopThree === null && w.rank !== null && w.rank <= 3)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}

          {targets && <AnnualTargets month={targets.month} lines={targets.lines} canEdit={can(actor, "target.manage")} />}
        </>
      )}

      <section className="overflow-x-auto rounded-lg bg-white p-3 shadow-sm ring-1 ring-red-200" data-testid="at-risk">
        <h2 className="mb-2 font-semibold text-red-900">{t("atRiskTitle", { total: atRisk.total })}</h2>
        {atRisk.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("atRiskNone")}</p>
        ) : (
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="bg-red-50 text-left text-red-900">
              <tr>
                <th className="px-2 py-1.5">{t("atRiskCols.problem")}</th>
                <th className="px-2 py-1.5">{t("atRiskCols.district")}</th>
                <th className="px-2 py-1.5">{t("atRiskCols.lead")}</th>
                <th className="px-2 py-1.5 text-right">{t("atRiskCols.overdue")}</th>
                <th className="px-2 py-1.5 text-right">{t("atRiskCols.progress")}</th>
                <th className="px-2 py-1.5">{t("atRiskCols.notice")}</th>
              </tr>
            </thead>
            <tbody>
              {atRisk.items.map((p) => (
                <tr key={p.id} className="border-b border-red-50">
                  <td className="px-2 py-1.5">
                    <Link href={`/problems/${p.id}`} className="text-blue-700 hover:underline">
                      <span className="font-mono text-xs">{p.code}</span> {p.title}
                    </Link>
                  </td>
                  <td className="px-2 py-1.5">{p.districtName}</td>
                  <td className="px-2 py-1.5">
                    {p.leadOfficialName ?? "—"} · {p.leadUnitName}
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums text-red-700">{p.overdueDays || "—"}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{p.progress}%</td>
                  <td className="px-2 py-1.5">
                    {p.escalation === "RED" ? <Badge tone="red">{t("redNotice")}</Badge> : null}{" "}
                    <ColourWhy colour={p.colour} reason={p.colourReason} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="space-y-4 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <h2 className="font-semibold">{t("rectTitle")}</h2>
        {perfTable(t("byDistrict"), summary.byDistrict, "districtCode")}
        {perfTable(t("byUnit"), summary.byLeadUnit, "leadUnitId")}
        {perfTable(t("byOfficial"), summary.byLeadOfficial, "leadOfficialId")}
      </section>
    </div>
  );
}
