import { isPlausibleCalendarDate, parseCalendarDate } from "./calendar";
import { checkCreditCode, creditCodeMessage } from "./credit-code";
import { ENTERPRISE_STATUSES, ENTERPRISE_TAGS } from "./enums";
import { unescapeFormulaText } from "./office-text";
import { hasBidiControl, startsLikeFormula } from "./text-safety";

/**
 * Rows of an enterprise register file (企业库导入) → checked rows or Chinese row errors. Pure: the
 * use case reads the file and resolves districts, then writes all rows or none.
 */

export type EnterpriseTagName = (typeof ENTERPRISE_TAGS)[number];
export type EnterpriseStatusName = (typeof ENTERPRISE_STATUSES)[number];

export const TAG_LABELS: Record<EnterpriseTagName, string> = {
  VOCS_KEY: "VOCs重点",
  CHEMICAL: "化工",
  HEAVY_METAL: "涉重金属",
  CONSTRUCTION_SITE: "建筑工地",
  NEAR_SECTION: "临近国省考断面",
};
export const STATUS_LABELS: Record<EnterpriseStatusName, string> = { OPERATING: "在产", STOPPED: "停产", CLOSED: "关闭" };

/** Columns, by the header a file may use (Chinese as exported, or the English key). */
export const IMPORT_COLUMNS = [
  { key: "creditCode", zh: "统一社会信用代码", en: "credit_code", required: true },
  { key: "name", zh: "企业名称", en: "name", required: true },
  { key: "district", zh: "属地", en: "district", required: true },
  { key: "address", zh: "地址", en: "address", required: false },
  { key: "lat", zh: "纬度", en: "lat", required: false },
  { key: "lng", zh: "经度", en: "lng", required: false },
  { key: "industry", zh: "行业", en: "industry", required: false },
  { key: "tags", zh: "标签", en: "tags", required: false },
  { key: "status", zh: "状态", en: "status", required: false },
  { key: "closedOn", zh: "关闭日期", en: "closed_on", required: false },
] as const;
type ColumnKey = (typeof IMPORT_COLUMNS)[number]["key"];

export const MAX_ENTERPRISE_IMPORT_ROWS = 20_000;

export type ImportRowError = { row: number; column: string | null; reason: string };

export type EnterpriseRow = {
  row: number;
  creditCode: string;
  name: string;
  /** As written: a six-digit code or a district name; the use case resolves it. */
  district: string;
  address: string;
  lat: number | null;
  lng: number | null;
  industry: string;
  tags: EnterpriseTagName[];
  status: EnterpriseStatusName;
  closedOn: string | null;
};

const labelOf = (key: ColumnKey) => IMPORT_COLUMNS.find((c) => c.key === key)?.zh ?? key;

function parseTag(text: string): EnterpriseTagName | null {
  const t = text.trim();
  const upper = t.toUpperCase();
  if ((ENTERPRISE_TAGS as readonly string[]).includes(upper)) return upper as EnterpriseTagName;
  const hit = (Object.entries(TAG_LABELS) as [EnterpriseTagName, string][]).find(([, zh]) => zh === t || zh.startsWith(t));
  return hit ? hit[0] : null;
}

function parseStatus(text: string): EnterpriseStatusName | null {
  const t = text.trim();
  if (t === "") return "OPERATING";
  if ((ENTERPRISE_STATUSES as readonly string[]).includes(t.toUpperCase())) return t.toUpperCase() as EnterpriseStatusName;
  const hit = (Object.entries(STATUS_LABELS) as [EnterpriseStatusName, string][]).find(([, zh]) => zh === t);
  return hit ? hit[0] : null;
}

function parseCoordinate(text: string, max: number): number | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  if (!/^[+-]?\d{1,3}(\.\d{1,8})?$/.test(t)) return undefined;
  const n = Number(t);
  return Math.abs(n) <= max ? n : undefined;
}

