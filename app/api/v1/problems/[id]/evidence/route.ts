import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { listEvidence } from "@/lib/server/evidence/list-evidence";
import { uploadEvidence } from "@/lib/server/evidence/upload-evidence";

/** Uploads stream through Node.js (busboy, hashing, storage). */
export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => listEvidence(actor, params.id));

/** 201 with the new evidence; 200 with the existing one for a repeated Idempotency-Key or identical bytes. */
export const POST = apiRoute<{ id: string }>(async ({ actor, req, params, locale, requestId }) => {
  const result = await uploadEvidence(actor, params.id, req, { locale, requestId });
  return NextResponse.json(result.evidence, { status: result.created ? 201 : 200 });
});
