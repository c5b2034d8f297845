"use client";

import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Grouped bars per category (month, district…); clicking a bar opens that category's rows. */
export function EnforcementBars({
  categories,
  series,
  label,
  links,
}: {
  categories: string[];
  series: { name: string; values: number[]; colour: string }[];
  label: string;
  links?: string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 12, top: 32, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: categories },
      yAxis: { type: "value", minInterval: 1 },
      series: series.map((s) => ({ name: s.name, type: "bar", data: s.values, itemStyle: { color: s.colour } })),
    });
    chart.on("click", (p) => {
      const href = links?.[p.dataIndex];
      if (href) window.location.assign(href);
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [categories, series, links]);
  return <div ref={ref} role="img" aria-label={label} className="h-64 w-full" />;
}
