"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { COLOURS } from "@/lib/domain/colour";
import { PROBLEM_STATUSES } from "@/lib/domain/enums";
import type { TimelineFilterKey } from "./timeline-query";

export type FilterOption = { value: string; label: string };
export type FilterGroup = { label: string; options: FilterOption[] };

type Values = Partial<Record<TimelineFilterKey, string>>;

/**
 * The board's filters as a GET form (works without JavaScript); with JavaScript, empty fields are
 * left out of the URL, so every view is a short link to share.
 */
export function TimelineFilters({
  values,
  districts,
  unitGroups,
  leaders,
}: {
  values: Values;
  districts: FilterOption[];
  unitGroups: FilterGroup[];
  leaders: FilterOption[];
}) {
  const t = useTranslations("timeline.filters");
  const te = useTranslations("enums.status");
  const tg = useTranslations("grade");
  const router = useRouter();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(e.currentTarget)) {
      if (typeof value === "string" && value !== "") params.set(key, value);
    }
    const qs = params.toString();
    router.push(qs ? `/timeline?${qs}` : "/timeline");
  }

  const select = (name: keyof Values, label: string, children: React.ReactNode, anyLabel = t("any")) => (
    <div>
      <label htmlFor={`tl-${name}`} className="field-label text-xs">
        {label}
      </label>
      <select id={`tl-${name}`} name={name} defaultValue={values[name] ?? ""} className="field-input">
        <option value="">{anyLabel}</option>
        {children}
      </select>
    </div>
  );
  const options = (list: FilterOption[]) =>
    list.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));

  return (
    <form method="get" action="/timeline" onSubmit={onSubmit} className="card mb-4 p-3" aria-label={t("title")}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {select("districtCode", t("district"), options(districts))}
        {select(
          "leadUnitId",
          t("leadUnit"),
          unitGroups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {options(g.options)}
            </optgroup>
          )),
        )}
        {select("leadOfficialId", t("leadOfficial"), options(leaders))}
        {select("status", t("status"), options(PROBLEM_STATUSES.map((s) => ({ value: s, label: te(s) }))), t("openOnly"))}
        {select("colour", t("colour"), options(COLOURS.map((c) => ({ value: c, label: tg(c) }))))}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="submit" className="btn-primary">
          {t("apply")}
        </button>
        <Link href="/timeline" className="btn-secondary">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
