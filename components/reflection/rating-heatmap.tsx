"use client";

import { HeatmapChart } from "echarts/charts";
import { GridComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

/** Units (rows) × questions (columns) coloured by rating, red for 1 to green for 5; blank where not submitted. */
export function RatingHeatmap({
  units,
  questions,
  cells,
  label,
}: {
  units: string[];
  questions: string[];
  cells: [number, number, number][];
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 140, right: 16, top: 40, bottom: 56 },
      tooltip: { position: "top" },
      xAxis: {
        type: "category",
        data: questions,
        position: "top",
        axisLabel: { interval: 0, fontSize: 12 },
        splitArea: { show: true },
      },
      yAxis: {
        type: "category",
        data: units,
        inverse: true,
        axisLabel: { fontSize: 12, width: 130, overflow: "truncate" },
        splitArea: { show: true },
      },
      visualMap: {
        min: 1,
        max: 5,
        calculable: false,
        orient: "horizontal",
        left: "center",
        bottom: 0,
        inRange: { color: ["#b91c1c", "#f59e0b", "#fde68a", "#86efac", "#15803d"] },
      },
      series: [{ type: "heatmap", data: cells, label: { show: true, fontSize: 13 } }],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [units, questions, cells]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      style={{ height: Math.max(200, 60 + units.length * 36 + 60) }}
      className="w-full"
      data-testid="rating-heatmap"
    />
  );
}
