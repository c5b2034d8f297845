/**
 * The evidence upload queue as pure rules: which files are refused before sending, what an answer
 * means (done, refused, try again), how long to wait before the next attempt, and how the queue
 * changes with each event. No I/O here; the uploader component runs the requests.
 *
 * Every queued file keeps the idempotency key it was given when queued, so however many times it is
 * sent (after a dropped connection, a server error or a reload) the server makes one evidence of it.
 */
import type { EvidenceKindName } from "@/lib/domain/enums";

/** Automatic attempts before the file waits for the person to press "retry". */
export const MAX_AUTO_ATTEMPTS = 3;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** File types the bureau keeps as evidence (the server checks the bytes; this is a first look). */
export const ALLOWED_TYPES: Record<string, readonly string[]> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "image/heic": ["heic"],
  "image/heif": ["heif"],
  "application/pdf": ["pdf"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "video/mp4": ["mp4"],
  "video/quicktime": ["mov"],
};
const ALLOWED_EXTENSIONS = new Set(Object.values(ALLOWED_TYPES).flat());

/** The `accept` attribute of the document picker. */
export const DOCUMENT_ACCEPT = [...Object.keys(ALLOWED_TYPES), ...[...ALLOWED_EXTENSIONS].map((e) => `.${e}`)].join(",");

export const PHOTO_KINDS: readonly EvidenceKindName[] = ["BEFORE_PHOTO", "AFTER_PHOTO"];

export type LocalRefusal = "EMPTY" | "TOO_BIG" | "TYPE" | "NOT_IMAGE";

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/**
 * Why a file is refused before it is sent, or null. Phones sometimes give no MIME type, so the
 * extension counts when the type is empty. A photo kind takes images only.
 */
export function checkFile(
  file: { name: string; size: number; type: string },
  kind: EvidenceKindName,
  maxBytes: number,
): LocalRefusal | null {
  if (file.size === 0) return "EMPTY";
  if (file.size > maxBytes) return "TOO_BIG";
  const ext = extensionOf(file.name);
  const type = file.type.toLowerCase();
  const known = type ? type in ALLOWED_TYPES : ALLOWED_EXTENSIONS.has(ext);
  if (!known) return "TYPE";
  const image = type ? type.startsWith("image/") : ["jpg", "jpeg", "png", "webp", "heic", "heif"].includes(ext);
  if (PHOTO_KINDS.includes(kind) && !image) return "NOT_IMAGE";
  return null;
}

/** What an answer to one attempt means. Status 0 is a request that never got an answer (network). */
export type Outcome = "DONE" | "RETRY" | "REFUSED";

export function outcomeOf(status: number): Outcome {
  if (status === 200 || status === 201) return "DONE";
  if (status === 0 || status === 408 || status === 429 || status >= 500) return "RETRY";
  return "REFUSED";
}

/**
 * Wait before attempt `attempt + 1` after `attempt` failed ones: 1 s, 2 s, 4 s … up to 30 s, with
 * up to a quarter of random spread so many phones coming back online do not retry in step.
 */
export function backoffMs(attempt: number, random: number = Math.random()): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 + 0.25 * random));
}

export type UploadState =
  /** Waiting its turn (or its next attempt, see `notBefore`). */
  | "QUEUED"
  | "SENDING"
  /** Three attempts failed on the network or the server: waits for a manual retry. */
  | "STALLED"
  /** The server refused it (too big, wrong type, invalid fields…): sending it again will not help. */
  | "REFUSED"
  | "DONE";

export type UploadTarget = {
  problemId: string;
  kind: EvidenceKindName;
  measureId?: string;
  supersedesId?: string;
};

export type UploadItem = UploadTarget & {
  id: string;
  idempotencyKey: string;
  name: string;
  size: number;
  state: UploadState;
  /** Failed attempts so far (reset by a manual retry; the idempotency key never changes). */
  attempts: number;
  /** Share sent of the current attempt, 0–1. */
  progress: number;
  /** Epoch ms before which the next attempt must not start. */
  notBefore: number;
  /** HTTP status of the last failed attempt (0: no answer). */
  lastStatus?: number;
  /** Messages the server gave with a refusal. */
  messages?: string[];
  evidenceId?: string;
  /** 200: the server already had this file (same key or same bytes), no new evidence was made. */
  duplicate?: boolean;
};

