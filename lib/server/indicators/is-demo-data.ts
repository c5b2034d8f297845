import "server-only";
import { db } from "../../db";
import { DEMO_INDICATOR_FILE } from "../../domain/indicators";
import { type Actor, authorize } from "../../permissions";

/** Whether the latest indicator import is the built-in demo data (screens then say the figures are not real). */
export async function isDemoIndicatorData(actor: Actor): Promise<boolean> {
  authorize(actor, "indicator.read");
  const latest = await db.indicatorImport.findFirst({ orderBy: { createdAt: "desc" }, select: { fileName: true } });
  return latest?.fileName === DEMO_INDICATOR_FILE;
}
