import "server-only";
import { db } from "../../db";
import { bureauToday } from "../../domain/calendar";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { getSettings } from "../settings/get-settings";
import {
  type ClosedEnterpriseDto,
  closedChemicalWhere,
  closedEnterpriseInclude,
  toClosedEnterpriseDto,
} from "./closed-enterprise-dto";

/** One closed chemical enterprise of the window, in scope, with its stages, evidence and re-checks. */
export async function getClosedEnterprise(actor: Actor, id: string, opts: { now?: Date } = {}): Promise<ClosedEnterpriseDto> {
  authorize(actor, "closedEnterprise.read");
  if (!isUuid(id)) throw new NotFound("Enterprise not found");
  const today = bureauToday(opts.now);
  const years = (await getSettings()).closedChemicalYears;
  const row = await db.enterprise.findFirst({
    where: { AND: [{ id }, closedChemicalWhere(actor, today, years)] },
    include: closedEnterpriseInclude,
  });
  if (!row) throw new NotFound("Enterprise not found");
  return toClosedEnterpriseDto(row, today);
}
