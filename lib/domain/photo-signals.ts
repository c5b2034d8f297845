/**
 * Signals of possible false rectification (虚假整改) in a photo, shown to the reviewer next to it.
 * A signal is a reason to look closer, never a finding by itself: only a reviewer's confirmation
 * (确认为虚假材料) or a leader's finding establishes false or perfunctory rectification.
 */
import { hammingDistance } from "./photo-hash";

/**
 * Two photos "match" when their 64-bit dHashes differ in at most this many bits. Measured on the
 * real photographs of tests/fixtures/photos: re-encoding, halving, brightness ±10 % and a 5 % crop
 * move 0–9 bits; different scenes differ in 23–36. 10 is the usual dHash cut-off.
 */
export const PHOTO_MATCH_MAX_DISTANCE = 10;

/** Camera time and upload time further apart than this (strictly) are flagged: 72 hours. */
export const CAMERA_UPLOAD_GAP_HOURS = 72;

/**
 * A hash with at most this many bits set (or unset) says "no structure": a blank wall, sky, a
 * solid colour all hash near 0 and would match each other. Such pictures are not compared.
 */
export const FEATURELESS_BITS = 3;

/** Whether a hash is too plain to compare (see FEATURELESS_BITS). */
export function isFeatureless(hash: bigint): boolean {
  const set = hammingDistance(hash, 0n);
  return set <= FEATURELESS_BITS || set >= 64 - FEATURELESS_BITS;
}

/** Most matching photos of other problems kept in one signal list (the nearest first). */
export const REUSED_MATCHES_MAX = 5;

const HOUR_MS = 3_600_000;

export type PhotoSignal =
  /** An after photo (整改后) that matches a before photo (整改前) of the same problem. */
  | { kind: "SAME_AS_BEFORE"; evidenceId: string; distance: number }
  /** A photo that matches a photo of another problem (reused evidence). */
  | { kind: "REUSED_PHOTO"; evidenceId: string; problemId: string; problemCode: string; distance: number }
  /** The camera's capture time lies before the problem was registered. */
  | { kind: "CAPTURED_BEFORE_REGISTRATION"; capturedAt: string; registeredAt: string; hours: number }
  /** The camera's capture time is far from the upload time. */
  | { kind: "CAMERA_TIME_FAR_FROM_UPLOAD"; capturedAt: string; uploadedAt: string; hours: number }
  /** The file was written by editing software. */
  | { kind: "EDITING_SOFTWARE"; software: string; editor: string };

export type PhotoSignalKind = PhotoSignal["kind"];
export const PHOTO_SIGNAL_KINDS = [
  "SAME_AS_BEFORE",
  "REUSED_PHOTO",
  "CAPTURED_BEFORE_REGISTRATION",
  "CAMERA_TIME_FAR_FROM_UPLOAD",
  "EDITING_SOFTWARE",
] as const satisfies readonly PhotoSignalKind[];

/**
 * Editing software as it names itself in EXIF Software / ProcessingSoftware or XMP CreatorTool.
 * Camera firmware ("Ver.1.00", "HDR+ 1.0.5", "MediaTek Camera Application"), phone systems
 * ("iOS 17.5", "17.5.1", "Android …") and scanner drivers are not editing. iOS writes its version
 * even into a picture edited in the Photos app, so such an edit cannot be told from the tag: the
 * similarity and time signals still apply to it.
 */
const EDITORS: readonly { editor: string; pattern: RegExp }[] = [
  { editor: "Adobe Lightroom", pattern: /lightroom/i },
  { editor: "Adobe Photoshop", pattern: /photoshop/i },
  { editor: "Adobe Camera Raw", pattern: /camera raw/i },
  { editor: "GIMP", pattern: /\bgimp\b/i },
  { editor: "Snapseed", pattern: /snapseed/i },
  { editor: "PicsArt", pattern: /picsart/i },
  { editor: "美图秀秀 (Meitu)", pattern: /meitu|美图|美圖|xiuxiu|秀秀/i },
  { editor: "美颜相机 (BeautyCam)", pattern: /beautycam|美颜相机/i },
  { editor: "醒图 (Hypic)", pattern: /醒图|hypic|xingtu/i },
  { editor: "黄油相机 (Butter Camera)", pattern: /黄油相机|butter ?cam/i },
  { editor: "轻颜相机", pattern: /轻颜|faceu/i },
  { editor: "VSCO", pattern: /\bvsco\b/i },
  { editor: "Facetune", pattern: /facetune/i },
  { editor: "Polarr", pattern: /polarr/i },
  { editor: "Pixelmator", pattern: /pixelmator/i },
  { editor: "Affinity Photo", pattern: /affinity photo/i },
  { editor: "Paint.NET", pattern: /paint\.net/i },
  { editor: "Luminar", pattern: /luminar/i },
  { editor: "Capture One", pattern: /capture one/i },
  { editor: "darktable", pattern: /darktable/i },
  { editor: "RawTherapee", pattern: /rawtherapee/i },
  { editor: "ACDSee", pattern: /acdsee/i },
  { editor: "PhotoDirector", pattern: /photodirector/i },
  { editor: "Fotor", pattern: /\bfotor\b/i },
  { editor: "Canva", pattern: /\bcanva\b/i },
  { editor: "Picasa", pattern: /picasa/i },
  { editor: "光影魔术手", pattern: /光影魔术手|nEO ?iMAGING/i },
  { editor: "可牛影像", pattern: /可牛/i },
];

