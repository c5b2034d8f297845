import "server-only";
import type { EnterpriseTag, Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db, type Tx } from "../../db";
import { bureauToday, formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import type { ColourName } from "../../domain/colour";
import { type ActionTypeName, campaignPaceColour } from "../../domain/enforcement";
import { Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { campaignCreateSchema, campaignListQuery } from "../../schemas/enforcement";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { getSettings } from "../settings/get-settings";

/**
 * Special enforcement campaigns (专项行动): each action's target enterprises are those carrying any
 * of its tags (none: all) — for the exited-enterprise action the closed ones, for every other the
 * ones not closed; each district's target count defaults to how many it has. Progress is the
 * number of distinct target-district enterprises inspected under the action within the period.
 */

/** Which enterprises an action targets. */
export function actionTargetWhere(type: ActionTypeName, tags: readonly string[]): Prisma.EnterpriseWhereInput {
  return {
    ...(tags.length ? { tags: { hasSome: [...tags] as EnterpriseTag[] } } : {}),
    status: type === "EXITED_ENTERPRISE" ? "CLOSED" : { not: "CLOSED" },
  };
}

export type CampaignSummary = {
  id: string;
  name: string;
  year: number;
  startsOn: string;
  endsOn: string;
  actions: { id: string; type: string; targetTags: string[] }[];
};

export type ProgressRow = {
  actionId: string;
  actionType: string;
  districtId: string;
  districtCode: string;
  districtName: string;
  inspected: number;
  target: number;
  percent: number;
  plannedPercent: number;
  colour: ColourName;
};

const summaryOf = (c: Prisma.CampaignGetPayload<{ include: { actions: true } }>): CampaignSummary => ({
  id: c.id,
  name: c.name,
  year: c.year,
  startsOn: formatCalendarDate(c.startsOn),
  endsOn: formatCalendarDate(c.endsOn),
  actions: c.actions.map((a) => ({ id: a.id, type: a.type, targetTags: a.targetTags })),
});

/** `POST /api/v1/campaigns`: a campaign and its actions, with each district's target (given or counted from the register). */
export async function createCampaign(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<CampaignSummary> {
  authorize(actor, "campaign.manage");
  const input = parseInput(campaignCreateSchema, raw, opts.locale);
  return db.$transaction(async (tx) => {
    const districts = await tx.district.findMany({ select: { id: true, code: true } });
    const idOf = new Map(districts.map((d) => [d.code, d.id]));
    const unknown = input.actions.flatMap((a, i) =>
      (a.targets ?? []).filter((t) => !idOf.has(t.districtCode)).map(() => `actions.${i}.targets`),
    );
    if (unknown.length) throw new Invalid(Object.fromEntries(unknown.map((k) => [k, ["未知的属地"]])));
    const campaign = await tx.campaign.create({
      data: {
        name: input.name,
        year: input.year,
        startsOn: parseCalendarDate(input.startsOn) as Date,
        endsOn: parseCalendarDate(input.endsOn) as Date,
        createdById: actor.id,
      },
    });
    for (const a of input.actions) {
      const action = await tx.campaignAction.create({
        data: { campaignId: campaign.id, type: a.type, targetTags: a.targetTags },
      });
      const targets = a.targets
        ? a.targets.map((t) => ({ districtId: idOf.get(t.districtCode) as string, targetCount: t.targetCount }))
        : await countedTargets(tx, a.type, a.targetTags);
      await tx.campaignTarget.createMany({ data: targets.map((t) => ({ ...t, actionId: action.id })) });
    }
    const created = await tx.campaign.findUniqueOrThrow({ where: { id: campaign.id }, include: { actions: true } });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Campaign",
      entityId: campaign.id,
      action: "create",
      after: input,
      requestId: opts.requestId,
    });
    return summaryOf(created);
  });
}

async function countedTargets(tx: Tx, type: ActionTypeName, tags: readonly string[]) {
  const groups = await tx.enterprise.groupBy({
    by: ["districtId"],
    where: actionTargetWhere(type, tags),
    _count: { _all: true },
  });
  return groups.map((g) => ({ districtId: g.districtId, targetCount: g._count._all }));
}

/** `GET /api/v1/campaigns`: every campaign (of a year), newest first. */
export async function listCampaigns(actor: Actor, raw: unknown, opts: { locale?: Locale } = {}): Promise<CampaignSummary[]> {
  authorize(actor, "campaign.read");
  const q = parseInput(campaignListQuery, raw, opts.locale);
  const rows = await db.campaign.findMany({
    where: q.year ? { year: q.year } : {},
    include: { actions: { orderBy: { type: "asc" } } },
    orderBy: [{ startsOn: "desc" }],
  });
  return rows.map(summaryOf);
}

/** Progress rows of campaigns, for the districts the person may see (a field officer: their own). */
async function progressOf(actor: Actor, campaignIds: string[], now: Date): Promise<Map<string, ProgressRow[]>> {
  const settings = await getSettings();
  const today = bureauToday(now);
  const campaigns = await db.campaign.findMany({
    where: { id: { in: campaignIds } },
    include: {
      actions: {
        include: {
          targets: {
            where:
              actor.role === "FIELD_OFFICER" ? { districtId: actor.districtId ?? "00000000-0000-0000-0000-000000000000" } : {},
          },
        },
      },
    },
  });
  const districts = await db.district.findMany({ select: { id: true, code: true, name: true, sortOrder: true } });
  const districtOf = new Map(districts.map((d) => [d.id, d]));
  const out = new Map<string, ProgressRow[]>();
  for (const c of campaigns) {
    // Distinct enterprises inspected per action and district within the period.
    const counts = await db.$queryRaw<{ actionId: string; districtId: string; n: bigint }[]>`
      SELECT i."actionId", e."districtId", COUNT(DISTINCT i."enterpriseId") AS n
      FROM "Inspection" i JOIN "Enterprise" e ON e.id = i."enterpriseId"
      JOIN "CampaignAction" a ON a.id = i."actionId"
      WHERE a."campaignId" = ${c.id}::uuid AND i."inspectedOn" BETWEEN ${c.startsOn} AND ${c.endsOn}
      GROUP BY i."actionId", e."districtId"`;
    const done = new Map(counts.map((r) => [`${r.actionId}|${r.districtId}`, Number(r.n)]));
    const rows: ProgressRow[] = [];
    for (const a of c.actions) {
      for (const t of a.targets) {
        const d = districtOf.get(t.districtId);
        if (!d) continue;
        const inspected = done.get(`${a.id}|${t.districtId}`) ?? 0;
        const pace = campaignPaceColour(inspected, t.targetCount, c, today, settings.paceMarginPct);
        rows.push({
          actionId: a.id,
          actionType: a.type,
          districtId: d.id,
          districtCode: d.code,
          districtName: d.name,
          inspected,
          target: t.targetCount,
          percent: pace.percent,
          plannedPercent: pace.plannedPercent,
          colour: pace.colour,
        });
      }
    }
    const order = (r: ProgressRow) =>
      `${r.actionType}|${String(districtOf.get(r.districtId)?.sortOrder ?? 0).padStart(4, "0")}|${r.districtCode}`;
    rows.sort((x, y) => order(x).localeCompare(order(y)));
    out.set(c.id, rows);
  }
  return out;
}

/** `GET /api/v1/campaigns/{id}`: the campaign with its progress per action and district. */
export async function getCampaign(
  actor: Actor,
  id: string,
  opts: { now?: Date } = {},
): Promise<CampaignSummary & { progress: ProgressRow[] }> {
  authorize(actor, "campaign.read");
  if (!isUuid(id)) throw new NotFound("Campaign not found");
  const c = await db.campaign.findUnique({ where: { id }, include: { actions: { orderBy: { type: "asc" } } } });
  if (!c) throw new NotFound("Campaign not found");
  const progress = (await progressOf(actor, [id], opts.now ?? clockNow())).get(id) ?? [];
  return { ...summaryOf(c), progress };
}

/**
 * The campaign rows that concern a person on My work: campaigns running today; a field officer's
 * district rows, a coordinator's rows behind pace (YELLOW/RED) in every district. Others: none.
 */
export async function getMyCampaignProgress(
  actor: Actor,
  opts: { now?: Date } = {},
): Promise<{ campaign: CampaignSummary; rows: ProgressRow[] }[]> {
  if (actor.role !== "FIELD_OFFICER" && actor.role !== "COORDINATOR") return [];
  if (actor.role === "FIELD_OFFICER" && !actor.districtId) return [];
  const now = opts.now ?? clockNow();
  const today = bureauToday(now);
  const running = await db.campaign.findMany({
    where: { startsOn: { lte: today }, endsOn: { gte: today } },
    include: { actions: { orderBy: { type: "asc" } } },
    orderBy: { startsOn: "asc" },
  });
  if (!running.length) return [];
  const progress = await progressOf(
    actor,
    running.map((c) => c.id),
    now,
  );
  return running
    .map((c) => ({
      campaign: summaryOf(c),
      rows: (progress.get(c.id) ?? []).filter(
        (r) => actor.role === "FIELD_OFFICER" || r.colour === "YELLOW" || r.colour === "RED",
      ),
    }))
    .filter((x) => x.rows.length);
}
