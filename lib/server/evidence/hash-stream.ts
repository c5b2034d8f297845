import "server-only";
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";

/** Hex SHA-256 of everything a stream yields (read chunk by chunk, never held whole). */
export async function sha256OfStream(stream: Readable): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
