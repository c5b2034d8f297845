import "server-only";
import ExcelJS from "exceljs";
import { db } from "../../db";
import { anyText } from "../../i18n/admin-text";
import type { Actor } from "../../permissions";
import type { Locale } from "../../schemas/parse";
import { auditForExport, shanghaiTime } from "./list-audit";
import { writeAudit } from "./write-audit";

/** A text cell a spreadsheet would take for a formula (= + - @, tab, CR) is prefixed with an apostrophe. */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The filtered audit log as an XLSX sheet (times in Asia/Shanghai); the export itself is audited. */
export async function exportAudit(
  actor: Actor,
  rawQuery: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<Buffer> {
  const locale = opts.locale ?? "zh-CN";
  const entries = await auditForExport(actor, rawQuery, { locale });
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(locale === "en" ? "Audit log" : "审计日志");
  const heads =
    locale === "en"
      ? ["Time (Asia/Shanghai)", "Person", "Action", "Record", "Changes"]
      : ["时间（北京时间）", "操作人", "操作", "对象", "变更内容"];
  sheet.addRow(heads);
  sheet.getRow(1).font = { bold: true };
  for (const e of entries) {
    const changes = e.changes.map((c) => `${c.label}：${c.before || "—"} → ${c.after || "—"}`).join("\n");
    sheet.addRow(
      [
        shanghaiTime(new Date(e.at)),
        e.actorName ?? anyText(locale, "auditWords.system") ?? "",
        e.action,
        e.entityLabel,
        changes,
      ].map(safeCell),
    );
  }
  sheet.columns.forEach((c, i) => {
    c.width = [20, 24, 14, 40, 80][i] ?? 20;
  });
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actorId: actor.id,
      entityType: "AuditLog",
      entityId: "export",
      action: "export",
      after: { rows: entries.length, filters: rawQuery },
      requestId: opts.requestId,
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
