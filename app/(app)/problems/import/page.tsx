import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LedgerImport } from "@/components/office/ledger-import";
import { NoPermission } from "@/components/ui/no-permission";
import { can } from "@/lib/permissions";
import { requireActor } from "../../session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("officeUi.importTitle")} · ${t("common.appName")}` };
}

export default async function LedgerImportPage() {
  const actor = await requireActor("/problems/import");
  if (!can(actor, "problem.import")) return <NoPermission />;
  const t = await getTranslations("officeUi");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-semibold text-slate-900 text-xl">{t("importTitle")}</h1>
        <Link href="/problems" className="link text-sm">
          {t("backToLedger")}
        </Link>
      </div>
      <p className="max-w-3xl text-slate-600 text-sm">{t("importIntro")}</p>
      <LedgerImport />
    </div>
  );
}