/** The editing program a software tag names, or null (camera firmware, a phone system, nothing). */
export function editingSoftware(tag: string | null | undefined): string | null {
  if (!tag) return null;
  for (const { editor, pattern } of EDITORS) if (pattern.test(tag)) return editor;
  return null;
}

export type HashedPhoto = { id: string; problemId: string; problemCode: string; kind: string; hash: bigint };

export type SignalInput = {
  /** The photo being judged. */
  photo: {
    id: string;
    problemId: string;
    kind: string;
    hash: bigint | null;
    /** Capture time from the file's EXIF only: the device's or the form's own time is not the camera's. */
    exifCapturedAt: Date | null;
    uploadedAt: Date;
    software: string | null;
  };
  /** When the problem was registered (its record created). */
  problemRegisteredAt: Date;
  /** Candidate photos: those of the same problem and the near matches of other problems. */
  others: readonly HashedPhoto[];
};

const hoursBetween = (a: Date, b: Date) => Math.abs(a.getTime() - b.getTime()) / HOUR_MS;
const roundHours = (h: number) => Math.round(h * 10) / 10;

/**
 * All signals of one photo. Similarity: an after photo within PHOTO_MATCH_MAX_DISTANCE of a before
 * photo of its problem; any photo within it of a photo of another problem (nearest first, at most
 * REUSED_MATCHES_MAX); featureless pictures are not compared. Capture before registration: not judged for before photos, which may well
 * have been taken by the inspectors who reported the problem. Camera time far from upload: more
 * than CAMERA_UPLOAD_GAP_HOURS either way.
 */
export function photoSignals(input: SignalInput): PhotoSignal[] {
  const { photo } = input;
  const signals: PhotoSignal[] = [];
  if (photo.hash !== null && !isFeatureless(photo.hash)) {
    const near = input.others
      .filter((o) => o.id !== photo.id && !isFeatureless(o.hash))
      .map((o) => ({ o, distance: hammingDistance(photo.hash as bigint, o.hash) }))
      .filter((m) => m.distance <= PHOTO_MATCH_MAX_DISTANCE)
      .sort((a, b) => a.distance - b.distance || a.o.id.localeCompare(b.o.id));
    if (photo.kind === "AFTER_PHOTO") {
      for (const { o, distance } of near) {
        if (o.problemId === photo.problemId && o.kind === "BEFORE_PHOTO") {
          signals.push({ kind: "SAME_AS_BEFORE", evidenceId: o.id, distance });
        }
      }
    }
    const reused = near.filter((m) => m.o.problemId !== photo.problemId).slice(0, REUSED_MATCHES_MAX);
    for (const { o, distance } of reused) {
      signals.push({ kind: "REUSED_PHOTO", evidenceId: o.id, problemId: o.problemId, problemCode: o.problemCode, distance });
    }
  }
  const captured = photo.exifCapturedAt;
  if (captured && photo.kind !== "BEFORE_PHOTO" && captured.getTime() < input.problemRegisteredAt.getTime()) {
    signals.push({
      kind: "CAPTURED_BEFORE_REGISTRATION",
      capturedAt: captured.toISOString(),
      registeredAt: input.problemRegisteredAt.toISOString(),
      hours: roundHours(hoursBetween(captured, input.problemRegisteredAt)),
    });
  }
  if (captured && hoursBetween(captured, photo.uploadedAt) > CAMERA_UPLOAD_GAP_HOURS) {
    signals.push({
      kind: "CAMERA_TIME_FAR_FROM_UPLOAD",
      capturedAt: captured.toISOString(),
      uploadedAt: photo.uploadedAt.toISOString(),
      hours: roundHours(hoursBetween(captured, photo.uploadedAt)),
    });
  }
  const editor = editingSoftware(photo.software);
  if (editor && photo.software) signals.push({ kind: "EDITING_SOFTWARE", software: photo.software, editor });
  return signals;
}

/** Whole days and hours of a span, for the chip ("5 天", "3 小时"): days once it reaches 48 hours. */
export function spanParts(hours: number): { unit: "days" | "hours"; value: number } {
  return hours >= 48 ? { unit: "days", value: Math.floor(hours / 24) } : { unit: "hours", value: Math.round(hours) };
}
