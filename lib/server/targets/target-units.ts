import "server-only";
import { db } from "../../db";
import { HOME_CITY_CODE } from "../../domain/indicators";

/** The units annual targets are set for: the city, then its districts in their usual order. */
export async function targetUnits(): Promise<{ code: string; name: string }[]> {
  const [city, districts] = await Promise.all([
    db.statUnit.findUnique({ where: { code: HOME_CITY_CODE }, select: { name: true } }),
    db.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } }),
  ]);
  return [{ code: HOME_CITY_CODE, name: city?.name ?? "无锡市" }, ...districts];
}
