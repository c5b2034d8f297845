import "server-only";
import { Readable } from "node:stream";
import { db } from "../../db";
import { contentDisposition } from "../../domain/evidence";
import { NotFound } from "../../errors";
import type { Actor } from "../../permissions";
import { can } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { storageFor } from "../evidence/storage";
import { districtScope } from "./scope";

/**
 * A bottom-line file as a download, for whoever may read its sweep or closed firm and sees its
 * district: the type decided at upload, `nosniff`, an attachment (inline only for an image
 * thumbnail, `variant=thumb`).
 */
export async function openBottomLineFile(actor: Actor, id: string, variant: string | null): Promise<Response> {
  if (!isUuid(id)) throw new NotFound("File not found");
  const scope = districtScope(actor);
  const row = await db.bottomLineFile.findFirst({
    where: {
      id,
      OR: [
        ...(can(actor, "sweep.read") ? [{ result: { target: scope } }] : []),
        ...(can(actor, "closedEnterprise.read") ? [{ stage: { enterprise: scope } }] : []),
      ],
    },
  });
  if (!row) throw new NotFound("File not found");
  const thumb = variant === "thumb";
  if (thumb && !row.thumbKey) throw new NotFound("No thumbnail");
  const storage = storageFor(row.storage);
  const key = thumb ? (row.thumbKey as string) : row.storageKey;
  const stream = await storage.get(key);
  if (!stream) throw new NotFound("Stored file not found");
  const mime = thumb ? "image/webp" : row.mime;
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      "Content-Type": mime,
      "Content-Disposition": contentDisposition(thumb ? `${row.originalName}.webp` : row.originalName, thumb),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private",
    },
  });
}
