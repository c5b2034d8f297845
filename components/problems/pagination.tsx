import Link from "next/link";
import { useTranslations } from "next-intl";

/** Page numbers around the current one, with gaps: 1 … 4 5 [6] 7 8 … 20. */
function pageWindow(page: number, pages: number): (number | "gap")[] {
  const out: (number | "gap")[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= 2) out.push(p);
    else if (out[out.length - 1] !== "gap") out.push("gap");
  }
  return out;
}

export function Pagination({
  page,
  pageSize,
  total,
  query,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** The current filters, kept in every page link. */
  query: Record<string, string>;
}) {
  const t = useTranslations("ledger");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => {
    const qs = new URLSearchParams(query);
    if (p === 1) qs.delete("page");
    else qs.set("page", String(p));
    const s = qs.toString();
    return s ? `/problems?${s}` : "/problems";
  };
  const base = "inline-flex min-h-10 min-w-10 items-center justify-center rounded-md border px-3 text-sm";
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-slate-600 text-sm">{t("pageOf", { page: Math.min(page, pages), pages })}</p>
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          {page > 1 ? (
            <Link href={href(page - 1)} rel="prev" className={`${base} border-slate-300 bg-white hover:bg-slate-50`}>
              {t("previous")}
            </Link>
          ) : (
            <span aria-disabled className={`${base} border-slate-200 text-slate-400`}>
              {t("previous")}
            </span>
          )}
        </li>
        {pageWindow(page, pages).map((p, i) =>
          p === "gap" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity of their own.
            <li key={`gap-${i}`} aria-hidden className="hidden px-1 text-slate-400 sm:block">
              …
            </li>
          ) : (
            <li key={p} className={p === page ? "" : "hidden sm:block"}>
              <Link
                href={href(p)}
                aria-current={p === page ? "page" : undefined}
                aria-label={t("goToPage", { page: p })}
                className={`${base} tabular-nums ${p === page ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <Link href={href(page + 1)} rel="next" className={`${base} border-slate-300 bg-white hover:bg-slate-50`}>
              {t("next")}
            </Link>
          ) : (
            <span aria-disabled className={`${base} border-slate-200 text-slate-400`}>
              {t("next")}
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
