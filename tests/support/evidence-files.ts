import { readdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import sharp from "sharp";
import type { ApiResult, RouteHandler } from "./api";

/** Test files for evidence uploads: real images with EXIF, office documents, hostile bytes. */

/** A JPEG carrying EXIF DateTimeOriginal (device clock, +08:00) and a GPS position. */
export async function jpegWithExif(opts: {
  dateTimeOriginal?: string;
  lat?: number;
  lng?: number;
  width?: number;
  height?: number;
  colour?: string;
}): Promise<Buffer> {
  const dms = (v: number) => {
    const a = Math.abs(v);
    const d = Math.floor(a);
    const m = Math.floor((a - d) * 60);
    const s = Math.round(((a - d) * 60 - m) * 60 * 1000);
    return `${d}/1 ${m}/1 ${s}/1000`;
  };
  const gps =
    opts.lat !== undefined && opts.lng !== undefined
      ? {
          GPSLatitudeRef: opts.lat >= 0 ? "N" : "S",
          GPSLatitude: dms(opts.lat),
          GPSLongitudeRef: opts.lng >= 0 ? "E" : "W",
          GPSLongitude: dms(opts.lng),
        }
      : undefined;
  return sharp({
    create: { width: opts.width ?? 640, height: opts.height ?? 480, channels: 3, background: opts.colour ?? "#3a7" },
  })
    .jpeg()
    .withExif({
      IFD0: { Make: "Rectify Test", Model: "Field Phone" },
      ...(opts.dateTimeOriginal ? { IFD2: { DateTimeOriginal: opts.dateTimeOriginal, OffsetTimeOriginal: "+08:00" } } : {}),
      ...(gps ? { IFD3: gps } : {}),
    })
    .toBuffer();
}

export function png(width = 32, height = 24, colour = "#c33"): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

/** A minimal MP4: an `ftyp` box (isom) and an empty `free` box. */
export function mp4(): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 24]),
    Buffer.from("ftypisom"),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from("isomiso2"),
  ]);
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8]), Buffer.from("free")]);
}

/** A minimal QuickTime movie, as iPhones record: an `ftyp` box with the `qt  ` brand. */
export function mov(): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 20]),
    Buffer.from("ftypqt  "),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from("qt  "),
  ]);
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8]), Buffer.from("wide"), Buffer.from([0, 0, 0, 8]), Buffer.from("mdat")]);
}

export async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("监测数据").addRow(["断面", "COD"]).commit();
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip with stored (uncompressed) entries. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBuf = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

export function docx(text = "整改会议纪要"): Buffer {
  return zip({
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  });
}

export const HOSTILE = {
  html: Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"),
  svg: Buffer.from(
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
  ),
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0)]),
  pe: Buffer.concat([
    Buffer.from("MZ"),
    Buffer.alloc(58, 0),
    Buffer.from([0x80, 0, 0, 0]),
    Buffer.alloc(64, 0),
    Buffer.from("PE\0\0"),
    Buffer.alloc(64),
  ]),
  text: Buffer.from("just some text that is not evidence\n"),
  zip: zip({ "notes.txt": "plain zip, not an office document" }),
};

export type Part =
  | { name: string; value: string }
  | { name: string; filename: string | Buffer; bytes: Buffer; contentType?: string };

/** A multipart/form-data body with full control over the bytes (hostile names included). */
export function multipart(parts: Part[], boundary = `----rectify${Math.random().toString(16).slice(2)}`) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ("bytes" in p) {
      const filename = typeof p.filename === "string" ? Buffer.from(p.filename) : p.filename;
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${p.name}"; filename="`),
        filename,
        Buffer.from(`"\r\nContent-Type: ${p.contentType ?? "application/octet-stream"}\r\n\r\n`),
        p.bytes,
        Buffer.from("\r\n"),
      );
    } else {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Calls a route handler with a multipart body (or any raw body), as Next would. */
export async function callMultipart(
  handler: unknown,
  pathname: string,
  opts: {
    token: string;
    params: Record<string, string>;
    body: Buffer | FormData;
    contentType?: string;
    headers?: Record<string, string>;
  },
): Promise<ApiResult> {
  const headers = new Headers(opts.headers);
  headers.set("authorization", `Bearer ${opts.token}`);
  let body: Uint8Array;
  if (opts.body instanceof FormData) {
    // Let the Request encode the form (boundary and all), as a browser would.
    const encoded = new Request("http://localhost/", { method: "POST", body: opts.body });
    headers.set("content-type", encoded.headers.get("content-type") ?? "");
    body = new Uint8Array(await encoded.arrayBuffer());
  } else {
    body = new Uint8Array(opts.body);
    if (opts.contentType) headers.set("content-type", opts.contentType);
  }
  headers.set("content-length", String(body.length));
  const req = new NextRequest(`http://localhost/api/v1${pathname}`, {
    method: "POST",
    headers,
    body: body as unknown as BodyInit,
  });
  const res = await (handler as RouteHandler)(req, { params: Promise.resolve(opts.params) as Promise<never> });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/** How many files lie under a directory (recursively). */
export function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

/** Every file under a directory, as paths relative to it. */
export function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  } catch {
    return [];
  }
}

/**
 * An evidence upload to a running server whose body trickles in (64 KiB every 20 ms), so it is still
 * streaming when the server dies; resolves with the status, or "dropped" when the connection is cut.
 */
export function slowUpload(
  to: { base: string; problemId: string; token: string },
  bytes: Buffer,
  name: string,
): Promise<number | "dropped"> {
  const { body, contentType } = multipart([
    { name: "kind", value: "AFTER_PHOTO" },
    { name: "file", filename: name, bytes, contentType: "image/png" },
  ]);
  return new Promise((resolve) => {
    const req = http.request(
      `${to.base}/api/v1/problems/${to.problemId}/evidence`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${to.token}`,
          "content-type": contentType,
          "content-length": String(body.length),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve("dropped"));
      },
    );
    req.on("error", () => resolve("dropped"));
    let offset = 0;
    const step = () => {
      if (req.destroyed) return;
      const chunk = body.subarray(offset, offset + 65_536);
      offset += chunk.length;
      if (offset >= body.length) req.end(chunk);
      else req.write(chunk, () => setTimeout(step, 20));
    };
    step();
  });
}
