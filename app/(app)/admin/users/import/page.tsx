import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/admin/import-form";
import { ValidCodes } from "@/components/import/import-flow";
import { authorize } from "@/lib/permissions";
import { accountImportCodes } from "@/lib/server/users/import-users";
import { requireActor } from "../../../session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("adminUi.importTitle")} · ${t("common.appName")}` };
}

/** Accounts from an Excel sheet, all or nothing. */
export default async function ImportUsersPage() {
  const actor = await requireActor("/admin/users/import");
  authorize(actor, "user.manage");
  const t = await getTranslations("adminUi");
  const tk = await getTranslations("importKit");
  const [roles, units, districts] = await accountImportCodes(actor);
  const group = (title: string, rows: readonly (readonly string[])[] | undefined, codeFirst = true) => ({
    title,
    rows: (rows ?? []).map(([a = "", b = ""]) => (codeFirst ? { code: a, name: b } : { code: b, name: a })),
  });
  return (
    <section className="card max-w-2xl space-y-3 p-5">
      <h1 className="font-semibold text-slate-900 text-xl">{t("importTitle")}</h1>
      <p className="text-slate-600 text-sm">{t("importHint")}</p>
      <p>
        <a href="/api/v1/users/import/template" className="link text-sm" download>
          {tk("template")}
        </a>
      </p>
      <ImportForm />
      <ValidCodes
        groups={[
          group(tk("rolesTitle"), roles?.rows, false),
          group(tk("accountUnitsTitle"), units?.rows),
          group(tk("districtsTitle"), districts?.rows),
        ]}
      />
    </section>
  );
}
