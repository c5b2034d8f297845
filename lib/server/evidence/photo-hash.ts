import "server-only";
import sharp, { type Sharp } from "sharp";
import { DHASH_HEIGHT, DHASH_WIDTH, dHashFromGrey } from "../../domain/photo-hash";

/**
 * Adds the dHash to a sharp pipeline that is (or will be) fed the picture's bytes: a clone turned
 * upright (EXIF orientation), greyscale, squeezed to 9 × 8 (the whole frame, aspect ignored).
 * Sharing the pipeline with the thumbnail means the stored file is read once.
 */
export async function dHashOf(image: Sharp): Promise<bigint> {
  const grey = await image
    .clone()
    .rotate()
    .greyscale()
    .resize(DHASH_WIDTH, DHASH_HEIGHT, { fit: "fill", kernel: "lanczos3" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  // greyscale() may still hand back more than one channel for images with alpha: keep the first.
  const { data, info } = grey;
  if (info.channels === 1) return dHashFromGrey(data);
  const one = new Uint8Array(DHASH_WIDTH * DHASH_HEIGHT);
  for (let i = 0; i < one.length; i++) one[i] = data[i * info.channels] as number;
  return dHashFromGrey(one);
}

/** The dHash of a picture held in memory or on disk (tests, seed). */
export async function dHashOfInput(input: Buffer | string): Promise<bigint> {
  return dHashOf(sharp(input, { failOn: "none" }));
}
