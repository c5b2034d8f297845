import "server-only";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";

export type ParkFormOptions = {
  districts: { id: string; name: string }[];
  enterprises: {
    id: string;
    name: string;
    creditCode: string;
    districtId: string;
    parkId: string | null;
    parkName: string | null;
  }[];
};

/** What the park form offers a coordinator: the districts, and the register's enterprises (with the park each is in). */
export async function parkFormOptions(actor: Actor): Promise<ParkFormOptions> {
  authorize(actor, "park.manage");
  const [districts, enterprises] = await Promise.all([
    db.district.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    db.enterprise.findMany({
      select: { id: true, name: true, creditCode: true, districtId: true, parkId: true, park: { select: { name: true } } },
      orderBy: { name: "asc" },
      take: 5000,
    }),
  ]);
  return {
    districts,
    enterprises: enterprises.map((e) => ({
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      districtId: e.districtId,
      parkId: e.parkId,
      parkName: e.park?.name ?? null,
    })),
  };
}
