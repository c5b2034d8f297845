/**
 * The evidence store's disk budget (EVIDENCE_MAX_STORE_BYTES): how many bytes of stored files the
 * bureau allows in all. Uploads that would go beyond it are refused (507 STORAGE_FULL) before or
 * while they stream, and nothing is recorded.
 */

const UNITS: Record<string, number> = { "": 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/**
 * "0"/unset → no budget (null); otherwise a whole number of bytes, optionally with a binary unit:
 * `500G`, `2T`, `750MiB`, `1048576`. Anything else is a configuration error (thrown, naming the value).
 */
export function parseStoreBudget(raw: string | undefined): number | null {
  const text = (raw ?? "").trim();
  if (text === "" || text === "0") return null;
  const m = /^(\d+)\s*([KMGT]?)(?:i?B)?$/i.exec(text);
  const unit = UNITS[(m?.[2] ?? "").toUpperCase()];
  if (!m || unit === undefined) {
    throw new Error(`EVIDENCE_MAX_STORE_BYTES must be a number of bytes, optionally with K, M, G or T (got "${text}")`);
  }
  const bytes = Number(m[1]) * unit;
  if (!Number.isSafeInteger(bytes)) throw new Error(`EVIDENCE_MAX_STORE_BYTES is too large (got "${text}")`);
  return bytes;
}

/** Bytes still free under the budget (never negative), or null without a budget. */
export function remainingBudget(budget: number | null, used: number): number | null {
  return budget === null ? null : Math.max(0, budget - used);
}

const FS_FULL = new Set(["ENOSPC", "EDQUOT"]);
/**
 * Codes S3-compatible services answer when an object cannot be stored for lack of room: S3's
 * EntityTooLarge, MinIO's full drive and bucket quota, and WebDAV-style 507 Insufficient Storage.
 */
const S3_FULL = new Set([
  "EntityTooLarge",
  "XMinioStorageFull",
  "XMinioAdminBucketQuotaExceeded",
  "QuotaExceeded",
  "InsufficientStorage",
]);

type ErrorShape = {
  code?: unknown;
  Code?: unknown;
  name?: unknown;
  status?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  cause?: unknown;
};

/**
 * Whether a storage error means "no room": a file system's ENOSPC/EDQUOT, or an S3 service's full
 * or over-quota answer (by error code or HTTP 507), also when wrapped as another error's cause.
 */
export function isStorageFullError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 4) return false;
  const x = e as ErrorShape;
  if (typeof x.code === "string" && FS_FULL.has(x.code)) return true;
  for (const c of [x.Code, x.name, x.code]) if (typeof c === "string" && S3_FULL.has(c)) return true;
  if (x.$metadata?.httpStatusCode === 507 || x.status === 507) return true;
  return isStorageFullError(x.cause, depth + 1);
}
