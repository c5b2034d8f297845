import type { ReferenceNames } from "@/components/problems/field-values";
import type { Actor } from "@/lib/permissions";
import type { Locale } from "@/lib/schemas/parse";
import type { UserDto } from "@/lib/schemas/user";
import { type DistrictDto, listDistricts } from "@/lib/server/reference/list-districts";
import { listUnits, type UnitDto } from "@/lib/server/reference/list-units";
import { listUsers } from "@/lib/server/users/list-users";

export type Option = { value: string; label: string };
export type UnitOption = Option & { kind: UnitDto["kind"] };

export type References = {
  districts: Option[];
  units: UnitOption[];
  leaders: Option[];
  names: ReferenceNames;
  /** District code → id (to compare with a person's district). */
  districtIds: Record<string, string>;
};

/** Districts, units and lead officials for pickers and for turning ids into names, in the page's language. */
export async function loadReferences(actor: Actor, locale: Locale): Promise<References> {
  const [districts, units, leaders] = await Promise.all([
    listDistricts(actor),
    listUnits(actor),
    listUsers(actor, { role: "LEADER" }, { locale }),
  ]);
  const name = (x: DistrictDto | UnitDto) => (locale === "en" && x.nameEn ? x.nameEn : x.name);
  return {
    districts: districts.map((d) => ({ value: d.code, label: name(d) })),
    units: units.map((u) => ({ value: u.id, label: name(u), kind: u.kind })),
    leaders: leaders.map((u: UserDto) => ({ value: u.id, label: u.displayName })),
    districtIds: Object.fromEntries(districts.map((d) => [d.code, d.id])),
    names: {
      districts: Object.fromEntries(districts.map((d) => [d.code, name(d)])),
      units: Object.fromEntries(units.map((u) => [u.id, name(u)])),
      leaders: Object.fromEntries(leaders.map((u) => [u.id, u.displayName])),
    },
  };
}
