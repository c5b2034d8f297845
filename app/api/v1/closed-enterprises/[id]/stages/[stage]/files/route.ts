import { apiRoute } from "@/lib/api/handler";
import { uploadStageFile } from "@/lib/server/bottom-line/upload-bottom-line-file";

/** A document or photo of a recorded closure stage: multipart `file`. */
export const POST = apiRoute<{ id: string; stage: string }>(
  ({ actor, req, params, locale, requestId }) => uploadStageFile(actor, params.id, params.stage, req, { locale, requestId }),
  { status: 201 },
);
