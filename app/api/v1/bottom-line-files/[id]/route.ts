import { apiRoute } from "@/lib/api/handler";
import { openBottomLineFile } from "@/lib/server/bottom-line/open-bottom-line-file";

/** The bytes of a sweep photo or closure-stage document (`?variant=thumb` for an image's thumbnail). */
export const GET = apiRoute<{ id: string }>(({ actor, req, params }) =>
  openBottomLineFile(actor, params.id, req.nextUrl.searchParams.get("variant")),
);
