import Link from "next/link";
import { useTranslations } from "next-intl";

/** The bottom line's sections (反思与底线), in the order the bureau reads them. */
export const BOTTOM_LINE_TABS = [
  { key: "overview", href: "/bottom-line" },
  { key: "sweeps", href: "/bottom-line/sweeps" },
  { key: "closedEnterprises", href: "/bottom-line/closed-enterprises" },
  { key: "parks", href: "/bottom-line/parks" },
  { key: "taihu", href: "/bottom-line/taihu" },
  { key: "incidents", href: "/bottom-line/incidents" },
  { key: "selfReviews", href: "/bottom-line/self-reviews" },
] as const;

export type BottomLineTab = (typeof BOTTOM_LINE_TABS)[number]["key"];

/** The tab bar over every bottom-line page; `current` is marked for screen readers too. */
export function BottomLineTabs({ current }: { current: BottomLineTab }) {
  const t = useTranslations("bottomLine.tabs");
  return (
    <nav aria-label={t("label")} className="-mx-1 mb-4 flex gap-1 overflow-x-auto border-slate-200 border-b px-1">
      {BOTTOM_LINE_TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`inline-flex min-h-10 shrink-0 items-center border-b-2 px-3 text-sm ${
            tab.key === current
              ? "border-blue-700 font-semibold text-blue-800"
              : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900"
          }`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
