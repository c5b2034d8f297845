import "server-only";
import type { Tx } from "../../db";
import { type FieldErrors, Invalid } from "../../errors";
import { type Locale, localizeMessage } from "../../schemas/parse";

type RefInput = {
  districtCode?: string;
  leadUnitId?: string;
  coUnitIds?: string[];
  acceptanceUnitId?: string | null;
  leadOfficialId?: string | null;
};

/**
 * Checks that every referenced district, unit and lead official exists, and that the lead unit is
 * not also a co-unit (`current`: the problem's units before an edit); returns the district id.
 */
export async function resolveReferences(
  tx: Tx,
  input: RefInput,
  locale: Locale = "en",
  current?: { leadUnitId: string; coUnitIds: string[] },
): Promise<{ districtId?: string }> {
  const fields: FieldErrors = {};
  const fail = (field: string, key: string) => {
    fields[field] = [localizeMessage(key.includes(".") ? key : `v.${key}`, locale)];
  };
  const lead = input.leadUnitId ?? current?.leadUnitId;
  const coUnits = input.coUnitIds ?? current?.coUnitIds ?? [];
  if ((input.leadUnitId !== undefined || input.coUnitIds !== undefined) && lead && coUnits.includes(lead)) {
    fail("coUnitIds", "security.refusal.leadAlsoCoUnit");
  }
  let districtId: string | undefined;
  if (input.districtCode !== undefined) {
    const district = await tx.district.findUnique({ where: { code: input.districtCode }, select: { id: true } });
    if (district) districtId = district.id;
    else fail("districtCode", "unknownDistrict");
  }
  const unitIds = [input.leadUnitId, input.acceptanceUnitId, ...(input.coUnitIds ?? [])].filter((x): x is string => !!x);
  if (unitIds.length) {
    const found = new Set(
      (await tx.unit.findMany({ where: { id: { in: unitIds }, active: true }, select: { id: true } })).map((u) => u.id),
    );
    if (input.leadUnitId && !found.has(input.leadUnitId)) fail("leadUnitId", "unknownUnit");
    if (input.acceptanceUnitId && !found.has(input.acceptanceUnitId)) fail("acceptanceUnitId", "unknownUnit");
    if (input.coUnitIds?.some((id) => !found.has(id))) fail("coUnitIds", "unknownUnit");
  }
  if (input.leadOfficialId) {
    const leader = await tx.user.findFirst({
      where: { id: input.leadOfficialId, role: "LEADER", active: true },
      select: { id: true },
    });
    if (!leader) fail("leadOfficialId", "unknownLeadOfficial");
  }
  if (Object.keys(fields).length) throw new Invalid(fields);
  return { districtId };
}
