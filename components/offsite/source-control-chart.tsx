"use client";

import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const COLOURS = ["#1d4ed8", "#0891b2", "#059669", "#65a30d", "#d97706", "#dc2626", "#7c3aed", "#db2777"];

/** NOT_MET counts by district, one stacked bar per district, one colour per checklist item. */
export function SourceControlChart({
  districts,
  items,
  label,
}: {
  districts: string[];
  items: { name: string; values: number[] }[];
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 16, top: 64, bottom: 32 },
      legend: { top: 0, textStyle: { fontSize: 12 } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "category", data: districts, axisLabel: { fontSize: 12 } },
      yAxis: { type: "value", minInterval: 1 },
      series: items.map((s, i) => ({
        name: s.name,
        type: "bar",
        stack: "notMet",
        data: s.values,
        itemStyle: { color: COLOURS[i % COLOURS.length] },
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [districts, items]);
  return <div ref={ref} role="img" aria-label={label} className="h-80 w-full" data-testid="source-control-chart" />;
}
