import "server-only";
import type { Prisma } from "@prisma/client";
import { db, type Tx } from "../../db";
import { fromSignedBigint, toSignedBigint } from "../../domain/photo-hash";
import {
  FEATURELESS_BITS,
  type HashedPhoto,
  isFeatureless,
  PHOTO_MATCH_MAX_DISTANCE,
  type PhotoSignal,
  photoSignals,
  REUSED_MATCHES_MAX,
} from "../../domain/photo-signals";

type MatchRow = { id: string; problemId: string; problemCode: string; kind: string; phash: bigint };

/**
 * Photos of other problems whose dHash is within PHOTO_MATCH_MAX_DISTANCE of `hash`, nearest
 * first. One scan over the hashed photos: `bit_count` of the XOR (as bit(64)) — measured in
 * scripts/bench/photo-match.ts at 1 000 000 evidence rows.
 */
export async function photosMatchingElsewhere(tx: Tx, problemId: string, hash: bigint): Promise<HashedPhoto[]> {
  const rows = await tx.$queryRaw<MatchRow[]>`
    SELECT e.id, e."problemId", p.code AS "problemCode", e.kind::text AS kind, e.phash
    FROM "Evidence" e JOIN "Problem" p ON p.id = e."problemId"
    WHERE e.phash IS NOT NULL AND e."problemId" <> ${problemId}::uuid
      AND bit_count((e.phash # ${toSignedBigint(hash)}::bigint)::bit(64)) <= ${PHOTO_MATCH_MAX_DISTANCE}
      AND bit_count(e.phash::bit(64)) BETWEEN ${FEATURELESS_BITS + 1} AND ${63 - FEATURELESS_BITS}
    ORDER BY bit_count((e.phash # ${toSignedBigint(hash)}::bigint)::bit(64)), e.id
    LIMIT ${REUSED_MATCHES_MAX}`;
  return rows.map((r) => ({ ...r, hash: fromSignedBigint(BigInt(r.phash)) }));
}

/** Recomputes and stores the signals of one piece of evidence; answers them. */
export async function refreshSignals(tx: Tx, evidenceId: string, now: Date): Promise<PhotoSignal[]> {
  const e = await tx.evidence.findUnique({
    where: { id: evidenceId },
    select: {
      id: true,
      problemId: true,
      kind: true,
      phash: true,
      capturedAt: true,
      capturedAtSource: true,
      software: true,
      createdAt: true,
      problem: { select: { createdAt: true } },
    },
  });
  if (!e) return [];
  const hash = e.phash === null ? null : fromSignedBigint(e.phash);
  let others: HashedPhoto[] = [];
  if (hash !== null) {
    const own = await tx.evidence.findMany({
      where: { problemId: e.problemId, kind: "BEFORE_PHOTO", phash: { not: null }, id: { not: e.id } },
      select: { id: true, problemId: true, kind: true, phash: true, problem: { select: { code: true } } },
    });
    others = [
      ...own.map((o) => ({
        id: o.id,
        problemId: o.problemId,
        problemCode: o.problem.code,
        kind: o.kind,
        hash: fromSignedBigint(o.phash as bigint),
      })),
      ...(isFeatureless(hash) ? [] : await photosMatchingElsewhere(tx, e.problemId, hash)),
    ];
  }
  const signals = photoSignals({
    photo: {
      id: e.id,
      problemId: e.problemId,
      kind: e.kind,
      hash,
      exifCapturedAt: e.capturedAtSource === "EXIF" ? e.capturedAt : null,
      uploadedAt: e.createdAt,
      software: e.software,
    },
    problemRegisteredAt: e.problem.createdAt,
    others,
  });
  // updateMany: a row deleted meanwhile (its problem removed) is simply not there to flag.
  await tx.evidence.updateMany({
    where: { id: e.id },
    data: { signals: signals as unknown as Prisma.InputJsonValue, suspect: signals.length > 0, photoCheckedAt: now },
  });
  return signals;
}

/**
 * Stores a photo's hash (null: not decodable) and computes its signals; the photos of other
 * problems it matches get theirs recomputed too, so both sides show the reuse. One transaction.
 */
export async function recordPhotoCheck(evidenceId: string, hash: bigint | null, now = new Date()): Promise<PhotoSignal[]> {
  return db.$transaction(async (tx) => {
    const stored = await tx.evidence.updateMany({
      where: { id: evidenceId },
      data: { phash: hash === null ? null : toSignedBigint(hash) },
    });
    if (stored.count === 0) return [];
    const signals = await refreshSignals(tx, evidenceId, now);
    for (const s of signals) if (s.kind === "REUSED_PHOTO") await refreshSignals(tx, s.evidenceId, now);
    // A before photo that arrives late may match an after photo already there.
    const self = await tx.evidence.findUnique({ where: { id: evidenceId }, select: { kind: true, problemId: true } });
    if (self && hash !== null && self.kind === "BEFORE_PHOTO") {
      const after = await tx.evidence.findMany({
        where: { problemId: self.problemId, kind: "AFTER_PHOTO", phash: { not: null } },
        select: { id: true },
      });
      for (const a of after) await refreshSignals(tx, a.id, now);
    }
    return signals;
  });
}

/** Photo checks started by uploads and not yet finished (see checkPhotoInBackground). */
const inFlight = new Set<Promise<void>>();

/**
 * Runs `recordPhotoCheck` after the upload has answered: the reused-photo search scans every
 * hashed photo (≈ 0.2 s at 1 000 000 on an idle machine), which an upload should not wait for.
 * Reliable without a queue: until the check commits, the row has no `photoCheckedAt`, and the
 * start-up backfill checks any row a stopped server left unchecked.
 */
export function checkPhotoInBackground(evidenceId: string, hash: bigint | null, requestId?: string): void {
  const work: Promise<void> = recordPhotoCheck(evidenceId, hash)
    .then(() => {})
    .catch((e: unknown) => {
      // A warning, not an error: nothing is lost, the start-up backfill checks the row again.
      console.warn(`[${requestId ?? "-"}] photo check of evidence ${evidenceId} failed; the start-up backfill retries it`, e);
    })
    .finally(() => inFlight.delete(work));
  inFlight.add(work);
}

/** Waits until every photo check started so far has finished (tests, orderly shutdown). */
export async function settlePhotoChecks(): Promise<void> {
  while (inFlight.size) await Promise.all([...inFlight]);
}
