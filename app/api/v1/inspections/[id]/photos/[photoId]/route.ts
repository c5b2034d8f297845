import { apiRoute } from "@/lib/api/handler";
import { openInspectionPhoto } from "@/lib/server/enforcement/inspection-photos";

/** The photo, or `?variant=thumb` its 320 px thumbnail. */
export const GET = apiRoute<{ id: string; photoId: string }>(({ actor, req, params }) =>
  openInspectionPhoto(actor, params.id, params.photoId, req.nextUrl.searchParams.get("variant")),
);
