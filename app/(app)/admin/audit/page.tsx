import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { isAppError } from "@/lib/errors";
import { anyText } from "@/lib/i18n/admin-text";
import { shanghaiMinute } from "@/lib/i18n/format-time";
import type { Locale } from "@/lib/schemas/parse";
import { listAudit } from "@/lib/server/audit/list-audit";
import { requireActor } from "../../session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("adminUi.auditTitle")} · ${t("common.appName")}` };
}

const FILTERS = ["actor", "entity", "action", "from", "to"] as const;
const ACTIONS = [
  "create",
  "update",
  "delete",
  "transition",
  "sign-in",
  "sign-out",
  "reset-password",
  "change-password",
  "deactivate",
  "reactivate",
  "unlock",
  "import",
  "upload",
  "review",
  "export",
  "setup",
];

/** 审计日志: search by person, record, action and time; before → after in words; paged; export. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor("/admin/audit");
  const raw = await searchParams;
  const locale = (await getLocale()) as Locale;
  const q: Record<string, string> = {};
  for (const k of [...FILTERS, "page"]) {
    const v = raw[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) q[k] = s;
  }
  const t = await getTranslations("adminUi");
  let page: Awaited<ReturnType<typeof listAudit>> | null = null;
  let error: string | null = null;
  try {
    page = await listAudit(actor, q, { locale });
  } catch (e) {
    if (!isAppError(e) || !e.fields) throw e;
    error = Object.values(e.fields).flat().join("；");
  }
  const filters = new URLSearchParams(Object.entries(q).filter(([k]) => k !== "page"));
  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  const pageLink = (n: number) => `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(filters), page: String(n) })}`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="font-semibold text-slate-900 text-xl">{t("auditTitle")}</h1>
        <p className="text-slate-600 text-sm">{t("auditHint")}</p>
      </div>
      <form method="get" role="search" className="card grid gap-3 p-4 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
        <div>
          <label htmlFor="a-actor" className="field-label">
            {t("actor")}
          </label>
          <input id="a-actor" name="actor" defaultValue={q.actor} className="field-input" />
        </div>
        <div>
          <label htmlFor="a-entity" className="field-label">
            {t("entity")}
          </label>
          <input id="a-entity" name="entity" defaultValue={q.entity} placeholder={t("entityHint")} className="field-input" />
        </div>
        <div>
          <label htmlFor="a-action" className="field-label">
            {t("action")}
          </label>
          <select id="a-action" name="action" defaultValue={q.action ?? ""} className="field-input">
            <option value="">—</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {anyText(locale, `auditWords.actions.${a}`) ?? a}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="a-from" className="field-label">
            {t("from")}
          </label>
          <input id="a-from" name="from" type="date" defaultValue={q.from} className="field-input" />
        </div>
        <div>
          <label htmlFor="a-to" className="field-label">
            {t("to")}
          </label>
          <input id="a-to" name="to" type="date" defaultValue={q.to} className="field-input" />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="btn-primary">
            {t("filter")}
          </button>
          <a href={`/api/v1/audit/export?${filters}`} className="btn-secondary" download>
            {t("export")}
          </a>
        </div>
      </form>
      {error ? (
        <Notice title={t("auditTitle")} tone="red" level={2}>
          {error}
        </Notice>
      ) : null}
      {page ? (
        <section className="card overflow-x-auto p-4" aria-labelledby="audit-total">
          <p id="audit-total" className="mb-2 text-slate-600 text-sm">
            {t("total", { count: page.total })}
          </p>
          {page.items.length === 0 ? (
            <p className="text-slate-600 text-sm">{t("noEntries")}</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    {t("at")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("actor")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("action")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("entity")}
                  </th>
                  <th scope="col" className="py-2">
                    {t("changes")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.id} className="border-slate-200 border-t align-top" data-testid="audit-row">
                    <td className="py-2 pr-3 whitespace-nowrap">{shanghaiMinute(e.at)}</td>
                    <td className="py-2 pr-3">{e.actorName ?? anyText(locale, "auditWords.system")}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{e.action}</td>
                    <td className="py-2 pr-3 [overflow-wrap:anywhere]">{e.entityLabel}</td>
                    <td className="py-2">
                      <ul className="space-y-0.5">
                        {e.changes.map((c) => (
                          <li key={c.field} className="[overflow-wrap:anywhere]">
                            <span className="text-slate-600">{c.label}：</span>
                            {c.before ? <del className="text-slate-500">{c.before}</del> : null}
                            {c.before ? " → " : null}
                            <ins className="no-underline">{c.after}</ins>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <nav aria-label={t("page", { page: page.page, pages })} className="mt-3 flex items-center gap-3 text-sm">
            {page.page > 1 ? (
              <Link href={pageLink(page.page - 1)} className="btn-secondary">
                {t("prev")}
              </Link>
            ) : null}
            <span>{t("page", { page: page.page, pages })}</span>
            {page.page < pages ? (
              <Link href={pageLink(page.page + 1)} className="btn-secondary">
                {t("next")}
              </Link>
            ) : null}
          </nav>
        </section>
      ) : null}
    </div>
  );
}
