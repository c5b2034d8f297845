import "server-only";
import type { Role } from "@prisma/client";
import type { Tx } from "../../db";
import { Invalid } from "../../errors";
import { adminText } from "../../i18n/admin-text";
import type { Locale } from "../../schemas/parse";

/**
 * The unit and district of an account must exist (an inactive unit takes no new people) and fit
 * the role: a field officer's scope is a unit or a district, a division head's is a unit.
 */
export async function checkAccountScope(
  tx: Tx,
  input: { role: Role; unitId: string | null; districtId: string | null },
  opts: { locale?: Locale; keepUnitId?: string | null } = {},
): Promise<void> {
  const fields: Record<string, string[]> = {};
  if (input.unitId) {
    const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { active: true } });
    if (!unit || (!unit.active && input.unitId !== opts.keepUnitId))
      fields.unitId = [adminText(opts.locale, "adminErrors.unknownUnit")];
  }
  if (input.districtId) {
    const district = await tx.district.findUnique({ where: { id: input.districtId }, select: { id: true } });
    if (!district) fields.districtId = [adminText(opts.locale, "adminErrors.unknownDistrict")];
  }
  if (
    (input.role === "FIELD_OFFICER" && !input.unitId && !input.districtId) ||
    (input.role === "DIVISION_HEAD" && !input.unitId)
  ) {
    fields.unitId = [...(fields.unitId ?? []), adminText(opts.locale, "adminErrors.roleScope")];
  }
  if (Object.keys(fields).length) throw new Invalid(fields);
}
