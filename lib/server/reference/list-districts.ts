import "server-only";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";

export type DistrictDto = { id: string; code: string; name: string; nameEn: string };

/** Districts in administrative-code order (the order ties are shown in). */
export async function listDistricts(actor: Actor): Promise<DistrictDto[]> {
  authorize(actor, "reference.read");
  return db.district.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true, nameEn: true } });
}
