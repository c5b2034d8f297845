import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { EvidenceKind, Prisma } from "@prisma/client";
import sharp from "sharp";
import type { Tx } from "../lib/db";
import { CLOSURE_CHECKLIST_KEY, mergeClosureChecklist } from "../lib/domain/closure-checklist";
import { distanceMeters, evidenceStorageKey, thumbKeyOf } from "../lib/domain/evidence";
import { evidenceStorage } from "../lib/server/evidence/storage";
import { THUMB_SIZE } from "../lib/server/evidence/thumbnail";

/**
 * Demo evidence (佐证材料) consistent with the demo ledger's workflow: every problem that has
 * applied for acceptance carries its category's closure checklist — awaiting review while it is
 * PENDING_ACCEPTANCE, accepted (before the acceptance passed) once it went further — and some
 * problems still in rectification have a before photo, a returned item with its reason and a
 * correction. Photos are real JPEGs with EXIF capture time and GPS a few dozen metres from the
 * problem's site; documents are one-page PDFs. Bytes go through the configured evidence storage.
 */

const DAY = 86_400_000;
const PHOTO_WIDTH = 640;
const PHOTO_HEIGHT = 480;
const PAST_APPLICATION = ["PENDING_ACCEPTANCE", "PUBLIC_NOTICE", "PENDING_SIGNOFF", "CLOSED"] as const;
const PHOTO_COLOURS: Partial<Record<EvidenceKind, string>> = { BEFORE_PHOTO: "#a09b8c", AFTER_PHOTO: "#86bde8" };
const KIND_TITLES: Record<EvidenceKind, string> = {
  BEFORE_PHOTO: "Before rectification",
  AFTER_PHOTO: "After rectification",
  MONITORING_REPORT: "Monitoring report",
  PENALTY_DECISION: "Administrative penalty decision",
  SHUTDOWN_CERTIFICATE: "Shutdown certificate",
  CONTRACT: "Disposal contract",
  MEETING_MINUTES: "Meeting minutes",
  OTHER: "Supporting material",
};
const FILE_NAMES: Record<EvidenceKind, string> = {
  BEFORE_PHOTO: "整改前现场照片.jpg",
  AFTER_PHOTO: "整改后现场照片.jpg",
  MONITORING_REPORT: "监测报告.pdf",
  PENALTY_DECISION: "行政处罚决定书.pdf",
  SHUTDOWN_CERTIFICATE: "关停证明.pdf",
  CONTRACT: "处置合同.pdf",
  MEETING_MINUTES: "专题会议纪要.pdf",
  OTHER: "佐证材料.pdf",
};

/** EXIF clock text of a moment, in Beijing time. */
function exifClock(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 4)}:${t.slice(5, 7)}:${t.slice(8, 10)} ${t.slice(11, 19)}`;
}

function dms(v: number): string {
  const a = Math.abs(v);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 1000);
  return `${d}/1 ${m}/1 ${s}/1000`;
}

/**
 * Shapes placed from a seed (the problem code, the kind and a salt): each demo scene differs, so
 * the perceptual hash tells the demo photos apart as it tells real scenes apart.
 */
function sceneShapes(seed: string): string {
  let h = 0x811c9dc5;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  const next = () => {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = (h ^ (h >>> 12)) >>> 0;
    return h / 0xffffffff;
  };
  let out = "";
  for (let i = 0; i < 14; i++) {
    const x = Math.round(next() * PHOTO_WIDTH) - 60;
    const y = Math.round(next() * 430) - 30;
    const grey = Math.round(20 + next() * 215);
    out += `<rect x="${x}" y="${y}" width="${40 + Math.round(next() * 160)}" height="${30 + Math.round(next() * 110)}" fill="rgb(${grey},${grey},${grey})"/>`;
  }
  return out;
}

export async function demoPhoto(
  kind: EvidenceKind,
  code: string,
  at: Date,
  gps: { lat: number; lng: number } | null,
  salt = 0,
): Promise<Buffer> {
  const colour = PHOTO_COLOURS[kind] ?? "#667";
  const label = `${code}  ${KIND_TITLES[kind]}  ${exifClock(at)}`;
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT}">` +
      `<rect x="0" y="300" width="${PHOTO_WIDTH}" height="180" fill="${kind === "AFTER_PHOTO" ? "#5c7f3c" : "#6b5536"}"/>` +
      `<circle cx="520" cy="100" r="48" fill="${kind === "AFTER_PHOTO" ? "#f6d65a" : "#b9b2a4"}"/>` +
      sceneShapes(`${code}:${kind}:${salt}`) +
      `<rect x="0" y="430" width="${PHOTO_WIDTH}" height="50" fill="rgba(0,0,0,0.55)"/>` +
      `<text x="18" y="463" font-family="sans-serif" font-size="20" fill="#fff">${label}</text></svg>`,
  );
  return sharp({ create: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3, background: colour } })
    .composite([{ input: svg }])
    .jpeg({ quality: 78 })
    .withExif({
      IFD0: { Make: "Field Phone", Model: "Rectify demo" },
      IFD2: { DateTimeOriginal: exifClock(at), OffsetTimeOriginal: "+08:00" },
      ...(gps && {
        IFD3: {
          GPSLatitudeRef: gps.lat >= 0 ? "N" : "S",
          GPSLatitude: dms(gps.lat),
          GPSLongitudeRef: gps.lng >= 0 ? "E" : "W",
          GPSLongitude: dms(gps.lng),
        },
      }),
    })
    .toBuffer();
}

