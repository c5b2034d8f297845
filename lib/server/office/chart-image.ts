import "server-only";
import * as echarts from "echarts";
import sharp from "sharp";

/**
 * A chart as a PNG for a Word document: ECharts renders SVG on the server (no browser), sharp
 * (librsvg) rasterises it at 2× for print. Chinese labels need a CJK font known to fontconfig on
 * the server (Debian: fonts-wqy-microhei or fonts-noto-cjk); without one they come out as boxes.
 */
export const CHART_FONT = "WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC, sans-serif";

export async function chartPng(
  option: echarts.EChartsCoreOption,
  size: { width: number; height: number },
): Promise<{ png: Buffer; width: number; height: number }> {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    const svg = chart.renderToSVGString();
    const png = await sharp(Buffer.from(svg), { density: 144 }).png().toBuffer();
    return { png, ...size };
  } finally {
    chart.dispose();
  }
}
