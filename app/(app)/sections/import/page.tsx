import { getTranslations } from "next-intl/server";
import { ValidCodes } from "@/components/import/import-flow";
import { ResultsImportForm } from "@/components/sections/results-import-form";
import { NoPermission } from "@/components/ui/no-permission";
import { can } from "@/lib/permissions";
import { sectionImportCodes } from "@/lib/server/sections/results-template";
import { requireActor } from "../../session";

export default async function SectionResultsImportPage() {
  const actor = await requireActor("/sections/import");
  if (!can(actor, "section.manage")) return <NoPermission />;
  const t = await getTranslations("sectionImport");
  const tk = await getTranslations("importKit");
  const [sections, classes] = await sectionImportCodes(actor);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="font-bold text-2xl">{t("title")}</h1>
      <ResultsImportForm />
      <ValidCodes
        groups={[
          {
            title: tk("sectionsTitle"),
            rows: (sections?.rows ?? []).map(([code = "", name = "", water = "", district = "", target = ""]) => ({
              code,
              name: `${name} · ${water} · ${district} · ${target}`,
            })),
          },
          { title: tk("classesTitle"), rows: (classes?.rows ?? []).map(([code = "", name = ""]) => ({ code, name })) },
        ]}
      />
    </div>
  );
}
