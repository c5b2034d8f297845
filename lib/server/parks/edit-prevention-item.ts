import "server-only";
import { db } from "../../db";
import { bureauToday, formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { preventionItemEditSchema } from "../../schemas/bottom-line";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { diffFields, writeAudit } from "../audit/write-audit";
import { districtScope } from "../bottom-line/scope";
import { blText } from "../bottom-line/text";
import { getSettings } from "../settings/get-settings";
import { messageText } from "../workflow/workflow-text";
import { type ParkDto, parkInclude, toParkDto } from "./park-dto";

/**
 * Edits a construction-plan item as a whole (level, kind, name, target and done quantities, start
 * and deadline) with the version seen: a stale version answers 409, the version goes up by one.
 * A DRILL item that drills count towards keeps its kind. Audited with what changed.
 */
export async function editPreventionItem(
  actor: Actor,
  parkId: string,
  itemId: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string; now?: Date } = {},
): Promise<ParkDto> {
  authorize(actor, "park.manage");
  const locale = opts.locale ?? "en";
  if (!isUuid(parkId) || !isUuid(itemId)) throw new NotFound("Item not found");
  const input = parseInput(preventionItemEditSchema, raw, locale);
  return db.$transaction(async (tx) => {
    const item = await tx.preventionItem.findFirst({
      where: { id: itemId, parkId, park: districtScope(actor) },
      include: { _count: { select: { drills: true } } },
    });
    if (!item) throw new NotFound("Item not found");
    if (item.kind === "DRILL" && input.kind !== "DRILL" && item._count.drills > 0) {
      throw new Invalid({ kind: [messageText(locale, "bottomLineForms.errors.drillItemKind")] });
    }
    const startOn = input.startOn ? (parseCalendarDate(input.startOn) as Date) : item.startOn;
    const deadline = parseCalendarDate(input.deadline) as Date;
    if (deadline < startOn) {
      throw new Invalid({ deadline: [messageText(locale, "bottomLineForms.errors.deadlineBeforeStart")] });
    }
    const updated = await tx.preventionItem.updateMany({
      where: { id: itemId, version: input.version },
      data: {
        level: input.level,
        kind: input.kind,
        name: input.name,
        targetQty: input.targetQty,
        doneQty: input.doneQty,
        startOn,
        deadline,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new Conflict(blText(locale, "stale"), { version: item.version });
    const d = diffFields(
      {
        level: item.level as string,
        kind: item.kind as string,
        name: item.name,
        targetQty: item.targetQty,
        doneQty: item.doneQty,
        startOn: formatCalendarDate(item.startOn),
        deadline: formatCalendarDate(item.deadline),
      },
      {
        level: input.level,
        kind: input.kind,
        name: input.name,
        targetQty: input.targetQty,
        doneQty: input.doneQty,
        startOn: formatCalendarDate(startOn),
        deadline: input.deadline,
      },
    );
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PreventionItem",
      entityId: itemId,
      action: "update",
      ...d,
      requestId: opts.requestId,
    });
    const row = await tx.park.findUniqueOrThrow({ where: { id: parkId }, include: parkInclude });
    return toParkDto(row, bureauToday(opts.now), await getSettings(tx));
  });
}
