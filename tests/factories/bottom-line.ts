import { randomInt } from "node:crypto";
import type { Enterprise, Prisma } from "@prisma/client";
import { creditCodeCheckChar } from "../../lib/domain/credit-code";
import type { Db } from "./index";

/**
 * A valid 统一社会信用代码 of the bottom-line set: "91" + an area code + "MC" in the 9th–10th
 * characters + seven more, then its check character. `serial` (up to 7 digits) makes it stable.
 */
export function bottomLineCreditCode(serial: number = randomInt(0, 10_000_000), area = "320200"): string {
  const first17 = `91${area}MC${String(serial).padStart(7, "0")}`;
  return first17 + creditCodeCheckChar(first17);
}

/** An enterprise of the register, upserted by its credit code (so the seed may run twice). */
export async function upsertEnterprise(
  db: Db,
  data: Omit<Prisma.EnterpriseUncheckedCreateInput, "creditCode"> & { creditCode?: string },
): Promise<Enterprise> {
  const creditCode = data.creditCode ?? bottomLineCreditCode();
  const { creditCode: _c, ...rest } = data;
  return db.enterprise.upsert({ where: { creditCode }, create: { ...rest, creditCode }, update: rest });
}
