"use client";

import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Incidents per month: this year's bars against last year's line. */
export function IncidentChart({
  months,
  thisYear,
  lastYear,
  labels,
}: {
  months: string[];
  thisYear: (number | null)[];
  lastYear: number[];
  labels: { thisYear: string; lastYear: string; chart: string };
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: months },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: labels.thisYear, type: "bar", data: thisYear, itemStyle: { color: "#b91c1c" } },
        {
          name: labels.lastYear,
          type: "line",
          data: lastYear,
          lineStyle: { color: "#64748b", type: "dashed" },
          itemStyle: { color: "#64748b" },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [months, thisYear, lastYear, labels]);
  return <div ref={ref} role="img" aria-label={labels.chart} className="h-64 w-full" data-testid="incident-chart" />;
}
