import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { dHashFromGrey, fromSignedBigint, hammingDistance, hashHex, toSignedBigint } from "@/lib/domain/photo-hash";
import { PHOTO_MATCH_MAX_DISTANCE } from "@/lib/domain/photo-signals";
import { dHashOfInput } from "@/lib/server/evidence/photo-hash";

const PHOTOS = ["cat", "coffee", "rocket", "astronaut"] as const;
const photo = (name: string) => path.join(process.cwd(), "tests/fixtures/photos", `${name}.jpg`);

describe("dHashFromGrey", () => {
  it("sets a bit where a pixel is brighter than its right-hand neighbour, first row first", () => {
    const pixels = new Uint8Array(72);
    pixels[0] = 200; // row 0: x0 > x1 → the most significant bit
    pixels[9 * 7 + 7] = 50; // row 7: x7 > x8 → the least significant bit
    expect(dHashFromGrey(pixels)).toBe((1n << 63n) | 1n);
  });
  it("leaves equal neighbours at 0 and refuses a wrong pixel count", () => {
    expect(dHashFromGrey(new Uint8Array(72).fill(9))).toBe(0n);
    expect(() => dHashFromGrey(new Uint8Array(64))).toThrow(RangeError);
  });
});

describe("hammingDistance and storage forms", () => {
  it("counts differing bits over all 64", () => {
    expect(hammingDistance(0n, 0n)).toBe(0);
    expect(hammingDistance(0n, (1n << 64n) - 1n)).toBe(64);
    expect(hammingDistance(0b1011n, 0b0001n)).toBe(2);
    expect(hammingDistance(1n << 63n, 0n)).toBe(1);
  });
  it("round-trips through PostgreSQL's signed bigint and prints 16 hex digits", () => {
    const h = (1n << 63n) | 0xabcn;
    expect(toSignedBigint(h)).toBeLessThan(0n);
    expect(fromSignedBigint(toSignedBigint(h))).toBe(h);
    expect(hashHex(h)).toBe("8000000000000abc");
    expect(hashHex(1n)).toBe("0000000000000001");
  });
});

async function variants(file: string): Promise<Record<string, Buffer>> {
  const meta = await sharp(file).metadata();
  const w = meta.width as number;
  const h = meta.height as number;
  return {
    "re-encoded at JPEG quality 60": await sharp(file).jpeg({ quality: 60 }).toBuffer(),
    "resized to half": await sharp(file)
      .resize(Math.round(w / 2))
      .jpeg()
      .toBuffer(),
    "cropped 5 % (2.5 % each side)": await sharp(file)
      .extract({
        left: Math.round(w * 0.025),
        top: Math.round(h * 0.025),
        width: Math.round(w * 0.95),
        height: Math.round(h * 0.95),
      })
      .jpeg()
      .toBuffer(),
    "cropped 5 % off the right edge": await sharp(file)
      .extract({ left: 0, top: 0, width: Math.round(w * 0.95), height: h })
      .jpeg()
      .toBuffer(),
    "brightened 10 %": await sharp(file).modulate({ brightness: 1.1 }).jpeg().toBuffer(),
    "darkened 10 %": await sharp(file).linear(0.9, 0).jpeg().toBuffer(),
  };
}

describe("dHash of real photographs (tests/fixtures/photos)", () => {
  it.each(PHOTOS)("%s: re-encoded, resized, cropped a little or brightened still matches", async (name) => {
    const original = await dHashOfInput(photo(name));
    for (const [label, bytes] of Object.entries(await variants(photo(name)))) {
      const d = hammingDistance(original, await dHashOfInput(bytes));
      expect(d, `${name} ${label}: distance ${d}`).toBeLessThanOrEqual(PHOTO_MATCH_MAX_DISTANCE);
    }
  });

  it("different scenes do not match", async () => {
    const hashes = await Promise.all(PHOTOS.map((n) => dHashOfInput(photo(n))));
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        const d = hammingDistance(hashes[i] as bigint, hashes[j] as bigint);
        expect(d, `${PHOTOS[i]} vs ${PHOTOS[j]}: distance ${d}`).toBeGreaterThan(PHOTO_MATCH_MAX_DISTANCE);
      }
    }
  });

  it("a picture's EXIF orientation does not change its hash", async () => {
    const upright = await dHashOfInput(photo("cat"));
    // Stored rotated with an orientation tag saying "turn 90° clockwise to view": the viewer sees the same picture.
    const rotated = await sharp(photo("cat")).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(hammingDistance(upright, await dHashOfInput(rotated))).toBeLessThanOrEqual(PHOTO_MATCH_MAX_DISTANCE);
  });
});
