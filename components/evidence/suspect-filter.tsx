import Link from "next/link";
import { useTranslations } from "next-intl";

/** 全部 / 有疑点: the review queue's filter, as two links (the current one marked), with counts. */
export function SuspectFilter({ suspectOnly, total, suspect }: { suspectOnly: boolean; total: number; suspect: number }) {
  const t = useTranslations("photoSignals");
  const item = (active: boolean) =>
    `inline-flex min-h-9 items-center rounded-md px-3 text-sm ring-1 ring-inset ${
      active ? "bg-slate-900 font-medium text-white ring-slate-900" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50"
    }`;
  return (
    <nav aria-label={t("filterLabel")} className="mb-3">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link href="/evidence" className={item(!suspectOnly)} aria-current={!suspectOnly ? "page" : undefined}>
            {t("filterAll", { count: total })}
          </Link>
        </li>
        <li>
          <Link
            href="/evidence?suspect=1"
            className={item(suspectOnly)}
            aria-current={suspectOnly ? "page" : undefined}
            data-testid="filter-suspect"
          >
            {t("filterSuspect", { count: suspect })}
          </Link>
        </li>
      </ul>
      <p className="mt-1.5 text-slate-600 text-xs">{t("help")}</p>
    </nav>
  );
}
