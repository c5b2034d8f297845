/**
 * Water sections (国考/省考断面): water-quality classes, the monthly results file, the shares of
 * sections at class Ⅲ or better (优Ⅲ比例) and worse than Ⅴ (劣Ⅴ比例), the monthly miss rule and the
 * exemption from the water worst list. Pure: parse → validate here, the write happens elsewhere.
 */

/** Classes 1–5 are Ⅰ–Ⅴ; 6 is 劣Ⅴ (worse than Ⅴ). A lower class is better water. */
export const WATER_CLASSES = [1, 2, 3, 4, 5, 6] as const;
export type WaterClass = (typeof WATER_CLASSES)[number];
/** Target classes a section can be given (a target of 劣Ⅴ would be no target). */
export const TARGET_CLASSES = [1, 2, 3, 4, 5] as const;
export const WORSE_THAN_V = 6;
/** "Good water" is class Ⅲ or better. */
export const GOOD_CLASS_LIMIT = 3;

const LABELS = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"] as const;

export function classLabel(waterClass: number): string {
  return LABELS[waterClass - 1] ?? "—";
}

const ROMAN: Record<string, WaterClass> = { I: 1, II: 2, III: 3, IV: 4, V: 5 };
const UNICODE_ROMAN: Record<string, WaterClass> = { Ⅰ: 1, Ⅱ: 2, Ⅲ: 3, Ⅳ: 4, Ⅴ: 5 };

/**
 * A class as people write it: Ⅰ–Ⅴ, I–V (any case), 1–5, 劣Ⅴ / 劣V / 6, each optionally followed by
 * 类 ("Ⅲ类"), full-width digits and letters accepted. Anything else → null.
 */
export function parseWaterClass(text: string): WaterClass | null {
  let s = text.normalize("NFKC").trim().replace(/\s+/g, "").toUpperCase();
  // NFKC turns Ⅲ into "III" and Ｖ into "V", so one table serves all spellings.
  if (s.endsWith("类")) s = s.slice(0, -1);
  if (s.startsWith("劣")) return s === "劣V" ? 6 : null;
  if (s === "6") return 6;
  if (/^[1-5]$/.test(s)) return Number(s) as WaterClass;
  return ROMAN[s] ?? UNICODE_ROMAN[s] ?? null;
}

export const SECTION_IMPORT_COLUMNS = ["section_code", "period", "class", "key_pollutant"] as const;
export type SectionImportColumn = (typeof SECTION_IMPORT_COLUMNS)[number];
/** What each column holds, for the template and the page (same order as SECTION_IMPORT_COLUMNS). */
export const SECTION_COLUMN_NOTES: Record<SectionImportColumn, string> = {
  section_code: "已登记的断面编码，见「断面编码」表",
  period: "年月，YYYY-MM（如 2026-03）",
  class: "水质类别：Ⅰ–Ⅴ、I–V、1–5，或 劣Ⅴ / 劣V / 6（可带「类」字）",
  key_pollutant: "主要污染物（可空），如 总磷、氨氮",
};
/** How a class may be written, for the template and the page. */
export const CLASS_SPELLINGS: readonly (readonly [string, string])[] = [
  ["Ⅰ / I / 1", "Ⅰ类"],
  ["Ⅱ / II / 2", "Ⅱ类"],
  ["Ⅲ / III / 3", "Ⅲ类（优Ⅲ及以上为好水）"],
  ["Ⅳ / IV / 4", "Ⅳ类"],
  ["Ⅴ / V / 5", "Ⅴ类"],
  ["劣Ⅴ / 劣V / 6", "劣Ⅴ类"],
];
/** 10 years of 500 sections. */
export const MAX_SECTION_IMPORT_ROWS = 60_000;

export type SectionResultRow = {
  sectionCode: string;
  year: number;
  month: number;
  waterClass: WaterClass;
  keyPollutants: string | null;
};

/** `row` is the 1-based line of the file (the header is row 1); `column` null means the whole row. Reasons are Chinese. */
export type SectionRowError = { row: number; column: SectionImportColumn | null; reason: string };

const PERIOD = /^(\d{4})-(\d{1,2})$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Validates a results table whose first row is the header. `knownCodes` are the registered
 * sections' codes. Returns the good rows only when there is no error at all (all-or-nothing).
 */
