import { EVIDENCE_MIMES } from "../../domain/evidence";
import {
  evidenceFileQuerySchema,
  evidenceLastCheckSchema,
  evidenceListSchema,
  evidenceReviewSchema,
  evidenceSchema,
  evidenceUploadBodySchema,
  evidenceVerifySchema,
  reviewStatsQuerySchema,
  reviewStatsSchema,
} from "../../schemas/evidence";
import { errors, idParam, json, queryParameters, ref } from "./helpers";

const idempotencyHeader = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "1–200 visible ASCII characters. The same key from the same person answers the evidence already stored (200) instead of storing it again",
  schema: { type: "string", maxLength: 200 },
};

const binary = { type: "string", format: "binary" };

/** Evidence (佐证材料): upload, list, download, review, integrity check and review statistics. */
export function evidencePaths(): Record<string, unknown> {
  return {
    "/api/v1/problems/{id}/evidence": {
      get: {
        summary: "The problem's evidence, current and superseded versions, newest first",
        parameters: [idParam],
        responses: { "200": { description: "Evidence", content: json(ref(evidenceListSchema)) }, ...errors(401, 404) },
      },
      post: {
        summary:
          "Upload one piece of evidence as multipart/form-data: exactly one `file` part plus the fields. The type is decided from the bytes " +
          "(JPEG, PNG, WebP, HEIC/HEIF, MP4, MOV, PDF, DOCX, XLSX), never from the name; size and pixel caps come from the settings " +
          "(`evidenceMaxBytes`, `evidenceMaxPixels`). EXIF capture time and GPS win over the device's `capturedAt`/`lat`/`lng`. " +
          "Identical bytes on the same problem, or a repeated Idempotency-Key, answer the existing evidence with 200. " +
          "Closed problems take no new evidence. `supersedesId` uploads a corrected version; the earlier one is kept",
        parameters: [idParam, idempotencyHeader],
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: ref(evidenceUploadBodySchema),
              encoding: { file: { contentType: EVIDENCE_MIMES.join(", ") } },
            },
          },
        },
        responses: {
          "201": { description: "Stored", content: json(ref(evidenceSchema)) },
          "200": { description: "Already stored (same bytes or same Idempotency-Key)", content: json(ref(evidenceSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
          "413": {
            description: "The file is over the size cap, or the image over the pixel cap",
            content: json({ $ref: "#/components/schemas/Error" }),
          },
          "415": {
            description: "The bytes are not of an accepted type (e.g. HTML or SVG named .jpg, an executable)",
            content: json({ $ref: "#/components/schemas/Error" }),
          },
          "507": {
            description:
              "`STORAGE_FULL`: the evidence store has no room — the budget `EVIDENCE_MAX_STORE_BYTES` is spent, or the disk or " +
              "bucket is full. Nothing was stored or recorded",
            content: json({ $ref: "#/components/schemas/Error" }),
          },
        },
      },
    },
    "/api/v1/evidence/{id}": {
      get: {
        summary: "One piece of evidence",
        parameters: [idParam],
        responses: { "200": { description: "Evidence", content: json(ref(evidenceSchema)) }, ...errors(401, 404) },
      },
    },
    "/api/v1/evidence/{id}/file": {
      get: {
        summary:
          "The stored bytes as an attachment (`Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`, the type decided at upload); " +
          "`variant=thumb` the 320 px WebP thumbnail; `inline=1` only for images. Originals are checked against their SHA-256 while streaming: " +
          "a changed file breaks off the download and is marked as failing verification",
        parameters: [idParam, ...queryParameters(evidenceFileQuerySchema)],
        responses: {
          "200": {
            description: "The file",
            content: Object.fromEntries([...EVIDENCE_MIMES, "image/webp"].map((m) => [m, { schema: binary }])),
          },
          ...errors(401, 404, 422),
        },
      },
    },
    "/api/v1/evidence/{id}/review": {
      post: {
        summary:
          "Accept or return the current version of a piece of evidence (coordinator). A return needs `reasonCode` and `reason`, and notifies the uploader. Stale `version` → 409",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(evidenceReviewSchema)) },
        responses: {
          "200": { description: "Reviewed", content: json(ref(evidenceSchema)) },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/api/v1/evidence/{id}/verify": {
      get: {
        summary: "The last recorded integrity check (reads only; `ok: null` when never checked)",
        parameters: [idParam],
        responses: { "200": { description: "Last check", content: json(ref(evidenceLastCheckSchema)) }, ...errors(401, 404) },
      },
      post: {
        summary:
          "Re-read the stored bytes and compare their SHA-256 with the one computed at upload; records the check. A missing file is `ok: false`. Coordinators, leaders and administrators; at most EVIDENCE_VERIFY_PER_MINUTE per person (429)",
        parameters: [idParam],
        responses: {
          "200": { description: "Result", content: json(ref(evidenceVerifySchema)) },
          ...errors(401, 403, 404, 429),
        },
      },
    },
    "/api/v1/evidence/review-stats": {
      get: {
        summary:
          "Why proof gets sent back: review decisions in the period (Asia/Shanghai days, inclusive) by reason code, district and lead unit, within your scope",
        parameters: queryParameters(reviewStatsQuerySchema),
        responses: { "200": { description: "Statistics", content: json(ref(reviewStatsSchema)) }, ...errors(401, 422) },
      },
    },
  };
}