export type QueueEvent =
  | { type: "ADD"; item: Omit<UploadItem, "state" | "attempts" | "progress" | "notBefore"> & Partial<UploadItem> }
  | { type: "START"; id: string }
  | { type: "PROGRESS"; id: string; progress: number }
  | { type: "ANSWER"; id: string; status: number; now: number; random?: number; evidenceId?: string; messages?: string[] }
  | { type: "RETRY"; id: string }
  | { type: "DISMISS"; id: string };

/** The queue after one event; unknown ids leave it unchanged. */
export function reduceQueue(items: readonly UploadItem[], event: QueueEvent): UploadItem[] {
  if (event.type === "ADD") {
    if (items.some((i) => i.id === event.item.id)) return [...items];
    return [...items, { state: "QUEUED", attempts: 0, progress: 0, notBefore: 0, ...event.item }];
  }
  if (event.type === "DISMISS") return items.filter((i) => i.id !== event.id);
  return items.map((item) => {
    if (item.id !== event.id) return item;
    switch (event.type) {
      case "START":
        return item.state === "QUEUED" ? { ...item, state: "SENDING", progress: 0 } : item;
      case "PROGRESS":
        return item.state === "SENDING" ? { ...item, progress: Math.max(0, Math.min(1, event.progress)) } : item;
      case "RETRY":
        return item.state === "STALLED" ? { ...item, state: "QUEUED", attempts: 0, notBefore: 0, lastStatus: undefined } : item;
      case "ANSWER": {
        if (item.state !== "SENDING") return item;
        const outcome = outcomeOf(event.status);
        if (outcome === "DONE")
          return {
            ...item,
            state: "DONE",
            progress: 1,
            evidenceId: event.evidenceId,
            duplicate: event.status === 200,
            lastStatus: undefined,
            messages: undefined,
          };
        if (outcome === "REFUSED")
          return { ...item, state: "REFUSED", progress: 0, lastStatus: event.status, messages: event.messages };
        const attempts = item.attempts + 1;
        return attempts >= MAX_AUTO_ATTEMPTS
          ? { ...item, state: "STALLED", attempts, progress: 0, lastStatus: event.status }
          : {
              ...item,
              state: "QUEUED",
              attempts,
              progress: 0,
              lastStatus: event.status,
              notBefore: event.now + backoffMs(attempts, event.random),
            };
      }
      default:
        return item;
    }
  });
}

/**
 * The next file to send at `now`, if a slot is free: files go one at a time (a phone on a weak
 * link does better sending one file fast than three slowly), oldest first.
 */
export function nextToSend(items: readonly UploadItem[], now: number): UploadItem | null {
  if (items.some((i) => i.state === "SENDING")) return null;
  return items.find((i) => i.state === "QUEUED" && i.notBefore <= now) ?? null;
}

/** Earliest moment a waiting file may be sent, or null when nothing waits. */
export function nextWakeUp(items: readonly UploadItem[]): number | null {
  const waiting = items.filter((i) => i.state === "QUEUED").map((i) => i.notBefore);
  return waiting.length ? Math.min(...waiting) : null;
}

/** Files not yet on the server that a reload should resume (kept in the browser's storage). */
export function isUnfinished(item: Pick<UploadItem, "state">): boolean {
  return item.state === "QUEUED" || item.state === "SENDING" || item.state === "STALLED";
}

/** The form fields of one attempt (the file part is added by the caller). */
export function uploadFields(item: UploadTarget, extra: { capturedAt?: string; lat?: number; lng?: number }): [string, string][] {
  const fields: [string, string][] = [["kind", item.kind]];
  if (item.measureId) fields.push(["measureId", item.measureId]);
  if (item.supersedesId) fields.push(["supersedesId", item.supersedesId]);
  if (extra.capturedAt) fields.push(["capturedAt", extra.capturedAt]);
  if (extra.lat !== undefined && extra.lng !== undefined) {
    fields.push(["lat", extra.lat.toFixed(6)], ["lng", extra.lng.toFixed(6)]);
  }
  return fields;
}
