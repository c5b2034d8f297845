import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TargetProgress } from "@/lib/domain/annual-targets";
import { INDICATORS, type IndicatorCodeName } from "@/lib/domain/indicators";

export type AnnualTargetLine = {
  unitCode: string;
  unitName: string;
  indicator: IndicatorCodeName;
  target: string;
  ytd: string | null;
  derived: boolean;
  progress: TargetProgress | null;
};

const TONE = {
  good: "bg-emerald-100 text-emerald-800 ring-emerald-300",
  bad: "bg-red-100 text-red-800 ring-red-300",
  warn: "bg-amber-100 text-amber-900 ring-amber-300",
  muted: "bg-slate-100 text-slate-700 ring-slate-300",
};

/** The city's and each district's year to date against its annual targets, and what the rest of the year must average. */
export function AnnualTargets({ month, lines, canEdit }: { month: number; lines: AnnualTargetLine[]; canEdit: boolean }) {
  const t = useTranslations("annualTargets");
  const d = useTranslations("dashboard");
  const badge = (tone: keyof typeof TONE, text: string) => (
    <span className={`inline-flex items-center rounded px-1.5 py-0.5 font-medium text-xs ring-1 ${TONE[tone]}`}>{text}</span>
  );
  const status = (p: TargetProgress | null) => {
    if (!p) return badge("muted", t("noData"));
    if (p.kind === "FINAL") return p.met ? badge("good", t("finalMet")) : badge("bad", t("finalMissed"));
    if (p.kind === "SECURED") return badge("good", t("secured"));
    if (p.kind === "LOST") return badge("bad", t("lost"));
    return p.metSoFar ? badge("good", t("metSoFar")) : badge("warn", t("notMetSoFar"));
  };
  const need = (line: AnnualTargetLine, unit: string) => {
    const p = line.progress;
    if (!p || p.kind === "FINAL" || p.kind === "SECURED") return "—";
    const withUnit = (n: number) => `${n}${unit ? ` ${unit}` : ""}`;
    // Out of reach: say what even the best plausible month would not achieve, never a need like "≤ −12 μg/m³".
    if (p.kind === "LOST") return <span className="text-red-700">{t("lostDetail", { value: withUnit(p.bestPlausible) })}</span>;
    const value = withUnit(p.neededAverage);
    return INDICATORS[line.indicator].direction === "LOWER_IS_BETTER" ? t("needAtMost", { value }) : t("needAtLeast", { value });
  };

  return (
    <section className="overflow-x-auto rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200" data-testid="annual-targets">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{t("dashTitle", { month })}</h2>
        {canEdit && (
          <Link href="/targets" className="text-blue-700 text-sm hover:underline">
            {t("edit")}
          </Link>
        )}
      </div>
      <p className="mb-2 text-slate-500 text-xs">{t("dashNote")}</p>
      {lines.length === 0 ? (
        <p className="text-slate-600 text-sm">{t("dashNone")}</p>
      ) : (
        <table className="w-full min-w-[40rem] text-sm">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-2 py-1.5">{t("unit")}</th>
              <th className="px-2 py-1.5">{t("indicator")}</th>
              <th className="px-2 py-1.5 text-right">{t("target")}</th>
              <th className="px-2 py-1.5 text-right">{t("ytd")}</th>
              <th className="px-2 py-1.5">{t("status")}</th>
              <th className="px-2 py-1.5">{t("need")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const meta = INDICATORS[line.indicator];
              const unit = d(`units.${meta.unit}`);
              return (
                <tr
                  key={`${line.unitCode}-${line.indicator}`}
                  className="border-slate-100 border-b"
                  data-testid={`target-${line.unitCode}-${line.indicator}`}
                >
                  <td className="px-2 py-1.5">{line.unitName}</td>
                  <td className="px-2 py-1.5">{d(`indicators.${line.indicator}`)}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">
                    {t(`direction.${meta.direction}`)} {line.target}
                    {unit ? ` ${unit}` : ""}
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums">
                    {line.ytd ?? "—"}
                    {line.derived && (
                      <span className="ml-1 text-slate-500 text-xs" title={t("derived")}>
                        <span aria-hidden="true">*</span>
                        <span className="sr-only">{t("derived")}</span>
                      </span>
                    )}
                  </td>
                  <td className="px-2 py-1.5">{status(line.progress)}</td>
                  <td className="px-2 py-1.5">{need(line, unit)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {lines.some((l) => l.derived) && <p className="mt-1 text-slate-500 text-xs">* {t("derived")}</p>}
    </section>
  );
}
