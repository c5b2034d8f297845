import { useTranslations } from "next-intl";
import type { ColourName } from "@/lib/domain/colour";
import type { MeasureStatusName } from "@/lib/domain/enums";
import type { TimelineProblem } from "@/lib/schemas/timeline";
import { COLOUR_HEX } from "../problems/colour-badge";
import { buildTimeScale, type MonthTick, truncate } from "./time-scale";

const LABEL_WIDTH = 260;
const ROW_HEIGHT = 36;
const AXIS_HEIGHT = 40;
const RIGHT_PAD = 24;
const BAR_HEIGHT = 10;
/** The year zoom: a month is 80 px, so twelve fill the 960 px the board aims at. */
const YEAR_ZOOM = { minMonthWidth: 80, maxMonthWidth: 80 };

/** Measure markers: done green, in progress blue, not started hollow grey; a late one gets a red ring. */
const MEASURE_FILL: Record<MeasureStatusName, string> = { DONE: "#15803d", IN_PROGRESS: "#2563eb", NOT_STARTED: "#ffffff" };
const MEASURE_STROKE: Record<MeasureStatusName, string> = { DONE: "#14532d", IN_PROGRESS: "#1e3a8a", NOT_STARTED: "#64748b" };
const LATE_STROKE = "#dc2626";
const TODAY = "#dc2626";

/** "3月" / "2026年1月", "Mar" / "Jan 2026": the month, with the year where one begins. */
function monthLabel(tick: MonthTick, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    month: "short",
    ...(tick.yearStart ? { year: "numeric" as const } : {}),
    timeZone: "UTC",
  });
  return format.format(new Date(Date.UTC(tick.year, tick.month - 1, 1)));
}

/** Every date the board must show: starts, deadlines (current and original), milestones. */
function datesOf(items: readonly TimelineProblem[]): string[] {
  const out: string[] = [];
  for (const p of items) {
    out.push(p.start);
    if (p.deadline) out.push(p.deadline);
    if (p.originalDeadline) out.push(p.originalDeadline);
    for (const m of p.measures) if (m.milestone) out.push(m.milestone);
  }
  return out;
}

/**
 * The timeline board (挂图作战) as one server-rendered SVG: a row per problem (code and title,
 * tinted and striped in its colour grade), a bar from the start of the rectification to its
 * deadline filled to the problem's progress, each measure as a marker on its milestone coloured by
 * its status, the deadline as a solid tick and the original deadline (when extended) as a dashed
 * one, month ticks along the top and today's line across every row. Wider than the screen, it
 * scrolls sideways inside its frame.
 */
