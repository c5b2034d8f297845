import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewParkLink } from "@/components/bottom-line/new-links";
import { BottomLineTabs } from "@/components/bottom-line/tabs";
import { ExportButtons } from "@/components/office/export-buttons";
import { ColourBadge } from "@/components/problems/colour-badge";
import { NoPermission } from "@/components/ui/no-permission";
import { PREVENTION_LEVELS } from "@/lib/domain/bottom-line";
import { can } from "@/lib/permissions";
import { listParks } from "@/lib/server/parks/list-parks";
import { requireActor } from "../../session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("bottomLine.tabs.parks")} · ${t("common.appName")}` };
}

/** 三级防控: each park's completion per level (enterprise, park, water body), coloured by pace, and its latest assessment. */
export default async function ParksPage() {
  const actor = await requireActor("/bottom-line/parks");
  if (!can(actor, "park.read")) return <NoPermission />;
  const [parks, t] = await Promise.all([listParks(actor), getTranslations("bottomLine")]);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="mb-2 font-semibold text-slate-900 text-xl">{t("title")}</h1>
      <BottomLineTabs current="parks" />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-slate-600 text-sm">{t("parks.intro")}</p>
        <div className="flex flex-wrap items-center gap-2">
          {can(actor, "listExport.read") && <ExportButtons endpoint="/api/v1/parks/export" query={{}} testId="parks" />}
          {can(actor, "park.manage") && <NewParkLink />}
        </div>
      </div>
      {parks.items.length === 0 ? (
        <p className="card p-4 text-slate-700 text-sm">{t("parks.empty")}</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="w-full text-sm" data-testid="parks-table">
            <caption className="sr-only">{t("parks.caption")}</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("parks.name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("parks.district")}
                </th>
                {PREVENTION_LEVELS.map((l) => (
                  <th key={l} scope="col" className="px-3 py-2">
                    {t(`preventionLevel.${l}`)}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2">
                  {t("parks.all")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("parks.assessment")}
                </th>
              </tr>
            </thead>
            <tbody>
              {parks.items.map((p) => (
                <tr key={p.id} className="border-slate-100 border-t" data-testid="park-row">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    <Link href={`/bottom-line/parks/${p.id}`} className="link">
                      {p.name}
                    </Link>
                    <div className="font-normal text-slate-500 text-xs">{t(`parkKind.${p.kind}`)}</div>
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap">{p.district.name}</td>
                  {p.levels.map((l) => (
                    <td key={l.level} className="px-3 py-2 whitespace-nowrap">
                      {l.items === 0 ? (
                        <span className="text-slate-400">{t("parks.noItems")}</span>
                      ) : (
                        <>
                          <span className="tabular-nums">
                            {t("parks.cell", { percent: l.percent, done: l.done, items: l.items })}
                          </span>{" "}
                          {l.colour && <ColourBadge colour={l.colour} />}
                        </>
                      )}
                    </td>
                  ))}
                  <td className="px-3 py-2 whitespace-nowrap">
                    <span className="font-medium tabular-nums">{p.all.percent}%</span>{" "}
                    {p.all.colour && <ColourBadge colour={p.all.colour} />}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {p.assessments[0]
                      ? `${p.assessments[0].assessedOn} · ${t(`assessment.${p.assessments[0].result}`)}`
                      : t("parks.notAssessed")}
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
