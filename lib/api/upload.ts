import type { NextRequest } from "next/server";
import { BadRequest } from "../errors";

/** One multipart `file`, refused before reading when the declared size is over `maxBytes` and after when it is. */
export async function readUploadedFile(req: NextRequest, maxBytes: number): Promise<{ name: string; bytes: Uint8Array }> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > maxBytes + 64 * 1024) throw new BadRequest(`File larger than ${maxBytes} bytes`);
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new BadRequest("Send the file as multipart/form-data in the field `file`");
  }
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File))
    throw new BadRequest("Send the file in the multipart field `file`", { file: ["Required"] });
  if (file.size > maxBytes) throw new BadRequest(`File larger than ${maxBytes} bytes`);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** An XLSX download. */
export function xlsxResponse(bytes: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
