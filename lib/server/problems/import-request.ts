import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { readBodyBytes } from "../../api/handler";
import { BadRequest, Invalid, isAppError } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { ledgerMappingSchema } from "../../schemas/office";
import { type Locale, parseInput } from "../../schemas/parse";
import { importProblems, MAX_LEDGER_IMPORT_BYTES } from "./import-problems";

/**
 * POST /problems/import: multipart `file` (XLSX or CSV) and optional `mapping` (JSON: column →
 * field); `?dryRun=1` answers the mapping and preview. The role is checked before a byte of the
 * body is read. With `Accept: application/x-ndjson` a commit streams `{"progress":{done,total}}`
 * lines and ends with `{"result":…}` (or `{"error":…}`), for the page's progress bar.
 */
export async function handleLedgerImport(
  actor: Actor,
  req: NextRequest,
  opts: { locale: Locale; requestId: string },
): Promise<Response> {
  authorize(actor, "problem.import");
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new BadRequest("Send the file as multipart/form-data in the field `file`");
  }
  const dryRun = ["1", "true"].includes(req.nextUrl.searchParams.get("dryRun") ?? "");
  const body = await readBodyBytes(req, MAX_LEDGER_IMPORT_BYTES + 256 * 1024);
  const form = await new Response(body as BodyInit, { headers: { "content-type": req.headers.get("content-type") ?? "" } })
    .formData()
    .catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File))
    throw new BadRequest("Send the file in the multipart field `file`", { file: ["Required"] });
  const extra = [...form.keys()].filter((k) => k !== "file" && k !== "mapping");
  if (extra.length) throw new BadRequest("Unknown fields", Object.fromEntries(extra.map((k) => [k, ["Unknown field"]])));
  let mapping: z.output<typeof ledgerMappingSchema> | undefined;
  const mappingText = form.get("mapping");
  if (typeof mappingText === "string" && mappingText.trim()) {
    let raw: unknown;
    try {
      raw = JSON.parse(mappingText);
    } catch {
      throw new Invalid({ mapping: ["Malformed JSON"] });
    }
    mapping = parseInput(ledgerMappingSchema, raw, opts.locale);
  }
  const input = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  const run = (onProgress?: (done: number, total: number) => void) =>
    importProblems(actor, input, {
      dryRun,
      mapping,
      locale: opts.locale,
      requestId: opts.requestId,
      onProgress,
    });
  const failed = (n: number) => ({
    code: "VALIDATION_FAILED",
    message: `${n} problem(s) in the file; nothing was imported`,
  });

  if (!dryRun && (req.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const line = (v: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(v)}\n`));
        try {
          const result = await run((done, total) => line({ progress: { done, total } }));
          line(result.errors.length ? { result, error: failed(result.errors.length) } : { result });
        } catch (e) {
          if (isAppError(e)) line({ error: { code: e.code, message: e.message, fields: e.fields } });
          else {
            console.error(`[${opts.requestId}]`, e);
            line({ error: { code: "INTERNAL", message: `Unexpected error; quote request id ${opts.requestId}` } });
          }
        }
        controller.close();
      },
    });
    return new Response(stream, {
      headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const result = await run();
  return Response.json(result.errors.length && !dryRun ? { ...result, error: failed(result.errors.length) } : result, {
    status: result.errors.length && !dryRun ? 422 : 200,
  });
}
