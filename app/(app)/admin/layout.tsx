import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoPermission } from "@/components/ui/no-permission";
import { getCookieActor } from "@/lib/auth/next-auth";
import { can } from "@/lib/permissions";

/** The administration pages share a small navigation; each page and use case still checks the role itself. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await getCookieActor();
  if (!actor || !can(actor, "user.manage")) return <NoPermission />;
  const t = await getTranslations("adminUi");
  const links = [
    { href: "/admin/users", label: t("users") },
    { href: "/admin/users/import", label: t("import") },
    { href: "/admin/units", label: t("units") },
    { href: "/admin/settings", label: t("settings") },
    { href: "/admin/penalty-rules", label: t("penaltyRules") },
    { href: "/admin/audit", label: t("audit") },
  ];
  return (
    <div className="flex flex-col gap-4 md:flex-row">
      <nav aria-label={t("navLabel")} className="md:w-44 md:shrink-0">
        <ul className="flex flex-wrap gap-1 md:flex-col">
          {links.map((l) => (
            <li key={l.href}>
              <Link
                href={l.href}
                className="block rounded px-3 py-2 text-slate-700 text-sm hover:bg-slate-200 focus-visible:bg-slate-200"
              >
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
