import "server-only";
import { createHash } from "node:crypto";
import { Readable, Transform } from "node:stream";
import { db } from "../../db";
import { contentDisposition, isImageMime } from "../../domain/evidence";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { evidenceFileQuerySchema } from "../../schemas/evidence";
import type { Locale } from "../../schemas/parse";
import { findVisibleEvidence } from "./evidence-dto";
import { evidenceText, invalidField, parseEvidenceInput } from "./evidence-text";
import { storageFor } from "./storage";

function thumbName(name: string): string {
  const dot = name.lastIndexOf(".");
  return `${dot > 0 ? name.slice(0, dot) : name}-thumb.webp`;
}

/**
 * A pass-through that checks the bytes against the recorded size and SHA-256 while they are sent.
 * The hash is known only at the end, so a changed file cannot be refused before it is sent; instead
 * the download is broken off (the client never receives a complete file that passes as the
 * original) and the evidence is marked as failing its integrity check.
 */
function integrityCheck(expected: { sha256: string; size: number }, onMismatch: () => void): Transform {
  const hash = createHash("sha256");
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > expected.size) {
        onMismatch();
        return cb(new Error("stored file is larger than recorded"));
      }
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      if (size !== expected.size || hash.digest("hex") !== expected.sha256) {
        onMismatch();
        return cb(new Error("stored file does not match its SHA-256"));
      }
      cb();
    },
  });
}

/**
 * The stored bytes of a visible piece of evidence (or `variant=thumb`, its thumbnail) as a download:
 * the type decided at upload, `nosniff`, an attachment with the cleaned original name; `inline=1`
 * only for images (previews). Originals are checked against their SHA-256 as they stream.
 */
export async function openEvidenceFile(
  actor: Actor,
  id: string,
  rawQuery: unknown,
  opts: { locale?: Locale } = {},
): Promise<Response> {
  const locale = opts.locale ?? "en";
  authorize(actor, "evidence.read");
  const query = parseEvidenceInput(evidenceFileQuerySchema, rawQuery, locale);
  const row = await findVisibleEvidence(db, actor, id);
  const thumb = query.variant === "thumb";
  if (thumb && !row.thumbKey) throw new NotFound(evidenceText(locale, "refusal.variantMissing"));
  const mime = thumb ? "image/webp" : row.mime;
  const inline = query.inline === "1";
  if (inline && !isImageMime(mime)) throw invalidField("inline", evidenceText(locale, "refusal.inlineNotImage"));

  const storage = storageFor(row.storage);
  const key = thumb ? (row.thumbKey as string) : row.storageKey;
  const head = await storage.head(key);
  const stream = head ? await storage.get(key) : null;
  if (!head || !stream) throw new NotFound("Stored file not found");

  let body: Readable = stream;
  if (!thumb) {
    const check = integrityCheck({ sha256: row.sha256, size: row.size }, () => {
      void db.evidence.update({ where: { id: row.id }, data: { verifiedAt: new Date(), verifiedOk: false } }).catch(() => {});
    });
    stream.on("error", (e) => check.destroy(e));
    body = stream.pipe(check);
  }
  const headers = new Headers({
    "Content-Type": mime,
    "Content-Length": String(thumb ? head.size : row.size),
    "Content-Disposition": contentDisposition(thumb ? thumbName(row.originalName) : row.originalName, inline),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private",
  });
  if (!thumb) headers.set("ETag", `"${row.sha256}"`);
  return new Response(Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>, { status: 200, headers });
}
