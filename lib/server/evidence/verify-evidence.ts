import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { TooManyRequests } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import type { EvidenceLastCheckDto, EvidenceVerifyDto } from "../../schemas/evidence";
import { writeAudit } from "../audit/write-audit";
import { findVisibleEvidence } from "./evidence-dto";
import { sha256OfStream } from "./hash-stream";
import { storageFor } from "./storage";

/** Checks one person may start per minute (`EVIDENCE_VERIFY_PER_MINUTE`, default 20): each re-reads a file of up to 50 MB. */
export function verificationsPerMinute(): number {
  const n = Number(process.env.EVIDENCE_VERIFY_PER_MINUTE ?? 20);
  return Number.isInteger(n) && n > 0 ? n : 20;
}

/** The last recorded check of a visible piece of evidence; reads only (GET /verify). */
export async function lastVerification(actor: Actor, id: string): Promise<EvidenceLastCheckDto> {
  authorize(actor, "evidence.read");
  const row = await findVisibleEvidence(db, actor, id);
  return { id: row.id, sha256: row.sha256, ok: row.verifiedOk, verifiedAt: row.verifiedAt?.toISOString() ?? null };
}

/**
 * Re-reads the stored bytes of a visible piece of evidence and compares their SHA-256 with the one
 * computed at upload; records the check (verifiedAt, verifiedOk) and audits it. A missing file fails.
 * Only reviewers and leaders (`evidence.verify`), at most `verificationsPerMinute()` per person (429).
 */
export async function verifyEvidence(
  actor: Actor,
  id: string,
  opts: { requestId?: string; now?: Date } = {},
): Promise<EvidenceVerifyDto> {
  authorize(actor, "evidence.verify");
  const row = await findVisibleEvidence(db, actor, id);
  const started = opts.now ?? clockNow();
  const since = new Date(started.getTime() - 60_000);
  const recent = await db.auditLog.findMany({
    where: { actorId: actor.id, entityType: "Evidence", action: { in: ["verify", "verifyFailed"] }, at: { gt: since } },
    orderBy: { at: "asc" },
    select: { at: true },
    take: verificationsPerMinute(),
  });
  if (recent.length >= verificationsPerMinute()) {
    const oldest = (recent[0] as { at: Date }).at.getTime();
    throw new TooManyRequests(Math.max(1, Math.ceil((oldest + 60_000 - started.getTime()) / 1000)));
  }
  const stream = await storageFor(row.storage).get(row.storageKey);
  let recomputed: string | null = null;
  if (stream) {
    try {
      recomputed = await sha256OfStream(stream);
    } catch {
      recomputed = null;
    }
  }
  const ok = recomputed === row.sha256;
  const verifiedAt = opts.now ?? clockNow();
  await db.$transaction(async (tx) => {
    await tx.evidence.update({ where: { id: row.id }, data: { verifiedAt, verifiedOk: ok } });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Evidence",
      entityId: row.id,
      action: ok ? "verify" : "verifyFailed",
      after: { sha256: row.sha256, recomputed, ok },
      requestId: opts.requestId,
    });
  });
  return { id: row.id, sha256: row.sha256, recomputed, ok, verifiedAt: verifiedAt.toISOString() };
}
