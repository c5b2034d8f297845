import { getTranslations } from "next-intl/server";
import { InspectionForm } from "@/components/enforcement/inspection-form";
import { NoPermission } from "@/components/ui/no-permission";
import { db } from "@/lib/db";
import { bureauToday, formatCalendarDate } from "@/lib/domain/calendar";
import { INSPECTION_MODES, INSPECTION_RESULTS } from "@/lib/domain/enforcement";
import { can } from "@/lib/permissions";
import { enterpriseScope } from "@/lib/server/enforcement/scope";
import { pathWithQuery, requireActor } from "../../../session";
import { one, type Search } from "../../search";

/** 记录检查: the phone-first inspection form, with the options the person may choose from. */
export default async function NewInspectionPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/enforcement/inspections/new", params));
  if (!can(actor, "inspection.create")) return <NoPermission />;
  const t = await getTranslations("enforcement");
  const today = bureauToday();
  const [enterprises, actions, units, officers] = await Promise.all([
    db.enterprise.findMany({
      where: { ...enterpriseScope(actor) },
      select: { id: true, name: true, district: { select: { name: true, sortOrder: true } } },
      orderBy: [{ district: { sortOrder: "asc" } }, { name: "asc" }],
      take: 2000,
    }),
    db.campaignAction.findMany({
      where: { campaign: { startsOn: { lte: today }, endsOn: { gte: today } } },
      select: { id: true, type: true, campaign: { select: { name: true } } },
      orderBy: { type: "asc" },
    }),
    db.unit.findMany({
      where: { active: true, kind: { in: ["AGENCY", "AFFILIATED", "DIVISION", "BUREAU"] } },
      select: { id: true, name: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    }),
    db.user.findMany({
      where: { active: true, role: "FIELD_OFFICER" },
      select: { id: true, displayName: true, unit: { select: { name: true } } },
      orderBy: [{ unit: { sortOrder: "asc" } }, { displayName: "asc" }],
    }),
  ]);
  const wanted = one(params.enterpriseId);
  return (
    <div className="space-y-3">
      <h1 className="font-bold text-2xl">{t("inspections.new")}</h1>
      <InspectionForm
        options={{
          enterprises: enterprises.map((e) => ({ id: e.id, name: e.name, districtName: e.district.name })),
          actions: actions.map((a) => ({ id: a.id, type: a.type, name: `${a.campaign.name} · ${t(`actions.${a.type}`)}` })),
          units,
          officers: officers.map((o) => ({ id: o.id, name: o.displayName, unitName: o.unit?.name ?? "" })),
          modes: INSPECTION_MODES,
          results: INSPECTION_RESULTS,
        }}
        initial={{
          enterpriseId: enterprises.some((e) => e.id === wanted) ? wanted : "",
          leadUnitId: actor.unitId ?? "",
          inspectorIds: actor.role === "FIELD_OFFICER" ? [actor.id] : [],
          inspectedOn: formatCalendarDate(today),
        }}
      />
    </div>
  );
}
