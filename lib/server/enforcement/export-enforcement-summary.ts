import "server-only";
import ExcelJS from "exceljs";
import { db } from "../../db";
import type { Actor } from "../../permissions";
import type { Locale } from "../../schemas/parse";
import { safeCell } from "../audit/export-audit";
import { writeAudit } from "../audit/write-audit";
import { getEnforcementSummary, type SummaryRow } from "./get-enforcement-summary";

const ACTION_ZH: Record<string, string> = {
  VOCS_REDUCTION: "VOCs减排",
  CONSTRUCTION_SITE: "建筑工地",
  SECTION_COMPLIANCE: "断面达标",
  EXITED_ENTERPRISE: "退出企业",
  CONSTRUCTION_PROJECT: "建设项目",
  KEY_PETITION: "重点信访",
  NONE: "日常检查（未归入专项行动）",
};
const MODE_ZH: Record<string, string> = {
  ALL_STAFF: "全员执法",
  CROSS: "交叉执法",
  ESCALATED: "提级执法",
  OFF_SITE: "非现场执法",
};

/** `GET /api/v1/enforcement/summary/export`: the summary as XLSX, one sheet per dimension; audited. */
export async function exportEnforcementSummary(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<Buffer> {
  const s = await getEnforcementSummary(actor, raw, opts);
  const wb = new ExcelJS.Workbook();
  const heads = ["检查次数", "发现违法", "立案数", "罚款（元）", "罚款（万元）", "立为台账问题"];
  const sheet = (name: string, first: string, rows: SummaryRow[], label: (r: SummaryRow) => string) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([`执法成效 ${s.from} 至 ${s.to}`]);
    ws.addRow([first, ...heads]);
    ws.getRow(2).font = { bold: true };
    for (const r of rows)
      ws.addRow([safeCell(label(r)), r.inspections, r.violations, r.cases, r.fineYuan, r.fineWan, r.problemsOpened]);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 28 : 14;
    });
  };
  sheet("按专项行动", "专项行动", s.byAction, (r) => ACTION_ZH[r.key] ?? r.key);
  sheet("按执法方式", "执法方式", s.byMode, (r) => MODE_ZH[r.key] ?? r.key);
  sheet("按属地", "属地", s.byDistrict, (r) => r.label ?? r.key);
  sheet("按月份", "月份", s.byMonth, (r) => r.key);
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actorId: actor.id,
      entityType: "EnforcementSummary",
      entityId: "export",
      action: "export",
      after: { from: s.from, to: s.to },
      requestId: opts.requestId,
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
