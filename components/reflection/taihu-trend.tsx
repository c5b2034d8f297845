"use client";

import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/** A point's season of algae density with its warning and alert lines. */
export function TaihuTrend({
  days,
  values,
  warn,
  alert,
  labels,
}: {
  days: string[];
  values: (number | null)[];
  warn: number | null;
  alert: number | null;
  labels: { series: string; warn: string; alert: string; chart: string };
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    const lines = [
      ...(warn !== null
        ? [
            {
              yAxis: warn,
              name: labels.warn,
              lineStyle: { color: "#d97706", type: "dashed" },
              label: { formatter: `${labels.warn} ${warn}` },
            },
          ]
        : []),
      ...(alert !== null
        ? [
            {
              yAxis: alert,
              name: labels.alert,
              lineStyle: { color: "#b91c1c", type: "dashed" },
              label: { formatter: `${labels.alert} ${alert}` },
            },
          ]
        : []),
    ];
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 72, top: 24, bottom: 32 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: days, axisLabel: { fontSize: 11 } },
      yAxis: { type: "value", axisLabel: { fontSize: 11 } },
      series: [
        {
          name: labels.series,
          type: "line",
          data: values,
          symbolSize: 3,
          lineStyle: { color: "#0369a1", width: 2 },
          itemStyle: { color: "#0369a1" },
          markLine: { symbol: "none", data: lines },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [days, values, warn, alert, labels]);
  return <div ref={ref} role="img" aria-label={labels.chart} className="h-56 w-full" data-testid="taihu-trend" />;
}
