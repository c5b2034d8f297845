import "server-only";
import { db, type Tx } from "../../db";
import { bureauToday, parseCalendarDate } from "../../domain/calendar";
import { Conflict, NotFound } from "../../errors";
import { type Actor, authorize, type Permission } from "../../permissions";
import {
  assessmentSchema,
  drillSchema,
  parkCreateSchema,
  preventionItemSchema,
  preventionProgressSchema,
} from "../../schemas/bottom-line";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { diffFields, writeAudit } from "../audit/write-audit";
import { districtScope } from "../bottom-line/scope";
import { blInvalid, blText } from "../bottom-line/text";
import { getSettings } from "../settings/get-settings";
import { type ParkDto, parkInclude, toParkDto } from "./park-dto";

type Opts = { locale?: Locale; requestId?: string; now?: Date };

async function answer(tx: Tx, parkId: string, now?: Date): Promise<ParkDto> {
  const row = await tx.park.findUniqueOrThrow({ where: { id: parkId }, include: parkInclude });
  return toParkDto(row, bureauToday(now), await getSettings(tx));
}

/**
 * Authorizes, then reads the input (a role that may not act is refused before its input is looked
 * at), then runs `work` on a park in the person's scope inside one transaction.
 */
async function onPark<I, T>(
  actor: Actor,
  permission: Permission,
  parkId: string,
  parse: () => I,
  work: (tx: Tx, input: I) => Promise<T>,
): Promise<T> {
  authorize(actor, permission);
  const input = parse();
  if (!isUuid(parkId)) throw new NotFound("Park not found");
  return db.$transaction(async (tx) => {
    const park = await tx.park.findFirst({ where: { id: parkId, ...districtScope(actor) }, select: { id: true } });
    if (!park) throw new NotFound("Park not found");
    return work(tx, input);
  });
}

