import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import { db, type Tx } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { distanceMeters, evidenceStorageKey, isImageMime, mergeCaptureFacts } from "../../domain/evidence";
import { BadRequest, Conflict, type Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type EvidenceDto, evidenceUploadFieldsSchema } from "../../schemas/evidence";
import { type Locale, localizeMessage } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { notify } from "../notifications/notify";
import { coordinators } from "../notifications/recipients";
import { problemScope } from "../problems/scope";
import { getSettings } from "../settings/get-settings";
import { messageText } from "../workflow/workflow-text";
import { evidenceInclude, toEvidenceDto } from "./evidence-dto";
import { evidenceText, invalidField, parseEvidenceInput } from "./evidence-text";
import { checkPhotoInBackground } from "./photo-check";
import { type ReceivedFile, receiveUpload } from "./receive-upload";
import { type EvidenceStorage, evidenceStorage } from "./storage";
import { derivePicture } from "./thumbnail";

export type UploadResult = { created: boolean; evidence: EvidenceDto };

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** The Idempotency-Key header: absent → null; present but not 1–200 visible ASCII characters → 400. */
export function idempotencyKeyOf(req: Request, locale: Locale): string | null {
  const raw = req.headers.get("idempotency-key");
  if (raw === null) return null;
  if (!IDEMPOTENCY_KEY.test(raw)) throw new BadRequest(evidenceText(locale, "refusal.idempotencyKeyInvalid"));
  return raw;
}

const problemSelect = { id: true, code: true, title: true, status: true, lat: true, lng: true } as const;

async function visibleProblem(tx: Tx, actor: Actor, problemId: string) {
  const problem = await tx.problem.findFirst({ where: { AND: [{ id: problemId }, problemScope(actor)] }, select: problemSelect });
  if (!problem) throw new NotFound("Problem not found");
  return problem;
}

function closedError(locale: Locale): Invalid {
  return invalidField("problemId", evidenceText(locale, "refusal.problemClosed"));
}

async function byIdempotencyKey(actor: Actor, key: string, problemId: string, locale: Locale) {
  const existing = await db.evidence.findUnique({
    where: { uploadedById_idempotencyKey: { uploadedById: actor.id, idempotencyKey: key } },
    include: evidenceInclude,
  });
  if (existing && existing.problemId !== problemId) {
    throw new Conflict(evidenceText(locale, "refusal.idempotencyKeyReused"));
  }
  return existing;
}

function uniqueTarget(e: unknown): string[] | null {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== "P2002") return null;
  const target = (e.meta as { target?: unknown } | undefined)?.target;
  if (Array.isArray(target)) return target.map(String);
  // The pg driver adapter reports the constraint in a nested shape; match on its text.
  return [JSON.stringify(e.meta ?? {})];
}

/**
 * Uploads one piece of evidence (佐证材料) to a visible problem, from a multipart/form-data request
 * (see `receiveUpload`). The bytes are stored first; then, in one transaction under the problem's
 * lock, the row, its audit entry and the coordinators' review notice are written. The same
 * Idempotency-Key from the same person, or the same bytes on the same problem, answer the
 * evidence already stored (`created: false`) and the new copy is deleted. Images get a thumbnail
 * afterwards. Anything refused or failed leaves neither a row nor a file.
 */
export async function uploadEvidence(
  actor: Actor,
  problemId: string,
  req: Request,
  opts: { locale?: Locale; requestId?: string; now?: Date; storage?: EvidenceStorage } = {},
): Promise<UploadResult> {
  const locale = opts.locale ?? "en";
  authorize(actor, "evidence.upload");
  if (!isUuid(problemId)) throw new NotFound("Problem not found");
  const idempotencyKey = idempotencyKeyOf(req, locale);

  // Cheap refusals before any byte is read.
  const problem = await visibleProblem(db, actor, problemId);
  if (idempotencyKey) {
    const existing = await byIdempotencyKey(actor, idempotencyKey, problemId, locale);
    if (existing) return { created: false, evidence: toEvidenceDto(existing, actor) };
  }
  if (problem.status === "CLOSED") throw closedError(locale);

  const settings = await getSettings();
  const storage = opts.storage ?? evidenceStorage();
  const now = opts.now ?? clockNow();
  const id = randomUUID();
  const key = evidenceStorageKey(id, now);
  const received = await receiveUpload(req, {
    storage,
    key,
    maxBytes: settings.evidenceMaxBytes,
    maxPixels: settings.evidenceMaxPixels,
    locale,
  });

  let outcome: { created: true } | { created: false; existingId: string };
  try {
    const fields = parseEvidenceInput(evidenceUploadFieldsSchema, received.fields, locale);
    outcome = await storeRow({
      actor,
      problemId,
      id,
      file: received.file,
      fields,
      backend: storage.backend,
      idempotencyKey,
      locale,
      requestId: opts.requestId,
      now,
    });
  } catch (e) {
    await storage.delete(key).catch(() => {});
    throw e;
  }
  if (!outcome.created) {
    await storage.delete(key).catch(() => {});
    const existing = await db.evidence.findUniqueOrThrow({ where: { id: outcome.existingId }, include: evidenceInclude });
    return { created: false, evidence: toEvidenceDto(existing, actor) };
  }

  // One read of the stored picture gives the thumbnail and the perceptual hash; the photo's
  // signals are computed after the answer. A failure keeps the evidence: the start-up backfill checks it.
  const derived = await derivePicture(storage, key, received.file.mime, settings.evidenceMaxPixels, {
    thumbnail: true,
  }).catch(() => null);
  if (derived?.thumbKey) await db.evidence.update({ where: { id }, data: { thumbKey: derived.thumbKey } });
  if (derived && isImageMime(received.file.mime)) checkPhotoInBackground(id, derived.hash, opts.requestId);
  const row = await db.evidence.findUniqueOrThrow({ where: { id }, include: evidenceInclude });
  return { created: true, evidence: toEvidenceDto(row, actor) };
}

