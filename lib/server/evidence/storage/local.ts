import "server-only";
import { constants, createWriteStream } from "node:fs";
import { mkdir, open, opendir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PARTIAL_SUFFIX } from "../../../domain/evidence";
import { assertSafeKey, assertSafePrefix, type EvidenceStorage, type StoredObject } from "./types";

/** The evidence directory: EVIDENCE_DIR, else `<project>/.data/evidence`. */
export function defaultEvidenceDir(): string {
  return path.resolve(process.env.EVIDENCE_DIR || path.join(process.cwd(), ".data", "evidence"));
}

function isMissing(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

/**
 * Evidence on local disk under one directory. A write goes to `<key>.partial`, is flushed to disk
 * (fsync) and only then renamed to `<key>`, so a crash never leaves a partial file at a final key;
 * stray `.partial` files are removed by the orphan sweep.
 */
export class LocalStorage implements EvidenceStorage {
  readonly backend = "LOCAL" as const;
  readonly root: string;

  constructor(root: string = defaultEvidenceDir()) {
    this.root = path.resolve(root);
  }

  /** The file of a key, never outside the root. */
  pathOf(key: string): string {
    assertSafeKey(key);
    const file = path.resolve(this.root, ...key.split("/"));
    if (!file.startsWith(this.root + path.sep)) throw new Error("unsafe storage key");
    return file;
  }

  async put(key: string, body: Readable): Promise<number> {
    const file = this.pathOf(key);
    const partial = file + PARTIAL_SUFFIX;
    await mkdir(path.dirname(file), { recursive: true });
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        cb(null, chunk);
      },
    });
    // `flush`: the data is fsynced before the file is closed, so the rename publishes complete bytes.
    const sink = createWriteStream(partial, { flags: "w", mode: 0o640, flush: true });
    try {
      await pipeline(body, counter, sink);
      await rename(partial, file);
    } catch (e) {
      sink.destroy();
      await rm(partial, { force: true }).catch(() => {});
      throw e;
    }
    await syncDir(path.dirname(file));
    return bytes;
  }

  async get(key: string): Promise<Readable | null> {
    const file = this.pathOf(key);
    try {
      const handle = await open(file, constants.O_RDONLY);
      return handle.createReadStream();
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const s = await stat(this.pathOf(key));
      return s.isFile() ? { key, size: s.size, modifiedAt: s.mtime } : null;
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    assertSafePrefix(prefix);
    // Walk from the deepest directory the prefix names; filter the rest by the full prefix.
    const slash = prefix.lastIndexOf("/");
    const dirKey = slash >= 0 ? prefix.slice(0, slash) : "";
    const start = dirKey ? this.pathOf(dirKey) : this.root;
    yield* this.walk(start, dirKey, prefix);
  }

  private async *walk(dir: string, dirKey: string, prefix: string): AsyncIterable<StoredObject> {
    let entries: Awaited<ReturnType<typeof opendir>>;
    try {
      entries = await opendir(dir);
    } catch (e) {
      if (isMissing(e)) return;
      throw e;
    }
    for await (const entry of entries) {
      const key = dirKey ? `${dirKey}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (prefix.startsWith(`${key}/`) || key.startsWith(prefix) || `${key}/`.startsWith(prefix)) {
          yield* this.walk(path.join(dir, entry.name), key, prefix);
        }
      } else if (entry.isFile() && key.startsWith(prefix)) {
        const s = await stat(path.join(dir, entry.name)).catch(() => null);
        if (s) yield { key, size: s.size, modifiedAt: s.mtime };
      }
    }
  }
}

/** Makes a rename durable: the directory entry itself is flushed (best effort where unsupported). */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on directories; the data itself was synced already.
  }
}
