import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExportButtons } from "@/components/office/export-buttons";
import { IncidentChart } from "@/components/reflection/incident-chart";
import { IncidentEdit } from "@/components/reflection/incident-edit";
import { IncidentForm } from "@/components/reflection/incident-form";
import { Badge } from "@/components/ui/badge";
import { NoPermission } from "@/components/ui/no-permission";
import { db } from "@/lib/db";
import { bureauToday, formatCalendarDate } from "@/lib/domain/calendar";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { listIncidents } from "@/lib/server/incidents/list-incidents";
import { requireActor } from "../../session";

const LEVEL_TONE = { GENERAL: "slate", LARGER: "amber", MAJOR: "orange", GRAVE: "red" } as const;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Incidents of a year with the month-by-month count against last year (遏制多发势头). */
export default async function IncidentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor("/bottom-line/incidents");
  if (!can(actor, "incident.read")) return <NoPermission />;
  const t = await getTranslations("incidents");
  const sp = await searchParams;
  const query = { year: one(sp.year), month: one(sp.month), districtCode: one(sp.districtCode), level: one(sp.level) };
  const page = await listIncidents(actor, query).catch((e: unknown) => {
    if (isAppError(e) && e.status === 422) return listIncidents(actor, {});
    throw e;
  });
  const recording = can(actor, "incident.record");
  const [districts, enterprises] = recording
    ? await Promise.all([
        db.district.findMany({
          where: actor.role === "FIELD_OFFICER" && actor.districtId ? { id: actor.districtId } : {},
          orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
          select: { code: true, name: true },
        }),
        db.enterprise.findMany({
          where: actor.role === "FIELD_OFFICER" && actor.districtId ? { districtId: actor.districtId } : {},
          orderBy: { name: "asc" },
          select: { id: true, name: true, district: { select: { code: true } } },
          take: 2000,
        }),
      ])
    : [[], []];
  const enterpriseOptions = enterprises.map((e) => ({ id: e.id, name: e.name, districtCode: e.district.code }));
  const today = formatCalendarDate(bureauToday());
  return (
    <div className="space-y-6">
      <header>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="font-bold text-2xl">
            {t("title")} · {page.year}
          </h1>
          {can(actor, "listExport.read") && (
            <ExportButtons endpoint="/api/v1/incidents/export" query={query} testId="incidents" />
          )}
        </div>
        <p className="text-slate-700" data-testid="incident-ytd">
          {t("ytd", { n: page.thisYear, m: page.lastYearSamePeriod })}
        </p>
        <nav className="mt-1 flex gap-3 text-sm" aria-label={t("title")}>
          <Link className="link" href={`/bottom-line/incidents?year=${page.year - 1}`}>
            ← {page.year - 1}
          </Link>
          <Link className="link" href={`/bottom-line/incidents?year=${page.year + 1}`}>
            {page.year + 1} →
          </Link>
        </nav>
      </header>
      <section className="card p-4" aria-labelledby="monthly-title">
        <h2 id="monthly-title" className="font-semibold text-lg">
          {t("monthly")}
        </h2>
        <IncidentChart
          months={page.monthly.map((m) => `${m.month}${t("month")}`)}
          thisYear={page.monthly.map((m) => m.thisYear)}
          lastYear={page.monthly.map((m) => m.lastYear)}
          labels={{ thisYear: t("thisYear"), lastYear: t("lastYear"), chart: t("monthly") }}
        />
      </section>
      <section aria-labelledby="list-title" className="space-y-2">
        <h2 id="list-title" className="font-semibold text-lg">
          {t("title")}
        </h2>
        {page.items.length === 0 ? (
          <p className="text-slate-600">{t("none")}</p>
        ) : (
          <ul className="space-y-2" data-testid="incident-list">
            {page.items.map((i) => (
              <li key={i.id} className="card p-3 text-sm">
                <p className="font-medium">
                  {i.occurredOn} · {i.title} <Badge tone={LEVEL_TONE[i.level]}>{t(`levels.${i.level}`)}</Badge>{" "}
                  <Badge tone="slate">{t(`types.${i.type}`)}</Badge>
                  {i.isDemo ? (
                    <Badge tone="amber" className="ml-1">
                      {t("demo")}
                    </Badge>
                  ) : null}
                </p>
                <p className="text-slate-600">
                  {i.district.name}
                  {i.enterprise ? ` · ${i.enterprise.name}` : ""}
                </p>
                <p>
                  {t("cause")}：{i.cause}
                </p>
                <p>
                  {t("response")}：{i.response}
                </p>
                {i.problems.length ? (
                  <p>
                    {t("problems")}：
                    {i.problems.map((p) => (
                      <Link key={p.id} className="link mr-2" href={`/problems/${p.id}`}>
                        {p.code}
                      </Link>
                    ))}
                  </p>
                ) : null}
                {recording && districts.length ? (
                  // Outside the paragraphs: the edit dialog is block content, which a <p> may not hold.
                  <div className="mt-1">
                    <IncidentEdit incident={i} districts={districts} enterprises={enterpriseOptions} today={today} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {recording && districts.length ? (
        <IncidentForm districts={districts} enterprises={enterpriseOptions} today={today} />
      ) : null}
    </div>
  );
}