export function validateSectionTable(
  table: readonly (readonly string[])[],
  knownCodes: ReadonlySet<string>,
  opts: { maxYear?: number } = {},
): { rows: SectionResultRow[]; errors: SectionRowError[] } {
  const errors: SectionRowError[] = [];
  const [header, ...body] = table;
  if (!header) return { rows: [], errors: [{ row: 1, column: null, reason: "文件为空" }] };
  const names = header.map((h) =>
    h
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase(),
  );
  const index = Object.fromEntries(SECTION_IMPORT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<
    SectionImportColumn,
    number
  >;
  const missing = SECTION_IMPORT_COLUMNS.filter((c) => c !== "key_pollutant" && index[c] < 0);
  if (missing.length) {
    return { rows: [], errors: missing.map((c) => ({ row: 1, column: c, reason: `缺少列 ${c}` })) };
  }
  if (body.length === 0) return { rows: [], errors: [{ row: 2, column: null, reason: "没有数据行" }] };
  if (body.length > MAX_SECTION_IMPORT_ROWS) {
    return {
      rows: [],
      errors: [{ row: MAX_SECTION_IMPORT_ROWS + 2, column: null, reason: `超过 ${MAX_SECTION_IMPORT_ROWS} 行` }],
    };
  }
  const maxYear = opts.maxYear ?? 2100;
  const rows: SectionResultRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const rowNo = i + 2;
    const cell = (c: SectionImportColumn) => (index[c] < 0 ? "" : (cells[index[c]] ?? "").trim());
    const fail = (column: SectionImportColumn | null, reason: string) => errors.push({ row: rowNo, column, reason });
    const before = errors.length;

    const sectionCode = cell("section_code");
    if (!sectionCode) fail("section_code", "断面编码不能为空");
    else if (!knownCodes.has(sectionCode)) fail("section_code", `未登记的断面：${sectionCode.slice(0, 40)}`);

    const period = PERIOD.exec(cell("period"));
    const year = period ? Number(period[1]) : 0;
    const month = period ? Number(period[2]) : 0;
    if (!period || month < 1 || month > 12 || year < 2000 || year > maxYear) {
      fail("period", "月份格式应为 YYYY-MM（如 2026-03）");
    }

    const waterClass = parseWaterClass(cell("class"));
    if (waterClass === null) fail("class", "水质类别应为 Ⅰ–Ⅴ、I–V、1–5 或 劣Ⅴ/劣V/6");

    const pollutant = cell("key_pollutant");
    if (pollutant.length > 100) fail("key_pollutant", "主要污染物超过 100 个字符");
    else if (FORMULA_START.test(pollutant)) fail("key_pollutant", "主要污染物不能以 =、+、-、@ 或控制字符开头");

    if (errors.length > before) return;
    const key = `${sectionCode}|${year}-${month}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(null, `与第 ${first} 行重复（同一断面同一月份）`);
      return;
    }
    seen.set(key, rowNo);
    rows.push({ sectionCode, year, month, waterClass: waterClass as WaterClass, keyPollutants: pollutant || null });
  });
  return errors.length ? { rows: [], errors } : { rows, errors };
}

/** The template file people fill in. */
export function sectionTemplateCsv(example: { code: string; period: string }[]): string {
  const classes = ["Ⅱ", "Ⅲ", "Ⅳ", "劣Ⅴ"];
  const lines = [
    SECTION_IMPORT_COLUMNS.join(","),
    ...example.map((e, i) => `${e.code},${e.period},${classes[i % classes.length]},${i % 2 ? "总磷" : ""}`),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** A month is missed when the section's class is worse than its target class; a month without a result is not a miss. */
export function isMiss(waterClass: number, targetClass: number): boolean {
  return waterClass > targetClass;
}

/** The months (1..throughMonth, ascending) in which a section missed its target. */
export function missedMonths(
  results: readonly { month: number; waterClass: number }[],
  targetClass: number,
  throughMonth = 12,
): number[] {
  return [
    ...new Set(
      results.filter((r) => r.month >= 1 && r.month <= throughMonth && isMiss(r.waterClass, targetClass)).map((r) => r.month),
    ),
  ].sort((a, b) => a - b);
}

/** count / total as a percentage with one decimal, rounded half up exactly (no float error): "66.7". */
export function percentText(count: number, total: number): string {
  if (!Number.isInteger(count) || !Number.isInteger(total) || total <= 0 || count < 0 || count > total) {
    throw new RangeError(`bad share ${count}/${total}`);
  }
  const tenths = Math.floor((count * 2000 + total) / (2 * total));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

export type WaterRatios = { good: string; bad: string; sectionMonths: number };

/**
 * 优Ⅲ比例 and 劣Ⅴ比例 over a set of section-month classes: the share at class Ⅲ or better and the
 * share worse than Ⅴ. For one month that is over the unit's sections with a result that month;
 * year to date it is over all the section-months of the year so far (pooled). No classes → null.
 */
export function waterRatios(classes: readonly number[]): WaterRatios | null {
  if (classes.length === 0) return null;
  const good = classes.filter((c) => c <= GOOD_CLASS_LIMIT).length;
  const bad = classes.filter((c) => c >= WORSE_THAN_V).length;
  return { good: percentText(good, classes.length), bad: percentText(bad, classes.length), sectionMonths: classes.length };
}

/**
 * Exempt from the water worst list: the unit has at least one active section, and every active
 * section has a result in every month 1..throughMonth at class Ⅲ or better and no worse than its
 * target. A month without a result proves nothing, so it withholds the exemption.
 */
export function isWaterExempt(
  sections: readonly { targetClass: number; results: readonly { month: number; waterClass: number }[] }[],
  throughMonth: number,
): boolean {
  if (sections.length === 0 || throughMonth < 1) return false;
  return sections.every((s) => {
    for (let m = 1; m <= throughMonth; m++) {
      const r = s.results.find((x) => x.month === m);
      if (!r || r.waterClass > GOOD_CLASS_LIMIT || isMiss(r.waterClass, s.targetClass)) return false;
    }
    return true;
  });
}
