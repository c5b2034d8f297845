import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EnterpriseImport } from "@/components/enforcement/enterprise-import";
import { ExportButtons } from "@/components/office/export-buttons";
import { db } from "@/lib/db";
import { ENTERPRISE_STATUSES, ENTERPRISE_TAGS } from "@/lib/domain/enums";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { listEnterprises } from "@/lib/server/enforcement/list-enterprises";
import { pathWithQuery, requireActor } from "../../session";
import { one, type Search, withQuery } from "../search";

/** 企业库: search and filter the register; coordinators import it; everyone may export what they see. */
export default async function EnterprisesPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/enforcement/enterprises", params));
  const t = await getTranslations("enforcement");
  const query = {
    q: one(params.q),
    districtCode: one(params.districtCode),
    tag: one(params.tag),
    status: one(params.status),
    page: one(params.page),
  };
  const [districts, result] = await Promise.all([
    db.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } }),
    listEnterprises(actor, { ...Object.fromEntries(Object.entries(query).filter(([, v]) => v !== "")), pageSize: 50 }).catch(
      (e: unknown) => {
        if (isAppError(e) && e.status === 422) return listEnterprises(actor, { pageSize: 50 });
        throw e;
      },
    ),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const { page: _p, ...filters } = query;
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="font-bold text-2xl">{t("enterprises.title")}</h1>
          <p className="max-w-3xl text-slate-600 text-sm">{t("enterprises.intro")}</p>
        </div>
        {can(actor, "listExport.read") && (
          <ExportButtons endpoint="/api/v1/enterprises/export" query={filters} testId="enterprises" />
        )}
      </header>
      {can(actor, "enterprise.manage") && <EnterpriseImport />}
      <form method="get" className="card flex flex-wrap items-end gap-3 p-3" aria-label={t("common.apply")}>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("enterprises.search")}</span>
          <input type="search" name="q" defaultValue={query.q} className="rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("common.district")}</span>
          <select name="districtCode" defaultValue={query.districtCode} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t("common.all")}</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("enterprises.tag")}</span>
          <select name="tag" defaultValue={query.tag} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t("common.all")}</option>
            {ENTERPRISE_TAGS.map((x) => (
              <option key={x} value={x}>
                {t(`tags.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t("enterprises.status")}</span>
          <select name="status" defaultValue={query.status} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t("common.all")}</option>
            {ENTERPRISE_STATUSES.map((x) => (
              <option key={x} value={x}>
                {t(`status.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn-secondary">
          {t("common.apply")}
        </button>
      </form>
      <p className="text-slate-600 text-sm">{t("common.total", { count: result.total })}</p>
      <div className="card overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="p-2">
                {t("enterprises.name")}
              </th>
              <th scope="col" className="p-2">
                {t("enterprises.creditCode")}
              </th>
              <th scope="col" className="p-2">
                {t("common.district")}
              </th>
              <th scope="col" className="p-2">
                {t("enterprises.tag")}
              </th>
              <th scope="col" className="p-2">
                {t("enterprises.status")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((e) => (
              <tr key={e.id} className="border-slate-100 border-t">
                <td className="p-2">
                  <Link className="link" href={`/enforcement/enterprises/${e.id}`}>
                    {e.name}
                  </Link>
                  {e.isDemo && <span className="ml-1 text-amber-800 text-xs">（{t("common.demo")}）</span>}
                </td>
                <td className="p-2 font-mono text-xs">{e.creditCode}</td>
                <td className="p-2">{e.districtName}</td>
                <td className="p-2">{e.tags.map((x) => t(`tags.${x}` as "tags.CHEMICAL")).join("、")}</td>
                <td className="p-2">
                  {t(`status.${e.status}` as "status.OPERATING")}
                  {e.closedOn && ` ${e.closedOn}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="flex gap-2 text-sm" aria-label={t("common.page", { page: result.page })}>
          {result.page > 1 && (
            <Link className="btn-secondary" href={withQuery("/enforcement/enterprises", { ...filters, page: result.page - 1 })}>
              {t("common.prev")}
            </Link>
          )}
          <span className="self-center">
            {t("common.page", { page: result.page })} / {pages}
          </span>
          {result.page < pages && (
            <Link className="btn-secondary" href={withQuery("/enforcement/enterprises", { ...filters, page: result.page + 1 })}>
              {t("common.next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
