import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { BadRequest } from "@/lib/errors";
import { importIndicators, MAX_IMPORT_BYTES } from "@/lib/server/indicators/import-indicators";

/** multipart/form-data with one `file` (CSV UTF-8 or XLSX) → {imported, replaced, errors}; any bad row → 422, nothing written. */
export const POST = apiRoute(async ({ actor, req, requestId }) => {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_IMPORT_BYTES + 64 * 1024) throw new BadRequest(`File larger than ${MAX_IMPORT_BYTES} bytes`);
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new BadRequest("Send the file as multipart/form-data in the field `file`");
  }
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File))
    throw new BadRequest("Send the file in the multipart field `file`", { file: ["Required"] });
  const extra = [...form.keys()].filter((k) => k !== "file");
  if (extra.length) throw new BadRequest("Unknown fields", Object.fromEntries(extra.map((k) => [k, ["Unknown field"]])));
  const result = await importIndicators(
    actor,
    { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    { requestId },
  );
  if (result.errors.length) {
    return NextResponse.json(
      {
        ...result,
        error: { code: "VALIDATION_FAILED", message: `${result.errors.length} problem(s) in the file; nothing was imported` },
      },
      { status: 422 },
    );
  }
  return result;
});
