"use client";

import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { shanghaiMinute } from "@/lib/i18n/format-time";

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, MarkAreaComponent, SVGRenderer]);

export type ClueReading = { hour: string; value: number; limit: number };

/**
 * The readings around a clue as a line, with the limit as a dashed line and the episode shaded;
 * hours without data are gaps in the line (a GAP clue is the shaded empty stretch).
 */
export function ClueChart({
  readings,
  windowStart,
  windowEnd,
  unit,
  label,
  names,
}: {
  readings: ClueReading[];
  windowStart: string;
  windowEnd: string;
  unit: string;
  label: string;
  names: { value: string; limit: string; window: string };
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Every hour from the first to the last reading (and across the window), so gaps stay gaps.
    const hourMs = 3_600_000;
    const times = readings.map((r) => new Date(r.hour).getTime());
    const start = Math.min(new Date(windowStart).getTime(), ...times);
    const end = Math.max(new Date(windowEnd).getTime(), ...times);
    const byHour = new Map(readings.map((r) => [new Date(r.hour).getTime(), r]));
    const hours: number[] = [];
    for (let h = start; h <= end; h += hourMs) hours.push(h);
    const labels = hours.map((h) => shanghaiMinute(new Date(h)).slice(5));
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 52, right: 16, top: 36, bottom: 40 },
      legend: { top: 0, textStyle: { fontSize: 13 } },
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (v == null ? "—" : `${v} ${unit}`) },
      xAxis: { type: "category", data: labels, axisLabel: { fontSize: 11 } },
      yAxis: { type: "value", scale: true, name: unit, axisLabel: { fontSize: 12 } },
      series: [
        {
          name: names.value,
          type: "line",
          data: hours.map((h) => byHour.get(h)?.value ?? null),
          connectNulls: false,
          symbolSize: 4,
          lineStyle: { color: "#1d4ed8", width: 2 },
          itemStyle: { color: "#1d4ed8" },
          markArea: {
            itemStyle: { color: "rgba(220, 38, 38, 0.12)" },
            data: [
              [
                { name: names.window, xAxis: shanghaiMinute(windowStart).slice(5) },
                { xAxis: shanghaiMinute(windowEnd).slice(5) },
              ],
            ],
          },
        },
        {
          name: names.limit,
          type: "line",
          step: "middle",
          data: hours.map((h) => byHour.get(h)?.limit ?? null),
          connectNulls: true,
          symbol: "none",
          lineStyle: { color: "#dc2626", width: 2, type: "dashed" },
          itemStyle: { color: "#dc2626" },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [readings, windowStart, windowEnd, unit, names]);
  return <div ref={ref} role="img" aria-label={label} className="h-80 w-full" data-testid="clue-chart" />;
}
