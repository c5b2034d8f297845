import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/(app)/locale-actions";
import { ObjectionForm } from "@/components/public/objection-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { listPublicNotices } from "@/lib/server/closure/list-public-notices";

// Notices open and end every day: always render with today's list.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("notices.title")} · ${t("common.appName")}`, description: t("notices.intro") };
}

/**
 * The public notice page (公示), open to anyone without an account: the problems whose
 * rectification passed acceptance and is now in notice, what was done, the period and how to
 * object. Only public fields reach this page (see listPublicNotices).
 */
export default async function NoticesPage() {
  const [t, te, locale, notices] = await Promise.all([
    getTranslations(),
    getTranslations("enums"),
    getLocale(),
    listPublicNotices(),
  ]);
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-slate-200 border-b bg-white">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="font-semibold text-slate-900">{t("common.appName")}</p>
          <LocaleSwitch action={setLocaleAction} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-6">
        <h1 className="font-semibold text-2xl text-slate-900">{t("notices.title")}</h1>
        <p className="mt-2 text-slate-700 text-sm leading-relaxed">{t("notices.intro")}</p>
        {notices.length === 0 ? (
          <p className="card mt-6 p-4 text-slate-700" data-testid="notices-empty">
            {t("notices.empty")}
          </p>
        ) : (
          <ol className="mt-6 space-y-4" aria-label={t("notices.listLabel", { count: notices.length })}>
            {notices.map((n) => {
              const titleId = `notice-${n.noticeId}`;
              return (
                <li key={n.noticeId}>
                  <article aria-labelledby={titleId} className="card p-4 sm:p-5" data-testid="public-notice" data-code={n.code}>
                    <p className="font-mono text-slate-500 text-xs">{n.code}</p>
                    <h2 id={titleId} className="mt-0.5 break-words font-semibold text-lg text-slate-900 leading-snug">
                      {n.title}
                    </h2>
                    <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                      <div>
                        <dt className="text-slate-500 text-xs">{t("notices.district")}</dt>
                        <dd>{locale === "en" ? (n.districtNameEn ?? n.districtName) : n.districtName}</dd>
                      </div>
                      <div>
                        <dt className="text-slate-500 text-xs">{t("notices.category")}</dt>
                        <dd>{te(`category.${n.category}`)}</dd>
                      </div>
                      <div>
                        <dt className="text-slate-500 text-xs">{t("notices.period")}</dt>
                        <dd className="tabular-nums">
                          {t("notices.periodValue", { start: n.startsOn, end: n.endsOn })}{" "}
                          <span className="font-medium text-blue-900">{t("notices.daysLeft", { days: n.daysLeft })}</span>
                        </dd>
                      </div>
                      <div>
                        <dt className="text-slate-500 text-xs">{t("notices.supervision")}</dt>
                        <dd className="break-words">
                          <a className="link tabular-nums" href={`tel:${n.phone.replace(/[^0-9+]/g, "")}`}>
                            {n.phone}
                          </a>
                          {n.email ? (
                            <>
                              {" · "}
                              <a className="link break-all" href={`mailto:${n.email}`}>
                                {n.email}
                              </a>
                            </>
                          ) : null}
                        </dd>
                      </div>
                      {n.target ? (
                        <div className="sm:col-span-2">
                          <dt className="text-slate-500 text-xs">{t("notices.target")}</dt>
                          <dd className="whitespace-pre-wrap break-words">{n.target}</dd>
                        </div>
                      ) : null}
                    </dl>
                    {n.measures.length ? (
                      // Named by its heading and the notice's code ("整改措施 · WX-…"): every notice has one, so each landmark needs its own name.
                      <section className="mt-3" aria-label={`${t("notices.measures")} · ${n.code}`}>
                        <h3 className="font-medium text-slate-900 text-sm">{t("notices.measures")}</h3>
                        <ul className="mt-1 space-y-1 text-sm">
                          {n.measures.map((m) => (
                            <li key={m.seq} className="flex gap-2">
                              <span aria-hidden className={m.done ? "text-emerald-700" : "text-slate-400"}>
                                {m.done ? "✓" : "○"}
                              </span>
                              <span className="break-words">
                                {m.description}
                                <span className="sr-only">{m.done ? t("notices.done") : t("notices.notDone")}</span>
                              </span>
                            </li>
                          ))}
                        </ul>
                      </section>
                    ) : null}
                    <section className="mt-3" aria-label={`${t("notices.summary")} · ${n.code}`}>
                      <h3 className="font-medium text-slate-900 text-sm">{t("notices.summary")}</h3>
                      <p className="mt-1 whitespace-pre-wrap break-words text-slate-800 text-sm">{n.summary}</p>
                    </section>
                    <details className="mt-4 rounded-md border border-slate-200 bg-slate-50 p-3">
                      <summary className="cursor-pointer font-medium text-blue-800 text-sm">{t("notices.object")}</summary>
                      <div className="mt-3">
                        <ObjectionForm noticeId={n.noticeId} code={n.code} />
                      </div>
                    </details>
                  </article>
                </li>
              );
            })}
          </ol>
        )}
      </main>
    </div>
  );
}
