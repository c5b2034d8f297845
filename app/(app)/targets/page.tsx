import { getTranslations } from "next-intl/server";
import { TargetsEditor } from "@/components/targets/targets-editor";
import { bureauToday } from "@/lib/domain/calendar";
import { INDICATOR_CODES, INDICATORS } from "@/lib/domain/indicators";
import { can } from "@/lib/permissions";
import { getTargets } from "@/lib/server/targets/annual-targets";
import { pathWithQuery, requireActor } from "../session";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function TargetsPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/targets", params));
  const t = await getTranslations("annualTargets");
  const thisYear = bureauToday().getUTCFullYear();
  const asked = Number(Array.isArray(params.year) ? params.year[0] : params.year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const data = await getTargets(actor, { year: String(year) });
  const initial = Object.fromEntries(data.targets.map((x) => [`${x.unitCode}|${x.indicator}`, x.value]));
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="font-bold text-2xl">{t("title", { year })}</h1>
          <p className="max-w-3xl text-slate-600 text-sm">{t("intro")}</p>
        </div>
        <form method="get" className="flex items-end gap-2">
          <label className="flex flex-col text-sm">
            <span className="text-slate-600">{t("year")}</span>
            <select name="year" defaultValue={String(year)} className="rounded border border-slate-300 px-2 py-1.5">
              {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn-secondary">
            {t("show")}
          </button>
        </form>
      </header>
      <TargetsEditor
        key={year}
        year={year}
        units={data.units}
        indicators={INDICATOR_CODES.map((code) => ({ code, ...INDICATORS[code] }))}
        initial={initial}
        editable={can(actor, "target.manage")}
      />
    </div>
  );
}
