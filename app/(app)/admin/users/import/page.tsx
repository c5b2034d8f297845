import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/admin/import-form";
import { authorize } from "@/lib/permissions";
import { requireActor } from "../../../session";
import { importUsersAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("adminUi.importTitle")} · ${t("common.appName")}` };
}

/** Accounts from an Excel sheet, all or nothing. */
export default async function ImportUsersPage() {
  const actor = await requireActor("/admin/users/import");
  authorize(actor, "user.manage");
  const t = await getTranslations("adminUi");
  return (
    <section className="card max-w-2xl space-y-3 p-5">
      <h1 className="font-semibold text-slate-900 text-xl">{t("importTitle")}</h1>
      <p className="text-slate-600 text-sm">{t("importHint")}</p>
      <p>
        <a href="/api/v1/users/import/template" className="link text-sm" download>
          {t("template")}
        </a>
      </p>
      <ImportForm action={importUsersAction} />
    </section>
  );
}
