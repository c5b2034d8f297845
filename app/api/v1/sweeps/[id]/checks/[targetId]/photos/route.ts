import { apiRoute } from "@/lib/api/handler";
import { uploadSweepPhoto } from "@/lib/server/bottom-line/upload-bottom-line-file";

/** A photo of one checklist item of a checked target: multipart `itemId` + `file`. */
export const POST = apiRoute<{ id: string; targetId: string }>(
  ({ actor, req, params, locale, requestId }) => uploadSweepPhoto(actor, params.id, params.targetId, req, { locale, requestId }),
  { status: 201 },
);