/** Header row + data rows (sheet row numbers in `rowNumbers`) → rows and errors; any error means nothing is written. */
export function parseEnterpriseTable(
  table: string[][],
  rowNumbers?: number[],
): { rows: EnterpriseRow[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const [header, ...body] = table;
  if (!header) return { rows: [], errors: [{ row: 0, column: null, reason: "文件为空" }] };
  const index = new Map<ColumnKey, number>();
  header.forEach((h, i) => {
    const name = h.trim().toLowerCase();
    const col = IMPORT_COLUMNS.find((c) => c.zh === h.trim() || c.en === name);
    if (col) index.set(col.key, i);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !index.has(c.key));
  if (missing.length) {
    return {
      rows: [],
      errors: [{ row: 1, column: null, reason: `缺少列：${missing.map((c) => c.zh).join("、")}` }],
    };
  }
  if (body.length > MAX_ENTERPRISE_IMPORT_ROWS) {
    return { rows: [], errors: [{ row: 0, column: null, reason: `一次最多导入 ${MAX_ENTERPRISE_IMPORT_ROWS} 行` }] };
  }
  const seen = new Map<string, number>();
  const rows: EnterpriseRow[] = [];
  body.forEach((cells, i) => {
    const row = rowNumbers?.[i + 1] ?? i + 2;
    const raw = (key: ColumnKey) => {
      const at = index.get(key);
      return at === undefined ? "" : (cells[at] ?? "").trim();
    };
    // Text the export wrote as "'=…" (so a spreadsheet shows it as text) comes back as typed.
    const cell = (key: ColumnKey) => unescapeFormulaText(raw(key));
    if (cells.every((c) => c.trim() === "")) return;
    const fail = (key: ColumnKey | null, reason: string) => errors.push({ row, column: key ? labelOf(key) : null, reason });
    let ok = true;
    const bad = (key: ColumnKey, reason: string) => {
      fail(key, reason);
      ok = false;
    };
    for (const c of IMPORT_COLUMNS) {
      const v = raw(c.key);
      if (c.key !== "lat" && c.key !== "lng" && startsLikeFormula(v)) {
        bad(c.key, "不能以 = + - @ 开头（疑似公式）");
      } else if (hasBidiControl(v) || v.includes("\u0000")) {
        bad(c.key, "含有不允许的控制字符");
      }
    }
    if (!ok) return;
    const code = checkCreditCode(cell("creditCode"));
    if (!code.ok) {
      bad("creditCode", creditCodeMessage(code));
    } else if (seen.has(code.code)) {
      bad("creditCode", `与第 ${seen.get(code.code)} 行的统一社会信用代码重复`);
    } else seen.set(code.code, row);
    const name = cell("name");
    if (!name) bad("name", "企业名称不能为空");
    else if (name.length > 200) bad("name", "企业名称过长（最多200字）");
    const district = cell("district");
    if (!district) bad("district", "属地不能为空");
    const lat = parseCoordinate(cell("lat"), 90);
    const lng = parseCoordinate(cell("lng"), 180);
    if (lat === undefined) bad("lat", "纬度应为 -90 到 90 之间的数字");
    if (lng === undefined) bad("lng", "经度应为 -180 到 180 之间的数字");
    const tags: EnterpriseTagName[] = [];
    for (const part of cell("tags")
      .split(/[,，、;；\s]+/)
      .filter(Boolean)) {
      const tag = parseTag(part);
      if (!tag) {
        bad("tags", `无法识别的标签“${part}”（可用：${Object.values(TAG_LABELS).join("、")}）`);
      } else if (!tags.includes(tag)) tags.push(tag);
    }
    const status = parseStatus(cell("status"));
    if (!status) bad("status", "状态应为 在产、停产 或 关闭");
    const closedText = cell("closedOn");
    let closedOn: string | null = null;
    if (closedText) {
      const day = parseCalendarDate(closedText);
      if (!day || !isPlausibleCalendarDate(closedText)) bad("closedOn", "关闭日期格式应为 YYYY-MM-DD");
      else closedOn = closedText;
    }
    if (status === "CLOSED" && !closedText) bad("closedOn", "关闭的企业须填写关闭日期");
    if (status && status !== "CLOSED" && closedText) bad("closedOn", "只有已关闭的企业才填写关闭日期");
    if (!ok || !code.ok || !status || lat === undefined || lng === undefined) return;
    rows.push({
      row,
      creditCode: code.code,
      name,
      district,
      address: cell("address").slice(0, 300),
      lat,
      lng,
      industry: cell("industry").slice(0, 100),
      tags,
      status,
      closedOn,
    });
  });
  if (!rows.length && !errors.length) errors.push({ row: 0, column: null, reason: "文件中没有数据行" });
  return { rows, errors };
}
