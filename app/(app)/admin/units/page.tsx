import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AddZoneForm, CreateUnitForm, EditUnit } from "@/components/admin/unit-forms";
import { Badge } from "@/components/ui/badge";
import { UNIT_KINDS } from "@/lib/domain/enums";
import type { AdminUnitDto } from "@/lib/schemas/admin";
import { listDistricts } from "@/lib/server/reference/list-districts";
import { listAllUnits } from "@/lib/server/units/manage-units";
import { requireActor } from "../../session";
import { createDistrictAction, createUnitAction, deleteUnitAction, updateUnitAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("adminUi.unitsTitle")} · ${t("common.appName")}` };
}

/** The unit tree flattened in order, each with its depth. */
function treeOrder(units: AdminUnitDto[]): { unit: AdminUnitDto; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, AdminUnitDto[]>();
  for (const u of units) {
    const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  const out: { unit: AdminUnitDto; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      out.push({ unit: u, depth });
      if (depth < 20) visit(u.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** 单位管理: the unit tree (create, rename, move, deactivate, delete an unused one) and the districts. */
export default async function UnitsPage() {
  const actor = await requireActor("/admin/units");
  const [t, tk, units, districts] = await Promise.all([
    getTranslations("adminUi"),
    getTranslations("enums.unitKind"),
    listAllUnits(actor),
    listDistricts(actor),
  ]);
  const kindLabels = Object.fromEntries(UNIT_KINDS.map((k) => [k, tk(k)]));
  const parents = units.filter((u) => u.active).map((u) => ({ id: u.id, label: u.name }));
  const districtOptions = districts.map((d) => ({ id: d.id, label: `${d.name}（${d.code}）` }));
  return (
    <div className="space-y-5">
      <div>
        <h1 className="font-semibold text-slate-900 text-xl">{t("unitsTitle")}</h1>
        <p className="text-slate-600 text-sm">{t("unitsHint")}</p>
      </div>
      <section className="card p-4" aria-labelledby="new-unit">
        <h2 id="new-unit" className="mb-3 font-semibold text-slate-900">
          {t("createUnit")}
        </h2>
        <CreateUnitForm action={createUnitAction} parents={parents} districts={districtOptions} kindLabels={kindLabels} />
      </section>
      <section className="card divide-y divide-slate-200 p-2" aria-label={t("unitsTitle")}>
        {treeOrder(units).map(({ unit, depth }) => (
          <details key={unit.id} className="px-2 py-1.5" data-testid="unit-row">
            <summary className="cursor-pointer text-sm" style={{ paddingLeft: `${depth * 1.25}rem` }}>
              <span className={unit.active ? "text-slate-900" : "text-slate-400 line-through"}>{unit.name}</span>
              <span className="ml-2 text-slate-500 text-xs">
                {unit.code} · {kindLabels[unit.kind]}
              </span>
              {unit.active ? null : (
                <Badge tone="slate" className="ml-2">
                  {t("inactive")}
                </Badge>
              )}
            </summary>
            <div className="mt-2 mb-3">
              <EditUnit
                values={unit}
                active={unit.active}
                parents={parents.filter((p) => p.id !== unit.id)}
                districts={districtOptions}
                kindLabels={kindLabels}
                update={updateUnitAction.bind(null, unit.id)}
                setActive={updateUnitAction.bind(null, unit.id)}
                remove={deleteUnitAction.bind(null, unit.id)}
              />
            </div>
          </details>
        ))}
      </section>
      <section className="card space-y-3 p-4" aria-labelledby="districts-title">
        <h2 id="districts-title" className="font-semibold text-slate-900">
          {t("districtsTitle")}
        </h2>
        <p className="text-slate-600 text-sm">{t("districtsHint")}</p>
        <ul className="grid gap-1 text-sm sm:grid-cols-3">
          {districts.map((d) => (
            <li key={d.id}>
              {d.name} <span className="text-slate-500">{d.code}</span>
            </li>
          ))}
        </ul>
        <AddZoneForm action={createDistrictAction} />
      </section>
    </div>
  );
}
