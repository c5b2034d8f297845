import "server-only";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import type { SheetDto } from "../../schemas/self-review";
import { loadSheet, toSheetDto } from "./sheet-dto";

/** One unit's sheet in a round, within scope (another unit's sheet answers 404 to unit staff). */
export async function getSheet(actor: Actor, roundId: string, unitId: string, opts: { now?: Date } = {}): Promise<SheetDto> {
  authorize(actor, "selfReview.read");
  return toSheetDto(db, await loadSheet(db, actor, roundId, unitId), opts.now);
}
