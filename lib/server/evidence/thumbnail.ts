import { Readable } from "node:stream";
import sharp from "sharp";
import { isImageMime, thumbKeyOf } from "../../domain/evidence";
import type { EvidenceStorage } from "./storage";

/** Longest side of a thumbnail, in pixels. */
export const THUMB_SIZE = 320;

/**
 * Thumbnails made at once. sharp reads a streamed input whole before decoding it, so each one in
 * flight holds its file in memory: two at a time keep a burst of uploads' memory flat (the bytes
 * themselves always stream to storage).
 */
const THUMB_CONCURRENCY = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withThumbSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= THUMB_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Makes and stores a 320 px WebP thumbnail of a stored image; returns its key, or null when the
 * file is not an image or cannot be decoded here (some HEIC files, an image over the pixel cap) —
 * the evidence is kept either way, shown without a preview.
 */
export async function makeThumbnail(
  storage: EvidenceStorage,
  key: string,
  mime: string,
  maxPixels: number,
): Promise<string | null> {
  if (!isImageMime(mime)) return null;
  return withThumbSlot(() => renderThumbnail(storage, key, maxPixels));
}

async function renderThumbnail(storage: EvidenceStorage, key: string, maxPixels: number): Promise<string | null> {
  const source = await storage.get(key);
  if (!source) return null;
  let thumb: Buffer;
  try {
    const transformer = sharp({ limitInputPixels: maxPixels, failOn: "error", sequentialRead: true })
      .rotate()
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 72 });
    source.on("error", (e) => transformer.destroy(e));
    source.pipe(transformer);
    thumb = await transformer.toBuffer();
  } catch {
    source.destroy();
    return null;
  }
  const thumbKey = thumbKeyOf(key);
  await storage.put(thumbKey, Readable.from([thumb]), { contentType: "image/webp" });
  return thumbKey;
}
