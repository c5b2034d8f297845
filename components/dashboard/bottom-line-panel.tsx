import Link from "next/link";
import { useTranslations } from "next-intl";
import { ColourBadge } from "@/components/problems/colour-badge";
import { HAZARD_LEVELS } from "@/lib/domain/bottom-line";
import type { BottomLineSummary } from "@/lib/server/bottom-line/get-bottom-line-summary";

const LEVEL_TONE = { GENERAL: "text-slate-900", MAJOR: "text-amber-800", SEVERE: "text-red-700" } as const;

function Figure({
  href,
  value,
  label,
  testId,
  tone = "text-slate-900",
}: {
  href: string;
  value: string | number;
  label: string;
  testId: string;
  tone?: string;
}) {
  return (
    <Link
      href={href}
      className="flex min-h-16 flex-col justify-center rounded-md px-3 py-2 ring-1 ring-slate-200 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700"
      data-testid={testId}
    >
      <span className={`font-semibold text-2xl tabular-nums ${tone}`}>{value}</span>
      <span className="text-slate-700 text-xs">{label}</span>
    </Link>
  );
}

/**
 * 底线 on the leaders' dashboard and the bottom-line hub: sweep progress, open hazards by level,
 * parks' three-level completion, closed chemical firms not yet re-checked this year — every
 * number a link to the rows behind it.
 */
export function BottomLinePanel({ summary }: { summary: BottomLineSummary }) {
  const t = useTranslations("bottomLine.panel");
  const level = useTranslations("bottomLine.level");
  const s = summary;
  return (
    <section
      className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
      aria-labelledby="bottom-line-title"
      data-testid="bottom-line-panel"
    >
      <h2 id="bottom-line-title" className="mb-2 font-semibold">
        <Link href="/bottom-line" className="hover:underline">
          {t("title")}
        </Link>
      </h2>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        <Figure
          href="/bottom-line/sweeps"
          value={`${s.sweeps.percent}%`}
          label={t("sweepProgress", { checked: s.sweeps.checked, total: s.sweeps.total })}
          testId="bl-sweep-progress"
        />
        {HAZARD_LEVELS.map((l) => (
          <Figure
            key={l}
            href={`/bottom-line/sweeps?level=${l}&open=true#hazards`}
            value={s.hazards.open[l]}
            label={t("openHazards", { level: level(l) })}
            testId={`bl-hazards-${l}`}
            tone={LEVEL_TONE[l]}
          />
        ))}
        <Figure
          href="/bottom-line/sweeps?overdue=true#hazards"
          value={s.hazards.overdue}
          label={t("overdueHazards")}
          testId="bl-hazards-overdue"
          tone={s.hazards.overdue ? "text-red-700" : "text-slate-900"}
        />
        <Figure
          href="/bottom-line/parks"
          value={`${s.parksPercent}%`}
          label={t("parks", { count: s.parks.length })}
          testId="bl-parks"
        />
        <Figure
          href="/bottom-line/closed-enterprises?notRechecked=true"
          value={s.closed.notRechecked}
          label={t("notRechecked", { total: s.closed.total, years: s.closed.years })}
          testId="bl-not-rechecked"
          tone={s.closed.notRechecked ? "text-amber-800" : "text-slate-900"}
        />
      </div>
      {s.parks.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t("parkList")}>
          {s.parks.map((p) => (
            <li key={p.id} className="flex items-center gap-1.5">
              <Link href={`/bottom-line/parks/${p.id}`} className="text-blue-800 hover:underline">
                {p.name}
              </Link>
              <span className="tabular-nums">{p.percent}%</span>
              {p.colour && <ColourBadge colour={p.colour} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
