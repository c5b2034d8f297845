import "server-only";
import { randomUUID } from "node:crypto";
import { clockNow } from "../../clock";
import { db, type Tx } from "../../db";
import { CLOSURE_STAGES, type ClosureStageName } from "../../domain/bottom-line";
import { bureauToday } from "../../domain/calendar";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { Locale } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { closedChemicalWhere } from "../closed-enterprises/closed-enterprise-dto";
import { receiveUpload } from "../evidence/receive-upload";
import { type EvidenceStorage, evidenceStorage } from "../evidence/storage";
import { derivePicture } from "../evidence/thumbnail";
import { getSettings } from "../settings/get-settings";
import { districtScope } from "./scope";
import { blInvalid } from "./text";

export type BottomLineFileDto = {
  id: string;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
  hasThumb: boolean;
};

type Opts = { locale?: Locale; requestId?: string; now?: Date; storage?: EvidenceStorage };

/** Server-made key of a bottom-line file, apart from the evidence keys (whose orphan sweep must not see these). */
function fileKey(id: string, at: Date): string {
  return `bottom-line/${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, "0")}/${id}`;
}

/**
 * Streams one file in through the evidence pipeline (type by content against the allow-list, size
 * and pixel caps, SHA-256 while streaming), then writes its row and audit entry with `attach`
 * (which resolves and checks the owner from the form fields); a refusal anywhere removes the bytes.
 * Images get a thumbnail afterwards.
 */
async function receiveFile(
  actor: Actor,
  req: Request,
  opts: Opts,
  attach: (
    tx: Tx,
    fields: Record<string, string>,
  ) => Promise<{ resultId?: string; stageId?: string; audit: { entityType: string; entityId: string } }>,
): Promise<BottomLineFileDto> {
  const locale = opts.locale ?? "en";
  const settings = await getSettings();
  const storage = opts.storage ?? evidenceStorage();
  const now = opts.now ?? clockNow();
  const id = randomUUID();
  const key = fileKey(id, now);
  const received = await receiveUpload(req, {
    storage,
    key,
    maxBytes: settings.evidenceMaxBytes,
    maxPixels: settings.evidenceMaxPixels,
    locale,
  });
  try {
    await db.$transaction(async (tx) => {
      const owner = await attach(tx, received.fields);
      const f = received.file;
      await tx.bottomLineFile.create({
        data: {
          id,
          resultId: owner.resultId ?? null,
          stageId: owner.stageId ?? null,
          storage: storage.backend,
          storageKey: key,
          originalName: f.originalName,
          mime: f.mime,
          size: f.size,
          sha256: f.sha256,
          capturedAt: f.exif.capturedAt,
          latitude: f.exif.lat,
          longitude: f.exif.lng,
          uploadedById: actor.id,
        },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        ...owner.audit,
        action: "file-upload",
        after: { fileId: id, name: f.originalName, sha256: f.sha256, size: f.size },
        requestId: opts.requestId,
      });
    });
  } catch (e) {
    await storage.delete(key).catch(() => {});
    throw e;
  }
  const derived = await derivePicture(storage, key, received.file.mime, settings.evidenceMaxPixels, { thumbnail: true }).catch(
    () => null,
  );
  if (derived?.thumbKey) await db.bottomLineFile.update({ where: { id }, data: { thumbKey: derived.thumbKey } });
  const f = received.file;
  return { id, originalName: f.originalName, mime: f.mime, size: f.size, sha256: f.sha256, hasThumb: !!derived?.thumbKey };
}

/** A photo of one checklist item of a checked target (multipart: `itemId`, `file`), by whoever may check it. */
export async function uploadSweepPhoto(
  actor: Actor,
  sweepId: string,
  targetId: string,
  req: Request,
  opts: Opts = {},
): Promise<BottomLineFileDto> {
  authorize(actor, "sweep.check");
  const locale = opts.locale ?? "en";
  if (!isUuid(sweepId) || !isUuid(targetId)) throw new NotFound("Target not found");
  const where = { id: targetId, sweepId, ...districtScope(actor) };
  if (!(await db.sweepTarget.findFirst({ where, select: { id: true } }))) throw new NotFound("Target not found");
  return receiveFile(actor, req, opts, async (tx, fields) => {
    const itemId = fields.itemId ?? "";
    const result = isUuid(itemId)
      ? await tx.sweepItemResult.findFirst({ where: { targetId, itemId, target: where }, select: { id: true } })
      : null;
    if (!result) throw blInvalid(locale, "itemId", "unknownResult");
    return { resultId: result.id, audit: { entityType: "SweepTarget", entityId: targetId } };
  });
}

/** A document or photo of a recorded closure stage (multipart: `file`). */
export async function uploadStageFile(
  actor: Actor,
  enterpriseId: string,
  stage: string,
  req: Request,
  opts: Opts = {},
): Promise<BottomLineFileDto> {
  authorize(actor, "closedEnterprise.record");
  const locale = opts.locale ?? "en";
  if (!isUuid(enterpriseId)) throw new NotFound("Enterprise not found");
  const years = (await getSettings()).closedChemicalYears;
  const visible = { AND: [{ id: enterpriseId }, closedChemicalWhere(actor, bureauToday(opts.now), years)] };
  if (!(await db.enterprise.findFirst({ where: visible, select: { id: true } }))) throw new NotFound("Enterprise not found");
  if (!(CLOSURE_STAGES as readonly string[]).includes(stage)) throw new NotFound("Stage not found");
  return receiveFile(actor, req, opts, async (tx) => {
    const record = await tx.closureStageRecord.findUnique({
      where: { enterpriseId_stage: { enterpriseId, stage: stage as ClosureStageName } },
      select: { id: true },
    });
    if (!record) throw blInvalid(locale, "stage", "stageNotRecorded");
    return { stageId: record.id, audit: { entityType: "Enterprise", entityId: enterpriseId } };
  });
}
