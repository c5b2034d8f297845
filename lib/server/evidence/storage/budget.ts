import "server-only";
import { db } from "../../../db";
import { parseStoreBudget, remainingBudget } from "../../../domain/store-budget";
import { AppError } from "../../../errors";
import type { Locale } from "../../../schemas/parse";
import { messageText } from "../../workflow/workflow-text";

/** Bytes of every stored file the database records: evidence, bottom-line files, inspection photos (thumbnails aside). */
export async function storedBytes(): Promise<number> {
  const [row] = await db.$queryRaw<{ bytes: bigint | number | null }[]>`
    SELECT (SELECT COALESCE(sum(size), 0) FROM "Evidence")
         + (SELECT COALESCE(sum(size), 0) FROM "BottomLineFile")
         + (SELECT COALESCE(sum(size), 0) FROM "InspectionPhoto") AS bytes`;
  return Number(row?.bytes ?? 0);
}

/** Bytes an upload may still store under EVIDENCE_MAX_STORE_BYTES, or null when no budget is set. */
export async function remainingStoreBytes(env: NodeJS.ProcessEnv = process.env): Promise<number | null> {
  const budget = parseStoreBudget(env.EVIDENCE_MAX_STORE_BYTES);
  if (budget === null) return null;
  return remainingBudget(budget, await storedBytes());
}

/** 507 STORAGE_FULL: the store has no room (its budget is spent, or the disk or bucket is full); nothing was kept. */
export function storageFull(locale: Locale, reason: "budget" | "device"): AppError {
  const message = messageText(locale, `storageFull.${reason}`);
  return new AppError("STORAGE_FULL", 507, message, { file: [message] });
}
