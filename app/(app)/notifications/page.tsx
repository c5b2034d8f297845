import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { isAppError } from "@/lib/errors";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import type { NotificationPage } from "@/lib/schemas/notification";
import type { Locale } from "@/lib/schemas/parse";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { pathWithQuery, requireActor } from "../session";
import { markAllReadAction, markReadAction, openNotificationAction } from "./actions";

type SearchParams = Record<string, string | string[] | undefined>;

const PAGE_SIZE = 20;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("inbox.title")} · ${t("common.appName")}` };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** 通知: my notifications, unread ones by default, with "mark read" and "mark all read". */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/notifications", params));
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("inbox");
  const tk = await getTranslations("inbox.kinds");
  const ta = await getTranslations("workflow.actions");
  const kindLabel = (kind: string): string | null => {
    if (kind.startsWith("workflow.")) {
      const action = kind.slice("workflow.".length);
      return ta.has(action) ? ta(action) : null;
    }
    return tk.has(kind) ? tk(kind) : null;
  };
  const showAll = first(params.show) === "all";
  const pageParam = first(params.page) ?? "1";

  let page: NotificationPage;
  try {
    page = await listNotifications(
      actor,
      { ...(showAll ? {} : { unread: "true" }), page: pageParam, pageSize: String(PAGE_SIZE) },
      { locale },
    );
  } catch (e) {
    if (isAppError(e) && e.code === "VALIDATION_FAILED") {
      return <Notice title={t("invalidPage")} tone="amber" action={{ href: "/notifications", label: t("backToFirst") }} />;
    }
    throw e;
  }

  const hrefFor = (p: number) => {
    const q = new URLSearchParams();
    if (showAll) q.set("show", "all");
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `/notifications?${s}` : "/notifications";
  };
  const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize));
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm ${active ? "bg-blue-700 font-medium text-white" : "text-slate-700 hover:bg-slate-100"}`;

  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h1 className="font-semibold text-slate-900 text-xl">
          {t("title")}
          <span className="ml-2 font-normal text-slate-600 text-sm" data-testid="inbox-unread" data-count={page.unreadCount}>
            {t("unreadCount", { count: page.unreadCount })}
          </span>
        </h1>
        {page.unreadCount > 0 ? (
          <form action={markAllReadAction}>
            <button type="submit" className="btn-secondary">
              {t("markAllRead")}
            </button>
          </form>
        ) : null}
      </div>

      <nav aria-label={t("views")} className="mb-3 flex gap-1">
        <Link href="/notifications" className={tab(!showAll)} aria-current={!showAll ? "page" : undefined}>
          {t("unread")}
        </Link>
        <Link href="/notifications?show=all" className={tab(showAll)} aria-current={showAll ? "page" : undefined}>
          {t("all")}
        </Link>
      </nav>

      {page.items.length === 0 ? (
        <div className="card p-8 text-center text-slate-700 text-sm" data-testid="inbox-empty">
          {page.total > 0 ? (
            <Link href={hrefFor(1)} className="link">
              {t("backToFirst")}
            </Link>
          ) : showAll ? (
            t("empty")
          ) : (
            t("noUnread")
          )}
        </div>
      ) : (
        <ul className="space-y-2" data-testid="inbox-list">
          {page.items.map((n) => {
            const unread = n.readAt === null;
            return (
              <li
                key={n.id}
                className={`card p-3 ${unread ? "border-l-4 border-l-blue-700" : ""}`}
                data-testid="inbox-item"
                data-unread={unread}
              >
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-xs">
                  <time dateTime={n.createdAt} className="text-slate-500 tabular-nums">
                    {formatBureauDateTime(n.createdAt)}
                  </time>
                  {kindLabel(n.kind) ? (
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{kindLabel(n.kind)}</span>
                  ) : null}
                  {unread ? <span className="font-medium text-blue-800">{t("unreadMark")}</span> : null}
                </div>
                <p className={`mt-1 text-slate-900 ${unread ? "font-semibold" : ""}`}>{n.title}</p>
                <p className="mt-0.5 whitespace-pre-wrap text-slate-700 text-sm [overflow-wrap:anywhere]">{n.body}</p>
                <div className="mt-2 flex flex-wrap gap-2">
                  {n.link ? (
                    <form action={openNotificationAction.bind(null, n.id)}>
                      <button type="submit" className="btn-primary min-h-9 py-1">
                        {t("open")}
                      </button>
                    </form>
                  ) : null}
                  {unread ? (
                    <form action={markReadAction.bind(null, n.id)}>
                      <button
                        type="submit"
                        className="btn-secondary min-h-9 py-1"
                        aria-label={t("markReadOf", { title: n.title })}
                      >
                        {t("markRead")}
                      </button>
                    </form>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {lastPage > 1 ? (
        <nav aria-label={t("pages")} className="mt-4 flex items-center justify-between text-sm">
          {page.page > 1 ? (
            <Link href={hrefFor(page.page - 1)} className="btn-secondary">
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">{t("pageOf", { page: page.page, pages: lastPage })}</span>
          {page.page < lastPage ? (
            <Link href={hrefFor(page.page + 1)} className="btn-secondary">
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
