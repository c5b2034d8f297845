import "server-only";
import { parseCalendarDate } from "../../domain/calendar";
import { MESSAGES } from "../../i18n/messages";
import type { ReadingDto } from "../../schemas/taihu";
import { type ListExport, unpaged } from "../office/list-export";
import { listReadings } from "./list-readings";

type Texts = Record<string, string>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const Z = MESSAGES["zh-CN"] as unknown as {
  taihu: Texts & { levels: Texts; sourceStatuses: Texts };
  taihuUpload: { columns: Texts };
};
const T = Z.taihu;
const C = Z.taihuUpload.columns;

/**
 * 太湖监测读数 of a period (the last 30 days by default, one point when given). The first eight
 * columns are the upload's own (点位编号 … 备注, same headers and words), so the file can be
 * corrected and uploaded again; the level and the demo mark follow.
 */
export const taihuReadingExport: ListExport<ReadingDto> = {
  permission: "taihu.read",
  entityType: "TaihuReading",
  sheetName: "太湖监测读数",
  fileName: "太湖监测读数",
  asciiName: "taihu-readings",
  columns: [
    { header: C.pointCode ?? "点位编号", width: 14, value: (r) => r.pointCode },
    { header: C.day ?? "日期", width: 12, kind: "date", value: (r) => parseCalendarDate(r.day) },
    { header: C.algaeDensity ?? "藻密度", width: 10, value: (r) => r.algaeDensity },
    { header: C.bloomArea ?? "水华面积", width: 10, value: (r) => r.bloomArea },
    { header: C.blackBloom ?? "湖泛", width: 6, value: (r) => (r.blackBloom ? T.yes : T.no) },
    { header: C.blackBloomArea ?? "湖泛面积", width: 10, value: (r) => r.blackBloomArea },
    {
      header: C.sourceStatus ?? "水源地状态",
      width: 10,
      value: (r) => (r.sourceStatus ? (T.sourceStatuses[r.sourceStatus] ?? r.sourceStatus) : null),
    },
    { header: C.note ?? "备注", width: 30, value: (r) => r.note },
    { header: "等级", width: 8, value: (r) => T.levels[String(r.level)] ?? String(r.level) },
    { header: "演示数据", width: 8, value: (r) => (r.isDemo ? "是" : "") },
  ],
  // The list answers its period at once: one page.
  read: (actor, filters, page, _pageSize, locale) => unpaged(() => listReadings(actor, filters, { locale }), page),
};
