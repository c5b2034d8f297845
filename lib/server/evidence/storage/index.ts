import "server-only";
import { LocalStorage } from "./local";
import { S3Storage, s3ConfigFromEnv } from "./s3";
import type { EvidenceStorage } from "./types";

export type { EvidenceStorage, StoredObject } from "./types";

const holder = globalThis as { rectifyEvidenceStorage?: EvidenceStorage; rectifyEvidenceStorageFor?: string };

function configKey(): string {
  const e = process.env;
  return [e.EVIDENCE_STORAGE, e.EVIDENCE_DIR, e.S3_ENDPOINT, e.S3_BUCKET, e.S3_REGION].join("|");
}

/**
 * The configured evidence storage: local disk (EVIDENCE_DIR, default `.data/evidence`) unless
 * EVIDENCE_STORAGE=s3. Built once per configuration.
 */
export function evidenceStorage(): EvidenceStorage {
  const key = configKey();
  if (!holder.rectifyEvidenceStorage || holder.rectifyEvidenceStorageFor !== key) {
    holder.rectifyEvidenceStorage =
      (process.env.EVIDENCE_STORAGE ?? "local").toLowerCase() === "s3" ? new S3Storage(s3ConfigFromEnv()) : new LocalStorage();
    holder.rectifyEvidenceStorageFor = key;
  }
  return holder.rectifyEvidenceStorage;
}

/** The storage an existing row names (its backend as recorded), so a switch of backend never misreads old rows. */
export function storageFor(backend: "LOCAL" | "S3"): EvidenceStorage {
  const current = evidenceStorage();
  if (current.backend === backend) return current;
  return backend === "S3" ? new S3Storage(s3ConfigFromEnv()) : new LocalStorage();
}
