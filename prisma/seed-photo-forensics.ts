/**
 * Demo data for photo forensics: every demo photo gets its perceptual hash and signals, as an
 * upload would, and one demo problem in rectification carries an "after" photo that is its own
 * "before" photo saved again (the file name says it is demo data) — the case the reviewer should
 * catch. Runs inside the demo seed's transaction, after seed-evidence.ts.
 */
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { Prisma } from "@prisma/client";
import sharp from "sharp";
import type { Tx } from "../lib/db";
import { evidenceStorageKey, thumbKeyOf } from "../lib/domain/evidence";
import { toSignedBigint } from "../lib/domain/photo-hash";
import { refreshSignals } from "../lib/server/evidence/photo-check";
import { dHashOfInput } from "../lib/server/evidence/photo-hash";
import { evidenceStorage } from "../lib/server/evidence/storage";
import { THUMB_SIZE } from "../lib/server/evidence/thumbnail";

/** The demo's re-used photo, named so nobody takes it for a real submission. */
export const DEMO_REUSED_PHOTO_NAME = "整改后现场照片（演示：沿用整改前照片）.jpg";

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

export async function seedDemoPhotoForensics(tx: Tx, opts: { now: Date }): Promise<{ hashed: number; suspect: number }> {
  const storage = evidenceStorage();

  // The re-used photo: the first problem in rectification with a before photo and no after photo yet.
  const candidates = await tx.problem.findMany({
    where: { status: "RECTIFYING", evidence: { some: { kind: "BEFORE_PHOTO" }, none: { kind: "AFTER_PHOTO" } } },
    orderBy: { code: "asc" },
    take: 1,
    select: { id: true, evidence: { where: { kind: "BEFORE_PHOTO" }, take: 1 } },
  });
  const target = candidates[0];
  const before = target?.evidence[0];
  if (target && before) {
    const original = await storage.get(before.storageKey);
    if (original) {
      // Saved again at a lower quality, as a phone's "share" would: other bytes, the same picture.
      const bytes = await sharp(await readAll(original))
        .jpeg({ quality: 60 })
        .toBuffer();
      const id = randomUUID();
      const key = evidenceStorageKey(id, opts.now);
      await storage.put(key, Readable.from([bytes]), { contentType: "image/jpeg" });
      const thumb = await sharp(bytes).resize(THUMB_SIZE, THUMB_SIZE, { fit: "inside" }).webp({ quality: 72 }).toBuffer();
      await storage.put(thumbKeyOf(key), Readable.from([thumb]), { contentType: "image/webp" });
      const uploadedAt = new Date(opts.now.getTime() - 2 * 3_600_000);
      const row: Prisma.EvidenceUncheckedCreateInput = {
        id,
        problemId: target.id,
        kind: "AFTER_PHOTO",
        sha256: createHash("sha256").update(bytes).digest("hex"),
        mime: "image/jpeg",
        size: bytes.length,
        originalName: DEMO_REUSED_PHOTO_NAME,
        storage: storage.backend,
        storageKey: key,
        thumbKey: thumbKeyOf(key),
        width: before.width,
        height: before.height,
        uploadedById: before.uploadedById,
        reviewStatus: "PENDING",
        createdAt: uploadedAt,
      };
      await tx.evidence.create({ data: row });
    }
  }

  // Hashes of every demo photo, then their signals (the reuse above among them).
  const photos = await tx.evidence.findMany({
    where: { mime: { startsWith: "image/" }, photoCheckedAt: null },
    select: { id: true, storageKey: true },
  });
  let hashed = 0;
  for (const p of photos) {
    const stream = await storage.get(p.storageKey);
    if (!stream) continue;
    const hash = await dHashOfInput(await readAll(stream)).catch(() => null);
    await tx.evidence.update({ where: { id: p.id }, data: { phash: hash === null ? null : toSignedBigint(hash) } });
    if (hash !== null) hashed++;
  }
  let suspect = 0;
  for (const p of photos) if ((await refreshSignals(tx, p.id, opts.now)).length) suspect++;
  return { hashed, suspect };
}
