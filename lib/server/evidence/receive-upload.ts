import "server-only";
import { createHash } from "node:crypto";
import { PassThrough, Readable, Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import exifr from "exifr";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { acceptedMime, cleanOriginalName, isImageMime, ORIGINAL_NAME_MAX, parseExifDateTime } from "../../domain/evidence";
import { JpegScanner } from "../../domain/jpeg-scan";
import { isStorageFullError } from "../../domain/store-budget";
import { AppError, BadRequest } from "../../errors";
import type { Locale } from "../../schemas/parse";
import { checkZipLimits, readZipDirectory, type ZipLimits, ZipRefused } from "../office/zip-directory";
import { messageText } from "../workflow/workflow-text";
import { evidenceText, formatBytes, invalidField, tooLarge, unsupportedType } from "./evidence-text";
import type { EvidenceStorage } from "./storage";
import { remainingStoreBytes, storageFull } from "./storage/budget";

/** Bytes kept in memory from the start of the file: enough to tell its type, read EXIF and image headers. */
export const HEAD_BYTES = 256 * 1024;
/** Office documents (DOCX, XLSX) are ZIP archives: what they may unpack to. */
export const OFFICE_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxUnpackedBytes: 256 * 1024 * 1024 };
const OFFICE_MIMES = new Set([
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
]);
/** The end of the file kept in memory for an office document: where its ZIP directory is. */
const TAIL_BYTES = 256 * 1024;

/** Room for the multipart framing and the text fields on top of the file itself. */
const FORM_OVERHEAD = 64 * 1024;

export type ExifFacts = {
  capturedAt: Date | null;
  lat: number | null;
  lng: number | null;
  /** EXIF Software / ProcessingSoftware, else XMP CreatorTool: the program that wrote the file. */
  software: string | null;
};

export type ReceivedFile = {
  key: string;
  size: number;
  sha256: string;
  mime: string;
  originalName: string;
  width: number | null;
  height: number | null;
  exif: ExifFacts;
};

export type ReceivedUpload = { fields: Record<string, string>; file: ReceivedFile };

export type ReceiveOptions = {
  storage: EvidenceStorage;
  /** The server-made key the file is stored under. */
  key: string;
  maxBytes: number;
  maxPixels: number;
  locale: Locale;
};

const NO_EXIF: ExifFacts = { capturedAt: null, lat: null, lng: null, software: null };

/** Longest software tag kept. */
const SOFTWARE_MAX = 200;

function softwareText(...values: unknown[]): string | null {
  for (const v of values) {
    // Control characters out (a tag is shown to reviewers), whitespace squeezed.
    const text =
      typeof v === "string"
        ? v
            // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
            .replace(/[\u0000-\u001f\u007f]/g, " ")
            .replace(/\s+/g, " ")
            .trim()
        : "";
    if (text) return text.slice(0, SOFTWARE_MAX);
  }
  return null;
}

/** XMP CreatorTool, parsed apart so a malformed XMP packet cannot cost the EXIF facts. */
async function readCreatorTool(head: Buffer): Promise<string | null> {
  try {
    const x = (await exifr.parse(head, { tiff: false, xmp: true, mergeOutput: true })) as Record<string, unknown> | undefined;
    return softwareText(x?.CreatorTool);
  } catch {
    return null;
  }
}

/** Capture time and position from the file's EXIF (in the head); anything unreadable is simply absent. */
export async function readExif(head: Buffer): Promise<ExifFacts> {
  try {
    const x = (await exifr.parse(head, {
      tiff: true,
      exif: true,
      gps: true,
      interop: false,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      reviveValues: false,
      translateValues: false,
    })) as Record<string, unknown> | undefined;
    const creatorTool = await readCreatorTool(head);
    if (!x) return { ...NO_EXIF, software: creatorTool };
    const lat = typeof x.latitude === "number" && Number.isFinite(x.latitude) ? x.latitude : null;
    const lng = typeof x.longitude === "number" && Number.isFinite(x.longitude) ? x.longitude : null;
    return {
      capturedAt: parseExifDateTime(x.DateTimeOriginal ?? x.CreateDate, x.OffsetTimeOriginal ?? x.OffsetTime),
      lat,
      lng,
      software: softwareText(x.Software, x.ProcessingSoftware) ?? creatorTool,
    };
  } catch {
    return NO_EXIF;
  }
}

/** Width and height from an image header, without decoding the pixels; null when the head does not tell. */
async function imageSize(head: Buffer): Promise<{ width: number; height: number } | null> {
  try {
    const m = await sharp(head, { limitInputPixels: false, failOn: "none" }).metadata();
    return m.width && m.height ? { width: m.width, height: m.height } : null;
  } catch {
    return null;
  }
}

const megapixels = (n: number) => (Math.round(n / 100_000) / 10).toString();

/**
 * Reads a multipart/form-data upload from the request body stream: the text fields and exactly
 * one file part named `file`. The file is never held in memory: while it streams the SHA-256 and
 * the byte count are computed and only its first 256 KiB are kept, from which its type is decided
 * (by content, against the allow-list), its EXIF read and, for images, its pixel count checked —
 * before any byte is stored. Accepted bytes stream to `opts.key`. Any refusal aborts the upload
 * and removes whatever was written, so a refused upload leaves no file.
 */
