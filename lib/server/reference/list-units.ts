import "server-only";
import type { UnitKind } from "@prisma/client";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";

export type UnitDto = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  parentId: string | null;
  districtCode: string | null;
};

/** Active units, bureau first, then by kind and sort order (the unit tree flattened). */
export async function listUnits(actor: Actor): Promise<UnitDto[]> {
  authorize(actor, "reference.read");
  const rows = await db.unit.findMany({
    where: { active: true },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
    include: { district: { select: { code: true } } },
  });
  return rows.map((u) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    nameEn: u.nameEn,
    kind: u.kind,
    parentId: u.parentId,
    districtCode: u.district?.code ?? null,
  }));
}
