import { describe, expect, it } from "vitest";
import {
  CAMERA_UPLOAD_GAP_HOURS,
  editingSoftware,
  FEATURELESS_BITS,
  isFeatureless,
  PHOTO_MATCH_MAX_DISTANCE,
  photoSignals,
  REUSED_MATCHES_MAX,
  type SignalInput,
  spanParts,
} from "@/lib/domain/photo-signals";

const HOUR = 3_600_000;
const registered = new Date("2026-05-10T02:00:00Z");
const uploaded = new Date("2026-06-01T02:00:00Z");
/** A hash that differs from 0 in the lowest `n` bits. */
const bits = (n: number) => (1n << BigInt(n)) - 1n;
/** A hash with structure (half its bits set), and one `n` bits away from it. */
const BASE = 0x0f0f_0f0f_0f0f_0f0fn;
const away = (n: number) => BASE ^ bits(n);

function input(over: Partial<SignalInput["photo"]> = {}, others: SignalInput["others"] = []): SignalInput {
  return {
    photo: {
      id: "after",
      problemId: "p1",
      kind: "AFTER_PHOTO",
      hash: BASE,
      exifCapturedAt: null,
      uploadedAt: uploaded,
      software: null,
      ...over,
    },
    problemRegisteredAt: registered,
    others,
  };
}
const beforePhoto = (hash: bigint, id = "before") => ({ id, problemId: "p1", problemCode: "P-1", kind: "BEFORE_PHOTO", hash });
const elsewhere = (hash: bigint, id: string) => ({ id, problemId: "p2", problemCode: "P-2", kind: "AFTER_PHOTO", hash });

describe("same picture before and after", () => {
  it("flags an after photo at distance exactly T from a before photo of its problem, not at T + 1", () => {
    expect(photoSignals(input({}, [beforePhoto(away(PHOTO_MATCH_MAX_DISTANCE))]))).toEqual([
      { kind: "SAME_AS_BEFORE", evidenceId: "before", distance: PHOTO_MATCH_MAX_DISTANCE },
    ]);
    expect(photoSignals(input({}, [beforePhoto(away(PHOTO_MATCH_MAX_DISTANCE + 1))]))).toEqual([]);
  });
  it("does not flag a before photo, another after photo of the problem, or a photo without a hash", () => {
    expect(photoSignals(input({ kind: "BEFORE_PHOTO" }, [beforePhoto(BASE, "b2")]))).toEqual([]);
    expect(photoSignals(input({}, [{ ...beforePhoto(BASE), kind: "AFTER_PHOTO" }]))).toEqual([]);
    expect(photoSignals(input({ hash: null }, [beforePhoto(BASE)]))).toEqual([]);
  });
  it("ignores the photo itself among the candidates", () => {
    expect(photoSignals(input({}, [{ ...beforePhoto(BASE), id: "after" }]))).toEqual([]);
  });
});

describe("reused photo of another problem", () => {
  it("flags any kind, nearest first, at most REUSED_MATCHES_MAX, at distance ≤ T", () => {
    const others = [elsewhere(away(3), "c"), elsewhere(away(1), "a"), elsewhere(away(PHOTO_MATCH_MAX_DISTANCE + 1), "far")];
    for (let i = 0; i < REUSED_MATCHES_MAX; i++) others.push(elsewhere(away(5), `z${i}`));
    const s = photoSignals(input({ kind: "OTHER" }, others));
    expect(s).toHaveLength(REUSED_MATCHES_MAX);
    expect(s[0]).toEqual({ kind: "REUSED_PHOTO", evidenceId: "a", problemId: "p2", problemCode: "P-2", distance: 1 });
    expect(s[1]).toMatchObject({ evidenceId: "c", distance: 3 });
    expect(s.some((x) => "evidenceId" in x && x.evidenceId === "far")).toBe(false);
  });
  it("a photo of the same problem is not reuse", () => {
    expect(photoSignals(input({ kind: "BEFORE_PHOTO" }, [{ ...elsewhere(BASE, "x"), problemId: "p1" }]))).toEqual([]);
  });
});

describe("capture time before the problem was registered", () => {
  it("flags an after photo taken before registration, with the gap in hours", () => {
    const s = photoSignals(input({ exifCapturedAt: new Date(registered.getTime() - 5 * 24 * HOUR) }));
    expect(s).toContainEqual({
      kind: "CAPTURED_BEFORE_REGISTRATION",
      capturedAt: "2026-05-05T02:00:00.000Z",
      registeredAt: registered.toISOString(),
      hours: 120,
    });
  });
  it("not at the registration instant itself, and never for a before photo", () => {
    const kinds = (i: SignalInput) => photoSignals(i).map((s) => s.kind);
    expect(kinds(input({ exifCapturedAt: registered, uploadedAt: registered }))).toEqual([]);
    expect(
      kinds(input({ kind: "BEFORE_PHOTO", exifCapturedAt: new Date(registered.getTime() - HOUR), uploadedAt: registered })),
    ).toEqual([]);
    expect(kinds(input({ exifCapturedAt: new Date(registered.getTime() - 1), uploadedAt: registered }))).toEqual([
      "CAPTURED_BEFORE_REGISTRATION",
    ]);
  });
});

