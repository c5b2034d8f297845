"use client";

import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export type TrendSeries = { name: string; values: (number | null)[]; colour: string; dashed?: boolean };

/** A line chart of monthly values (city against province); SVG, so it stays sharp on a wall screen. */
export function TrendChart({
  periods,
  series,
  unit,
  label,
}: {
  periods: string[];
  series: TrendSeries[];
  unit: string;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      legend: { top: 0, textStyle: { fontSize: 13 } },
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (v == null ? "—" : `${v} ${unit}`) },
      xAxis: { type: "category", data: periods, axisLabel: { fontSize: 12 } },
      yAxis: { type: "value", scale: true, axisLabel: { fontSize: 12 } },
      series: series.map((s) => ({
        name: s.name,
        type: "line",
        data: s.values,
        connectNulls: false,
        symbolSize: 5,
        lineStyle: { color: s.colour, width: 2.5, type: s.dashed ? "dashed" : "solid" },
        itemStyle: { color: s.colour },
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [periods, series, unit]);
  return <div ref={ref} role="img" aria-label={label} className="h-72 w-full" data-testid="trend-chart" />;
}
