import "server-only";
import type { Readable } from "node:stream";
import { db } from "../../db";
import { getSettings } from "../settings/get-settings";
import { recordPhotoCheck } from "./photo-check";
import { HEAD_BYTES, readExif } from "./receive-upload";
import { type EvidenceStorage, evidenceStorage } from "./storage";
import { derivePicture } from "./thumbnail";

export type BackfillResult = { checked: number; hashed: number; failed: number };

/** The first HEAD_BYTES of a stored file (EXIF lives there), without reading the rest. */
async function readHead(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    parts.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length >= HEAD_BYTES) break;
  }
  stream.destroy();
  return Buffer.concat(parts).subarray(0, HEAD_BYTES);
}

/**
 * Hashes and checks the photos stored before photo checks existed (or whose check failed at
 * upload): every image row with no `photoCheckedAt`, oldest first, `batch` at a time. Each row
 * gets its software tag (from the stored file's head), its dHash and its signals; a missing or
 * undecodable file is marked checked with no hash, so a second run has nothing left to do.
 */
export async function backfillPhotoChecks(
  opts: { storage?: EvidenceStorage; batch?: number; log?: (s: string) => void } = {},
): Promise<BackfillResult> {
  const storage = opts.storage ?? evidenceStorage();
  const batch = opts.batch ?? 100;
  const { evidenceMaxPixels } = await getSettings();
  let checked = 0;
  let hashed = 0;
  // A row whose check fails (e.g. deleted meanwhile) is skipped for the rest of this run.
  const failed = new Set<string>();
  for (;;) {
    const rows = await db.evidence.findMany({
      where: { photoCheckedAt: null, mime: { startsWith: "image/" }, id: { notIn: [...failed] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: batch,
      select: { id: true, storageKey: true, mime: true, thumbKey: true, software: true },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      try {
        if (await checkOne(storage, row, evidenceMaxPixels)) hashed++;
        checked++;
      } catch (e) {
        failed.add(row.id);
        console.warn(`photo check of evidence ${row.id} failed; retried at the next start`, e);
      }
    }
    opts.log?.(`photo checks: ${checked} checked`);
  }
  return { checked, hashed, failed: failed.size };
}

type BackfillRow = { id: string; storageKey: string; mime: string; thumbKey: string | null; software: string | null };

/** Checks one stored photo; answers whether it could be hashed. */
async function checkOne(storage: EvidenceStorage, row: BackfillRow, evidenceMaxPixels: number): Promise<boolean> {
  const head = await storage.get(row.storageKey).then(
    (s) => (s ? readHead(s) : null),
    () => null,
  );
  if (head && row.software === null) {
    const { software } = await readExif(head);
    if (software) await db.evidence.update({ where: { id: row.id }, data: { software } });
  }
  const derived = head
    ? await derivePicture(storage, row.storageKey, row.mime, evidenceMaxPixels, { thumbnail: row.thumbKey === null }).catch(
        () => null,
      )
    : null;
  if (derived?.thumbKey) await db.evidence.update({ where: { id: row.id }, data: { thumbKey: derived.thumbKey } });
  await recordPhotoCheck(row.id, derived?.hash ?? null);
  return derived?.hash != null;
}

/** Run by `npm start` after the migrations: failures are logged, never stop the server. */
export async function backfillPhotoChecksAtStart(): Promise<void> {
  try {
    const r = await backfillPhotoChecks();
    if (r.checked > 0) console.log(`Photo checks: ${r.checked} photos checked, ${r.hashed} hashed.`);
  } catch (e) {
    console.error("Photo check backfill failed; it runs again at the next start", e);
  }
}
