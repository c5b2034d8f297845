import "server-only";
import { Readable } from "node:stream";
import busboy from "busboy";
import { CsvStreamParser } from "../../domain/csv-stream";
import { BadRequest, Invalid, PayloadTooLarge } from "../../errors";
import { parseXlsxInWorker, XlsxRefused } from "../office/parse-xlsx";

/** CSV is streamed: it may be this large (≈ 7 M hourly readings). */
export const MONITORING_CSV_MAX_BYTES = 512 * 1024 * 1024;
/** XLSX must be unpacked whole (in a worker): smaller. */
export const MONITORING_XLSX_MAX_BYTES = 20 * 1024 * 1024;
export const MONITORING_XLSX_MAX_ROWS = 200_001;

export type SourceRow = { line: number; cells: string[] };
export type MonitoringUpload = { fileName: string; rows: AsyncIterable<SourceRow> };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Rows of an uploaded CSV or XLSX file read straight off the request body: CSV bytes are counted,
 * decoded (UTF-8, strict) and parsed as they arrive, never buffered whole; an XLSX (recognised by
 * its magic bytes, not its name) is collected up to its own cap and parsed off the request loop.
 */
export function rowsOfStream(stream: AsyncIterable<Uint8Array>, opts: { maxBytes?: number } = {}): AsyncIterable<SourceRow> {
  const maxBytes = opts.maxBytes ?? MONITORING_CSV_MAX_BYTES;
  return {
    async *[Symbol.asyncIterator]() {
      const it = stream[Symbol.asyncIterator]();
      const first = await it.next();
      if (first.done) return;
      const head = first.value;
      if (ZIP_MAGIC.every((b, i) => head[i] === b)) {
        yield* xlsxRows(head, it);
        return;
      }
      const decoder = new TextDecoder("utf-8", { fatal: true });
      const parser = new CsvStreamParser();
      let total = 0;
      let line = 0;
      let chunk: Uint8Array | undefined = head;
      while (chunk) {
        total += chunk.byteLength;
        if (total > maxBytes) {
          await it.return?.();
          throw new PayloadTooLarge(maxBytes);
        }
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          await it.return?.();
          throw new Invalid({ file: ["文件不是 UTF-8 编码的 CSV（请另存为“CSV UTF-8”）"] });
        }
        for (const cells of parser.push(text)) yield { line: ++line, cells };
        const next = await it.next();
        chunk = next.done ? undefined : next.value;
      }
      for (const cells of parser.end()) yield { line: ++line, cells };
    },
  };
}

async function* xlsxRows(head: Uint8Array, it: AsyncIterator<Uint8Array>): AsyncGenerator<SourceRow> {
  const parts: Uint8Array[] = [head];
  let total = head.byteLength;
  for (let next = await it.next(); !next.done; next = await it.next()) {
    total += next.value.byteLength;
    if (total > MONITORING_XLSX_MAX_BYTES) {
      await it.return?.();
      throw new PayloadTooLarge(MONITORING_XLSX_MAX_BYTES);
    }
    parts.push(next.value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.byteLength;
  }
  let sheet: Awaited<ReturnType<typeof parseXlsxInWorker>>;
  try {
    sheet = await parseXlsxInWorker(
      bytes,
      { maxRows: MONITORING_XLSX_MAX_ROWS, maxUnpackedBytes: 100 * 1024 * 1024 },
      { dateColumns: { time: "datetime" } },
    );
  } catch (e) {
    if (e instanceof XlsxRefused) throw new Invalid({ file: [`表格无法读取：${e.message}（大文件请用 CSV）`] });
    throw e;
  }
  for (let i = 0; i < sheet.rows.length; i++) yield { line: sheet.rowNumbers[i] ?? i + 1, cells: sheet.rows[i] ?? [] };
}

/** The multipart `file` of a request, streamed through busboy (no other field is accepted). */
export async function openMonitoringUpload(req: Request): Promise<MonitoringUpload> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data") || !req.body)
    throw new BadRequest("Send the file as multipart/form-data in the field `file`");
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MONITORING_CSV_MAX_BYTES + 64 * 1024) throw new PayloadTooLarge(MONITORING_CSV_MAX_BYTES);
  let bb: busboy.Busboy;
  try {
    bb = busboy({ headers: { "content-type": type }, limits: { files: 1, fields: 0, parts: 1 } });
  } catch {
    throw new BadRequest("Malformed multipart body");
  }
  const input = Readable.fromWeb(req.body as import("node:stream/web").ReadableStream<Uint8Array>);
  input.on("error", (e) => bb.destroy(e));
  input.pipe(bb);
  const file = await new Promise<{ stream: Readable; name: string }>((resolve, reject) => {
    bb.on("file", (field, stream, info) => {
      if (field !== "file") {
        stream.resume();
        return;
      }
      resolve({ stream, name: info.filename ?? "" });
    });
    bb.on("fieldsLimit", () => reject(new BadRequest("Unknown fields", { _: ["Only the field `file` is accepted"] })));
    bb.on("error", () => reject(new BadRequest("Malformed multipart body")));
    bb.on("close", () => reject(new BadRequest("Send the file in the multipart field `file`", { file: ["Required"] })));
  });
  return { fileName: file.name.slice(0, 200), rows: rowsOfStream(file.stream) };
}