/** A one-page PDF (Helvetica, ASCII text) with a correct cross-reference table. */
function pdf(lines: string[]): Buffer {
  const text = lines
    .map((l, i) => `BT /F1 ${i === 0 ? 18 : 12} Tf 60 ${760 - i * 28} Td (${l.replace(/[()\\]/g, "")}) Tj ET`)
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body);
}

/** A point `metres` away from the site, in a direction fixed by `salt` (so the demo is repeatable). */
function near(site: { lat: number; lng: number }, metres: number, salt: number): { lat: number; lng: number } {
  const angle = (salt * 137.5 * Math.PI) / 180;
  const dLat = (metres * Math.cos(angle)) / 111_320;
  const dLng = (metres * Math.sin(angle)) / (111_320 * Math.cos((site.lat * Math.PI) / 180));
  return { lat: Number((site.lat + dLat).toFixed(6)), lng: Number((site.lng + dLng).toFixed(6)) };
}

type Review = { decision: "ACCEPTED" | "RETURNED"; at: Date; reasonCode?: string; reason?: string };

export async function seedDemoEvidence(tx: Tx, opts: { now: Date }): Promise<{ evidence: number; reviews: number }> {
  const storage = evidenceStorage();
  const stored = await tx.setting.findUnique({ where: { key: CLOSURE_CHECKLIST_KEY } });
  const checklist = mergeClosureChecklist(stored?.value);
  const coordinator = await tx.user.findFirstOrThrow({ where: { role: "COORDINATOR" }, orderBy: { username: "asc" } });
  const officers = await tx.user.findMany({ where: { role: "FIELD_OFFICER", active: true }, orderBy: { username: "asc" } });
  const heads = await tx.user.findMany({ where: { role: "DIVISION_HEAD", active: true }, orderBy: { username: "asc" } });
  const problems = await tx.problem.findMany({
    where: { status: { in: [...PAST_APPLICATION, "RECTIFYING"] } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      status: true,
      category: true,
      districtId: true,
      leadUnitId: true,
      lat: true,
      lng: true,
      assignedAt: true,
      createdAt: true,
      transitions: { orderBy: { at: "asc" }, select: { action: true, at: true } },
    },
  });

  const rows: Prisma.EvidenceCreateManyInput[] = [];
  const reviews: Prisma.EvidenceReviewCreateManyInput[] = [];

  /** Files are made and stored in parallel batches after the plan is laid out; rows keep plan order. */
  const jobs: (() => Promise<void>)[] = [];
  const add = (
    p: (typeof problems)[number],
    kind: EvidenceKind,
    at: Date,
    salt: number,
    review: Review | null,
    supersedesId: string | null = null,
  ): string => {
    const id = randomUUID();
    const site = p.lat !== null && p.lng !== null ? { lat: Number(p.lat), lng: Number(p.lng) } : null;
    const isPhoto = kind === "BEFORE_PHOTO" || kind === "AFTER_PHOTO";
    const gps = isPhoto && site ? near(site, 20 + ((salt * 37) % 160), salt) : null;
    // Stored under the month it is loaded, like any upload (and where the start-up sweep looks).
    const key = evidenceStorageKey(id, opts.now);
    const uploader =
      officers.find((o) => o.districtId === p.districtId) ?? heads.find((h) => h.unitId === p.leadUnitId) ?? coordinator;
    const row: Prisma.EvidenceCreateManyInput = {
      id,
      problemId: p.id,
      kind,
      supersedesId,
      sha256: "",
      mime: isPhoto ? "image/jpeg" : "application/pdf",
      size: 0,
      originalName: FILE_NAMES[kind],
      storage: storage.backend,
      storageKey: key,
      thumbKey: null,
      width: isPhoto ? PHOTO_WIDTH : null,
      height: isPhoto ? PHOTO_HEIGHT : null,
      capturedAt: isPhoto ? at : null,
      capturedAtSource: isPhoto ? "EXIF" : null,
      lat: gps?.lat ?? null,
      lng: gps?.lng ?? null,
      gpsSource: gps ? "EXIF" : null,
      distanceMeters: gps && site ? Math.round(distanceMeters(site, gps)) : null,
      uploadedById: uploader.id,
      reviewStatus: review ? review.decision : "PENDING",
      reviewedAt: review?.at ?? null,
      createdAt: new Date(at.getTime() + 3_600_000),
    };
    rows.push(row);
    jobs.push(async () => {
      const bytes = isPhoto
        ? await demoPhoto(kind, p.code, at, gps, salt)
        : pdf([KIND_TITLES[kind], `Problem ${p.code}`, `Issued ${at.toISOString().slice(0, 10)}`, `Ref. ${id.slice(0, 8)}`]);
      row.sha256 = createHash("sha256").update(bytes).digest("hex");
      row.size = bytes.length;
      await storage.put(key, Readable.from([bytes]), { contentType: row.mime });
      if (isPhoto) {
        const thumb = await sharp(bytes).resize(THUMB_SIZE, THUMB_SIZE, { fit: "inside" }).webp({ quality: 72 }).toBuffer();
        row.thumbKey = thumbKeyOf(key);
        await storage.put(row.thumbKey, Readable.from([thumb]), { contentType: "image/webp" });
      }
    });
    if (review) {
      reviews.push({
        evidenceId: id,
        decision: review.decision,
        reasonCode: review.reasonCode ?? null,
        reason: review.reason ?? null,
        reviewerId: coordinator.id,
        at: review.at,
      });
    }
    return id;
  };

  let salt = 0;
  for (const p of problems) {
    const started = p.assignedAt ?? p.createdAt;
    const applied = [...p.transitions].reverse().find((t) => t.action === "APPLY_ACCEPTANCE")?.at ?? null;
    const passed = [...p.transitions].reverse().find((t) => t.action === "PASS_ACCEPTANCE")?.at ?? null;
    const beforeAt = new Date(started.getTime() + DAY);
    if (p.status === "RECTIFYING") {
      // A third of the problems in rectification have a before photo; some of those a returned item and its correction.
      if (salt++ % 3 !== 0) continue;
      add(p, "BEFORE_PHOTO", beforeAt, salt, { decision: "ACCEPTED", at: new Date(beforeAt.getTime() + 2 * DAY) });
      if (salt % 2 === 0) {
        const at = new Date(Math.min(opts.now.getTime() - 3 * DAY, beforeAt.getTime() + 20 * DAY));
        const returned = add(p, "AFTER_PHOTO", at, salt + 1, {
          decision: "RETURNED",
          at: new Date(at.getTime() + DAY),
          reasonCode: salt % 4 === 0 ? "NOT_ON_SITE" : "BLURRY",
          reason: salt % 4 === 0 ? "照片定位与问题点位不符，请在现场重新拍摄。" : "照片模糊，无法看清整改后的现场情况。",
        });
        if (salt % 4 === 0) add(p, "AFTER_PHOTO", new Date(at.getTime() + 2 * DAY), salt + 2, null, returned);
      }
      continue;
    }
    if (!applied) continue;
    const afterAt = new Date(applied.getTime() - 2 * DAY);
    const reviewAt = passed ? new Date(passed.getTime() - DAY) : null;
    for (const kind of checklist[p.category]) {
      const at = kind === "BEFORE_PHOTO" ? beforeAt : afterAt;
      add(p, kind, at, salt++, reviewAt && p.status !== "PENDING_ACCEPTANCE" ? { decision: "ACCEPTED", at: reviewAt } : null);
    }
  }
  for (let i = 0; i < jobs.length; i += 8) await Promise.all(jobs.slice(i, i + 8).map((job) => job()));
  // Rows in order, so a correction's row follows the row it supersedes.
  for (let i = 0; i < rows.length; i += 200) await tx.evidence.createMany({ data: rows.slice(i, i + 200) });
  await tx.evidenceReview.createMany({ data: reviews });
  return { evidence: rows.length, reviews: reviews.length };
}
