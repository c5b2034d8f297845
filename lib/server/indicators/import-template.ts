import "server-only";
import { db } from "../../db";
import { IMPORT_COLUMN_NOTES, IMPORT_COLUMNS, IMPORT_EXAMPLE } from "../../domain/indicator-import";
import { INDICATOR_CODES, INDICATORS } from "../../domain/indicators";
import { anyText } from "../../i18n/admin-text";
import { type Actor, authorize } from "../../permissions";
import { buildImportTemplate, type CodeSheet } from "../office/import-template";

const LEVEL_ZH: Record<string, string> = { PROVINCE: "省", CITY: "市", COUNTY: "县（市、区）" };

/** The codes an indicator file may use: registered statistics units and the indicators with their ranges. */
export async function indicatorImportCodes(actor: Actor): Promise<CodeSheet[]> {
  authorize(actor, "indicator.import");
  const units = await db.statUnit.findMany({ select: { code: true, name: true, level: true }, orderBy: { code: "asc" } });
  return [
    {
      name: "单位代码",
      header: ["unit_code", "名称", "层级"],
      rows: units.map((u) => [u.code, u.name, LEVEL_ZH[u.level] ?? u.level]),
    },
    {
      name: "指标代码",
      header: ["indicator", "名称", "单位", "取值范围"],
      rows: INDICATOR_CODES.map((c) => {
        const m = INDICATORS[c];
        return [
          c,
          anyText("zh-CN", `dashboard.indicators.${c}`) ?? c,
          anyText("zh-CN", `dashboard.units.${m.unit}`) || m.unit,
          `${m.min}–${m.max}`,
        ];
      }),
    },
  ];
}

/** The indicator import template (XLSX): the parser's columns, an example row, the valid codes. */
export async function indicatorTemplate(actor: Actor): Promise<Buffer> {
  const codeSheets = await indicatorImportCodes(actor);
  return buildImportTemplate({
    sheetName: "指标数据",
    columns: IMPORT_COLUMNS,
    notes: IMPORT_COLUMNS.map((c) => IMPORT_COLUMN_NOTES[c]),
    examples: [IMPORT_COLUMNS.map((c) => IMPORT_EXAMPLE[c])],
    codeSheets,
  });
}
