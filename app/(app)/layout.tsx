import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { mayOpenReviewQueue, showsFieldPage } from "@/components/evidence/access";
import { AppHeader, type NavItem } from "@/components/shell/app-header";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { ToastProvider } from "@/components/ui/toast";
import { can } from "@/lib/permissions";
import { countUnreadNotifications } from "@/lib/server/notifications/list-notifications";
import { setLocaleAction } from "./locale-actions";
import { requireActor } from "./session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // The proxy hands over the requested path, so a deep link survives the trip through the login page.
  const requested = (await headers()).get("x-request-path");
  const actor = await requireActor(requested?.startsWith("/") && !requested.startsWith("//") ? requested : undefined);
  const t = await getTranslations();
  // One array of entries: those without a group stand in the bar, grouped ones fold into one menu each
  // (the bar keeps to one line in English at 1280 px). A new area adds one entry here.
  const data = t("navGroups.data");
  const manage = t("navGroups.manage");
  const work = t("navGroups.work");
  const nav: NavItem[] = [
    { href: "/work", label: t("nav.work") },
    { href: "/problems", label: t("nav.ledger") },
    { href: "/timeline", label: t("nav.timeline") },
    { href: "/dashboard", label: t("nav.dashboard") },
  ];
  if (showsFieldPage(actor)) nav.splice(actor.role === "FIELD_OFFICER" ? 0 : 1, 0, { href: "/field", label: t("field.nav") });
  if (mayOpenReviewQueue(actor)) nav.push({ href: "/evidence", label: t("evidenceUi.nav") });
  if (can(actor, "problem.create")) nav.push({ href: "/problems/new", label: t("nav.newProblem") });
  if (can(actor, "indicator.read")) nav.push({ href: "/sections", label: t("sections.nav"), group: data });
  if (can(actor, "indicator.import")) nav.push({ href: "/indicators/import", label: t("nav.importIndicators"), group: data });
  if (can(actor, "target.manage")) nav.push({ href: "/targets", label: t("annualTargets.nav"), group: data });
  if (can(actor, "penalty.evaluate") || can(actor, "penaltyRules.manage"))
    nav.push({ href: "/penalties", label: t("penalties.nav"), group: data });
  if (can(actor, "penaltyRules.manage")) nav.push({ href: "/admin/penalty-rules", label: t("penaltyRules.nav"), group: manage });
  if (can(actor, "user.manage")) nav.push({ href: "/admin/users", label: t("adminUi.nav"), group: manage });
  nav.push({ href: "/account", label: t("account.nav"), group: manage });
  if (can(actor, "enforcement.read")) nav.push({ href: "/enforcement", label: t("enforcement.nav"), group: work });
  if (can(actor, "sweep.read")) nav.push({ href: "/bottom-line", label: t("bottomLine.nav"), group: work });
  const unread = can(actor, "notification.read") ? await countUnreadNotifications(actor) : null;
  return (
    <ToastProvider>
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
    </ToastProvider>
  );
}
