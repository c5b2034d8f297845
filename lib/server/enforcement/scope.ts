import "server-only";
import { Prisma } from "@prisma/client";
import type { Actor } from "../../permissions";

/**
 * What enforcement records a person may see, one rule in two forms (Prisma `where` and SQL), like
 * lib/server/problems/scope.ts: an out-of-scope id answers as a missing one. Bureau-wide roles
 * (ADMIN, LEADER, COORDINATOR, VIEWER) and division heads see all; a field officer sees the
 * enterprises of their district, and of another district only an enterprise they inspected
 * (a cross inspection lists them) — with that inspection, and nothing else of that district.
 */
const bureauWide = (actor: Actor) => actor.role !== "FIELD_OFFICER";

const asInspector = (actor: Actor): Prisma.InspectionWhereInput => ({ inspectors: { some: { userId: actor.id } } });

export function enterpriseScope(actor: Actor): Prisma.EnterpriseWhereInput {
  if (bureauWide(actor)) return {};
  const or: Prisma.EnterpriseWhereInput[] = [{ inspections: { some: asInspector(actor) } }];
  if (actor.districtId) or.push({ districtId: actor.districtId });
  return { OR: or };
}

export function inspectionScope(actor: Actor): Prisma.InspectionWhereInput {
  if (bureauWide(actor)) return {};
  const or: Prisma.InspectionWhereInput[] = [asInspector(actor)];
  if (actor.districtId) or.push({ enterprise: { districtId: actor.districtId } });
  return { OR: or };
}

/** Cases: of the district's enterprises, or filed from an inspection the person took part in. */
export function caseScope(actor: Actor): Prisma.EnforcementCaseWhereInput {
  if (bureauWide(actor)) return {};
  const or: Prisma.EnforcementCaseWhereInput[] = [{ inspection: asInspector(actor) }];
  if (actor.districtId) or.push({ enterprise: { districtId: actor.districtId } });
  return { OR: or };
}

/** `inspectionScope` as SQL on the aliases `i` (Inspection) and `e` (its Enterprise). */
export function inspectionScopeSql(actor: Actor): Prisma.Sql {
  if (bureauWide(actor)) return Prisma.sql`TRUE`;
  const mine = Prisma.sql`EXISTS (SELECT 1 FROM "InspectionInspector" ii WHERE ii."inspectionId" = i.id AND ii."userId" = ${actor.id}::uuid)`;
  return actor.districtId ? Prisma.sql`(e."districtId" = ${actor.districtId}::uuid OR ${mine})` : mine;
}