/** Registers a park (chemical park, concentration zone or heavy-metal park) and the register enterprises in it. */
export async function createPark(actor: Actor, raw: unknown, opts: Opts = {}): Promise<ParkDto> {
  authorize(actor, "park.manage");
  const locale = opts.locale ?? "en";
  const input = parseInput(parkCreateSchema, raw, locale);
  return db.$transaction(async (tx) => {
    if (!(await tx.district.findUnique({ where: { id: input.districtId }, select: { id: true } }))) {
      throw blInvalid(locale, "districtId", "unknownDistrict");
    }
    if (await tx.park.findUnique({ where: { name: input.name }, select: { id: true } }))
      throw blInvalid(locale, "name", "parkNameTaken");
    const ids = [...new Set(input.enterpriseIds)];
    const found = await tx.enterprise.count({ where: { id: { in: ids } } });
    if (found !== ids.length) throw blInvalid(locale, "enterpriseIds", "unknownEnterprise");
    const park = await tx.park.create({ data: { name: input.name, kind: input.kind, districtId: input.districtId } });
    if (ids.length) await tx.enterprise.updateMany({ where: { id: { in: ids } }, data: { parkId: park.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Park",
      entityId: park.id,
      action: "create",
      after: { name: park.name, kind: park.kind, districtId: park.districtId, enterpriseIds: ids },
      requestId: opts.requestId,
    });
    return answer(tx, park.id, opts.now);
  });
}

/** Adds an item to a park's construction plan (emergency pool, gate, valve, dam, drills) at one level. */
export async function addPreventionItem(actor: Actor, parkId: string, raw: unknown, opts: Opts = {}): Promise<ParkDto> {
  const parse = () => parseInput(preventionItemSchema, raw, opts.locale);
  return onPark(actor, "park.manage", parkId, parse, async (tx, input) => {
    const item = await tx.preventionItem.create({
      data: {
        parkId,
        level: input.level,
        kind: input.kind,
        name: input.name,
        targetQty: input.targetQty,
        doneQty: input.doneQty,
        startOn: input.startOn ? (parseCalendarDate(input.startOn) as Date) : bureauToday(opts.now),
        deadline: parseCalendarDate(input.deadline) as Date,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PreventionItem",
      entityId: item.id,
      action: "create",
      after: input,
      requestId: opts.requestId,
    });
    return answer(tx, parkId, opts.now);
  });
}

/** Reports the quantity built so far on a plan item; a stale version answers 409. */
export async function updatePreventionItem(
  actor: Actor,
  parkId: string,
  itemId: string,
  raw: unknown,
  opts: Opts = {},
): Promise<ParkDto> {
  const locale = opts.locale ?? "en";
  const parse = () => parseInput(preventionProgressSchema, raw, locale);
  return onPark(actor, "park.progress", parkId, parse, async (tx, input) => {
    if (!isUuid(itemId)) throw new NotFound("Item not found");
    const item = await tx.preventionItem.findFirst({ where: { id: itemId, parkId } });
    if (!item) throw new NotFound("Item not found");
    const updated = await tx.preventionItem.updateMany({
      where: { id: itemId, version: input.version },
      data: { doneQty: input.doneQty, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new Conflict(blText(locale, "stale"), { version: item.version, doneQty: item.doneQty });
    const d = diffFields({ doneQty: item.doneQty }, { doneQty: input.doneQty });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PreventionItem",
      entityId: itemId,
      action: "progress",
      ...d,
      requestId: opts.requestId,
    });
    return answer(tx, parkId, opts.now);
  });
}

/** Records an assessment of a park's three-level prevention (date not in the future). */
export async function recordAssessment(actor: Actor, parkId: string, raw: unknown, opts: Opts = {}): Promise<ParkDto> {
  const locale = opts.locale ?? "en";
  const parse = () => parseInput(assessmentSchema, raw, locale);
  return onPark(actor, "park.manage", parkId, parse, async (tx, input) => {
    const assessedOn = parseCalendarDate(input.assessedOn) as Date;
    if (assessedOn.getTime() > bureauToday(opts.now).getTime()) throw blInvalid(locale, "assessedOn", "dateInFuture");
    const row = await tx.parkAssessment.create({
      data: { parkId, assessedOn, findings: input.findings, result: input.result, recordedById: actor.id },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Park",
      entityId: parkId,
      action: "assessment",
      after: { id: row.id, ...input },
      requestId: opts.requestId,
    });
    return answer(tx, parkId, opts.now);
  });
}

/**
 * Records a drill held (date not in the future). Naming a DRILL item of the park's plan counts the
 * drill towards it (done + 1, version + 1) in the same transaction.
 */
export async function recordDrill(actor: Actor, parkId: string, raw: unknown, opts: Opts = {}): Promise<ParkDto> {
  const locale = opts.locale ?? "en";
  const parse = () => parseInput(drillSchema, raw, locale);
  return onPark(actor, "park.progress", parkId, parse, async (tx, input) => {
    const heldOn = parseCalendarDate(input.heldOn) as Date;
    if (heldOn.getTime() > bureauToday(opts.now).getTime()) throw blInvalid(locale, "heldOn", "dateInFuture");
    if (input.itemId) {
      const item = await tx.preventionItem.findFirst({
        where: { id: input.itemId, parkId, kind: "DRILL" },
        select: { id: true },
      });
      if (!item) throw blInvalid(locale, "itemId", "notDrillItem");
      await tx.preventionItem.update({
        where: { id: input.itemId },
        data: { doneQty: { increment: 1 }, version: { increment: 1 } },
      });
    }
    const row = await tx.parkDrill.create({
      data: {
        parkId,
        itemId: input.itemId ?? null,
        level: input.level,
        heldOn,
        scenario: input.scenario,
        participants: input.participants,
        recordedById: actor.id,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Park",
      entityId: parkId,
      action: "drill",
      after: { id: row.id, ...input },
      requestId: opts.requestId,
    });
    return answer(tx, parkId, opts.now);
  });
}
