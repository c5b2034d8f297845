import "server-only";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { type Actor, authorize } from "../../permissions";
import { closedEnterpriseQuerySchema } from "../../schemas/bottom-line";
import { type Locale, parseInput } from "../../schemas/parse";
import { getSettings } from "../settings/get-settings";
import {
  type ClosedEnterpriseDto,
  closedChemicalWhere,
  closedEnterpriseInclude,
  toClosedEnterpriseDto,
} from "./closed-enterprise-dto";

/**
 * The chemical enterprises closed in the last `closedChemicalYears` years (a setting), in the
 * person's scope, latest closure first; `notRechecked=true` keeps those without a re-check this year.
 */
export async function listClosedEnterprises(
  actor: Actor,
  query: unknown,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<{ items: ClosedEnterpriseDto[]; years: number; notRechecked: number }> {
  authorize(actor, "closedEnterprise.read");
  const q = parseInput(closedEnterpriseQuerySchema, query, opts.locale);
  const today = bureauToday(opts.now);
  const years = (await getSettings()).closedChemicalYears;
  const rows = await db.enterprise.findMany({
    where: { AND: [closedChemicalWhere(actor, today, years), q.districtId ? { districtId: q.districtId } : {}] },
    include: closedEnterpriseInclude,
    orderBy: [{ closedOn: "desc" }, { name: "asc" }],
    take: 2000,
  });
  const all = rows.map((r) => toClosedEnterpriseDto(r, today));
  const notRechecked = all.filter((e) => !e.recheckedThisYear).length;
  const items = q.notRechecked === undefined ? all : all.filter((e) => e.recheckedThisYear === !q.notRechecked);
  return { items, years, notRechecked };
}
