/**
 * Evidence rules without I/O: which file types are accepted (by their bytes, never their name),
 * how the uploader's file name is cleaned, capture facts (EXIF over device), distances and the
 * server-made storage keys.
 */
import { hasBidiControl, isInvisibleOnly } from "./text-safety";

/** The accepted types, keyed by the extension `file-type` reports for the bytes. */
export const EVIDENCE_TYPES = {
  jpg: { mime: "image/jpeg", image: true },
  png: { mime: "image/png", image: true },
  webp: { mime: "image/webp", image: true },
  heic: { mime: "image/heic", image: true },
  mp4: { mime: "video/mp4", image: false },
  /** iPhones record QuickTime. */
  mov: { mime: "video/quicktime", image: false },
  pdf: { mime: "application/pdf", image: false },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", image: false },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", image: false },
} as const;

export type EvidenceExt = keyof typeof EVIDENCE_TYPES;

/** The MIME types evidence may have (what a download is served as). */
export const EVIDENCE_MIMES: readonly string[] = [
  ...new Set([...Object.values(EVIDENCE_TYPES).map((t) => t.mime), "image/heif"]),
];

const IMAGE_MIMES = new Set(["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"]);

/** Images may be shown inline (preview, thumbnail); every other type is only ever downloaded. */
export function isImageMime(mime: string): boolean {
  return IMAGE_MIMES.has(mime);
}

/** The sniffed type as `file-type` reports it (`{ ext, mime }`), or undefined when unknown. */
export type SniffedType = { ext: string; mime: string } | undefined;

/**
 * The accepted MIME type for sniffed bytes, or null when the type is not on the allow-list.
 * A zip is accepted only when its content makes it a Word or Excel document; HEIF keeps its
 * own MIME type. Anything else — HTML, SVG, text, executables, plain zips — is refused.
 */
export function acceptedMime(sniffed: SniffedType): string | null {
  if (!sniffed) return null;
  if (sniffed.ext === "heic") return sniffed.mime === "image/heif" ? "image/heif" : "image/heic";
  if (sniffed.ext === "mp4" && sniffed.mime !== "video/mp4") return null;
  const known = (EVIDENCE_TYPES as Record<string, { mime: string }>)[sniffed.ext];
  return known ? known.mime : null;
}

/** Longest original file name kept, in characters. */
export const ORIGINAL_NAME_MAX = 255;

export type NameCheck = { ok: true; name: string } | { ok: false; reason: "empty" | "control" | "tooLong" | "path" };

/**
 * The uploader's file name, cleaned for display: directories dropped (`C:\\fakepath\\a.jpg` → `a.jpg`),
 * surrounding blanks trimmed. Refused: NUL or other control characters, broken characters, a name
 * that climbs directories (`..`), an empty name, and one over 255 characters. The name is shown
 * only; storage keys are made by the server.
 */
export function cleanOriginalName(raw: string | null | undefined): NameCheck {
  if (raw === null || raw === undefined) return { ok: false, reason: "empty" };
  // Text-direction controls disguise a name ("photo\u202Egpj.exe" shows as "photoexe.jpg").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(raw) || !raw.isWellFormed() || hasBidiControl(raw)) return { ok: false, reason: "control" };
  if ([...raw].length > ORIGINAL_NAME_MAX) return { ok: false, reason: "tooLong" };
  const segments = raw.split(/[/\\]/);
  if (segments.some((s) => s.trim() === "..")) return { ok: false, reason: "path" };
  const name = (segments.at(-1) ?? "").trim();
  if (name === "" || name === "." || isInvisibleOnly(name)) return { ok: false, reason: "empty" };
  return { ok: true, name };
}

/** `Content-Disposition` for a download: an ASCII fallback plus the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(name: string, inline = false): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres between two WGS-84 points (haversine), rounded. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))));
}

export type CaptureSource = "EXIF" | "DEVICE";

export type CaptureFacts = {
  capturedAt: Date | null;
  capturedAtSource: CaptureSource | null;
  lat: number | null;
  lng: number | null;
  gpsSource: CaptureSource | null;
};

const validLatLng = (lat: unknown, lng: unknown): lat is number =>
  typeof lat === "number" &&
  typeof lng === "number" &&
  Number.isFinite(lat) &&
  Number.isFinite(lng) &&
  Math.abs(lat) <= 90 &&
  Math.abs(lng) <= 180 &&
  !(lat === 0 && lng === 0);

const validDate = (d: Date | null | undefined): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

/**
 * When and where the file was taken: the file's own EXIF wins over what the device sent with
 * it; each fact records its source. A position needs both coordinates (0,0 is "no fix").
 */
