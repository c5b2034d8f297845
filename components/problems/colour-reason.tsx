import { useTranslations } from "next-intl";
import { COLOURS, type ColourName } from "@/lib/domain/colour";
import type { ColourReasonDto } from "@/lib/schemas/colour-reason";
import { COLOUR_HEX, ColourBadge } from "./colour-badge";

type T = ReturnType<typeof useTranslations<"colourExplain">>;

/**
 * The reason for a colour in words, built from the machine reason (`colourReason`): every rule that
 * fired with its numbers, then the pace and the deadline where the rule itself did not state them.
 */
export function colourReasonText(t: T, r: ColourReasonDto): string {
  const parts = r.rules.map((rule) =>
    t(`rule.${rule}`, {
      days: rule === "OVERDUE" ? r.overdueDays : (r.daysLeft ?? 0),
      deadline: r.deadline ?? "",
      count: r.returnCount,
      limit: r.returnLimit,
      progress: r.progress,
      planned: r.plannedPercent ?? 0,
      points: r.behindPoints ?? 0,
      margin: r.paceMarginPct,
      dueSoonDays: r.dueSoonDays,
      open: r.openMeasures,
    }),
  );
  const statesPace = r.rules.includes("BEHIND_PACE") || r.rules.includes("ON_PACE");
  if (!statesPace && r.plannedPercent !== null)
    parts.push(t("context.pace", { progress: r.progress, planned: r.plannedPercent }));
  const statesDeadline = r.rules.includes("OVERDUE") || r.rules.includes("DUE_SOON");
  if (!statesDeadline && r.daysLeft !== null && r.deadline) {
    parts.push(
      r.daysLeft === 0
        ? t("context.dueToday", { deadline: r.deadline })
        : t("context.daysLeft", { days: r.daysLeft, deadline: r.deadline }),
    );
  }
  return parts.join(" ");
}

/**
 * The colour grade with its reason one tap or key press away: a disclosure (summary = the badge)
 * that works by keyboard, touch and without JavaScript; the reason is also the hover title.
 */
export function ColourWhy({
  colour,
  reason,
  testId = "colour-why",
}: {
  colour: ColourName;
  reason?: ColourReasonDto;
  testId?: string;
}) {
  const t = useTranslations("colourExplain");
  const tg = useTranslations("grade");
  if (!reason) return <ColourBadge colour={colour} />;
  const text = colourReasonText(t, reason);
  return (
    <details className="group relative inline-block" data-testid={testId} data-rule={reason.rule}>
      <summary
        className="inline-flex cursor-pointer list-none items-center gap-1 rounded focus-visible:outline-2 focus-visible:outline-blue-600 [&::-webkit-details-marker]:hidden"
        title={text}
        aria-label={t("summaryLabel", { grade: tg(colour), reason: text })}
      >
        <ColourBadge colour={colour} />
        <span aria-hidden className="text-slate-500 text-xs group-open:rotate-90">
          ▸
        </span>
      </summary>
      <p
        className="mt-1 w-64 max-w-xs whitespace-normal rounded bg-white p-2 text-slate-800 text-xs leading-relaxed shadow ring-1 ring-slate-200"
        data-testid={`${testId}-text`}
      >
        {text}
      </p>
    </details>
  );
}

/** The reason in a line of text (problem page, My work): the grade's name, then why. */
export function ColourReasonLine({ reason }: { reason: ColourReasonDto }) {
  const t = useTranslations("colourExplain");
  const tg = useTranslations("grade");
  return (
    <p className="text-slate-800 text-sm" data-testid="colour-reason" data-rule={reason.rule}>
      <span className="font-medium">{t("because", { grade: tg(reason.colour) })}</span> {colourReasonText(t, reason)}
    </p>
  );
}

/** What each colour means, with the thresholds in force: the one legend every coloured page shows. */
export function ColourLegend({
  paceMarginPct,
  dueSoonDays,
  returnLimit,
  className = "",
}: {
  paceMarginPct: number;
  dueSoonDays: number;
  returnLimit: number;
  className?: string;
}) {
  const t = useTranslations("colourExplain");
  return (
    <details className={`text-sm ${className}`} data-testid="colour-legend">
      <summary className="cursor-pointer text-slate-600 text-xs">{t("legendTitle")}</summary>
      <ul className="mt-1 grid gap-1 sm:grid-cols-2">
        {COLOURS.map((c) => (
          <li key={c} className="flex items-start gap-2 text-slate-700 text-xs">
            <span aria-hidden className="mt-1 h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: COLOUR_HEX[c] }} />
            <span>{t(`legend.${c}`, { margin: paceMarginPct, days: dueSoonDays, limit: returnLimit })}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
