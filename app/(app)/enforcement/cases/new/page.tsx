import { getTranslations } from "next-intl/server";
import { FileCaseForm } from "@/components/enforcement/case-forms";
import { NoPermission } from "@/components/ui/no-permission";
import { bureauToday, formatCalendarDate } from "@/lib/domain/calendar";
import { CASE_MEASURES } from "@/lib/domain/enforcement";
import { can } from "@/lib/permissions";
import { pathWithQuery, requireActor } from "../../../session";
import { one, type Search } from "../../search";

export default async function NewCasePage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/enforcement/cases/new", params));
  if (!can(actor, "case.file")) return <NoPermission />;
  const t = await getTranslations("enforcement.cases");
  return (
    <div className="space-y-3">
      <h1 className="font-bold text-2xl">{t("new")}</h1>
      <FileCaseForm inspectionId={one(params.inspectionId)} today={formatCalendarDate(bureauToday())} measures={CASE_MEASURES} />
    </div>
  );
}
