import "server-only";
/**
 * Reads a ZIP file's central directory (what XLSX and DOCX files are) without inflating anything,
 * so a decompression bomb is refused from what the archive declares, before it is opened.
 */

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

export type ZipLimits = {
  /** Most entries (files) in the archive. */
  maxEntries: number;
  /** Most bytes all entries together may unpack to. */
  maxUnpackedBytes: number;
};

/** Why an archive is refused; `reason` is a stable code, the message plain English. */
export class ZipRefused extends Error {
  constructor(
    readonly reason: "not-zip" | "zip64" | "too-many-entries" | "too-large-unpacked" | "directory-mismatch",
    message: string,
  ) {
    super(message);
    this.name = "ZipRefused";
  }
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const EOCD_MIN = 22;

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) + (b[at + 3] ?? 0) * 0x1000000;
}

/**
 * The entries of the central directory. `tail` is the end of the file (the whole file, or at
 * least its last bytes holding the directory) and `fileSize` the file's full length.
 */
export function readZipDirectory(tail: Uint8Array, fileSize = tail.byteLength): ZipEntry[] {
  const base = fileSize - tail.byteLength;
  let eocd = -1;
  for (let i = tail.byteLength - EOCD_MIN; i >= Math.max(0, tail.byteLength - EOCD_MIN - 0xffff); i--) {
    if (u32(tail, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused("not-zip", "not a ZIP archive (no end of central directory)");
  const total = u16(tail, eocd + 10);
  const cdSize = u32(tail, eocd + 12);
  const cdOffset = u32(tail, eocd + 16);
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new ZipRefused("zip64", "ZIP64 archives are not accepted");
  }
  const start = cdOffset - base;
  if (start < 0 || start + cdSize > eocd) {
    throw new ZipRefused("directory-mismatch", "the central directory is not where the archive says");
  }
  const entries: ZipEntry[] = [];
  let at = start;
  for (let i = 0; i < total; i++) {
    if (at + 46 > eocd || u32(tail, at) !== CDH_SIG) {
      throw new ZipRefused("directory-mismatch", "the central directory is damaged");
    }
    const nameLength = u16(tail, at + 28);
    const extraLength = u16(tail, at + 30);
    const commentLength = u16(tail, at + 32);
    entries.push({
      method: u16(tail, at + 10),
      compressedSize: u32(tail, at + 20),
      uncompressedSize: u32(tail, at + 24),
      localHeaderOffset: u32(tail, at + 42),
      name: new TextDecoder().decode(tail.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses an archive whose directory declares too many entries or too many unpacked bytes. */
export function checkZipLimits(entries: readonly ZipEntry[], limits: ZipLimits): void {
  if (entries.length > limits.maxEntries) {
    throw new ZipRefused("too-many-entries", `the archive holds ${entries.length} files; at most ${limits.maxEntries}`);
  }
  const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (unpacked > limits.maxUnpackedBytes) {
    throw new ZipRefused("too-large-unpacked", `the archive unpacks to ${unpacked} bytes; at most ${limits.maxUnpackedBytes}`);
  }
}
