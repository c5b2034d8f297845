"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Direction, RankedUnit } from "@/lib/domain/ranking";

type Tone = "good" | "bad" | "named" | "muted";

const TONES: Record<Tone, string> = {
  good: "bg-emerald-100 text-emerald-800 ring-emerald-300",
  bad: "bg-red-100 text-red-800 ring-red-300",
  named: "bg-red-600 text-white ring-red-700",
  muted: "bg-slate-100 text-slate-700 ring-slate-300",
};

export type TargetBadgesProps = {
  unit: Pick<RankedUnit, "value" | "rank" | "tied" | "versusProvincialAverage" | "topThree" | "named" | "namedBy">;
  /** The provincial average the unit was compared with (decimal text). */
  average: string | null;
  unitLabel: string;
  direction: Direction;
  indicatorName: string;
  cumulative: boolean;
  testId?: string;
};

type Item = { key: string; tone: Tone; label: string; why: string };

/**
 * The target-line badges of one unit (优于/差于全省平均, 前三, 省通报 with the list and printed rank,
 * 并列). Each badge is a button: hover, tap or Enter shows why, in the page flow so a table or a
 * phone screen never clips it; Escape closes it.
 */
export function TargetBadges({ unit, average, unitLabel, direction, indicatorName, cumulative, testId }: TargetBadgesProps) {
  const t = useTranslations("targetBadges");
  const id = useId();
  const [open, setOpen] = useState<{ key: string; by: "hover" | "click" } | null>(null);
  const value = unit.value ?? "";
  const items: Item[] = [];

  if (unit.versusProvincialAverage && average !== null) {
    const v = unit.versusProvincialAverage;
    const args = { value, average, unit: unitLabel ? ` ${unitLabel}` : "", direction };
    items.push(
      v === "BETTER"
        ? { key: "avg", tone: "good", label: t("better"), why: t("explainBetter", args) }
        : v === "EQUAL"
          ? { key: "avg", tone: "muted", label: t("equal"), why: t("explainEqual", args) }
          : { key: "avg", tone: "bad", label: t("worse"), why: t("explainWorse", args) },
    );
  }
  if (unit.topThree && unit.rank !== null) {
    items.push({ key: "top3", tone: "good", label: t("top3"), why: t("explainTop3", { rank: unit.rank }) });
  }
  if (unit.named === true && unit.namedBy) {
    const by = unit.namedBy;
    const rank = t("rank", { kind: by.kind, size: by.size, printedRank: by.printedRank, tied: String(by.tied) });
    items.push(
      by.basis === "PRINTED_LIST"
        ? {
            key: "named",
            tone: "named",
            label: t("named", { rank }),
            why: t("explainNamed", {
              indicator: indicatorName,
              cumulative: String(cumulative),
              rank,
              source: by.source ?? "none",
            }),
          }
        : {
            key: "named",
            tone: "named",
            label: t("namedComputed", { rank }),
            why: t("explainNamedComputed", { size: by.size, printedRank: by.printedRank }),
          },
    );
  }
  if (unit.tied && unit.rank !== null) {
    items.push({ key: "tied", tone: "muted", label: t("tied"), why: t("explainTied", { rank: unit.rank }) });
  }
  if (!items.length) return null;
  const shown = items.find((i) => i.key === open?.key) ?? null;

  return (
    <div data-testid={testId} className="text-left">
      <span className="flex flex-wrap gap-1">
        {items.map((i) => (
          <button
            key={i.key}
            type="button"
            data-badge={i.key}
            aria-expanded={open?.key === i.key}
            aria-controls={`${id}-why`}
            aria-label={t("showWhy", { badge: i.label })}
            title={i.why}
            onClick={() => setOpen(open?.key === i.key && open.by === "click" ? null : { key: i.key, by: "click" })}
            onMouseEnter={() => setOpen((o) => (o?.by === "click" ? o : { key: i.key, by: "hover" }))}
            onMouseLeave={() => setOpen((o) => (o?.by === "hover" ? null : o))}
            onKeyDown={(e) => {
              if (e.key === "Escape") setOpen(null);
            }}
            className={`inline-flex cursor-help items-center whitespace-nowrap rounded px-1.5 py-0.5 font-medium text-xs ring-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 ${TONES[i.tone]}`}
          >
            {i.label}
          </button>
        ))}
      </span>
      <p
        id={`${id}-why`}
        role="status"
        className={
          shown ? "mt-1 max-w-prose rounded bg-slate-50 px-2 py-1 text-xs text-slate-700 ring-1 ring-slate-200" : "sr-only"
        }
      >
        {shown?.why ?? ""}
      </p>
    </div>
  );
}

/** What each badge means, shown once on the dashboard. */
export function TargetBadgeLegend() {
  const t = useTranslations("targetBadges");
  return (
    <section
      aria-labelledby="badge-legend"
      className="rounded-lg bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200"
      data-testid="badge-legend"
    >
      <h2 id="badge-legend" className="mb-1 font-semibold">
        {t("legendTitle")}
      </h2>
      <ul className="list-disc space-y-0.5 pl-5 text-slate-700">
        <li>{t("legendBetter")}</li>
        <li>{t("legendTop3")}</li>
        <li>{t("legendNamed")}</li>
        <li>{t("legendTied")}</li>
      </ul>
      <p className="mt-1 text-xs text-slate-500">
        {t("legendTap")}{" "}
        <Link className="text-blue-700 hover:underline" href="/indicators/published-lists">
          {t("legendLists")}
        </Link>
      </p>
    </section>
  );
}