type UploadFields = ReturnType<typeof evidenceUploadFieldsSchema.parse>;

type StoreInput = {
  actor: Actor;
  problemId: string;
  id: string;
  file: ReceivedFile;
  fields: UploadFields;
  backend: "LOCAL" | "S3";
  idempotencyKey: string | null;
  locale: Locale;
  requestId: string | undefined;
  now: Date;
};

/** The database half of an upload, after the bytes are stored: one transaction under the problem's lock. */
async function storeRow(input: StoreInput): Promise<{ created: true } | { created: false; existingId: string }> {
  const { actor, problemId, id, file, fields, backend, idempotencyKey, locale, requestId, now } = input;
  const duplicateOf = async (tx: Tx): Promise<string | null> => {
    if (idempotencyKey) {
      const byKey = await tx.evidence.findUnique({
        where: { uploadedById_idempotencyKey: { uploadedById: actor.id, idempotencyKey } },
        select: { id: true, problemId: true },
      });
      if (byKey && byKey.problemId !== problemId) throw new Conflict(evidenceText(locale, "refusal.idempotencyKeyReused"));
      if (byKey) return byKey.id;
    }
    const bySha = await tx.evidence.findUnique({
      where: { problemId_sha256: { problemId, sha256: file.sha256 } },
      select: { id: true },
    });
    return bySha?.id ?? null;
  };

  try {
    return await db.$transaction(async (tx) => {
      // The problem's row lock first: uploads to one problem commit one after another, and its status is read under the lock.
      await tx.$queryRaw`SELECT 1 FROM "Problem" WHERE id = ${problemId}::uuid FOR UPDATE`;
      const problem = await visibleProblem(tx, actor, problemId);
      const existingId = await duplicateOf(tx);
      if (existingId) return { created: false as const, existingId };
      if (problem.status === "CLOSED") throw closedError(locale);

      const measure = fields.measureId
        ? await tx.measure.findFirst({ where: { id: fields.measureId, problemId }, select: { id: true } })
        : null;
      if (fields.measureId && !measure) {
        throw invalidField("measureId", localizeMessage("v.unknownMeasure", locale));
      }
      if (fields.supersedesId) {
        const earlier = await tx.evidence.findFirst({
          where: { id: fields.supersedesId, problemId },
          select: { id: true, supersededBy: { select: { id: true } } },
        });
        if (!earlier) throw invalidField("supersedesId", evidenceText(locale, "validation.unknownSupersedes"));
        if (earlier.supersededBy) throw invalidField("supersedesId", evidenceText(locale, "refusal.alreadySuperseded"));
      }

      const facts = mergeCaptureFacts(file.exif, {
        capturedAt: fields.capturedAt ? new Date(fields.capturedAt) : null,
        lat: fields.lat ?? null,
        lng: fields.lng ?? null,
      });
      const distance =
        facts.lat !== null && facts.lng !== null && problem.lat !== null && problem.lng !== null
          ? distanceMeters({ lat: facts.lat, lng: facts.lng }, { lat: Number(problem.lat), lng: Number(problem.lng) })
          : null;

      const row = await tx.evidence.create({
        data: {
          id,
          problemId,
          measureId: measure?.id ?? null,
          kind: fields.kind,
          supersedesId: fields.supersedesId ?? null,
          sha256: file.sha256,
          mime: file.mime,
          size: file.size,
          originalName: file.originalName,
          storage: backend,
          storageKey: file.key,
          width: file.width,
          height: file.height,
          capturedAt: facts.capturedAt,
          capturedAtSource: facts.capturedAtSource,
          lat: facts.lat,
          lng: facts.lng,
          gpsSource: facts.gpsSource,
          distanceMeters: distance,
          software: file.exif.software,
          idempotencyKey,
          uploadedById: actor.id,
          createdAt: now,
        },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Evidence",
        entityId: row.id,
        action: "upload",
        after: {
          problemId,
          measureId: row.measureId,
          kind: row.kind,
          sha256: row.sha256,
          mime: row.mime,
          size: row.size,
          originalName: row.originalName,
          supersedesId: row.supersedesId,
          capturedAt: row.capturedAt,
          capturedAtSource: row.capturedAtSource,
          gpsSource: row.gpsSource,
          distanceMeters: row.distanceMeters,
          software: row.software,
        },
        requestId,
      });
      const reviewers = (await coordinators(tx)).filter((u) => u !== actor.id);
      await notify(tx, {
        recipients: reviewers,
        kind: "evidence.submitted",
        problemId,
        link: `/problems/${problemId}`,
        // One notice per problem and day: the review queue holds every item, the inbox only says where to look.
        dedupeKey: `evidence.submitted:${problemId}:${formatCalendarDate(bureauToday(now))}`,
        text: (l) => ({
          title: evidenceText(l, "notice.submittedTitle", { code: problem.code }),
          body: evidenceText(l, "notice.submittedBody", {
            uploader: actor.displayName,
            kind: messageText(l, `enums.evidenceKind.${row.kind}`),
            name: row.originalName,
            code: problem.code,
            title: problem.title,
          }),
        }),
      });
      return { created: true as const };
    });
  } catch (e) {
    const target = uniqueTarget(e);
    if (!target) throw e;
    // A concurrent upload won the race: answer what it stored.
    if (target.some((t) => t.includes("supersedesId"))) {
      throw invalidField("supersedesId", evidenceText(locale, "refusal.alreadySuperseded"));
    }
    const existingId = await duplicateOf(db as unknown as Tx);
    if (existingId) return { created: false, existingId };
    throw e;
  }
}
