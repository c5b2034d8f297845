import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { UserForm } from "@/components/admin/user-form";
import { Badge } from "@/components/ui/badge";
import { ROLES } from "@/lib/domain/enums";
import { shanghaiMinute } from "@/lib/i18n/format-time";
import type { Locale } from "@/lib/schemas/parse";
import { listDistricts } from "@/lib/server/reference/list-districts";
import { listUnits } from "@/lib/server/reference/list-units";
import { searchUsers } from "@/lib/server/users/list-users";
import { requireActor } from "../../session";
import { createUserAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("adminUi.usersTitle")} · ${t("common.appName")}` };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** 账号管理: search and filter accounts, open one to edit, create a new one. */
export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor("/admin/users");
  const params = await searchParams;
  const locale = (await getLocale()) as Locale;
  const query = { q: one(params.q), role: one(params.role), active: one(params.active) };
  const [t, tr, users, units, districts] = await Promise.all([
    getTranslations("adminUi"),
    getTranslations("enums.role"),
    searchUsers(actor, query, { locale }).catch(() => []),
    listUnits(actor),
    listDistricts(actor),
  ]);
  const roleLabels = Object.fromEntries(ROLES.map((r) => [r, tr(r)]));
  return (
    <div className="space-y-5">
      <h1 className="font-semibold text-slate-900 text-xl">{t("usersTitle")}</h1>
      <form method="get" className="card flex flex-wrap items-end gap-3 p-4" role="search">
        <div>
          <label htmlFor="q" className="field-label">
            {t("search")}
          </label>
          <input id="q" name="q" defaultValue={query.q} placeholder={t("searchPlaceholder")} className="field-input" />
        </div>
        <div>
          <label htmlFor="role" className="field-label">
            {t("role")}
          </label>
          <select id="role" name="role" defaultValue={query.role} className="field-input">
            <option value="">{t("allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="active" className="field-label">
            {t("state")}
          </label>
          <select id="active" name="active" defaultValue={query.active} className="field-input">
            <option value="">{t("allStates")}</option>
            <option value="true">{t("activeOnly")}</option>
            <option value="false">{t("inactiveOnly")}</option>
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("filter")}
        </button>
      </form>

      <section className="card overflow-x-auto p-4" aria-labelledby="accounts-count">
        <p id="accounts-count" className="mb-2 text-slate-600 text-sm">
          {t("count", { count: users.length })}
        </p>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">
                {t("username")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("displayName")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("role")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("unit")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("state")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("lastSignIn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-slate-200 border-t" data-testid="user-row">
                <td className="py-2 pr-3">
                  <Link href={`/admin/users/${u.id}`} className="link">
                    {u.username}
                  </Link>
                </td>
                <td className="py-2 pr-3">{u.displayName}</td>
                <td className="py-2 pr-3">{roleLabels[u.role]}</td>
                <td className="py-2 pr-3">{u.unitName ?? u.districtName ?? "—"}</td>
                <td className="space-x-1 py-2 pr-3">
                  <Badge tone={u.active ? "emerald" : "slate"}>{u.active ? t("active") : t("inactive")}</Badge>
                  {u.locked ? <Badge tone="red">{t("locked")}</Badge> : null}
                  {u.mustChangePassword ? <Badge tone="amber">{t("mustChange")}</Badge> : null}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">{u.lastSignInAt ? shanghaiMinute(u.lastSignInAt) : t("never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card p-4" aria-labelledby="create-title">
        <h2 id="create-title" className="mb-3 font-semibold text-slate-900">
          {t("createTitle")}
        </h2>
        <UserForm
          mode="create"
          action={createUserAction}
          roleLabels={roleLabels}
          units={units.map((u) => ({ id: u.id, label: u.name }))}
          districts={districts.map((d) => ({ id: d.id, label: `${d.name}（${d.code}）` }))}
        />
      </section>
    </div>
  );
}
