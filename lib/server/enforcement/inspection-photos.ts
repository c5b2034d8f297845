import "server-only";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { db } from "../../db";
import { contentDisposition, isImageMime } from "../../domain/evidence";
import { Forbidden, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { Locale } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { receiveUpload } from "../evidence/receive-upload";
import { evidenceStorage, storageFor } from "../evidence/storage";
import { makeThumbnail } from "../evidence/thumbnail";
import { getSettings } from "../settings/get-settings";
import { inspectionScope } from "./scope";

/** Inspection photos live beside the evidence, under keys of their own (`inspection/YYYY/MM/<uuid>`), out of the evidence sweep's way. */
export function inspectionPhotoKey(id: string, at: Date): string {
  return `inspection/${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, "0")}/${id}`;
}

export type InspectionPhotoDto = {
  id: string;
  name: string;
  hasThumb: boolean;
  sha256: string;
  size: number;
  capturedAt: string | null;
};

/**
 * `POST /api/v1/inspections/{id}/photos` (multipart `file`): a photo of a visible inspection, by
 * one of its inspectors or a coordinator, through the evidence pipeline — streamed to storage with
 * its SHA-256, type decided by content (images only here), pixel bomb and truncated JPEG refused,
 * EXIF time and place kept, a thumbnail made. The same bytes twice answer the photo already stored.
 */
export async function uploadInspectionPhoto(
  actor: Actor,
  inspectionId: string,
  req: Request,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<{ created: boolean; photo: InspectionPhotoDto }> {
  authorize(actor, "inspection.create");
  if (!isUuid(inspectionId)) throw new NotFound("Inspection not found");
  const inspection = await db.inspection.findFirst({
    where: { id: inspectionId, ...inspectionScope(actor) },
    select: { id: true, inspectors: { select: { userId: true } } },
  });
  if (!inspection) throw new NotFound("Inspection not found");
  if (actor.role === "FIELD_OFFICER" && !inspection.inspectors.some((i) => i.userId === actor.id)) {
    throw new Forbidden("只有参加检查的人员可以上传现场照片");
  }
  const settings = await getSettings();
  const storage = evidenceStorage();
  const id = randomUUID();
  const key = inspectionPhotoKey(id, new Date());
  const received = await receiveUpload(req, {
    storage,
    key,
    maxBytes: settings.evidenceMaxBytes,
    maxPixels: settings.evidenceMaxPixels,
    locale: opts.locale ?? "zh-CN",
  });
  const file = received.file;
  const dto = (p: {
    id: string;
    originalName: string;
    thumbKey: string | null;
    sha256: string;
    size: number;
    capturedAt: Date | null;
  }) => ({
    id: p.id,
    name: p.originalName,
    hasThumb: !!p.thumbKey,
    sha256: p.sha256,
    size: p.size,
    capturedAt: p.capturedAt?.toISOString() ?? null,
  });
  if (!isImageMime(file.mime)) {
    await storage.delete(key).catch(() => {});
    throw new Invalid({ file: ["现场照片须为图片（JPEG、PNG、WebP 或 HEIC）"] });
  }
  try {
    const existing = await db.inspectionPhoto.findUnique({
      where: { inspectionId_sha256: { inspectionId, sha256: file.sha256 } },
    });
    if (existing) {
      await storage.delete(key).catch(() => {});
      return { created: false, photo: dto(existing) };
    }
    const row = await db.$transaction(async (tx) => {
      const created = await tx.inspectionPhoto.create({
        data: {
          id,
          inspectionId,
          storageKey: key,
          backend: storage.backend,
          sha256: file.sha256,
          mime: file.mime,
          size: file.size,
          originalName: file.originalName,
          width: file.width,
          height: file.height,
          capturedAt: file.exif.capturedAt,
          lat: file.exif.lat,
          lng: file.exif.lng,
          uploadedById: actor.id,
        },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Inspection",
        entityId: inspectionId,
        action: "photo",
        after: { photoId: id, name: file.originalName, sha256: file.sha256, size: file.size },
        requestId: opts.requestId,
      });
      return created;
    });
    const thumbKey = await makeThumbnail(storage, key, file.mime, settings.evidenceMaxPixels).catch(() => null);
    if (thumbKey) await db.inspectionPhoto.update({ where: { id }, data: { thumbKey } });
    return { created: true, photo: dto({ ...row, thumbKey }) };
  } catch (e) {
    await storage.delete(key).catch(() => {});
    throw e;
  }
}

/** `GET /api/v1/inspections/{id}/photos/{photoId}?variant=thumb`: the photo (or its thumbnail) of a visible inspection, inline. */
export async function openInspectionPhoto(
  actor: Actor,
  inspectionId: string,
  photoId: string,
  variant: string | null,
): Promise<Response> {
  authorize(actor, "inspection.read");
  if (!isUuid(inspectionId) || !isUuid(photoId)) throw new NotFound("Photo not found");
  const photo = await db.inspectionPhoto.findFirst({
    where: { id: photoId, inspectionId, inspection: inspectionScope(actor) },
  });
  if (!photo) throw new NotFound("Photo not found");
  const thumb = variant === "thumb";
  if (thumb && !photo.thumbKey) throw new NotFound("No thumbnail");
  const storage = storageFor(photo.backend);
  const key = thumb ? (photo.thumbKey as string) : photo.storageKey;
  const stream = await storage.get(key);
  if (!stream) throw new NotFound("Stored file not found");
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": thumb ? "image/webp" : photo.mime,
      "Content-Disposition": contentDisposition(photo.originalName, true),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private",
    },
  });
}
