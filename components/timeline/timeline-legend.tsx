import { useTranslations } from "next-intl";
import { COLOURS } from "@/lib/domain/colour";
import { COLOUR_HEX } from "../problems/colour-badge";

/** What the marks of the board mean; the same shapes as in the SVG. */
export function TimelineLegend() {
  const t = useTranslations("timeline.legend");
  const tg = useTranslations("grade");
  const item = (key: string, mark: React.ReactNode, label: string) => (
    <li key={key} className="flex items-center gap-1.5">
      <svg aria-hidden width={18} height={14} viewBox="0 0 18 14" className="shrink-0">
        {mark}
      </svg>
      {label}
    </li>
  );
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-slate-700 text-xs" aria-label={t("title")}>
      {COLOURS.map((c) => item(c, <rect x={1} y={2} width={16} height={10} rx={2} fill={COLOUR_HEX[c]} />, tg(c)))}
      {item("done", <circle cx={9} cy={7} r={5} fill="#15803d" stroke="#14532d" strokeWidth={1.5} />, t("done"))}
      {item("progress", <circle cx={9} cy={7} r={5} fill="#2563eb" stroke="#1e3a8a" strokeWidth={1.5} />, t("inProgress"))}
      {item("todo", <circle cx={9} cy={7} r={5} fill="#fff" stroke="#64748b" strokeWidth={1.5} />, t("notStarted"))}
      {item("late", <circle cx={9} cy={7} r={5} fill="#fff" stroke="#dc2626" strokeWidth={2.5} />, t("late"))}
      {item(
        "bar",
        <>
          <rect x={1} y={3} width={16} height={8} rx={2} fill="#fff" stroke="#15803d" />
          <rect x={1} y={3} width={9} height={8} rx={2} fill="#15803d" fillOpacity={0.55} />
        </>,
        t("bar"),
      )}
      {item(
        "deadline",
        <path d="M 6 1 V 13 M 6 1 l 7 3.5 l -7 3.5" stroke="#0f172a" strokeWidth={2} fill="#0f172a" />,
        t("deadline"),
      )}
      {item(
        "original",
        <line x1={9} x2={9} y1={1} y2={13} stroke="#475569" strokeWidth={2} strokeDasharray="3 2" />,
        t("originalDeadline"),
      )}
      {item(
        "today",
        <line x1={9} x2={9} y1={0} y2={14} stroke="#dc2626" strokeWidth={2} strokeDasharray="4 2" />,
        t("todayLine"),
      )}
    </ul>
  );
}
