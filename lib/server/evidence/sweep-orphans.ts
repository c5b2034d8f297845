import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { isEvidenceKey, monthPrefixes, PARTIAL_SUFFIX, THUMB_SUFFIX } from "../../domain/evidence";
import { type EvidenceStorage, evidenceStorage, type StoredObject } from "./storage";

export type SweepOptions = {
  storage?: EvidenceStorage;
  /** Only objects last written longer ago than this are touched (an upload in flight is younger). */
  olderThanMinutes?: number;
  /** Key prefixes to look at; default: this month's and last month's (`evidence/YYYY/MM/`). */
  prefixes?: string[];
  now?: Date;
};

export type SweepResult = { scanned: number; deleted: string[] };

const BATCH = 500;

/** Minutes an object must be old before the sweep may remove it: EVIDENCE_SWEEP_MIN_AGE_MINUTES, default 15. */
export function sweepMinAgeMinutes(): number {
  const n = Number(process.env.EVIDENCE_SWEEP_MIN_AGE_MINUTES ?? 15);
  return Number.isFinite(n) && n >= 0 ? n : 15;
}

/**
 * Removes stored objects no evidence row points at: leftovers of uploads interrupted between
 * storing the bytes and committing the row (a crash), partial writes (`.partial`) and thumbnails
 * of missing rows. Only objects older than `olderThanMinutes` are touched; keys the server does
 * not make are left alone. Looks at the recent months by default, since a crash is followed by
 * a start that sweeps; pass `prefixes: ["evidence/"]` for everything.
 */
export async function sweepOrphans(opts: SweepOptions = {}): Promise<SweepResult> {
  const storage = opts.storage ?? evidenceStorage();
  const now = opts.now ?? clockNow();
  const cutoff = now.getTime() - (opts.olderThanMinutes ?? sweepMinAgeMinutes()) * 60_000;
  const prefixes = opts.prefixes ?? monthPrefixes(now, 2);
  const result: SweepResult = { scanned: 0, deleted: [] };

  let batch: StoredObject[] = [];
  const flush = async () => {
    const objects = batch;
    batch = [];
    const baseOf = (key: string) => (key.endsWith(THUMB_SUFFIX) ? key.slice(0, -THUMB_SUFFIX.length) : key);
    const bases = [...new Set(objects.map((o) => baseOf(o.key)))];
    const rows = await db.evidence.findMany({
      where: { storageKey: { in: bases } },
      select: { storageKey: true, thumbKey: true },
    });
    const byKey = new Map(rows.map((r) => [r.storageKey, r]));
    for (const o of objects) {
      const row = byKey.get(baseOf(o.key));
      const orphan = o.key.endsWith(THUMB_SUFFIX) ? !row || row.thumbKey !== o.key : !row;
      if (orphan) {
        await storage.delete(o.key);
        result.deleted.push(o.key);
      }
    }
  };

  for (const prefix of prefixes) {
    for await (const o of storage.list(prefix)) {
      result.scanned++;
      if (o.modifiedAt.getTime() > cutoff) continue;
      if (o.key.endsWith(PARTIAL_SUFFIX)) {
        if (isEvidenceKey(o.key.slice(0, -PARTIAL_SUFFIX.length))) {
          await storage.delete(o.key);
          result.deleted.push(o.key);
        }
        continue;
      }
      if (!isEvidenceKey(o.key)) continue;
      batch.push(o);
      if (batch.length >= BATCH) await flush();
    }
  }
  if (batch.length) await flush();
  return result;
}

/**
 * At server start: sweep once now and once more when the objects left by a crash just before the
 * start are old enough. Never stops the start: a failure is logged.
 */
export function sweepOrphansAtStart(log: (line: string) => void = console.log): Promise<void> {
  const run = async () => {
    try {
      const r = await sweepOrphans();
      if (r.deleted.length) log(`Evidence storage: removed ${r.deleted.length} orphaned file(s).`);
    } catch (e) {
      log(`Evidence storage sweep failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  setTimeout(() => void run(), (sweepMinAgeMinutes() + 1) * 60_000).unref();
  return run();
}
