import "server-only";
import type { NextRequest } from "next/server";
import { readUploadedFile } from "../../api/upload";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import {
  type EnterpriseRow,
  IMPORT_COLUMNS,
  type ImportRowError,
  MAX_ENTERPRISE_IMPORT_ROWS,
  parseEnterpriseTable,
} from "../../domain/enterprise-import";
import { parseCsv } from "../../domain/indicator-import";
import { type Actor, authorize } from "../../permissions";
import { writeAudit } from "../audit/write-audit";
import { parseXlsxInWorker, XlsxRefused } from "../office/parse-xlsx";

export const MAX_ENTERPRISE_FILE_BYTES = 5 * 1024 * 1024;
const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CLOSED_ON_HEADER = IMPORT_COLUMNS.find((c) => c.key === "closedOn")?.zh ?? "关闭日期";

export type EnterpriseImportResult = { imported: number; updated: number; unchanged: number; errors: ImportRowError[] };

/** The one `file` of an enterprise import; the right to import is checked before the body is read. */
export async function readEnterpriseUpload(req: NextRequest, actor: Actor): Promise<{ name: string; bytes: Uint8Array }> {
  authorize(actor, "enterprise.manage");
  return readUploadedFile(req, MAX_ENTERPRISE_FILE_BYTES);
}

/** File bytes (XLSX read off the request loop within limits, or CSV UTF-8) → cell table with sheet row numbers. */
async function readTable(bytes: Uint8Array): Promise<{ table: string[][]; rowNumbers?: number[] } | { error: string }> {
  if (bytes.byteLength === 0) return { error: "文件为空" };
  if (bytes.byteLength > MAX_ENTERPRISE_FILE_BYTES) return { error: `文件超过 ${MAX_ENTERPRISE_FILE_BYTES >> 20} MB` };
  if (XLSX_MAGIC.every((b, i) => bytes[i] === b)) {
    try {
      // The closing day as the export writes it (a date cell), or as a person types it.
      const sheet = await parseXlsxInWorker(
        bytes,
        { maxRows: MAX_ENTERPRISE_IMPORT_ROWS + 1 },
        { dateColumns: { [CLOSED_ON_HEADER]: "day" } },
      );
      return { table: sheet.rows, rowNumbers: sheet.rowNumbers };
    } catch (e) {
      if (!(e instanceof XlsxRefused)) throw e;
      if (e.reason === "too-many-rows") return { error: `一次最多导入 ${MAX_ENTERPRISE_IMPORT_ROWS} 行` };
      return { error: `无法读取该 XLSX 文件（${e.message}）` };
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { error: "CSV 文件须为 UTF-8 编码（或请上传 XLSX）" };
  }
  if (text.includes("\u0000")) return { error: "文件不是 CSV 或 XLSX" };
  return { table: parseCsv(text) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `POST /api/v1/enterprises/import` (multipart `file`, XLSX or CSV): all rows or none. Any row
 * error (Chinese, with row and column) → nothing is written. A credit code already in the register
 * updates that enterprise; an identical row changes nothing, so importing the same file again is
 * a no-op (`updated: 0`). One audit row records the import.
 */
export async function importEnterprises(
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  opts: { requestId?: string } = {},
): Promise<EnterpriseImportResult> {
  authorize(actor, "enterprise.manage");
  const none = (errors: ImportRowError[]) => ({ imported: 0, updated: 0, unchanged: 0, errors });
  const read = await readTable(file.bytes);
  if ("error" in read) return none([{ row: 0, column: null, reason: read.error }]);
  const { rows, errors } = parseEnterpriseTable(read.table, read.rowNumbers);
  const districts = await db.district.findMany({ select: { id: true, code: true, name: true } });
  const districtOf = new Map<string, string>();
  for (const d of districts) {
    districtOf.set(d.code, d.id);
    districtOf.set(d.name, d.id);
  }
  for (const r of rows) {
    if (!districtOf.has(r.district))
      errors.push({ row: r.row, column: "属地", reason: `未知的属地“${r.district}”（填写区划代码或名称）` });
  }
  if (errors.length) return none(errors.sort((a, b) => a.row - b.row));

  const data = (r: EnterpriseRow) => ({
    name: r.name,
    districtId: districtOf.get(r.district) as string,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    industry: r.industry,
    tags: r.tags,
    status: r.status,
    closedOn: r.closedOn ? parseCalendarDate(r.closedOn) : null,
  });
  return db.$transaction(
    async (tx) => {
      const existing = await tx.enterprise.findMany({ where: { creditCode: { in: rows.map((r) => r.creditCode) } } });
      const byCode = new Map(existing.map((e) => [e.creditCode, e]));
      const created: string[] = [];
      const changed: string[] = [];
      let unchanged = 0;
      const fresh = rows.filter((r) => !byCode.has(r.creditCode));
      await tx.enterprise.createMany({ data: fresh.map((r) => ({ creditCode: r.creditCode, ...data(r) })) });
      created.push(...fresh.map((r) => r.creditCode));
      for (const r of rows) {
        const before = byCode.get(r.creditCode);
        if (!before) continue;
        const next = data(r);
        const current = {
          name: before.name,
          districtId: before.districtId,
          address: before.address,
          lat: before.lat === null ? null : Number(before.lat),
          lng: before.lng === null ? null : Number(before.lng),
          industry: before.industry,
          tags: before.tags,
          status: before.status,
          closedOn: before.closedOn,
        };
        if (same(current, next)) {
          unchanged++;
          continue;
        }
        await tx.enterprise.update({ where: { id: before.id }, data: { ...next, version: { increment: 1 } } });
        changed.push(r.creditCode);
      }
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Enterprise",
        entityId: "import",
        action: "import",
        after: { file: file.name.slice(0, 200), imported: created, updated: changed, unchanged },
        requestId: opts.requestId,
      });
      return { imported: created.length, updated: changed.length, unchanged, errors: [] };
    },
    { timeout: 120_000 },
  );
}
