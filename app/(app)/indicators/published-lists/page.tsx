import { getTranslations } from "next-intl/server";
import { DeletePublishedListButton, PublishedListForm } from "@/components/dashboard/published-list-form";
import { INDICATOR_CODES } from "@/lib/domain/indicators";
import { can } from "@/lib/permissions";
import { latestPeriod } from "@/lib/server/indicators/get-city-standing";
import { listPublishedLists } from "@/lib/server/published-lists/list-published-lists";
import { requireActor } from "../../session";

const shanghai = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });

export default async function PublishedListsPage() {
  const actor = await requireActor("/indicators/published-lists");
  const t = await getTranslations("publishedLists");
  const d = await getTranslations("dashboard");
  const mayImport = can(actor, "indicator.import");
  const [{ items }, latest] = await Promise.all([listPublishedLists(actor, {}), latestPeriod()]);
  const defaultPeriod = latest ? `${latest.year}-${String(latest.month).padStart(2, "0")}` : "";
  const indicators = INDICATOR_CODES.map((code) => ({ code, name: d(`indicators.${code}`) }));

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {mayImport ? (
        <PublishedListForm indicators={indicators} defaultPeriod={defaultPeriod} />
      ) : (
        <p className="rounded bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">{t("forbidden")}</p>
      )}
      <section className="overflow-x-auto rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-2 font-semibold">{t("existing")}</h2>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <table className="w-full min-w-[40rem] text-sm" data-testid="published-lists">
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <th className="px-2 py-1.5">{t("colPeriod")}</th>
                <th className="px-2 py-1.5">{t("colList")}</th>
                <th className="px-2 py-1.5">{t("colUnits")}</th>
                <th className="px-2 py-1.5">{t("colBy")}</th>
                {mayImport && <th className="px-2 py-1.5" />}
              </tr>
            </thead>
            <tbody>
              {items.map((l) => {
                const label = `${l.period} ${d(`indicators.${l.indicator}`)} ${t(`kind${l.kind}`)}`;
                return (
                  <tr key={l.id} className="border-b border-slate-100 align-top">
                    <td className="px-2 py-1.5 whitespace-nowrap">
                      {l.period} · {l.cumulative ? t("cumulativeTrue") : t("cumulativeFalse")}
                    </td>
                    <td className="px-2 py-1.5">
                      {d(`indicators.${l.indicator}`)} · {t(`kind${l.kind}`).replace("N", String(l.size))} ·{" "}
                      {t(`scope${l.scope}`)}
                      {l.source && <div className="text-xs text-slate-500">{l.source}</div>}
                    </td>
                    <td className="px-2 py-1.5">
                      {l.entries.map((e) => `${e.printedRank}${e.tied ? "=" : ""} ${e.unitName}`).join("、")}
                    </td>
                    <td className="px-2 py-1.5 whitespace-nowrap">
                      {l.importedBy.name ?? "—"}
                      <div className="text-xs text-slate-500">{shanghai.format(new Date(l.createdAt))}</div>
                    </td>
                    {mayImport && (
                      <td className="px-2 py-1.5">
                        <DeletePublishedListButton id={l.id} label={label} />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
