/**
 * The ledger's columns as offices name them (台账表头): the header each field is exported under
 * and the synonyms real ledgers use, so an import maps a sheet's columns without asking.
 * Export-only columns (序号, 整改进展, 完成率, 状态 …) are recognised on import and left alone:
 * they are computed by the app (progress from the measures, colour and overdue from the rules).
 */
export const LEDGER_IMPORT_FIELDS = [
  "code",
  "source",
  "round",
  "category",
  "title",
  "description",
  "district",
  "locationText",
  "leadOfficial",
  "leadUnit",
  "coUnits",
  "responsiblePerson",
  "responsiblePhone",
  "target",
  "measures",
  "deadlineBand",
  "deadline",
  "acceptanceUnit",
] as const;
export type LedgerImportField = (typeof LEDGER_IMPORT_FIELDS)[number];

export const LEDGER_COMPUTED_FIELDS = ["seq", "progressText", "progress", "status", "colour", "overdue", "note"] as const;
export type LedgerComputedField = (typeof LEDGER_COMPUTED_FIELDS)[number];
export type LedgerField = LedgerImportField | LedgerComputedField;

/** Header (first) and synonyms of every field; the header is what the export writes. */
export const LEDGER_HEADERS: Record<LedgerField, readonly string[]> = {
  seq: ["序号", "编号序号"],
  code: ["问题编号", "编号", "问题序号", "交办编号", "案件编号"],
  source: ["问题来源", "来源", "交办来源", "问题出处"],
  round: ["批次/轮次", "批次", "轮次", "交办批次", "督察批次"],
  category: ["问题类型", "类型", "问题类别", "类别", "问题分类"],
  title: ["问题名称", "问题标题", "标题", "名称", "问题简称"],
  description: ["问题描述", "问题内容", "具体问题", "反映问题", "交办问题", "问题情况", "存在问题"],
  district: ["所在地区", "属地", "地区", "所属地区", "辖区", "责任属地", "所在区", "区域"],
  locationText: ["具体位置", "位置", "地点", "详细地址", "地址"],
  leadOfficial: ["挂钩领导", "牵头领导", "领办领导", "责任领导", "分管领导", "包案领导"],
  leadUnit: ["牵头单位", "责任单位", "牵头责任单位", "牵头处室", "责任处室", "主办单位", "责任部门"],
  coUnits: ["配合单位", "协办单位", "配合部门", "配合责任单位"],
  responsiblePerson: ["责任人", "联系人", "具体责任人"],
  responsiblePhone: ["联系电话", "电话", "联系方式", "手机"],
  target: ["整改目标", "目标", "整改要求", "目标要求"],
  measures: ["整改措施", "措施", "主要措施", "整改举措"],
  deadlineBand: ["时限类型", "整改时限类型", "时限分类"],
  deadline: ["整改时限", "完成时限", "整改期限", "完成时间", "时限", "整改完成时限"],
  progressText: ["整改进展", "进展情况", "整改进度", "工作进展", "完成情况"],
  progress: ["完成率", "完成比例", "进度"],
  status: ["状态", "整改状态", "办理状态"],
  colour: ["督办等级（颜色）", "督办等级", "颜色", "预警等级"],
  overdue: ["是否逾期/逾期天数", "是否逾期", "逾期天数"],
  acceptanceUnit: ["验收单位", "验收部门", "验收责任单位"],
  note: ["备注", "说明"],
};

