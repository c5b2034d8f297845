"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { DEADLINE_BANDS, PROBLEM_CATEGORIES, PROBLEM_SOURCES, PROBLEM_STATUSES } from "@/lib/domain/enums";
import { ColourFilter } from "./colour-filter";
import { DEFAULT_PROBLEM_SORT, FILTER_KEYS, LEDGER_SORTS, PAGE_SIZES } from "./ledger-query";

export type FilterOption = { value: string; label: string };
export type UnitGroup = { label: string; units: FilterOption[] };

type Values = Partial<Record<(typeof FILTER_KEYS)[number] | "sort" | "pageSize", string>>;

/**
 * The ledger's filters as a GET form, so every view is a URL (bookmark, share, reload). With
 * JavaScript, empty fields are left out of the URL and the page number resets.
 */
export function LedgerFilters({
  values,
  districts,
  leaders,
  unitGroups,
}: {
  values: Values;
  districts: FilterOption[];
  leaders: FilterOption[];
  unitGroups: UnitGroup[];
}) {
  const t = useTranslations("ledger");
  const tf = useTranslations("problem.fields");
  const te = useTranslations("enums");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const panelId = useId();
  const activeCount = FILTER_KEYS.filter((k) => values[k]).length;
  const [open, setOpen] = useState(false);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const params = new URLSearchParams();
    const form = new FormData(e.currentTarget);
    for (const [key, value] of form) {
      if (key !== "colour" && typeof value === "string" && value.trim() !== "") params.set(key, value.trim());
    }
    const colours = form.getAll("colour").filter((v): v is string => typeof v === "string" && v !== "");
    if (colours.length) params.set("colour", colours.join(","));
    if (params.get("sort") === DEFAULT_PROBLEM_SORT) params.delete("sort");
    if (params.get("pageSize") === "20") params.delete("pageSize");
    const qs = params.toString();
    router.push(qs ? `/problems?${qs}` : "/problems");
  }

  const select = (name: keyof Values, label: string, options: FilterOption[], anyLabel = t("any")) => (
    <div>
      <label htmlFor={`f-${name}`} className="field-label text-xs">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={values[name] ?? ""} className="field-input">
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-label={t("filters")} className="card mb-4">
      <div className="flex items-center justify-between px-3 py-2 md:hidden">
        <span className="font-medium text-slate-800 text-sm">
          {t("filters")}
          {activeCount ? <span className="ml-2 text-blue-700 text-xs">{t("activeFilters", { count: activeCount })}</span> : null}
        </span>
        <button
          type="button"
          className="btn-secondary min-h-9 px-3 py-1"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t("hideFilters") : t("showFilters")}
        </button>
      </div>
      <form
        id={panelId}
        ref={formRef}
        method="get"
        action="/problems"
        onSubmit={onSubmit}
        className={`${open ? "block" : "hidden"} border-slate-200 border-t p-3 md:block md:border-t-0`}
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-6">
          <div className="sm:col-span-2">
            <label htmlFor="f-q" className="field-label text-xs">
              {t("search")}
            </label>
            <input
              id="f-q"
              name="q"
              type="search"
              defaultValue={values.q ?? ""}
              placeholder={t("searchPlaceholder")}
              maxLength={100}
              className="field-input"
            />
          </div>
          {select("districtCode", tf("districtCode"), districts)}
          {select(
            "status",
            tf("status"),
            PROBLEM_STATUSES.map((s) => ({ value: s, label: te(`status.${s}`) })),
          )}
          {select(
            "source",
            tf("source"),
            PROBLEM_SOURCES.map((s) => ({ value: s, label: te(`source.${s}`) })),
          )}
          {select(
            "category",
            tf("category"),
            PROBLEM_CATEGORIES.map((s) => ({ value: s, label: te(`category.${s}`) })),
          )}
          {select(
            "deadlineBand",
            tf("deadlineBand"),
            DEADLINE_BANDS.map((s) => ({ value: s, label: te(`band.${s}`) })),
          )}
          {select("overdue", tf("overdue"), [
            { value: "true", label: t("overdueYes") },
            { value: "false", label: t("overdueNo") },
          ])}
          <ColourFilter selected={values.colour} />
          {select("leadOfficialId", tf("leadOfficialId"), leaders)}
          <div>
            <label htmlFor="f-leadUnitId" className="field-label text-xs">
              {tf("leadUnitId")}
            </label>
            <select id="f-leadUnitId" name="leadUnitId" defaultValue={values.leadUnitId ?? ""} className="field-input">
              <option value="">{t("any")}</option>
              {unitGroups.map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.units.map((u) => (
                    <option key={u.value} value={u.value}>
                      {u.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-sort" className="field-label text-xs">
              {t("sort")}
            </label>
            <select
              id="f-sort"
              name="sort"
              defaultValue={values.sort ?? DEFAULT_PROBLEM_SORT}
              className="field-input"
              onChange={() => formRef.current?.requestSubmit()}
            >
              {LEDGER_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sorts.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-pageSize" className="field-label text-xs">
              {t("pageSize")}
            </label>
            <select
              id="f-pageSize"
              name="pageSize"
              defaultValue={values.pageSize ?? "20"}
              className="field-input"
              onChange={() => formRef.current?.requestSubmit()}
            >
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {t("perPage", { size: n })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <button type="submit" className="btn-primary">
            {t("apply")}
          </button>
          <Link href="/problems" className="btn-secondary">
            {t("clear")}
          </Link>
        </div>
      </form>
    </section>
  );
}