describe("camera time far from upload", () => {
  const at = (hours: number) => new Date(uploaded.getTime() - hours * HOUR);
  it(`flags more than ${CAMERA_UPLOAD_GAP_HOURS} h either way, not exactly ${CAMERA_UPLOAD_GAP_HOURS} h`, () => {
    const kinds = (captured: Date) => photoSignals(input({ exifCapturedAt: captured })).map((s) => s.kind);
    expect(kinds(at(CAMERA_UPLOAD_GAP_HOURS))).toEqual([]);
    expect(kinds(at(CAMERA_UPLOAD_GAP_HOURS + 0.001))).toEqual(["CAMERA_TIME_FAR_FROM_UPLOAD"]);
    expect(kinds(at(-(CAMERA_UPLOAD_GAP_HOURS + 1)))).toEqual(["CAMERA_TIME_FAR_FROM_UPLOAD"]);
  });
  it("carries the gap rounded to a tenth of an hour", () => {
    expect(photoSignals(input({ exifCapturedAt: at(100.04) }))).toContainEqual(
      expect.objectContaining({ kind: "CAMERA_TIME_FAR_FROM_UPLOAD", hours: 100 }),
    );
  });
});

describe("editing software", () => {
  it.each([
    ["Adobe Photoshop 25.0 (Windows)", "Adobe Photoshop"],
    ["Adobe Photoshop Lightroom Classic 13.2 (Macintosh)", "Adobe Lightroom"],
    ["Lightroom Mobile 9.2", "Adobe Lightroom"],
    ["GIMP 2.10.36", "GIMP"],
    ["Snapseed 2.0", "Snapseed"],
    ["PicsArt", "PicsArt"],
    ["美图秀秀", "美图秀秀 (Meitu)"],
    ["MTXX 9.9 Meitu", "美图秀秀 (Meitu)"],
    ["醒图", "醒图 (Hypic)"],
    ["黄油相机", "黄油相机 (Butter Camera)"],
    ["VSCO", "VSCO"],
  ])("%s → %s", (tag, editor) => {
    expect(editingSoftware(tag)).toBe(editor);
  });
  it.each([
    "Ver.1.00",
    "iOS 17.5",
    "17.5.1",
    "HDR+ 1.0.540104767zd",
    "MediaTek Camera Application",
    "Android UP1A.231005.007",
    "G9910ZCU2BWH1",
    "Picture Style Editor", // not a match of "PicsArt" or any editor by accident
    "",
  ])("camera firmware or a phone system is not editing: %s", (tag) => {
    expect(editingSoftware(tag)).toBeNull();
  });
  it("becomes a signal with the tag as written", () => {
    expect(photoSignals(input({ software: "Adobe Photoshop 25.0" }))).toEqual([
      { kind: "EDITING_SOFTWARE", software: "Adobe Photoshop 25.0", editor: "Adobe Photoshop" },
    ]);
    expect(photoSignals(input({ software: "iOS 17.5" }))).toEqual([]);
  });
});

describe("spanParts", () => {
  it("hours below 48, whole days from 48", () => {
    expect(spanParts(47.6)).toEqual({ unit: "hours", value: 48 });
    expect(spanParts(48)).toEqual({ unit: "days", value: 2 });
    expect(spanParts(120)).toEqual({ unit: "days", value: 5 });
  });
});

describe("featureless pictures", () => {
  it("a hash with ≤ 3 bits set or unset is not compared, 4 is", () => {
    expect(isFeatureless(0n)).toBe(true);
    expect(isFeatureless(bits(FEATURELESS_BITS))).toBe(true);
    expect(isFeatureless(bits(64))).toBe(true);
    expect(isFeatureless(bits(64 - FEATURELESS_BITS))).toBe(true);
    expect(isFeatureless(bits(FEATURELESS_BITS + 1))).toBe(false);
    expect(isFeatureless(bits(63 - FEATURELESS_BITS))).toBe(false);
  });
  it("two blank pictures are not 'the same picture'", () => {
    expect(photoSignals(input({ hash: 0n }, [beforePhoto(0n)]))).toEqual([]);
    expect(photoSignals(input({ hash: bits(8) }, [beforePhoto(0n)]))).toEqual([]);
  });
});
