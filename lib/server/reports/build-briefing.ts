import "server-only";
import type { Paragraph, Table } from "docx";
import { db } from "../../db";
import { INDICATORS } from "../../domain/indicators";
import { MESSAGES } from "../../i18n/messages";
import type { Actor } from "../../permissions";
import type { Locale } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { chartPng } from "../office/chart-image";
import { blank, body, heading, image, officialDocx, subtitle, table, title } from "../office/official-document";
import { type BriefingData, type BriefingProblem, getBriefingData } from "./get-briefing-data";

/**
 * The monthly dispatch briefing (调度简报) as a Word document the coordinator edits before it
 * goes out: the month's figures (see getBriefingData), written as an official document (GB/T
 * 9704 layout) in Chinese — overall progress, tables by district and by lead unit, the overdue
 * and red/yellow lists, the city and its districts against the target line, penalties proposed
 * and decided, with two charts.
 */
const dash = MESSAGES["zh-CN"].dashboard as unknown as { indicators: Record<string, string>; units: Record<string, string> };

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 1000) / 10}%` : "—");
const yuan = (n: number) => (n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000}万元` : `${n.toLocaleString("zh-CN")}元`);

function problemRows(list: BriefingProblem[], withOverdue: boolean): string[][] {
  return list.map((p, i) => [
    String(i + 1),
    p.code,
    p.title,
    p.district,
    p.leadUnit,
    p.deadline ?? "长期坚持",
    withOverdue ? `${p.overdueDays}天` : `${p.progress}%`,
  ]);
}

async function districtChart(data: BriefingData) {
  const names = data.byDistrict.map((d) => d.name);
  return chartPng(
    {
      title: { text: `各地区问题整改情况（截至${data.cutoffDay}）`, left: "center", textStyle: { fontSize: 16 } },
      legend: { bottom: 0 },
      grid: { left: 50, right: 20, top: 50, bottom: 70 },
      xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 30 : 0 } },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: "已销号", type: "bar", stack: "n", data: data.byDistrict.map((d) => d.closed), itemStyle: { color: "#2f6fb3" } },
        {
          name: "未销号（未逾期）",
          type: "bar",
          stack: "n",
          data: data.byDistrict.map((d) => d.open - d.overdue),
          itemStyle: { color: "#7fb77e" },
        },
        { name: "逾期", type: "bar", stack: "n", data: data.byDistrict.map((d) => d.overdue), itemStyle: { color: "#c0392b" } },
      ],
    },
    { width: 640, height: 340 },
  );
}

async function progressChart(data: BriefingData) {
  const o = data.overall;
  return chartPng(
    {
      title: { text: "全市问题整改状态", left: "center", textStyle: { fontSize: 16 } },
      series: [
        {
          type: "pie",
          radius: ["35%", "62%"],
          label: { formatter: "{b}\n{c}个（{d}%）" },
          data: [
            { name: "已销号", value: o.closed, itemStyle: { color: "#2f6fb3" } },
            { name: "整改中", value: o.open - o.overdue - o.ongoing, itemStyle: { color: "#7fb77e" } },
            { name: "长期坚持", value: o.ongoing, itemStyle: { color: "#999999" } },
            { name: "逾期", value: o.overdue, itemStyle: { color: "#c0392b" } },
          ].filter((x) => x.value > 0),
        },
      ],
    },
    { width: 640, height: 320 },
  );
}

function standingSection(data: BriefingData): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading("三、对标目标线情况")];
  if (data.standings.length === 0) {
    out.push(body(`本月尚无${data.year}年${data.monthNumber}月的指标数据，请督察办导入后重新生成。`));
    return out;
  }
  if (data.demoIndicators) out.push(body("（注：以下指标为系统演示数据，非真实监测数据。）"));
  const unit = (code: keyof typeof INDICATORS) => dash.units[INDICATORS[code].unit] ?? "";
  const verdict = (v: BriefingData["standings"][number]["city"]) => {
    if (!v || v.rank === null) return "无数据";
    const parts = [
      v.versusProvincialAverage === "BETTER"
        ? "优于全省平均"
        : v.versusProvincialAverage === "WORSE"
          ? "差于全省平均"
          : v.versusProvincialAverage === "EQUAL"
            ? "与全省平均持平"
            : "全省平均未知",
      v.topThree ? "进入前三" : "未进前三",
      v.named === true ? "被省通报" : v.named === false ? "未被通报" : "通报情况未知",
    ];
    return parts.join("，");
  };
  out.push(heading("（一）全市在全省的位次（累计）", 2));
  out.push(
    table(
      ["指标", "全市数值", "全省平均", "全省排名", "目标线"],
      data.standings.map((s) => [
        dash.indicators[s.indicator] ?? s.indicator,
        s.city?.value ? `${s.city.value}${unit(s.indicator)}` : "—",
        s.provincialAverage ? `${s.provincialAverage}${unit(s.indicator)}` : "—",
        s.city?.rank ? `第${s.city.rank}${s.city.tied ? "（并列）" : ""}/${s.cities}` : "—",
        verdict(s.city),
      ]),
      [3, 2, 2, 2, 4],
    ),
  );
  out.push(blank(), heading("（二）各市（区）排名（累计）", 2));
  for (const s of data.standings.filter((x) => x.districts.length)) {
    const worst = s.districts.filter((d) => d.rank !== null).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0))[0];
    out.push(
      body(
        `${dash.indicators[s.indicator] ?? s.indicator}：`,
        s.districts
          .filter((d) => d.rank !== null)
          .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
          .map(
            (d) =>
              `${d.unitName}${d.value}${unit(s.indicator)}（第${d.rank}${d.tied ? "，并列" : ""}${d.aboveProvincialAverage === false ? "，差于全省平均" : ""}）`,
          )
          .join("、"),
        worst ? `。排名末位的是${worst.unitName}。` : "。",
      ),
    );
  }
  return out;
}