export function TimelineChart({
  items,
  today,
  locale,
  zoom = "fit",
}: {
  items: TimelineProblem[];
  today: string;
  locale: string;
  /** "fit": the whole span as wide as the screen allows; "year": twelve months fill the frame, the rest scrolls sideways. */
  zoom?: "fit" | "year";
}) {
  const t = useTranslations("timeline");
  const tg = useTranslations("grade");
  const tm = useTranslations("enums.measureStatus");
  const scale = buildTimeScale(datesOf(items), today, zoom === "year" ? YEAR_ZOOM : {});
  const width = LABEL_WIDTH + scale.width + RIGHT_PAD;
  // The rows are drawn below the axis in their own SVG, so the axis can stay in view (sticky) while they scroll.
  const height = items.length * ROW_HEIGHT + 4;
  const x = (date: string) => LABEL_WIDTH + scale.x(date);
  const todayX = x(today);
  const plotEnd = LABEL_WIDTH + scale.width;

  return (
    <div
      className="max-h-[75vh] overflow-auto overscroll-contain rounded-lg border border-slate-200 bg-white"
      data-testid="timeline-frame"
      data-zoom={zoom}
    >
      <div className="sticky top-0 z-10 bg-white" style={{ width }}>
        <svg
          width={width}
          height={AXIS_HEIGHT}
          viewBox={`0 0 ${width} ${AXIS_HEIGHT}`}
          aria-hidden
          className="block font-sans"
          data-testid="timeline-axis"
        >
          {scale.ticks.map((tick) => (
            <g key={tick.date}>
              <line
                x1={LABEL_WIDTH + tick.x}
                x2={LABEL_WIDTH + tick.x}
                y1={tick.labelled ? AXIS_HEIGHT - 12 : AXIS_HEIGHT - 6}
                y2={AXIS_HEIGHT}
                stroke={tick.yearStart ? "#94a3b8" : "#e2e8f0"}
                strokeWidth={1}
              />
              {tick.labelled ? (
                <text x={LABEL_WIDTH + tick.x + 3} y={AXIS_HEIGHT - 16} fontSize={11} fill="#475569">
                  {monthLabel(tick, locale)}
                </text>
              ) : null}
            </g>
          ))}
          <line x1={0} x2={width} y1={AXIS_HEIGHT - 0.5} y2={AXIS_HEIGHT - 0.5} stroke="#cbd5e1" />
          <text x={8} y={AXIS_HEIGHT - 16} fontSize={11} fontWeight={600} fill="#334155">
            {t("problemColumn")}
          </text>
          <line x1={todayX} x2={todayX} y1={AXIS_HEIGHT - 8} y2={AXIS_HEIGHT} stroke={TODAY} strokeWidth={2} />
          <text x={todayX + 4} y={AXIS_HEIGHT - 2} fontSize={10} fontWeight={600} fill={TODAY}>
            {t("today", { date: today })}
          </text>
        </svg>
      </div>
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={t("chartLabel", { count: items.length })}
        className="block font-sans"
        data-testid="timeline-chart"
      >
        <g aria-hidden>
          {scale.ticks.map((tick) => (
            <line
              key={tick.date}
              x1={LABEL_WIDTH + tick.x}
              x2={LABEL_WIDTH + tick.x}
              y1={0}
              y2={height}
              stroke={tick.yearStart ? "#94a3b8" : "#e2e8f0"}
              strokeWidth={1}
            />
          ))}
        </g>

        {items.map((p, i) => {
          const top = i * ROW_HEIGHT;
          const mid = top + ROW_HEIGHT / 2;
          const colour = COLOUR_HEX[p.colour as ColourName];
          const barStart = x(p.start);
          const barEnd = p.deadline ? x(p.deadline) : plotEnd;
          const barWidth = Math.max(2, barEnd - barStart);
          const extended = p.originalDeadline !== null && p.originalDeadline !== p.deadline;
          return (
            <g key={p.id} data-testid="timeline-row" data-colour={p.colour} data-code={p.code}>
              <title>
                {t("rowTitle", {
                  code: p.code,
                  title: p.title,
                  grade: tg(p.colour),
                  progress: p.progress,
                  deadline: p.deadline ?? t("noDeadline"),
                })}
              </title>
              <rect x={0} y={top} width={width} height={ROW_HEIGHT} fill={colour} fillOpacity={i % 2 ? 0.06 : 0.1} />
              <rect x={0} y={top + 2} width={5} height={ROW_HEIGHT - 4} fill={colour} />
              <a href={`/problems/${p.id}`}>
                <text x={12} y={top + 14} fontSize={10} fill="#475569" fontFamily="ui-monospace, monospace">
                  {p.code}
                </text>
                <text x={12} y={top + 29} fontSize={12} fill="#0f172a">
                  {truncate(p.title, 19)}
                </text>
              </a>
              <rect
                x={barStart}
                y={mid - BAR_HEIGHT / 2}
                width={barWidth}
                height={BAR_HEIGHT}
                rx={3}
                fill="#ffffff"
                stroke={colour}
                strokeWidth={1}
                strokeDasharray={p.deadline ? undefined : "4 3"}
                aria-hidden
              />
              <rect
                x={barStart}
                y={mid - BAR_HEIGHT / 2}
                width={(barWidth * Math.max(0, Math.min(100, p.progress))) / 100}
                height={BAR_HEIGHT}
                rx={3}
                fill={colour}
                fillOpacity={0.55}
                aria-hidden
              />
              {extended && p.originalDeadline ? (
                <line
                  x1={x(p.originalDeadline)}
                  x2={x(p.originalDeadline)}
                  y1={top + 4}
                  y2={top + ROW_HEIGHT - 4}
                  stroke="#475569"
                  strokeWidth={2}
                  strokeDasharray="3 2"
                  data-testid="timeline-original-deadline"
                >
                  <title>{t("originalDeadlineTitle", { date: p.originalDeadline, count: p.extensionCount })}</title>
                </line>
              ) : null}
              {p.deadline ? (
                <path
                  d={`M ${barEnd} ${top + 4} V ${top + ROW_HEIGHT - 4} M ${barEnd} ${top + 4} l 7 3.5 l -7 3.5`}
                  stroke="#0f172a"
                  strokeWidth={2}
                  fill="#0f172a"
                  data-testid="timeline-deadline"
                >
                  <title>{t("deadlineTitle", { date: p.deadline })}</title>
                </path>
              ) : null}
              {p.measures
                .filter((m) => m.milestone)
                .map((m) => (
                  <circle
                    key={m.id}
                    cx={x(m.milestone as string)}
                    cy={mid}
                    r={5.5}
                    fill={MEASURE_FILL[m.status]}
                    stroke={m.late ? LATE_STROKE : MEASURE_STROKE[m.status]}
                    strokeWidth={m.late ? 2.5 : 1.5}
                    data-testid="timeline-measure"
                    data-status={m.status}
                  >
                    <title>
                      {t("measureTitle", {
                        seq: m.seq,
                        description: m.description,
                        milestone: m.milestone as string,
                        percent: m.percent,
                        status: tm(m.status),
                        late: m.late ? "yes" : "no",
                      })}
                    </title>
                  </circle>
                ))}
            </g>
          );
        })}

        <g data-testid="timeline-today">
          <line x1={todayX} x2={todayX} y1={0} y2={height} stroke={TODAY} strokeWidth={2} strokeDasharray="6 3" />
          <title>{t("today", { date: today })}</title>
        </g>
      </svg>
    </div>
  );
}
