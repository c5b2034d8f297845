import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { AppHeader, type NavItem } from "@/components/shell/app-header";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { can } from "@/lib/permissions";
import { setLocaleAction } from "./locale-actions";
import { requireActor } from "./session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // The proxy hands over the requested path, so a deep link survives the trip through the login page.
  const requested = (await headers()).get("x-request-path");
  const actor = await requireActor(requested?.startsWith("/") && !requested.startsWith("//") ? requested : undefined);
  const t = await getTranslations();
  const nav: NavItem[] = [{ href: "/problems", label: t("nav.ledger") }];
  if (can(actor, "problem.create")) nav.push({ href: "/problems/new", label: t("nav.newProblem") });
  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 text-blue-800 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("common.skipToContent")}
      </a>
      <AppHeader
        appName={t("common.appName")}
        nav={nav}
        userName={actor.displayName}
        roleLabel={t(`enums.role.${actor.role}`)}
        localeSwitch={<LocaleSwitch action={setLocaleAction} />}
      />
      <main id="main" className="mx-auto max-w-screen-2xl px-3 py-4 sm:px-6 sm:py-6">
        {children}
      </main>
    </>
  );
}
