import Link from "next/link";
import { useTranslations } from "next-intl";
import type { BottomLineWatch as Watch } from "@/lib/server/self-reviews/get-bottom-line-watch";

/** Taihu today, incidents this year against last, and the open self-review round — each number a link to its rows. */
export function BottomLineWatch({ watch }: { watch: Watch }) {
  const t = useTranslations("bottomLineWatch");
  return (
    <section
      className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
      aria-labelledby="bottom-line-watch-title"
      data-testid="bottom-line-watch"
    >
      <h2 id="bottom-line-watch-title" className="font-semibold">
        {t("title")}
      </h2>
      <dl className="mt-2 grid gap-3 sm:grid-cols-3">
        {watch.taihu ? (
          <div>
            <dt className="text-slate-600 text-sm">{t("taihu")}</dt>
            <dd>
              <Link
                href="/bottom-line/taihu"
                className={`link font-semibold text-lg ${watch.taihu.over.length ? "text-red-700" : "text-emerald-800"}`}
              >
                {watch.taihu.over.length ? t("taihuAlerts", { n: watch.taihu.over.length }) : t("taihuOk")}
              </Link>
              {watch.taihu.missing ? (
                <Link href="/bottom-line/taihu" className="link block text-slate-600 text-xs">
                  {t("taihuMissing", { n: watch.taihu.missing })}
                </Link>
              ) : null}
            </dd>
          </div>
        ) : null}
        {watch.incidents ? (
          <div>
            <dt className="text-slate-600 text-sm">{t("incidents")}</dt>
            <dd>
              <Link
                href={`/bottom-line/incidents?year=${watch.incidents.year}`}
                className={`link font-bold text-2xl tabular-nums ${watch.incidents.thisYear > watch.incidents.lastYearSamePeriod ? "text-red-700" : ""}`}
              >
                {watch.incidents.thisYear}
              </Link>
              <Link
                href={`/bottom-line/incidents?year=${watch.incidents.year - 1}`}
                className="link block text-slate-600 text-xs"
              >
                {t("incidentsVs", { m: watch.incidents.lastYearSamePeriod })}
              </Link>
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="text-slate-600 text-sm">{t("reflection")}</dt>
          <dd>
            {watch.round ? (
              <>
                <Link href={`/bottom-line/self-reviews/${watch.round.id}`} className="link font-semibold text-lg">
                  {t("answered", { n: watch.round.submitted, total: watch.round.units })}
                </Link>
                {watch.round.late ? (
                  <Link
                    href={`/bottom-line/self-reviews/${watch.round.id}`}
                    className="link block font-medium text-red-700 text-sm"
                  >
                    {t("late", { n: watch.round.late })}
                  </Link>
                ) : null}
              </>
            ) : (
              <span className="text-slate-600 text-sm">{t("noRound")}</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
