import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SectionForm } from "@/components/sections/section-form";
import { NoPermission } from "@/components/ui/no-permission";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { requireActor } from "../../session";

export default async function NewSectionPage() {
  const actor = await requireActor("/sections/new");
  if (!can(actor, "section.manage")) return <NoPermission />;
  const t = await getTranslations("sections");
  const districts = await db.district.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, name: true },
  });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="font-bold text-2xl">{t("createTitle")}</h1>
      <SectionForm
        districts={districts}
        initial={{
          code: "",
          name: "",
          waterBody: "",
          districtCode: districts[0]?.code ?? "",
          level: "NATIONAL",
          targetClass: 3,
          active: true,
        }}
      />
      <Link href="/sections" className="text-blue-700 text-sm hover:underline">
        {t("cancel")}
      </Link>
    </div>
  );
}
