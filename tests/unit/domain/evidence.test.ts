import { describe, expect, it } from "vitest";
import {
  acceptedMime,
  cleanOriginalName,
  contentDisposition,
  distanceMeters,
  EVIDENCE_MIMES,
  evidenceStorageKey,
  isEvidenceKey,
  isImageMime,
  mergeCaptureFacts,
  monthPrefixes,
  parseExifDateTime,
  thumbKeyOf,
} from "@/lib/domain/evidence";

describe("acceptedMime (allow-list by sniffed content)", () => {
  it.each([
    [{ ext: "jpg", mime: "image/jpeg" }, "image/jpeg"],
    [{ ext: "png", mime: "image/png" }, "image/png"],
    [{ ext: "webp", mime: "image/webp" }, "image/webp"],
    [{ ext: "heic", mime: "image/heic" }, "image/heic"],
    [{ ext: "heic", mime: "image/heif" }, "image/heif"],
    [{ ext: "mp4", mime: "video/mp4" }, "video/mp4"],
    [{ ext: "mov", mime: "video/quicktime" }, "video/quicktime"],
    [{ ext: "pdf", mime: "application/pdf" }, "application/pdf"],
    [
      { ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    [
      { ext: "xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
  ])("accepts %o as %s", (sniffed, mime) => {
    expect(acceptedMime(sniffed)).toBe(mime);
    expect(EVIDENCE_MIMES).toContain(mime);
  });

  it.each([
    undefined,
    { ext: "zip", mime: "application/zip" },
    { ext: "exe", mime: "application/x-msdownload" },
    { ext: "elf", mime: "application/x-elf" },
    { ext: "xml", mime: "application/xml" },
    { ext: "svg", mime: "image/svg+xml" },
    { ext: "html", mime: "text/html" },
    { ext: "gif", mime: "image/gif" },
    { ext: "avif", mime: "image/avif" },
    { ext: "mp4", mime: "audio/mp4" },
    { ext: "pptx", mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  ])("refuses %o", (sniffed) => {
    expect(acceptedMime(sniffed)).toBeNull();
  });

  it("only images may be shown inline", () => {
    expect(isImageMime("image/jpeg")).toBe(true);
    expect(isImageMime("image/heif")).toBe(true);
    expect(isImageMime("application/pdf")).toBe(false);
    expect(isImageMime("image/svg+xml")).toBe(false);
    expect(isImageMime("text/html")).toBe(false);
  });
});

describe("cleanOriginalName", () => {
  it("keeps an ordinary name, trimmed", () => {
    expect(cleanOriginalName("  整改后照片 1.jpg ")).toEqual({ ok: true, name: "整改后照片 1.jpg" });
  });
  it("drops directories", () => {
    expect(cleanOriginalName("C:\\fakepath\\现场.jpg")).toEqual({ ok: true, name: "现场.jpg" });
    expect(cleanOriginalName("DCIM/100/IMG_1.jpg")).toEqual({ ok: true, name: "IMG_1.jpg" });
  });
  it.each([
    ["../../x", "path"],
    ["..\\..\\x.jpg", "path"],
    ["a/../b.jpg", "path"],
    ["a\u0000.jpg", "control"],
    ["a\nb.jpg", "control"],
    ["bad\u007f.jpg", "control"],
    ["\ud800.jpg", "control"],
    ["", "empty"],
    ["   ", "empty"],
    ["dir/", "empty"],
    [null, "empty"],
  ] as const)("refuses %j (%s)", (raw, reason) => {
    expect(cleanOriginalName(raw)).toEqual({ ok: false, reason });
  });
  it("refuses a name over 255 characters, counting characters not bytes", () => {
    expect(cleanOriginalName(`${"a".repeat(296)}.jpg`)).toEqual({ ok: false, reason: "tooLong" });
    expect(cleanOriginalName(`${"照".repeat(251)}.jpg`)).toMatchObject({ ok: true });
    expect(cleanOriginalName(`${"照".repeat(252)}.jpg`)).toEqual({ ok: false, reason: "tooLong" });
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("整改 (1).jpg")).toBe(
      `attachment; filename="__ (1).jpg"; filename*=UTF-8''%E6%95%B4%E6%94%B9%20%281%29.jpg`,
    );
    expect(contentDisposition('a"b\\c.pdf', true)).toBe(`inline; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  });
});

describe("distanceMeters (haversine)", () => {
  it("is 0 for the same point and symmetric", () => {
    const a = { lat: 31.49, lng: 120.31 };
    expect(distanceMeters(a, a)).toBe(0);
    const b = { lat: 31.5, lng: 120.3 };
    expect(distanceMeters(a, b)).toBe(distanceMeters(b, a));
  });
  it("one degree of latitude is about 111 km; known city distance", () => {
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeGreaterThan(111_000);
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeLessThan(111_400);
    // Wuxi → Shanghai (People's Square): about 118 km.
    const d = distanceMeters({ lat: 31.4912, lng: 120.3119 }, { lat: 31.2304, lng: 121.4737 });
    expect(d).toBeGreaterThan(110_000);
    expect(d).toBeLessThan(125_000);
  });
});

describe("mergeCaptureFacts", () => {
  const exifTime = new Date("2026-11-20T02:11:12Z");
  const deviceTime = new Date("2026-11-21T08:00:00Z");
  it("EXIF wins over the device, each fact with its source", () => {
    expect(
      mergeCaptureFacts(
        { capturedAt: exifTime, lat: 31.1234567, lng: 120.7654321 },
        { capturedAt: deviceTime, lat: 30, lng: 119 },
      ),
    ).toEqual({ capturedAt: exifTime, capturedAtSource: "EXIF", lat: 31.123457, lng: 120.765432, gpsSource: "EXIF" });
  });
  it("falls back to the device per fact", () => {
    expect(mergeCaptureFacts({ capturedAt: exifTime }, { capturedAt: deviceTime, lat: 30, lng: 119 })).toEqual({
      capturedAt: exifTime,
      capturedAtSource: "EXIF",
      lat: 30,
      lng: 119,
      gpsSource: "DEVICE",
    });
    expect(mergeCaptureFacts({ lat: 31, lng: 120 }, { capturedAt: deviceTime })).toMatchObject({
      capturedAt: deviceTime,
      capturedAtSource: "DEVICE",
      gpsSource: "EXIF",
    });
  });
  it("nothing known → nulls; a half position, 0/0 or out of range is no position", () => {
    expect(mergeCaptureFacts({}, {})).toEqual({
      capturedAt: null,
      capturedAtSource: null,
      lat: null,
      lng: null,
      gpsSource: null,
    });
    expect(mergeCaptureFacts({ lat: 31, lng: null }, { lat: 0, lng: 0 }).gpsSource).toBeNull();
    expect(mergeCaptureFacts({ lat: 91, lng: 10 }, {}).gpsSource).toBeNull();
    expect(mergeCaptureFacts({ capturedAt: new Date(Number.NaN) }, {}).capturedAtSource).toBeNull();
  });
});

describe("parseExifDateTime", () => {
  it("reads the device clock with its offset, China Standard Time by default", () => {
    expect(parseExifDateTime("2026:11:20 10:11:12")?.toISOString()).toBe("2026-11-20T02:11:12.000Z");
    expect(parseExifDateTime("2026:11:20 10:11:12", "+01:00")?.toISOString()).toBe("2026-11-20T09:11:12.000Z");
  });
  it.each([undefined, 42, "", "2026-11-20", "2026:02:31 10:00:00", "0000:00:00 00:00:00", "1970:01:01 00:00:00"])(
    "refuses %j",
    (raw) => {
      expect(parseExifDateTime(raw)).toBeNull();
    },
  );
});

describe("storage keys", () => {
  const uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
  it("are evidence/YYYY/MM/<uuid> by UTC month, thumbnails beside them", () => {
    const key = evidenceStorageKey(uuid, new Date("2026-01-31T23:59:59Z"));
    expect(key).toBe(`evidence/2026/01/${uuid}`);
    expect(thumbKeyOf(key)).toBe(`evidence/2026/01/${uuid}.thumb.webp`);
    expect(isEvidenceKey(key)).toBe(true);
    expect(isEvidenceKey(thumbKeyOf(key))).toBe(true);
  });
  it("anything else is not an evidence key", () => {
    expect(() => evidenceStorageKey("../../x", new Date())).toThrow();
    expect(isEvidenceKey("evidence/2026/01/../../etc/passwd")).toBe(false);
    expect(isEvidenceKey(`evidence/2026/01/${uuid}.partial`)).toBe(false);
    expect(isEvidenceKey("other/file")).toBe(false);
  });
  it("month prefixes go back across years", () => {
    expect(monthPrefixes(new Date("2026-01-15T00:00:00Z"), 2)).toEqual(["evidence/2026/01/", "evidence/2025/12/"]);
  });
});
