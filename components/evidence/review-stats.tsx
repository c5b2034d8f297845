"use client";

import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { RETURN_REASONS } from "@/lib/domain/enums";
import type { ReviewStatsDto } from "@/lib/schemas/evidence";

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** Why proof gets sent back: returns counted by reason, as horizontal bars (the labels are long Chinese phrases). */
function ReasonChart({ labels, values, label }: { labels: string[]; values: number[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 12 } },
      yAxis: { type: "category", data: labels, inverse: true, axisLabel: { fontSize: 12 } },
      series: [
        {
          type: "bar",
          data: values,
          itemStyle: { color: "#b91c1c" },
          label: { show: true, position: "right", fontSize: 12 },
          barMaxWidth: 22,
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [labels, values]);
  return <div ref={ref} role="img" aria-label={label} className="h-64 w-full" data-testid="return-reason-chart" />;
}

type Row = { key: string; name: string; accepted: number; returned: number; pending: number };

function CountTable({ caption, head, rows }: { caption: string; head: string; rows: Row[] }) {
  const t = useTranslations("evidenceUi.stats");
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-1 text-left font-medium text-slate-800 text-sm">{caption}</caption>
        <thead className="bg-slate-100 text-left text-slate-600 text-xs">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {head}
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              {t("accepted")}
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              {t("returned")}
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              {t("returnRate")}
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              {t("pending")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 tabular-nums">
          {rows.map((r) => {
            const decided = r.accepted + r.returned;
            return (
              <tr key={r.key}>
                <th scope="row" className="px-2 py-1.5 text-left font-normal">
                  {r.name}
                </th>
                <td className="px-2 py-1.5 text-right">{r.accepted}</td>
                <td className="px-2 py-1.5 text-right">{r.returned}</td>
                <td className="px-2 py-1.5 text-right">{decided ? `${Math.round((r.returned / decided) * 100)}%` : "—"}</td>
                <td className="px-2 py-1.5 text-right">{r.pending}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The review statistics: totals, returns by reason (chart), and by district and lead unit. */
export function ReviewStats({ stats }: { stats: ReviewStatsDto }) {
  const t = useTranslations("evidenceUi.stats");
  const tr = useTranslations("enums.returnReason");
  const counts = RETURN_REASONS.map((r) => stats.byReason.find((b) => b.reasonCode === r)?.count ?? 0);
  const labels = RETURN_REASONS.map((r) => tr(r));
  const busy = (r: Row) => r.accepted + r.returned + r.pending > 0;
  return (
    <div className="space-y-4" data-testid="review-stats">
      <dl className="grid grid-cols-3 gap-2 text-center">
        {(["accepted", "returned", "pending"] as const).map((k) => (
          <div key={k} className="rounded-md bg-slate-50 p-2">
            <dt className="text-slate-600 text-xs">{t(k)}</dt>
            <dd className="font-semibold text-lg text-slate-900 tabular-nums" data-testid={`review-total-${k}`}>
              {stats.totals[k]}
            </dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className="font-medium text-slate-800 text-sm">{t("byReason")}</h3>
        {stats.totals.returned ? (
          <ReasonChart labels={labels} values={counts} label={t("chartLabel", { count: stats.totals.returned })} />
        ) : (
          <p className="mt-1 text-slate-600 text-sm">{t("noReturns")}</p>
        )}
      </div>
      <CountTable
        caption={t("byDistrict")}
        head={t("district")}
        rows={stats.byDistrict.map((d) => ({ key: d.districtId, name: d.districtName, ...d })).filter(busy)}
      />
      <CountTable
        caption={t("byLeadUnit")}
        head={t("leadUnit")}
        rows={stats.byLeadUnit.map((u) => ({ key: u.unitId, name: u.unitName, ...u })).filter(busy)}
      />
    </div>
  );
}
