import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { uploadInspectionPhoto } from "@/lib/server/enforcement/inspection-photos";

/** multipart `file`: a photo of the inspection (201 new, 200 the same bytes already stored). */
export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) => {
  const result = await uploadInspectionPhoto(actor, params.id, req, { locale, requestId });
  return NextResponse.json(result.photo, { status: result.created ? 201 : 200 });
});
