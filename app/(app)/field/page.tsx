import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FieldProblemCard } from "@/components/evidence/field-problem-card";
import { NoPermission } from "@/components/ui/no-permission";
import { can } from "@/lib/permissions";
import { FIELD_FILTERS, type FieldFilter, listFieldProblems } from "@/lib/server/field/list-field-problems";
import { pathWithQuery, requireActor } from "../session";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("field.list.title")} · ${t("common.appName")}` };
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** 现场取证: a field office's problems as thumb-sized cards, what each still lacks, and quick filters. */
export default async function FieldPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/field", params));
  if (!can(actor, "evidence.read")) return <NoPermission />;
  const rawFilter = first(params.filter);
  const filter: FieldFilter = (FIELD_FILTERS as readonly string[]).includes(rawFilter ?? "") ? (rawFilter as FieldFilter) : "all";
  const pageNo = Number.parseInt(first(params.page) ?? "1", 10);
  const [data, t] = await Promise.all([
    listFieldProblems(actor, { filter, page: Number.isFinite(pageNo) ? pageNo : 1 }),
    getTranslations("field.list"),
  ]);
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const href = (f: FieldFilter, page = 1) => {
    const qs = new URLSearchParams();
    if (f !== "all") qs.set("filter", f);
    if (page > 1) qs.set("page", String(page));
    const s = qs.toString();
    return s ? `/field?${s}` : "/field";
  };

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-semibold text-slate-900 text-xl">{t("title")}</h1>
      <p className="mt-0.5 text-slate-600 text-sm">{t("intro")}</p>

      <nav aria-label={t("filters")} className="-mx-1 mt-3 flex gap-2 overflow-x-auto px-1 pb-1">
        {FIELD_FILTERS.map((f) => (
          <Link
            key={f}
            href={href(f)}
            aria-current={f === filter ? "page" : undefined}
            className={`inline-flex min-h-10 shrink-0 items-center gap-1.5 rounded-full border px-4 text-sm ${
              f === filter
                ? "border-blue-700 bg-blue-700 font-semibold text-white"
                : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
            }`}
            data-testid={`field-filter-${f}`}
          >
            {t(`filter.${f}`)}
            <span className={`rounded-full px-1.5 text-xs tabular-nums ${f === filter ? "bg-white/20" : "bg-slate-100"}`}>
              {data.counts[f]}
            </span>
          </Link>
        ))}
      </nav>

      {data.items.length === 0 ? (
        <p className="card mt-4 p-6 text-slate-700 text-sm" data-testid="field-empty">
          {t(`empty.${filter}`)}
        </p>
      ) : (
        <ul className="mt-3 space-y-2" aria-label={t("caption", { total: data.total })}>
          {data.items.map((item) => (
            <li key={item.problem.id}>
              <FieldProblemCard item={item} />
            </li>
          ))}
        </ul>
      )}

      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-2">
          {data.page > 1 ? (
            <Link href={href(filter, data.page - 1)} className="btn-secondary">
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600 text-sm">{t("pageOf", { page: data.page, pages })}</span>
          {data.page < pages ? (
            <Link href={href(filter, data.page + 1)} className="btn-secondary">
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
