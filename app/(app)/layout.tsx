import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { mayOpenReviewQueue, showsFieldPage } from "@/components/evidence/access";
import { AppHeader, type NavItem } from "@/components/shell/app-header";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { can } from "@/lib/permissions";
import { countUnreadNotifications } from "@/lib/server/notifications/list-notifications";
import { setLocaleAction } from "./locale-actions";
import { requireActor } from "./session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // The proxy hands over the requested path, so a deep link survives the trip through the login page.
  const requested = (await headers()).get("x-request-path");
  const actor = await requireActor(requested?.startsWith("/") && !requested.startsWith("//") ? requested : undefined);
  const t = await getTranslations();
  const nav: NavItem[] = [
    { href: "/work", label: t("nav.work") },
    { href: "/problems", label: t("nav.ledger") },
    { href: "/timeline", label: t("nav.timeline") },
    { href: "/dashboard", label: t("nav.dashboard") },
  ];
  if (showsFieldPage(actor)) nav.splice(actor.role === "FIELD_OFFICER" ? 0 : 1, 0, { href: "/field", label: t("field.nav") });
  if (mayOpenReviewQueue(actor)) nav.push({ href: "/evidence", label: t("evidenceUi.nav") });
  if (can(actor, "problem.create")) nav.push({ href: "/problems/new", label: t("nav.newProblem") });
  if (can(actor, "indicator.import")) nav.push({ href: "/indicators/import", label: t("nav.importIndicators") });
  if (can(actor, "penalty.evaluate") || can(actor, "penaltyRules.manage"))
    nav.push({ href: "/penalties", label: t("penalties.nav") });
  if (can(actor, "penaltyRules.manage")) nav.push({ href: "/admin/penalty-rules", label: t("penaltyRules.nav") });
  if (can(actor, "user.manage")) nav.push({ href: "/admin/users", label: t("adminUi.nav") });
  nav.push({ href: "/account", label: t("account.nav") });
  if (can(actor, "indicator.read")) nav.push({ href: "/sections", label: t("sections.nav") });
  if (can(actor, "target.manage")) nav.push({ href: "/targets", label: t("annualTargets.nav") });
  if (can(actor, "sweep.read")) nav.push({ href: "/bottom-line", label: t("bottomLine.nav") });
  const unread = can(actor, "notification.read") ? await countUnreadNotifications(actor) : null;
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
        bell={
          unread === null
            ? undefined
            : {
                href: "/notifications",
                unread,
                label: unread > 0 ? t("nav.notificationsUnread", { count: unread }) : t("nav.notifications"),
              }
        }
      />
      <main id="main" className="mx-auto max-w-screen-2xl px-3 py-4 sm:px-6 sm:py-6">
        {children}
      </main>
    </>
  );
}
