import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MonitoringImportForm } from "@/components/offsite/monitoring-import-form";
import { NoPermission } from "@/components/ui/no-permission";
import { can } from "@/lib/permissions";
import { requireActor } from "../../../session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("offsiteImport.title")} · ${t("common.appName")}` };
}

export default async function MonitoringImportPage() {
  const actor = await requireActor("/enforcement/clues/import");
  if (!can(actor, "monitoring.import")) return <NoPermission />;
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/enforcement/clues" className="link text-sm">
        {t("offsiteClues.back")}
      </Link>
      <h1 className="font-bold text-2xl">{t("offsiteImport.title")}</h1>
      <MonitoringImportForm />
    </div>
  );
}