export function mergeCaptureFacts(
  exif: { capturedAt?: Date | null; lat?: number | null; lng?: number | null },
  device: { capturedAt?: Date | null; lat?: number | null; lng?: number | null },
): CaptureFacts {
  const time: Pick<CaptureFacts, "capturedAt" | "capturedAtSource"> = validDate(exif.capturedAt)
    ? { capturedAt: exif.capturedAt, capturedAtSource: "EXIF" }
    : validDate(device.capturedAt)
      ? { capturedAt: device.capturedAt, capturedAtSource: "DEVICE" }
      : { capturedAt: null, capturedAtSource: null };
  const place: Pick<CaptureFacts, "lat" | "lng" | "gpsSource"> = validLatLng(exif.lat, exif.lng)
    ? { lat: round6(exif.lat), lng: round6(exif.lng as number), gpsSource: "EXIF" }
    : validLatLng(device.lat, device.lng)
      ? { lat: round6(device.lat), lng: round6(device.lng as number), gpsSource: "DEVICE" }
      : { lat: null, lng: null, gpsSource: null };
  return { ...time, ...place };
}

/** Coordinates are stored with six decimals (about 0.1 m). */
function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

const KEY_PATTERN = /^evidence\/\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const THUMB_SUFFIX = ".thumb.webp";
export const PARTIAL_SUFFIX = ".partial";

/** The server-made key of a stored original: `evidence/YYYY/MM/<uuid>` (UTC month of the upload). */
export function evidenceStorageKey(uuid: string, at: Date): string {
  const yyyy = String(at.getUTCFullYear()).padStart(4, "0");
  const mm = String(at.getUTCMonth() + 1).padStart(2, "0");
  const key = `evidence/${yyyy}/${mm}/${uuid.toLowerCase()}`;
  if (!KEY_PATTERN.test(key)) throw new Error("invalid storage key");
  return key;
}

/** The key of an original's thumbnail. */
export function thumbKeyOf(storageKey: string): string {
  return `${storageKey}${THUMB_SUFFIX}`;
}

/** Whether a key is one the server makes (an original or its thumbnail); anything else is never read or written. */
export function isEvidenceKey(key: string): boolean {
  return KEY_PATTERN.test(key.endsWith(THUMB_SUFFIX) ? key.slice(0, -THUMB_SUFFIX.length) : key);
}

/** The month prefixes (`evidence/YYYY/MM/`) of `at` and the months before it, newest first. */
export function monthPrefixes(at: Date, months: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < months; i++) {
    const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - i, 1));
    out.push(`evidence/${String(d.getUTCFullYear()).padStart(4, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/`);
  }
  return out;
}

/** Offset assumed for an EXIF time without one: devices here keep China Standard Time. */
export const DEFAULT_EXIF_OFFSET = "+08:00";

/**
 * An EXIF date-time (`YYYY:MM:DD HH:MM:SS`, the device's local clock) as an instant, using the
 * recorded offset (`OffsetTimeOriginal`, e.g. `+08:00`) or China Standard Time. Invalid → null.
 */
export function parseExifDateTime(raw: unknown, offset?: unknown): Date | null {
  if (typeof raw !== "string") return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw.trim());
  if (!m) return null;
  const off = typeof offset === "string" && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : DEFAULT_EXIF_OFFSET;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${off}`);
  if (Number.isNaN(date.getTime()) || Number(y) < 1990) return null;
  // Reject roll-overs such as 2026:02:31 that Date would silently accept.
  const check = new Date(date.getTime() + offsetMinutes(off) * 60_000);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() + 1 !== Number(mo)) return null;
  return date;
}

function offsetMinutes(off: string): number {
  const sign = off.startsWith("-") ? -1 : 1;
  const [h, m] = off.slice(1).split(":").map(Number);
  return sign * ((h ?? 0) * 60 + (m ?? 0));
}
