import "server-only";
import { db, type Tx } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { type ReadingDto, type ReadingInput, readingInputSchema } from "../../schemas/taihu";
import { writeAudit } from "../audit/write-audit";
import { fieldText } from "../self-reviews/texts";
import { thresholdsOf, toReadingDto } from "./point-dto";

/** Field officers record only for their district's points; the inspection office for all. */
export function mayRecordAt(actor: Actor, point: { districtId: string | null }): boolean {
  if (actor.role !== "FIELD_OFFICER") return true;
  return !!actor.districtId && point.districtId === actor.districtId;
}

/** Writes one day's reading (a second entry for the same point and day replaces the first, audited with both). */
export async function writeReading(
  tx: Tx,
  actor: Actor,
  point: { id: string; code: string },
  input: ReadingInput,
  requestId?: string,
) {
  const day = parseCalendarDate(input.day) as Date;
  const data = {
    algaeDensity: input.algaeDensity ?? null,
    bloomArea: input.bloomArea ?? null,
    blackBloom: input.blackBloom,
    blackBloomArea: input.blackBloom ? (input.blackBloomArea ?? null) : null,
    sourceStatus: input.sourceStatus ?? null,
    note: input.note ?? null,
    recordedById: actor.id,
  };
  const before = await tx.taihuReading.findUnique({ where: { pointId_day: { pointId: point.id, day } } });
  const saved = await tx.taihuReading.upsert({
    where: { pointId_day: { pointId: point.id, day } },
    create: { pointId: point.id, day, ...data },
    update: data,
  });
  await writeAudit(tx, {
    actorId: actor.id,
    entityType: "TaihuReading",
    entityId: saved.id,
    action: before ? "update" : "create",
    before: before ? { ...before, day: input.day } : undefined,
    after: input,
    requestId,
  });
  return saved;
}

/** One typed reading. Alerts are judged by the Taihu alert job (every few minutes and daily). */
export async function recordReading(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<ReadingDto> {
  authorize(actor, "taihu.record");
  const locale = opts.locale ?? "zh-CN";
  const input = parseInput(readingInputSchema, raw, locale);
  return db.$transaction(async (tx) => {
    const point = await tx.taihuPoint.findUnique({ where: { code: input.pointCode } });
    if (!point?.active) throw new Invalid({ pointCode: [fieldText("unknownPoint", locale)] });
    if (!mayRecordAt(actor, point)) throw new NotFound();
    const saved = await writeReading(tx, actor, point, input, opts.requestId);
    return toReadingDto(saved, point, thresholdsOf(point));
  });
}
