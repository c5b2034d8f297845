/**
 * Difference hash (dHash) of a picture: the picture in greyscale, shrunk to 9 × 8 pixels; each of
 * the 64 bits says whether a pixel is brighter than its right-hand neighbour (row by row, the most
 * significant bit first). Re-encoding, resizing, small crops and brightness changes move few
 * bits; different scenes differ in about half of them. Pure: the pixels come from sharp in
 * lib/server/evidence/photo-hash.ts.
 */

export const DHASH_WIDTH = 9;
export const DHASH_HEIGHT = 8;
export const DHASH_BITS = 64;

const MASK64 = (1n << 64n) - 1n;

/** The 64-bit dHash of 9 × 8 greyscale pixels (row-major, one byte per pixel). */
export function dHashFromGrey(pixels: Uint8Array | Buffer): bigint {
  if (pixels.length !== DHASH_WIDTH * DHASH_HEIGHT) {
    throw new RangeError(`dHash needs ${DHASH_WIDTH * DHASH_HEIGHT} grey pixels, got ${pixels.length}`);
  }
  let hash = 0n;
  for (let y = 0; y < DHASH_HEIGHT; y++) {
    for (let x = 0; x < DHASH_WIDTH - 1; x++) {
      const left = pixels[y * DHASH_WIDTH + x] as number;
      const right = pixels[y * DHASH_WIDTH + x + 1] as number;
      hash = (hash << 1n) | (left > right ? 1n : 0n);
    }
  }
  return hash;
}

/** Number of differing bits between two 64-bit hashes (0 … 64). */
export function hammingDistance(a: bigint, b: bigint): number {
  let x = (a ^ b) & MASK64;
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

/** The hash as PostgreSQL's signed bigint stores it (two's complement). */
export function toSignedBigint(hash: bigint): bigint {
  return BigInt.asIntN(64, hash);
}

/** A stored signed bigint back to the unsigned 64-bit hash. */
export function fromSignedBigint(stored: bigint): bigint {
  return BigInt.asUintN(64, stored);
}

/** 16 lower-case hex digits, for display and the API. */
export function hashHex(hash: bigint): string {
  return BigInt.asUintN(64, hash).toString(16).padStart(16, "0");
}
