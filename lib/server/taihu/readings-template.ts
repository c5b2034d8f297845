import "server-only";
import { db } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { type Actor, authorize } from "../../permissions";
import { buildImportTemplate } from "../office/import-template";
import { mayRecordAt } from "./save-readings";

export const READING_TEMPLATE_COLUMNS = [
  "点位编号",
  "日期",
  "藻密度",
  "水华面积",
  "湖泛",
  "湖泛面积",
  "水源地状态",
  "备注",
] as const;

/**
 * The readings template (XLSX): the importer's Chinese column names, an example row per point the
 * caller may record for (today's date), and the points' codes on a second sheet.
 */
export async function readingsTemplate(actor: Actor, now?: Date): Promise<Buffer> {
  authorize(actor, "taihu.record");
  const points = (
    await db.taihuPoint.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] })
  ).filter((p) => mayRecordAt(actor, p));
  const today = formatCalendarDate(bureauToday(now));
  return buildImportTemplate({
    sheetName: "读数",
    columns: READING_TEMPLATE_COLUMNS,
    notes: [
      "点位编号，见“点位”表",
      "监测日期，如 2026-07-15；Excel 日期单元格、2026/7/15、2026年7月15日均可",
      "藻密度，万个/L，最多 1 位小数；未测留空",
      "水华面积，km²，最多 2 位小数；未测留空",
      "是否发生湖泛：是 / 否",
      "湖泛面积，km²；无湖泛时留空",
      "水源地状态：正常 / 异常；湖区点位留空",
      "备注，500 字以内",
    ],
    examples: (points.length ? points.slice(0, 3) : [{ code: "TH-01" }]).map((p) => [p.code, today, "", "", "否", "", "", ""]),
    codeSheets: [{ name: "点位", header: ["点位编号", "名称"], rows: points.map((p) => [p.code, p.name]) }],
  });
}
