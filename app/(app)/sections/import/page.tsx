import { getTranslations } from "next-intl/server";
import { ResultsImportForm } from "@/components/sections/results-import-form";
import { NoPermission } from "@/components/ui/no-permission";
import { can } from "@/lib/permissions";
import { requireActor } from "../../session";

export default async function SectionResultsImportPage() {
  const actor = await requireActor("/sections/import");
  if (!can(actor, "section.manage")) return <NoPermission />;
  const t = await getTranslations("sectionImport");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="font-bold text-2xl">{t("title")}</h1>
      <ResultsImportForm />
    </div>
  );
}
