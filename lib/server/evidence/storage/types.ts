import "server-only";
import type { Readable } from "node:stream";

export type StoredObject = { key: string; size: number; modifiedAt: Date };

/**
 * Where evidence bytes live. Keys are server-made (`evidence/YYYY/MM/<uuid>`, see lib/domain/evidence);
 * an object appears under its key only once all its bytes are stored, so a failed or interrupted
 * write never leaves a partial file at the final key.
 */
export interface EvidenceStorage {
  readonly backend: "LOCAL" | "S3";
  /** Streams `body` to `key`; resolves with the bytes written. On failure nothing is left at `key`. */
  put(key: string, body: Readable, opts?: { contentType?: string }): Promise<number>;
  /** The stored bytes, or null when there is no object under `key`. */
  get(key: string): Promise<Readable | null>;
  /** Size and time of the object, or null when missing. */
  head(key: string): Promise<StoredObject | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix` (leftover partial writes included, on local disk), for sweeping. */
  list(prefix: string): AsyncIterable<StoredObject>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

/** Keys are relative, slash-separated, without `..` or empty segments; anything else is a programming error. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split("/").some((s) => s === "." || s === "..")) {
    throw new Error("unsafe storage key");
  }
}

/** Whether the prefix is safe to list (a key or the start of one). */
export function assertSafePrefix(prefix: string): void {
  if (prefix !== "" && !SAFE_KEY.test(prefix.replace(/\/$/, ""))) throw new Error("unsafe storage prefix");
}
