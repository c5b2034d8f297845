import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExportButtons } from "@/components/office/export-buttons";
import { ReadingForm } from "@/components/reflection/reading-form";
import { TaihuTrend } from "@/components/reflection/taihu-trend";
import { ReadingsUpload } from "@/components/taihu/readings-upload";
import { Badge } from "@/components/ui/badge";
import { NoPermission } from "@/components/ui/no-permission";
import { seasonRange } from "@/lib/domain/taihu";
import { can } from "@/lib/permissions";
import { getSeasonBoard } from "@/lib/server/taihu/get-season-board";
import { requireActor } from "../../session";

const LEVEL_TONE = { 0: "emerald", 1: "amber", 2: "red" } as const;

/** The Taihu season board (太湖安全度夏): today's status per point, the season's trends against the thresholds, days over this season and last. */
export default async function TaihuPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor("/bottom-line/taihu");
  if (!can(actor, "taihu.read")) return <NoPermission />;
  const t = await getTranslations("taihu");
  const tp = await getTranslations("taihuPoints");
  const sp = await searchParams;
  const year = Number(Array.isArray(sp.year) ? sp.year[0] : sp.year);
  const board = await getSeasonBoard(actor, Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {});
  const demo = board.points.some((p) => p.isDemo);
  const recordable = can(actor, "taihu.record")
    ? board.points.filter((p) => actor.role !== "FIELD_OFFICER" || p.district?.id === actor.districtId)
    : [];
  return (
    <div className="space-y-6">
      <header>
        <h1 className="font-bold text-2xl">
          {t("title")} · {t("season", { year: board.year })}
          {demo ? (
            <Badge tone="amber" className="ml-2 align-middle">
              {t("demo")}
            </Badge>
          ) : null}
        </h1>
        <div className="flex flex-wrap items-center gap-3">
          {can(actor, "taihu.manage") ? (
            <Link className="link text-sm" href="/bottom-line/taihu/points">
              {tp("manage")}
            </Link>
          ) : null}
          {/* The season's readings in the upload's own columns. */}
          {can(actor, "listExport.read") && (
            <ExportButtons endpoint="/api/v1/taihu/readings/export" query={seasonRange(board.year)} testId="taihu-readings" />
          )}
        </div>
      </header>
      <section aria-labelledby="today-title" className="space-y-2">
        <h2 id="today-title" className="font-semibold text-lg">
          {t("today")} {board.today}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm" data-testid="taihu-today">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="py-2">{t("point")}</th>
                <th>{t("today")}</th>
                <th>{t("episodes")}</th>
                <th className="text-right">{t("daysOver")}</th>
                <th className="text-right">{t("daysOverLast")}</th>
              </tr>
            </thead>
            <tbody>
              {board.points.map((p) => (
                <tr key={p.id} id={`point-${p.code}`} className="border-slate-200 border-t">
                  <td className="py-2">
                    {p.name} <span className="text-slate-500 text-xs">{t(`kinds.${p.kind}`)}</span>
                  </td>
                  <td>
                    {p.todayLevel === null ? (
                      <Badge tone="slate">{t("noReading")}</Badge>
                    ) : (
                      <Badge tone={LEVEL_TONE[p.todayLevel as 0 | 1 | 2]}>{t(`levels.${p.todayLevel}`)}</Badge>
                    )}
                  </td>
                  <td>{p.openEpisode ? t("openEpisode", { day: p.openEpisode.startedOn }) : "—"}</td>
                  <td
                    className={`text-right tabular-nums ${p.daysOver > p.daysOverLastSeason ? "font-semibold text-red-700" : ""}`}
                  >
                    {p.daysOver}
                  </td>
                  <td className="text-right tabular-nums">{p.daysOverLastSeason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="trend-title" className="space-y-3">
        <h2 id="trend-title" className="font-semibold text-lg">
          {t("trend")}
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          {board.points
            .filter((p) => p.readings.length > 0)
            .map((p) => (
              <figure key={p.id} className="card p-3">
                <figcaption className="font-medium">
                  {p.name} · {t("algae")}
                </figcaption>
                <TaihuTrend
                  days={p.readings.map((r) => r.day.slice(5))}
                  values={p.readings.map((r) => r.algaeDensity)}
                  warn={p.algaeWarn}
                  alert={p.algaeAlert}
                  labels={{ series: t("algae"), warn: t("warnLine"), alert: t("alertLine"), chart: `${p.name} ${t("trend")}` }}
                />
              </figure>
            ))}
        </div>
      </section>
      {recordable.length ? (
        <ReadingForm points={recordable.map((p) => ({ code: p.code, name: p.name }))} today={board.today} />
      ) : null}
      {can(actor, "taihu.record") ? <ReadingsUpload /> : null}
    </div>
  );
}