export async function receiveUpload(req: Request, opts: ReceiveOptions): Promise<ReceivedUpload> {
  const { locale } = opts;
  const t = (path: string, params?: Record<string, string | number>) => evidenceText(locale, path, params);
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) throw new BadRequest(t("refusal.notMultipart"));
  if (!req.body) throw invalidField("file", t("refusal.noFile"));
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > opts.maxBytes + FORM_OVERHEAD) {
    throw tooLarge(t("refusal.tooLarge", { max: formatBytes(opts.maxBytes) }));
  }
  // The store's budget (EVIDENCE_MAX_STORE_BYTES): refused before any byte is read when the
  // declared body cannot fit, and while streaming once the file outgrows what is left.
  const budget = await remainingStoreBytes();
  if (budget !== null && (budget === 0 || (Number.isFinite(declared) && declared > budget + FORM_OVERHEAD))) {
    throw storageFull(locale, "budget");
  }

  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: { "content-type": contentType },
      preservePath: true,
      defParamCharset: "utf8",
      limits: {
        fileSize: opts.maxBytes + 1,
        files: 1,
        fields: 12,
        fieldSize: 2048,
        fieldNameSize: 100,
        parts: 16,
        headerPairs: 20,
      },
    });
  } catch {
    throw new BadRequest(t("refusal.malformed"));
  }
  const source = Readable.fromWeb(req.body as unknown as NodeWebReadableStream<Uint8Array>);

  return new Promise<ReceivedUpload>((resolve, reject) => {
    const fields: Record<string, string> = Object.create(null);
    let settled = false;
    let fileWork: Promise<ReceivedFile> | null = null;
    let abortFile: (() => void) | null = null;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(bb);
      source.destroy();
      abortFile?.();
      const done = fileWork
        ? fileWork.then(
            () => {},
            () => {},
          )
        : Promise.resolve();
      void done
        .then(() => opts.storage.delete(opts.key))
        .catch(() => {})
        .then(() => reject(error));
    };

    bb.on("field", (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) return fail(invalidField(name, t("refusal.fieldTooLong", { name })));
      fields[name] = value;
    });
    bb.on("file", (name, file, info) => {
      if (settled) return void file.resume();
      if (name !== "file") {
        file.resume();
        return fail(invalidField(name, t("refusal.unknownPart", { name })));
      }
      const checked = cleanOriginalName(info.filename);
      if (!checked.ok) {
        file.resume();
        const message =
          checked.reason === "tooLong"
            ? t("refusal.nameTooLong", { max: ORIGINAL_NAME_MAX })
            : checked.reason === "control"
              ? t("refusal.nameControl")
              : checked.reason === "path"
                ? t("refusal.namePath")
                : t("refusal.nameEmpty");
        return fail(invalidField("file", message));
      }
      const work = receiveFile(file, checked.name, opts, budget, t);
      abortFile = work.abort;
      fileWork = work.done;
      fileWork.catch(fail);
    });
    bb.on("filesLimit", () => fail(invalidField("file", t("refusal.twoFiles"))));
    bb.on("fieldsLimit", () => fail(new BadRequest(t("refusal.malformed"))));
    bb.on("partsLimit", () => fail(new BadRequest(t("refusal.malformed"))));
    bb.on("error", () => fail(new BadRequest(t("refusal.malformed"))));
    bb.on("close", () => {
      if (settled) return;
      if (!fileWork) return fail(invalidField("file", t("refusal.noFile")));
      fileWork.then((file) => {
        if (settled) return;
        settled = true;
        resolve({ fields: { ...fields }, file });
      }, fail);
    });
    source.on("error", () => fail(new BadRequest(t("refusal.malformed"))));
    source.pipe(bb);
  });
}

