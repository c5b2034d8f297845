import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccountActions } from "@/components/admin/account-actions";
import { UserForm } from "@/components/admin/user-form";
import { Badge } from "@/components/ui/badge";
import { ROLES } from "@/lib/domain/enums";
import { isAppError } from "@/lib/errors";
import { listDistricts } from "@/lib/server/reference/list-districts";
import { listUnits } from "@/lib/server/reference/list-units";
import { getAdminUser } from "@/lib/server/users/list-users";
import { requireActor } from "../../../session";
import { resetPasswordAction, setActiveAction, unlockUserAction, updateUserAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("adminUi.usersTitle")} · ${t("common.appName")}` };
}

/** One account: edit it, reset its password, lift its lock, deactivate or reactivate it. */
export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/admin/users/${id}`);
  const user = await getAdminUser(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, tr, units, districts] = await Promise.all([
    getTranslations("adminUi"),
    getTranslations("enums.role"),
    listUnits(actor),
    listDistricts(actor),
  ]);
  const roleLabels = Object.fromEntries(ROLES.map((r) => [r, tr(r)]));
  const unitOptions = units.map((u) => ({ id: u.id, label: u.name }));
  if (user.unitId && !units.some((u) => u.id === user.unitId)) unitOptions.push({ id: user.unitId, label: user.unitName ?? "" });
  return (
    <div className="space-y-5">
      <p>
        <Link href="/admin/users" className="link text-sm">
          ← {t("back")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="font-semibold text-slate-900 text-xl">
          {t("editTitle", { name: `${user.displayName}（${user.username}）` })}
        </h1>
        <Badge tone={user.active ? "emerald" : "slate"}>{user.active ? t("active") : t("inactive")}</Badge>
        {user.locked ? <Badge tone="red">{t("locked")}</Badge> : null}
        {user.mustChangePassword ? <Badge tone="amber">{t("mustChange")}</Badge> : null}
      </div>
      <section className="card p-4">
        <UserForm
          key={user.version}
          mode="edit"
          action={updateUserAction.bind(null, user.id)}
          roleLabels={roleLabels}
          units={unitOptions}
          districts={districts.map((d) => ({ id: d.id, label: `${d.name}（${d.code}）` }))}
          values={user}
          lockRole={user.id === actor.id}
        />
      </section>
      <section className="card p-4">
        <AccountActions
          active={user.active}
          locked={user.locked}
          self={user.id === actor.id}
          reset={resetPasswordAction.bind(null, user.id)}
          unlock={unlockUserAction.bind(null, user.id)}
          setActive={setActiveAction.bind(null, user.id, user.version, !user.active)}
        />
      </section>
    </div>
  );
}
