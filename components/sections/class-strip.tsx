/** A section's months as a heat-strip: one cell per month coloured by water class, a red frame where the target was missed. */
export type StripMonth = { period: string; waterClass: number | null; classLabel: string | null; missed: boolean | null };

const CLASS_COLOURS: Record<number, string> = {
  1: "bg-sky-400",
  2: "bg-sky-600",
  3: "bg-emerald-500",
  4: "bg-amber-400",
  5: "bg-orange-500",
  6: "bg-red-700",
};

export function classColour(waterClass: number | null): string {
  return waterClass === null
    ? "bg-slate-100 bg-[repeating-linear-gradient(45deg,#e2e8f0_0,#e2e8f0_2px,transparent_2px,transparent_5px)]"
    : (CLASS_COLOURS[waterClass] ?? "bg-slate-300");
}

export function ClassStrip({
  months,
  label,
  noResult,
  missedText,
  testId,
}: {
  months: StripMonth[];
  /** The whole strip read aloud (screen readers get the summary, not 24 cells). */
  label: string;
  noResult: string;
  missedText: string;
  testId?: string;
}) {
  return (
    <div role="img" aria-label={label} className="flex gap-px" data-testid={testId}>
      {months.map((m) => (
        <span
          key={m.period}
          title={`${m.period}：${m.classLabel ?? noResult}${m.missed ? `（${missedText}）` : ""}`}
          data-period={m.period}
          data-class={m.classLabel ?? ""}
          className={`block h-5 w-2.5 shrink-0 rounded-[2px] sm:w-3 ${classColour(m.waterClass)} ${m.missed ? "outline-2 outline-offset-[-2px] outline-red-600 ring-1 ring-red-600" : ""}`}
        />
      ))}
    </div>
  );
}

/** A short text of the strip for the accessible label: "2026-01 Ⅲ, 2026-02 Ⅳ (missed), …" over months with data. */
export function stripSummary(months: StripMonth[], missedText: string, noResult: string): string {
  const withData = months.filter((m) => m.waterClass !== null);
  if (withData.length === 0) return noResult;
  return withData.map((m) => `${m.period} ${m.classLabel}${m.missed ? `（${missedText}）` : ""}`).join("，");
}