/** A header as typed: no spaces or line breaks, no "*" marks, no trailing "（…）" explanation. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/\s+/g, "")
    .replace(/[*＊:：]/g, "")
    .replace(/[（(][^）)]*[）)]$/, "")
    .replace(/／/g, "/")
    .trim();
}

const EXACT = new Map<string, LedgerField>();
for (const [field, names] of Object.entries(LEDGER_HEADERS) as [LedgerField, readonly string[]][]) {
  for (const n of names) EXACT.set(normalizeHeader(n), field);
}
// Full headers like "督办等级（颜色）" lose their explanation in normalizeHeader; keep them exact too.
for (const [field, names] of Object.entries(LEDGER_HEADERS) as [LedgerField, readonly string[]][]) {
  EXACT.set((names[0] ?? "").replace(/\s+/g, ""), field);
}

/** The field a header names, or null. Exact synonyms first, then a header that contains one (longest wins). */
export function fieldForHeader(header: string): LedgerField | null {
  if (typeof header !== "string") return null;
  const h = normalizeHeader(header);
  if (!h) return null;
  const exact = EXACT.get(h) ?? EXACT.get(header.replace(/\s+/g, ""));
  if (exact) return exact;
  let best: { field: LedgerField; len: number } | null = null;
  for (const [name, field] of EXACT) {
    if (name.length >= 2 && h.includes(name) && (!best || name.length > best.len)) best = { field, len: name.length };
  }
  return best?.field ?? null;
}

export function isImportField(f: string): f is LedgerImportField {
  return (LEDGER_IMPORT_FIELDS as readonly string[]).includes(f);
}

/** Fields an import cannot do without. */
export const REQUIRED_IMPORT_FIELDS: readonly LedgerImportField[] = ["description", "district", "leadUnit", "deadline"];

export type HeaderLayout = {
  /** Index (0-based, in the parsed rows) of the last header row; data starts after it. */
  headerRow: number;
  /** How many rows the header spans (1 or 2). */
  headerRows: number;
  /** The header text of each column (two-row headers joined as "上/下" when the lower one alone names nothing). */
  headers: string[];
  /** The field each column maps to, or null. */
  mapping: (LedgerField | null)[];
};

function score(row: readonly string[]): number {
  const seen = new Set<LedgerField>();
  for (const cell of row) {
    const f = fieldForHeader(cell ?? "");
    if (f) seen.add(f);
  }
  return seen.size;
}

/**
 * Finds the header in the first rows of a sheet whose merged cells were filled (every cell of a
 * merged range carries its text): the row naming the most fields; a row below that names fields
 * too makes a two-row header (e.g. "整改情况" over "整改措施 | 整改进展"), and a row above it
 * whose cells name fields (vertically merged "问题编号" over an empty lower cell) joins it.
 * Title rows ("XX市突出生态环境问题整改台账", merged across) name no field and are skipped.
 */
export function detectHeader(rows: readonly (readonly string[])[], scan = 15): HeaderLayout | null {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, scan); i++) {
    const s = score(rows[i] ?? []);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  if (best < 0 || bestScore < 2) return null;
  let top = best;
  let bottom = best;
  const below = rows[best + 1];
  const above = rows[best - 1];
  if (below && score(below) >= 2 && !looksLikeData(below)) bottom = best + 1;
  else if (above && score(above) >= 1 && !looksLikeData(above)) top = best - 1;
  const width = Math.max(...rows.slice(top, bottom + 1).map((r) => r.length));
  const headers: string[] = [];
  const mapping: (LedgerField | null)[] = [];
  for (let c = 0; c < width; c++) {
    const upper = top < bottom ? (rows[top]?.[c] ?? "").trim() : "";
    const lower = (rows[bottom]?.[c] ?? "").trim();
    const lowerField = fieldForHeader(lower);
    const upperField = fieldForHeader(upper);
    const field = lowerField ?? upperField;
    headers.push(upper && lower && upper !== lower ? `${upper}/${lower}` : lower || upper);
    mapping.push(field);
  }
  // A field named twice keeps its first column (a merged group header repeats over its columns).
  const seen = new Set<LedgerField>();
  for (let c = 0; c < mapping.length; c++) {
    const f = mapping[c];
    if (f && seen.has(f)) mapping[c] = null;
    else if (f) seen.add(f);
  }
  return { headerRow: bottom, headerRows: bottom - top + 1, headers, mapping };
}

/** A data row has long text or a date-like value somewhere; a header row has short labels only. */
function looksLikeData(row: readonly string[]): boolean {
  return row.some((c) => c.length > 30 || /^\d{4}[-/年]/.test(c.trim()));
}