/** Streams one file part: meter (hash, count, cap) → head → type decision → storage. */
function receiveFile(
  file: Readable,
  originalName: string,
  opts: ReceiveOptions,
  budget: number | null,
  t: (path: string, params?: Record<string, string | number>) => string,
): { done: Promise<ReceivedFile>; abort: () => void } {
  const hash = createHash("sha256");
  let size = 0;
  const head: Buffer[] = [];
  let headLength = 0;
  let out: PassThrough | null = null;
  let put: Promise<number> | null = null;
  let mime = "";
  let dims: { width: number; height: number } | null = null;
  let exif: ExifFacts = NO_EXIF;

  const security = (path: string, params?: Record<string, string | number>) =>
    messageText(opts.locale, `security.refusal.${path}`, params);
  // JPEG: the frame header is found wherever it is in the stream, and the end marker must come.
  const jpeg = new JpegScanner();
  let pixelsChecked = false;
  const checkJpegPixels = (): AppError | null => {
    if (pixelsChecked || mime !== "image/jpeg" || jpeg.width === null || jpeg.height === null) return null;
    pixelsChecked = true;
    dims = { width: jpeg.width, height: jpeg.height };
    const pixels = jpeg.width * jpeg.height;
    return pixels > opts.maxPixels
      ? tooLarge(t("refusal.tooManyPixels", { pixels: megapixels(pixels), max: megapixels(opts.maxPixels) }))
      : null;
  };
  let tail = Buffer.alloc(0);

  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > opts.maxBytes) return cb(tooLarge(t("refusal.tooLarge", { max: formatBytes(opts.maxBytes) })));
      if (budget !== null && size > budget) return cb(storageFull(opts.locale, "budget"));
      hash.update(chunk);
      jpeg.push(chunk);
      const refused = checkJpegPixels();
      if (refused) return cb(refused);
      if (!mime || OFFICE_MIMES.has(mime)) {
        const joined = Buffer.concat([tail, chunk]);
        tail = joined.length <= TAIL_BYTES ? joined : Buffer.from(joined.subarray(-TAIL_BYTES));
      }
      cb(null, chunk);
    },
  });

  /** After the last byte: a JPEG must have a frame header and an end; an office file's ZIP directory must be within limits. */
  const checkComplete = (): void => {
    if (mime === "image/jpeg") {
      if (jpeg.broken || !jpeg.ended) throw invalidField("file", security("truncatedImage"));
      if (jpeg.width === null || !jpeg.width || !jpeg.height) throw invalidField("file", security("unreadableImage"));
    }
    if (OFFICE_MIMES.has(mime)) {
      let entries: ReturnType<typeof readZipDirectory>;
      try {
        entries = readZipDirectory(tail, size);
        checkZipLimits(entries, { ...OFFICE_ZIP_LIMITS, maxUnpackedBytes: Number.MAX_SAFE_INTEGER });
      } catch (e) {
        if (!(e instanceof ZipRefused)) throw e;
        if (e.reason === "too-many-entries") {
          throw tooLarge(
            security("officeTooManyEntries", { count: `> ${OFFICE_ZIP_LIMITS.maxEntries}`, max: OFFICE_ZIP_LIMITS.maxEntries }),
          );
        }
        throw invalidField("file", security("officeDamaged"));
      }
      const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
      if (unpacked > OFFICE_ZIP_LIMITS.maxUnpackedBytes) {
        throw tooLarge(
          security("officeTooLarge", { size: formatBytes(unpacked), max: formatBytes(OFFICE_ZIP_LIMITS.maxUnpackedBytes) }),
        );
      }
    }
  };

  const decide = async (): Promise<void> => {
    const buf = Buffer.concat(head);
    head.length = 0;
    const sniffed = await fileTypeFromBuffer(buf);
    const accepted = acceptedMime(sniffed);
    if (!accepted) throw unsupportedType(t("refusal.typeNotAllowed"));
    mime = accepted;
    if (mime === "image/jpeg") {
      const refused = checkJpegPixels();
      if (refused) throw refused;
      exif = await readExif(buf);
    } else if (isImageMime(mime)) {
      dims = await imageSize(buf);
      if (dims && dims.width * dims.height > opts.maxPixels) {
        throw tooLarge(
          t("refusal.tooManyPixels", { pixels: megapixels(dims.width * dims.height), max: megapixels(opts.maxPixels) }),
        );
      }
      exif = await readExif(buf);
    }
    const stream = new PassThrough();
    out = stream;
    put = opts.storage.put(opts.key, stream, { contentType: mime });
    put.catch((e: unknown) => sink.destroy(e instanceof Error ? e : new Error(String(e))));
    stream.write(buf);
  };

  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (!out) {
        head.push(chunk);
        headLength += chunk.length;
        if (headLength < HEAD_BYTES) return cb();
        decide().then(() => cb(), cb);
        return;
      }
      if (out.write(chunk)) cb();
      else out.once("drain", () => cb());
    },
    final(cb) {
      (async () => {
        if (size === 0) throw invalidField("file", t("refusal.emptyFile"));
        if (!out) await decide();
        checkComplete();
        out?.end();
        const written = await put;
        if (written !== size) throw new Error("stored byte count differs from the bytes received");
      })().then(() => cb(), cb);
    },
  });

  const abort = () => {
    const e = new Error("upload aborted");
    out?.destroy(e);
    sink.destroy(e);
    file.resume();
  };

  const done = (async (): Promise<ReceivedFile> => {
    try {
      await pipeline(file, meter, sink);
    } catch (e) {
      (out as PassThrough | null)?.destroy();
      await (put as Promise<number> | null)?.catch(() => {});
      await opts.storage.delete(opts.key).catch(() => {});
      // A disk or bucket without room (ENOSPC, EDQUOT, S3 507/EntityTooLarge…) is a clean refusal, not a crash.
      throw !(e instanceof AppError) && isStorageFullError(e) ? storageFull(opts.locale, "device") : e;
    }
    const d = dims as { width: number; height: number } | null;
    return {
      key: opts.key,
      size,
      sha256: hash.digest("hex"),
      mime,
      originalName,
      width: d?.width ?? null,
      height: d?.height ?? null,
      exif,
    };
  })();
  return { done, abort };
}
