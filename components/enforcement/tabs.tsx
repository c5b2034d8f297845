"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** The enforcement hub's tabs; 线索 and 建设项目 are the off-site and source-control pages. */
export const ENFORCEMENT_TABS = [
  { href: "/enforcement", key: "dashboard" },
  { href: "/enforcement/enterprises", key: "enterprises" },
  { href: "/enforcement/campaigns", key: "campaigns" },
  { href: "/enforcement/inspections", key: "inspections" },
  { href: "/enforcement/cases", key: "cases" },
  { href: "/enforcement/clues", key: "clues" },
  { href: "/enforcement/projects", key: "projects" },
] as const;

export function EnforcementTabs() {
  const t = useTranslations("enforcement.tabs");
  const path = usePathname();
  const active = (href: string) => (href === "/enforcement" ? path === href : path === href || path.startsWith(`${href}/`));
  return (
    <nav aria-label={t("label")} className="-mx-1 mb-4 overflow-x-auto border-slate-200 border-b">
      <ul className="flex min-w-max gap-1 px-1">
        {ENFORCEMENT_TABS.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={active(tab.href) ? "page" : undefined}
              className={`inline-block rounded-t px-3 py-2 text-sm ${
                active(tab.href) ? "border-sky-700 border-b-2 font-semibold text-sky-800" : "text-slate-600 hover:text-slate-900"
              }`}
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
