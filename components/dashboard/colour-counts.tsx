import Link from "next/link";
import { useTranslations } from "next-intl";
import { COLOURS, type ColourName } from "@/lib/domain/colour";
import { COLOUR_HEX } from "../problems/colour-badge";
import { ColourLegend } from "../problems/colour-reason";

/**
 * The problems in the person's scope by colour grade, each count a link to exactly those rows of
 * the ledger (`/problems?colour=RED`), with the legend that says what each colour means.
 */
export function ColourCounts({
  counts,
  paceMarginPct,
  dueSoonDays,
  returnLimit,
}: {
  counts: Record<ColourName, number>;
  paceMarginPct: number;
  dueSoonDays: number;
  returnLimit: number;
}) {
  const t = useTranslations("colourExplain");
  const tg = useTranslations("grade");
  // Worst first: what a leader must look at.
  const order = [...COLOURS].reverse();
  return (
    <section
      aria-labelledby="colour-counts-title"
      className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
      data-testid="colour-counts"
    >
      <h2 id="colour-counts-title" className="mb-2 font-semibold text-sm">
        {t("dashboardTitle")}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {order.map((c) => (
          <li key={c}>
            <Link
              href={`/problems?colour=${c}`}
              className="inline-flex min-h-10 items-center gap-2 rounded-md px-3 py-1.5 text-sm ring-1 ring-slate-200 hover:bg-slate-50 hover:ring-blue-400"
              aria-label={t("dashboardLink", { grade: tg(c), count: counts[c] })}
              data-testid={`colour-count-${c}`}
            >
              <span aria-hidden className="h-3 w-3 rounded-full" style={{ background: COLOUR_HEX[c] }} />
              <span>{tg(c)}</span>
              <span className="font-semibold tabular-nums">{counts[c]}</span>
            </Link>
          </li>
        ))}
      </ul>
      <ColourLegend className="mt-2" paceMarginPct={paceMarginPct} dueSoonDays={dueSoonDays} returnLimit={returnLimit} />
    </section>
  );
}