export async function buildBriefing(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; now?: Date; requestId?: string } = {},
): Promise<{ bytes: Buffer; data: BriefingData }> {
  const data = await getBriefingData(actor, raw, opts);
  const o = data.overall;
  const [districtImg, progressImg] = await Promise.all([districtChart(data), progressChart(data)]);
  const p = data.penalties;
  const children: (Paragraph | Table)[] = [
    ...title(`突出生态环境问题整改\n调度简报`),
    subtitle(`${data.year}年${data.monthNumber}月（数据截至${data.cutoffDay}）`),
    blank(),
    heading("一、总体进展"),
    body(
      "截至",
      data.cutoffDay,
      "，全市台账共有突出生态环境问题",
      { bold: String(o.total) },
      "个，已销号",
      { bold: String(o.closed) },
      "个，销号率",
      { bold: `${o.closureRate}%` },
      "；未销号",
      { bold: String(o.open) },
      "个（其中长期坚持类",
      String(o.ongoing),
      "个），逾期未完成",
      { bold: String(o.overdue) },
      "个。本月新登记问题",
      { bold: String(o.registeredInMonth) },
      "个，本月销号",
      { bold: String(o.closedInMonth) },
      "个。",
    ),
    image(progressImg.png, progressImg.width, progressImg.height),
    heading("二、分地区、分单位推进情况"),
    heading("（一）按属地", 2),
    table(
      ["地区", "问题数", "已销号", "未销号", "逾期", "销号率"],
      data.byDistrict.map((d) => [
        d.name,
        String(d.total),
        String(d.closed),
        String(d.open),
        String(d.overdue),
        pct(d.closed, d.total),
      ]),
      [3, 2, 2, 2, 2, 2],
    ),
    image(districtImg.png, districtImg.width, districtImg.height),
    heading("（二）按牵头单位", 2),
    table(
      ["牵头单位", "问题数", "已销号", "未销号", "逾期", "销号率"],
      data.byUnit.map((d) => [
        d.name,
        String(d.total),
        String(d.closed),
        String(d.open),
        String(d.overdue),
        pct(d.closed, d.total),
      ]),
      [4, 2, 2, 2, 2, 2],
    ),
    blank(),
    heading("（三）逾期问题清单", 2),
    body(
      `逾期未完成整改的问题共${data.overdueTotal}个`,
      data.overdueTotal > data.overdue.length
        ? `，以下列出逾期最久的${data.overdue.length}个。`
        : data.overdueTotal
          ? "，清单如下。"
          : "。",
    ),
    ...(data.overdue.length
      ? [
          table(
            ["序号", "问题编号", "问题", "地区", "牵头单位", "整改时限", "逾期"],
            problemRows(data.overdue, true),
            [1, 3, 6, 2, 3, 3, 2],
            [2],
          ),
        ]
      : []),
    blank(),
    heading("（四）红色、黄色督办问题", 2),
    body(
      `红色督办（逾期或两次退回）问题${data.red.length}个，黄色督办（进度滞后或临近时限）问题${data.yellow.length}个（按当前台账）。`,
    ),
    ...(data.red.length
      ? [
          table(
            ["序号", "问题编号", "问题（红）", "地区", "牵头单位", "整改时限", "逾期"],
            problemRows(data.red, true),
            [1, 3, 6, 2, 3, 3, 2],
            [2],
          ),
        ]
      : []),
    ...(data.yellow.length
      ? [
          blank(),
          table(
            ["序号", "问题编号", "问题（黄）", "地区", "牵头单位", "整改时限", "完成率"],
            problemRows(data.yellow, false),
            [1, 3, 6, 2, 3, 3, 2],
            [2],
          ),
        ]
      : []),
    blank(),
    ...standingSection(data),
    blank(),
    heading("四、惩戒情况"),
    body(
      `本月（${data.year}年${data.monthNumber}月）触发惩戒建议`,
      { bold: String(p.proposed.count) },
      `项、金额${yuan(p.proposed.amount)}；经局领导确认`,
      { bold: String(p.confirmed.count) },
      `项、金额${yuan(p.confirmed.amount)}；免予惩戒${p.waived}项。本月作出惩戒决定${p.decisions.length}份。`,
    ),
    ...(p.decisions.length
      ? [
          table(
            ["决定文号", "地区", "金额", "决定日期"],
            p.decisions.map((d) => [d.number, d.district, yuan(d.amount), d.decidedOn]),
            [4, 2, 2, 2],
          ),
        ]
      : []),
    blank(),
    heading("五、下步工作"),
    body("（由督察办根据本月情况补充。）"),
  ];
  const bytes = await officialDocx({ title: `调度简报 ${data.month}`, creator: actor.displayName }, children);
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actorId: actor.id,
      entityType: "Briefing",
      entityId: data.month,
      action: "generate",
      after: { month: data.month, cutoffDay: data.cutoffDay, total: o.total, closed: o.closed, overdue: o.overdue },
      requestId: opts.requestId,
    }),
  );
  return { bytes, data };
}
