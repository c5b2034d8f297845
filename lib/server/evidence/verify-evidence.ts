import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import type { EvidenceVerifyDto } from "../../schemas/evidence";
import { writeAudit } from "../audit/write-audit";
import { findVisibleEvidence } from "./evidence-dto";
import { sha256OfStream } from "./hash-stream";
import { storageFor } from "./storage";

/**
 * Re-reads the stored bytes of a visible piece of evidence and compares their SHA-256 with the one
 * computed at upload; records the check (verifiedAt, verifiedOk) and audits it. A missing file fails.
 */
export async function verifyEvidence(
  actor: Actor,
  id: string,
  opts: { requestId?: string; now?: Date } = {},
): Promise<EvidenceVerifyDto> {
  authorize(actor, "evidence.read");
  const row = await findVisibleEvidence(db, actor, id);
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
  const verifiedAt = opts.now ?? new Date();
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
