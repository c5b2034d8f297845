import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EnforcementBars } from "@/components/enforcement/enforcement-chart";
import { isAppError } from "@/lib/errors";
import { getEnforcementSummary, type SummaryRow } from "@/lib/server/enforcement/get-enforcement-summary";
import { pathWithQuery, requireActor } from "../session";
import { one, type Search, withQuery } from "./search";

/** 执法成效: the enforcement dashboard; every number links to its rows on the list pages. */
export default async function EnforcementDashboard({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/enforcement", params));
  const t = await getTranslations("enforcement");
  const asked = { from: one(params.from), to: one(params.to) };
  const s = await getEnforcementSummary(actor, asked).catch((e: unknown) => {
    if (isAppError(e) && e.status === 422) return getEnforcementSummary(actor, {});
    throw e;
  });
  const range = { from: s.from, to: s.to };
  const inspections = (f: Record<string, string>) => withQuery("/enforcement/inspections", { ...range, ...f });
  const cases = (f: Record<string, string>) => withQuery("/enforcement/cases", { ...range, ...f });
  const filterOf = (dim: "actionType" | "mode" | "districtCode" | "month", key: string): Record<string, string> =>
    dim === "month" ? { from: key, to: key } : key === "NONE" ? {} : { [dim]: key };
  const table = (
    title: string,
    dim: "actionType" | "mode" | "districtCode" | "month",
    rows: SummaryRow[],
    label: (r: SummaryRow) => string,
  ) => (
    <section className="card overflow-x-auto p-3" aria-labelledby={`h-${dim}`}>
      <h2 id={`h-${dim}`} className="mb-2 font-semibold">
        {title}
      </h2>
      <table className="w-full text-sm">
        <thead className="text-left text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-2">
              {t("dashboard.dimension")}
            </th>
            <th scope="col" className="px-2 text-right">
              {t("dashboard.inspections")}
            </th>
            <th scope="col" className="px-2 text-right">
              {t("dashboard.violations")}
            </th>
            <th scope="col" className="px-2 text-right">
              {t("dashboard.cases")}
            </th>
            <th scope="col" className="px-2 text-right">
              {t("dashboard.fines")}
            </th>
            <th scope="col" className="px-2 text-right">
              {t("dashboard.problemsOpened")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const f = filterOf(dim, r.key);
            return (
              <tr key={r.key} className="border-slate-100 border-t">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {label(r)}
                </th>
                <td className="px-2 text-right">
                  <Link className="link" href={inspections(f)} data-testid={`drill-${dim}-${r.key}`}>
                    {r.inspections}
                  </Link>
                </td>
                <td className="px-2 text-right">
                  <Link className="link" href={inspections({ ...f, result: "VIOLATION" })}>
                    {r.violations}
                  </Link>
                </td>
                <td className="px-2 text-right">
                  <Link className="link" href={cases(f)}>
                    {r.cases}
                  </Link>
                </td>
                <td className="px-2 text-right">
                  <Link className="link" href={cases(f)}>
                    {r.fineWan.toFixed(2)}
                  </Link>
                </td>
                <td className="px-2 text-right">
                  <Link className="link" href={cases({ ...f, withProblem: "true" })}>
                    {r.problemsOpened}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
  const totals = [
    { key: "inspections", value: String(s.totals.inspections), href: inspections({}) },
    { key: "violations", value: String(s.totals.violations), href: inspections({ result: "VIOLATION" }) },
    { key: "cases", value: String(s.totals.cases), href: cases({}) },
    { key: "fines", value: s.totals.fineWan.toFixed(2), href: cases({}) },
    { key: "problemsOpened", value: String(s.totals.problemsOpened), href: cases({ withProblem: "true" }) },
  ] as const;
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-bold text-2xl">{t("dashboard.title")}</h1>
          <p className="max-w-3xl text-slate-600 text-sm">{t("dashboard.intro")}</p>
        </div>
        <form method="get" className="flex flex-wrap items-end gap-2" aria-label={t("dashboard.title")}>
          <label className="flex flex-col text-sm">
            <span className="text-slate-600">{t("common.from")}</span>
            <input type="month" name="from" defaultValue={s.from} className="rounded border border-slate-300 px-2 py-1.5" />
          </label>
          <label className="flex flex-col text-sm">
            <span className="text-slate-600">{t("common.to")}</span>
            <input type="month" name="to" defaultValue={s.to} className="rounded border border-slate-300 px-2 py-1.5" />
          </label>
          <button type="submit" className="btn-secondary">
            {t("common.apply")}
          </button>
          <a className="btn-secondary" href={withQuery("/api/v1/enforcement/summary/export", range)} download>
            {t("common.exportXlsx")}
          </a>
        </form>
      </header>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {totals.map((x) => (
          <li key={x.key} className="card p-3">
            <Link href={x.href} className="block" data-testid={`total-${x.key}`}>
              <span className="block text-slate-600 text-xs">{t(`dashboard.${x.key}`)}</span>
              <span className="font-bold text-2xl text-slate-900">{x.value}</span>
            </Link>
          </li>
        ))}
        <li className="card p-3">
          <span className="block text-slate-600 text-xs">{t("dashboard.clues")}</span>
          <span className="font-bold text-2xl text-slate-900">
            {s.totals.cluesRaised ?? "—"} / {s.totals.cluesHandled ?? "—"}
          </span>
          {s.totals.cluesRaised === null && <span className="block text-slate-500 text-xs">{t("dashboard.cluesPending")}</span>}
        </li>
      </ul>
      <section className="card p-3">
        <h2 className="mb-1 font-semibold">{t("dashboard.byMonth")}</h2>
        <EnforcementBars
          label={t("dashboard.chartLabel")}
          categories={s.byMonth.map((m) => m.key)}
          links={s.byMonth.map((m) => inspections({ from: m.key, to: m.key }))}
          series={[
            { name: t("dashboard.inspections"), values: s.byMonth.map((m) => m.inspections), colour: "#0369a1" },
            { name: t("dashboard.violations"), values: s.byMonth.map((m) => m.violations), colour: "#d97706" },
            { name: t("dashboard.cases"), values: s.byMonth.map((m) => m.cases), colour: "#b91c1c" },
          ]}
        />
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        {table(t("dashboard.byAction"), "actionType", s.byAction, (r) => t(`actions.${r.key}` as "actions.NONE"))}
        {table(t("dashboard.byMode"), "mode", s.byMode, (r) => t(`modes.${r.key}` as "modes.CROSS"))}
        {table(t("dashboard.byDistrict"), "districtCode", s.byDistrict, (r) => r.label ?? r.key)}
        {table(t("dashboard.byMonth"), "month", s.byMonth, (r) => r.key)}
      </div>
    </div>
  );
}
