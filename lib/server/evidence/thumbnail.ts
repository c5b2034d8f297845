import "server-only";
import { Readable } from "node:stream";
import sharp from "sharp";
import { isImageMime, thumbKeyOf } from "../../domain/evidence";
import { dHashOf } from "./photo-hash";
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

/** What one read of a stored picture yields: its thumbnail key and its dHash (each null when not made). */
export type PictureDerivatives = { thumbKey: string | null; hash: bigint | null };

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
  return (await derivePicture(storage, key, mime, maxPixels, { thumbnail: true })).thumbKey;
}

/**
 * Reads a stored image once and derives, from the same decoded input, the thumbnail (when asked)
 * and the perceptual hash (dHash). Not an image, missing or undecodable → both null.
 */
export async function derivePicture(
  storage: EvidenceStorage,
  key: string,
  mime: string,
  maxPixels: number,
  opts: { thumbnail: boolean },
): Promise<PictureDerivatives> {
  if (!isImageMime(mime)) return { thumbKey: null, hash: null };
  return withThumbSlot(() => renderDerivatives(storage, key, maxPixels, opts.thumbnail));
}

async function renderDerivatives(
  storage: EvidenceStorage,
  key: string,
  maxPixels: number,
  thumbnail: boolean,
): Promise<PictureDerivatives> {
  const source = await storage.get(key);
  if (!source) return { thumbKey: null, hash: null };
  const input = sharp({ limitInputPixels: maxPixels, failOn: "error", sequentialRead: true });
  // Both outputs are cloned from one input before the bytes flow, so the file is read once.
  const thumbWork = thumbnail
    ? input
        .clone()
        .rotate()
        .resize(THUMB_SIZE, THUMB_SIZE, { fit: "inside", withoutEnlargement: true })
        .webp({ quality: 72 })
        .toBuffer()
        .catch(() => null)
    : Promise.resolve(null);
  const hashWork = dHashOf(input).catch(() => null);
  source.on("error", (e) => input.destroy(e));
  source.pipe(input);
  const [thumb, hash] = await Promise.all([thumbWork, hashWork]);
  if (thumb === null && hash === null) source.destroy();
  let thumbKey: string | null = null;
  if (thumb) {
    thumbKey = thumbKeyOf(key);
    await storage.put(thumbKey, Readable.from([thumb]), { contentType: "image/webp" });
  }
  return { thumbKey, hash };
}
