import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClassStrip, classColour, stripSummary } from "@/components/sections/class-strip";
import { db } from "@/lib/db";
import { DEMO_INDICATOR_FILE } from "@/lib/domain/indicators";
import { classLabel, WATER_CLASSES } from "@/lib/domain/water-sections";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { listSections } from "@/lib/server/sections/list-sections";
import { pathWithQuery, requireActor } from "../session";

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function SectionsPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/sections", params));
  const t = await getTranslations("sections");
  const query = {
    districtCode: one(params.districtCode),
    level: one(params.level),
    meets: one(params.meets),
    period: one(params.period),
  };
  const [districts, demo, result] = await Promise.all([
    db.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } }),
    db.waterSectionImport.findFirst({ where: { fileName: DEMO_INDICATOR_FILE }, select: { id: true } }),
    // A hand-edited, invalid filter shows the whole register rather than an error page.
    listSections(actor, query).catch((e: unknown) => {
      if (isAppError(e) && e.status === 422) return listSections(actor, {});
      throw e;
    }),
  ]);
  const manage = can(actor, "section.manage");
  const period = result.period;

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="font-bold text-2xl">
            {t("title")}
            {demo && (
              <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 align-middle font-medium text-amber-900 text-xs ring-1 ring-amber-300">
                {t("demo")}
              </span>
            )}
          </h1>
          <p className="max-w-3xl text-slate-600 text-sm">{t("intro")}</p>
        </div>
        {manage && (
          <div className="flex flex-wrap gap-2">
            <Link href="/sections/import" className="btn-secondary">
              {t("importResults")}
            </Link>
            <Link href="/sections/new" className="btn-primary">
              {t("create")}
            </Link>
          </div>
        )}
      </header>

      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
        aria-label={t("filters")}
      >
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("district")}</span>
          <select name="districtCode" defaultValue={query.districtCode} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t("allDistricts")}</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("level")}</span>
          <select name="level" defaultValue={query.level} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t("allLevels")}</option>
            <option value="NATIONAL">{t("levels.NATIONAL")}</option>
            <option value="PROVINCIAL">{t("levels.PROVINCIAL")}</option>
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("meets", { period })}</span>
          <select name="meets" defaultValue={query.meets} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t("meetsAll")}</option>
            <option value="true">{t("meetsYes")}</option>
            <option value="false">{t("meetsNo")}</option>
          </select>
        </label>
        {query.period && <input type="hidden" name="period" value={query.period} />}
        <button type="submit" className="btn-secondary">
          {t("apply")}
        </button>
      </form>

      <section className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="text-slate-600">{t("count", { count: result.items.length })}</span>
          <ul className="flex flex-wrap items-center gap-2 text-slate-600 text-xs" aria-label={t("legend")}>
            {WATER_CLASSES.map((c) => (
              <li key={c} className="inline-flex items-center gap-1">
                <span className={`inline-block h-3 w-3 rounded-[2px] ${classColour(c)}`} aria-hidden="true" />
                {classLabel(c)}
              </li>
            ))}
            <li className="inline-flex items-center gap-1">
              <span className={`inline-block h-3 w-3 rounded-[2px] ${classColour(null)}`} aria-hidden="true" />
              {t("noResult")}
            </li>
          </ul>
        </div>
        <p className="mb-2 text-slate-500 text-xs">{t("classes")}</p>
        {result.items.length === 0 ? (
          <p className="text-slate-600 text-sm">{t("none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm sm:min-w-[48rem]" data-testid="sections">
              <thead className="bg-slate-100 text-left text-slate-600">
                <tr>
                  <th className="px-2 py-1.5">{t("name")}</th>
                  <th className="hidden px-2 py-1.5 sm:table-cell">{t("district")}</th>
                  <th className="hidden px-2 py-1.5 sm:table-cell">{t("level")}</th>
                  <th className="hidden px-2 py-1.5 sm:table-cell">{t("targetClass")}</th>
                  <th className="px-2 py-1.5">{t("thisMonth", { period })}</th>
                  <th className="hidden px-2 py-1.5 sm:table-cell">{t("strip")}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((s) => {
                  const latest = s.months.at(-1);
                  return (
                    <tr key={s.id} className="border-slate-100 border-b" data-testid={`section-${s.code}`}>
                      <td className="px-2 py-1.5">
                        <Link href={`/sections/${s.id}`} className="font-medium text-blue-700 hover:underline">
                          {s.name}
                        </Link>
                        <div className="text-slate-500 text-xs">
                          <span className="font-mono">{s.code}</span> · {s.waterBody}
                          {!s.active && ` · ${t("inactive")}`}
                        </div>
                        {/* Phones: district, level and the strip under the name instead of in columns of their own. */}
                        <div className="mt-1 space-y-1 sm:hidden">
                          <div className="text-slate-600 text-xs">
                            {s.districtName} · {t(`levels.${s.level}`)} · {t("targetClass")} {s.targetClassLabel}
                          </div>
                          <ClassStrip
                            months={s.months}
                            noResult={t("noResult")}
                            missedText={t("missed")}
                            label={t("stripLabel", { name: s.name, summary: stripSummary(s.months, t("missed"), t("noResult")) })}
                          />
                        </div>
                      </td>
                      <td className="hidden px-2 py-1.5 sm:table-cell">{s.districtName}</td>
                      <td className="hidden px-2 py-1.5 sm:table-cell">{t(`levels.${s.level}`)}</td>
                      <td className="hidden px-2 py-1.5 sm:table-cell">{s.targetClassLabel}</td>
                      <td className="px-2 py-1.5">
                        {latest?.classLabel ? (
                          <span className={latest.missed ? "font-semibold text-red-700" : "text-emerald-700"}>
                            {latest.classLabel} · {latest.missed ? t("missed") : t("met")}
                          </span>
                        ) : (
                          <span className="text-slate-500">{t("noResult")}</span>
                        )}
                      </td>
                      <td className="hidden px-2 py-1.5 sm:table-cell">
                        <ClassStrip
                          months={s.months}
                          testId={`strip-${s.code}`}
                          noResult={t("noResult")}
                          missedText={t("missed")}
                          label={t("stripLabel", { name: s.name, summary: stripSummary(s.months, t("missed"), t("noResult")) })}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
