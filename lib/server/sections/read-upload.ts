import "server-only";
import type { NextRequest } from "next/server";
import { BadRequest } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { MAX_RESULTS_BYTES } from "./read-results-file";

/** The one `file` of a multipart results upload; the caller's right to import is checked before the body is read. */
export async function readUploadedFile(req: NextRequest, actor: Actor): Promise<{ name: string; bytes: Uint8Array }> {
  authorize(actor, "section.manage");
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_RESULTS_BYTES + 64 * 1024) throw new BadRequest(`文件超过 ${MAX_RESULTS_BYTES >> 20} MB`);
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new BadRequest("请以 multipart/form-data 方式在 file 字段上传文件");
  }
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw new BadRequest("请在 file 字段上传文件", { file: ["必填"] });
  const extra = [...form.keys()].filter((k) => k !== "file");
  if (extra.length) throw new BadRequest("不允许的字段", Object.fromEntries(extra.map((k) => [k, ["不允许的字段"]])));
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
