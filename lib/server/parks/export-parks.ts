import "server-only";
import { PREVENTION_LEVELS } from "../../domain/bottom-line";
import { parseCalendarDate } from "../../domain/calendar";
import { MESSAGES } from "../../i18n/messages";
import { parkListQuerySchema } from "../../schemas/bottom-line";
import { parseInput } from "../../schemas/parse";
import { type ListExport, unpaged } from "../office/list-export";
import type { ExportColumn } from "../office/table-export";
import { listParks } from "./list-parks";
import type { ParkDto } from "./park-dto";

type Texts = Record<string, string>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const Z = MESSAGES["zh-CN"] as unknown as {
  bottomLine: Texts & { parks: Texts; parkKind: Texts; preventionLevel: Texts; assessment: Texts; tabs: Texts };
  grade: Texts;
};
const B = Z.bottomLine;

/** A roll-up as the page's cell reads: "60%（3/5）· 滞后预警", or "无建设项". */
function rollUpText(r: { items: number; done: number; percent: number; colour: string | null }): string {
  if (r.items === 0) return B.parks.noItems ?? "无建设项";
  return `${r.percent}%（${r.done}/${r.items}）${r.colour ? ` · ${Z.grade[r.colour] ?? r.colour}` : ""}`;
}

/** One column per prevention level (企业级, 园区级, 水体级). */
const levelColumns: ExportColumn<ParkDto>[] = PREVENTION_LEVELS.map((level) => ({
  header: B.preventionLevel[level] ?? level,
  width: 22,
  value: (p: ParkDto) => {
    const l = p.levels.find((x) => x.level === level);
    return l ? rollUpText(l) : null;
  },
}));

/** 三级防控 as the parks page lists them (the person's scope; district, then name). */
export const parkExport: ListExport<ParkDto> = {
  permission: "park.read",
  entityType: "Park",
  sheetName: B.tabs.parks ?? "三级防控",
  fileName: B.tabs.parks ?? "三级防控",
  asciiName: "parks",
  columns: [
    { header: B.parks.name ?? "园区", width: 30, value: (p) => p.name },
    { header: "类型", width: 12, value: (p) => B.parkKind[p.kind] ?? p.kind },
    { header: B.parks.district ?? "属地", width: 10, value: (p) => p.district.name },
    ...levelColumns,
    { header: B.parks.all ?? "合计", width: 22, value: (p) => rollUpText({ ...p.all }) },
    {
      header: "最近评估日期",
      width: 12,
      kind: "date",
      value: (p) => (p.assessments[0] ? parseCalendarDate(p.assessments[0].assessedOn) : null),
    },
    {
      header: B.parks.assessment ?? "最近评估",
      width: 12,
      value: (p) => (p.assessments[0] ? (B.assessment[p.assessments[0].result] ?? p.assessments[0].result) : B.parks.notAssessed),
    },
    { header: "园区内企业", width: 8, kind: "int", value: (p) => p.enterprises.length },
    { header: B.demo ?? "演示", width: 6, value: (p) => (p.isDemo ? "是" : "") },
  ],
  // The page lists every park in scope at once and has no filters: one page; an unknown filter is refused.
  read: (actor, filters, page, _pageSize, locale) =>
    unpaged(async () => {
      parseInput(parkListQuerySchema, filters, locale);
      return (await listParks(actor)).items;
    }, page),
};
