import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProgressBars } from "@/components/bottom-line/progress-bars";
import { BottomLineTabs } from "@/components/bottom-line/tabs";
import { BottomLinePanel } from "@/components/dashboard/bottom-line-panel";
import { NoPermission } from "@/components/ui/no-permission";
import { can } from "@/lib/permissions";
import { getBottomLineSummary } from "@/lib/server/bottom-line/get-bottom-line-summary";
import { requireActor } from "../session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("bottomLine.title")} · ${t("common.appName")}` };
}

/** 反思与底线 · 总览: whether the bottom line holds — sweeps, hazards, parks, closed firms — each figure leading to its rows. */
export default async function BottomLinePage() {
  const actor = await requireActor("/bottom-line");
  if (!can(actor, "sweep.read")) return <NoPermission />;
  const [summary, t] = await Promise.all([getBottomLineSummary(actor), getTranslations("bottomLine")]);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="mb-2 font-semibold text-slate-900 text-xl">{t("title")}</h1>
      <BottomLineTabs current="overview" />
      <p className="mb-3 text-slate-600 text-sm">{t("overview.intro")}</p>
      <BottomLinePanel summary={summary} />
      <section className="card mt-4 p-4">
        {summary.sweeps.total === 0 ? (
          <p className="text-slate-700 text-sm">{t("overview.noRunningSweep")}</p>
        ) : (
          <ProgressBars
            caption={t("overview.byDistrict", { running: summary.sweeps.running })}
            rows={summary.sweeps.byDistrict.map((d) => ({
              key: d.districtId,
              label: d.districtName,
              checked: d.checked,
              total: d.total,
              percent: d.percent,
              href: `/bottom-line/sweeps?district=${d.districtId}#hazards`,
            }))}
          />
        )}
      </section>
    </div>
  );
}
