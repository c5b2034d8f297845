import { apiRoute, queryObject } from "@/lib/api/handler";
import { openEvidenceFile } from "@/lib/server/evidence/open-evidence-file";

/** Streams stored bytes through Node.js. */
export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(({ actor, req, params, locale }) =>
  openEvidenceFile(actor, params.id, queryObject(req), { locale }),
);
