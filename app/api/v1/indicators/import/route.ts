import { NextResponse } from "next/server";
import { apiRoute, readBodyBytes } from "@/lib/api/handler";
import { BadRequest } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { importIndicators, MAX_IMPORT_BYTES } from "@/lib/server/indicators/import-indicators";

/**
 * multipart/form-data with one `file` (CSV UTF-8 or XLSX) → {imported, replaced, errors}; any bad row → 422, nothing written.
 * `?preview=true` only checks: what would be added and replaced, and the first rows.
 */
export const POST = apiRoute(async ({ actor, req, requestId }) => {
  authorize(actor, "indicator.import"); // before a byte of the body is read
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new BadRequest("Send the file as multipart/form-data in the field `file`");
  }
  const body = await readBodyBytes(req, MAX_IMPORT_BYTES + 64 * 1024);
  const form = await new Response(body as BodyInit, { headers: { "content-type": req.headers.get("content-type") ?? "" } })
    .formData()
    .catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File))
    throw new BadRequest("Send the file in the multipart field `file`", { file: ["Required"] });
  const extra = [...form.keys()].filter((k) => k !== "file");
  if (extra.length) throw new BadRequest("Unknown fields", Object.fromEntries(extra.map((k) => [k, ["Unknown field"]])));
  const result = await importIndicators(
    actor,
    { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    { requestId, preview: req.nextUrl.searchParams.get("preview") === "true" },
  );
  if (result.errors.length) {
    return NextResponse.json(
      {
        ...result,
        error: { code: "VALIDATION_FAILED", message: `文件中有 ${result.errors.length} 处问题，未导入任何数据` },
      },
      { status: 422 },
    );
  }
  return result;
});
