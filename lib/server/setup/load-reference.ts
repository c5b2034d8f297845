import "server-only";
import type { UnitKind } from "@prisma/client";
import type { Tx } from "../../db";
import { type CityReference, cityReference, districtShortName } from "./city-reference";

/** The bureau's usual divisions: a starting list the administrator renames, adds to or deactivates. */
export const STARTING_DIVISIONS: readonly { code: string; name: string; nameEn: string; kind: UnitKind }[] = [
  { code: "DIV-OFFICE", name: "办公室", nameEn: "General Office", kind: "DIVISION" },
  { code: "DIV-GENERAL", name: "综合处（督察办）", nameEn: "General Affairs Division (Inspection Office)", kind: "DIVISION" },
  { code: "DIV-LAW", name: "法规与标准处", nameEn: "Division of Regulations and Standards", kind: "DIVISION" },
  { code: "DIV-AIR", name: "大气环境处", nameEn: "Division of Atmospheric Environment", kind: "DIVISION" },
  { code: "DIV-WATER", name: "水生态环境处", nameEn: "Division of Water Ecology and Environment", kind: "DIVISION" },
  { code: "DIV-SOIL", name: "土壤生态环境处", nameEn: "Division of Soil Ecology and Environment", kind: "DIVISION" },
  { code: "DIV-WASTE", name: "固体废物与化学品处", nameEn: "Division of Solid Waste and Chemicals", kind: "DIVISION" },
  { code: "DIV-ECO", name: "自然生态保护处", nameEn: "Division of Natural Ecology Conservation", kind: "DIVISION" },
  { code: "DIV-ENFORCE", name: "生态环境执法监督处", nameEn: "Division of Enforcement Supervision", kind: "DIVISION" },
  { code: "AFF-MONITOR", name: "环境监测中心", nameEn: "Environmental Monitoring Centre", kind: "AFFILIATED" },
  {
    code: "AFF-ENFORCE",
    name: "生态环境综合行政执法支队",
    nameEn: "Comprehensive Law Enforcement Detachment",
    kind: "AFFILIATED",
  },
];

export type LoadedReference = { city: CityReference["city"]; districts: number; units: number };

/**
 * Loads a city's reference data, idempotently (by code): its districts, the statistics units
 * indicators are published for (province, city, districts), the bureau, its starting divisions,
 * one dispatched agency (派出机构/分局) and one district government per district.
 */
export async function loadCityReference(tx: Tx, cityCode: string): Promise<LoadedReference> {
  const ref = cityReference(cityCode);
  if (!ref)
    throw new Error(`CITY_CODE ${cityCode} is not a city in the national division list (e.g. 320200 Wuxi, 320500 Suzhou)`);
  const { city, province } = ref;

  await tx.statUnit.upsert({
    where: { code: province.code },
    create: { code: province.code, name: province.name, level: "PROVINCE" },
    update: {},
  });
  await tx.statUnit.upsert({
    where: { code: city.code },
    create: { code: city.code, name: city.name, level: "CITY", parentCode: province.code },
    update: {},
  });

  const districtIds = new Map<string, string>();
  for (const d of ref.districts) {
    const row = await tx.district.upsert({
      where: { code: d.code },
      create: { code: d.code, name: d.name, nameEn: d.name, sortOrder: Number(d.code) },
      update: {},
      select: { id: true },
    });
    districtIds.set(d.code, row.id);
    await tx.statUnit.upsert({
      where: { code: d.code },
      create: { code: d.code, name: d.name, level: "DISTRICT", parentCode: city.code },
      update: {},
    });
  }

  let units = 0;
  const unit = async (data: {
    code: string;
    name: string;
    nameEn: string;
    kind: UnitKind;
    parentId?: string | null;
    districtId?: string | null;
    sortOrder: number;
  }) => {
    units++;
    const row = await tx.unit.upsert({ where: { code: data.code }, create: data, update: {}, select: { id: true } });
    return row.id;
  };
  const bureauId = await unit({
    code: "BUREAU",
    name: `${city.name}生态环境局`,
    nameEn: `${city.name} Bureau of Ecology and Environment`,
    kind: "BUREAU",
    sortOrder: 0,
  });
  let order = 10;
  for (const d of STARTING_DIVISIONS) {
    await unit({
      ...d,
      name: d.kind === "AFFILIATED" ? `${city.name}${d.name}` : d.name,
      parentId: bureauId,
      sortOrder: order++,
    });
  }
  for (const d of ref.districts) {
    const districtId = districtIds.get(d.code) ?? null;
    await unit({
      code: `AG-${d.code}`,
      name: `${city.name}${districtShortName(d.name)}生态环境局`,
      nameEn: `${d.name} Branch, ${city.name} Bureau of Ecology and Environment`,
      kind: "AGENCY",
      parentId: bureauId,
      districtId,
      sortOrder: 100 + Number(d.code.slice(4)),
    });
    await unit({
      code: `GOV-${d.code}`,
      name: `${d.name}人民政府`,
      nameEn: `${d.name} People's Government`,
      kind: "DISTRICT_GOVERNMENT",
      districtId,
      sortOrder: 200 + Number(d.code.slice(4)),
    });
  }
  return { city, districts: ref.districts.length, units };
}
