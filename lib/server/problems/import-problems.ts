import "server-only";
import { clockNow } from "../../clock";
import { db, type Tx } from "../../db";
import { bureauToday, formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import { DEADLINE_BANDS, PROBLEM_CATEGORIES, PROBLEM_SOURCES } from "../../domain/enums";
import {
  detectHeader,
  isImportField,
  LEDGER_HEADERS,
  type LedgerField,
  type LedgerImportField,
  REQUIRED_IMPORT_FIELDS,
} from "../../domain/ledger-columns";
import { bandForDeadline, parseLedgerDeadline } from "../../domain/ledger-dates";
import { parseCsv, parseMeasuresText, unescapeFormulaText } from "../../domain/office-text";
import { AppError, Invalid } from "../../errors";
import { MESSAGES } from "../../i18n/messages";
import { type Actor, authorize } from "../../permissions";
import type { LedgerImportResult } from "../../schemas/office";
import { type Locale, localizeMessage } from "../../schemas/parse";
import { type ProblemCreateInput, problemCreateSchema, problemUpdateSchema } from "../../schemas/problem";
import { writeAudit } from "../audit/write-audit";
import { parseXlsxInWorker, XlsxRefused } from "../office/parse-xlsx";
import { getSettings } from "../settings/get-settings";
import { refreshDerived } from "../workflow/refresh-derived";
import { insertProblems, isUniqueViolation, nextProblemCode, type ProblemToInsert } from "./create-problem";
import { problemWithMeasuresInclude } from "./problem-dto";
import { updateProblemInTx } from "./update-problem";

/** Largest ledger file accepted, in bytes. */
export const MAX_LEDGER_IMPORT_BYTES = 20 * 1024 * 1024;
/** Most data rows in one import. */
export const MAX_LEDGER_IMPORT_ROWS = 20_000;
/** Rows shown in a dry run's preview. */
const PREVIEW_ROWS = 50;

type Texts = { [key: string]: string | Texts };
const T = (MESSAGES["zh-CN"] as unknown as { office: { import: Texts } }).office.import;
const enums = MESSAGES["zh-CN"].enums as unknown as Record<"source" | "category" | "band", Record<string, string>>;

function say(key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Texts | undefined = T;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  let text = typeof node === "string" ? node : key;
  for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

const squash = (s: string) => s.replace(/\s+/g, "").replace(/[（）()]/g, "");

/** Source as written in ledgers: the app's label, the code, or the words offices use. */
export function matchSource(text: string): (typeof PROBLEM_SOURCES)[number] | null {
  const t = squash(text);
  if (!t) return "OTHER";
  for (const s of PROBLEM_SOURCES) if (t === s || t === squash(enums.source[s] ?? "")) return s;
  if (/回头看/.test(t)) return "CENTRAL_LOOKBACK";
  if (/中央/.test(t)) return "CENTRAL_INSPECTION";
  if (/省/.test(t)) return "PROVINCIAL_INSPECTION";
  if (/警示片/.test(t)) return "WARNING_FILM";
  if (/信访|投诉|举报|12345|12369/.test(t)) return "PETITION";
  if (/执法|检查/.test(t)) return "ENFORCEMENT";
  if (/自查|自纠/.test(t)) return "SELF_CHECK";
  if (/隐患|排查/.test(t)) return "HAZARD_SWEEP";
  if (/其他|其它/.test(t)) return "OTHER";
  return null;
}

export function matchCategory(text: string): (typeof PROBLEM_CATEGORIES)[number] | null {
  const t = squash(text);
  if (!t) return "OTHER";
  for (const c of PROBLEM_CATEGORIES) if (t === c || t === squash(enums.category[c] ?? "")) return c;
  if (/固废|危废|固体|化学品|垃圾/.test(t)) return "SOLID_WASTE";
  if (/水/.test(t)) return "WATER";
  if (/气|VOC|扬尘|臭/i.test(t)) return "AIR";
  if (/土/.test(t)) return "SOIL";
  if (/噪/.test(t)) return "NOISE";
  if (/生态/.test(t)) return "ECOLOGY";
  if (/风险|隐患/.test(t)) return "RISK";
  if (/其他|其它/.test(t)) return "OTHER";
  return null;
}

export function matchBand(text: string): (typeof DEADLINE_BANDS)[number] | null {
  const t = squash(text);
  if (!t) return null;
  for (const b of DEADLINE_BANDS) if (t === b || t === squash(enums.band[b] ?? "")) return b;
  if (/立行立改|立即/.test(t)) return "IMMEDIATE";
  if (/长期坚持|持续/.test(t)) return "ONGOING";
  if (/短期/.test(t)) return "SHORT";
  if (/中期/.test(t)) return "MID";
  if (/长期/.test(t)) return "LONG";
  return null;
}

type Refs = {
  districts: Map<string, { id: string; code: string; name: string }>;
  units: Map<string, string>;
  leaders: Map<string, string>;
};

async function loadRefs(): Promise<Refs> {
  const [districts, units, leaders] = await Promise.all([
    db.district.findMany({ select: { id: true, code: true, name: true } }),
    db.unit.findMany({ where: { active: true }, select: { id: true, name: true } }),
    db.user.findMany({ where: { role: "LEADER", active: true }, select: { id: true, displayName: true } }),
  ]);
  const d = new Map<string, { id: string; code: string; name: string }>();
  for (const x of districts) {
    // "江阴市", "江阴" and the code "320281" all name the same district.
    for (const key of [x.name, x.code, x.name.replace(/(市|区|县)$/, "")]) if (!d.has(squash(key))) d.set(squash(key), x);
  }
  return {
    districts: d,
    units: new Map(units.map((u) => [squash(u.name), u.id])),
    leaders: new Map(leaders.map((l) => [squash(l.displayName), l.id])),
  };
}

type SheetRows = { sheetName: string; rows: string[][]; rowNumbers: number[] };

async function readSheet(file: { name: string; bytes: Uint8Array }): Promise<SheetRows> {
  const isZip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  if (isZip) {
    try {
      return await parseXlsxInWorker(file.bytes, { maxRows: MAX_LEDGER_IMPORT_ROWS + 30 }, { dates: "day" });
    } catch (e) {
      if (e instanceof XlsxRefused) throw new Invalid({ file: [say(`refused.${e.reason}`)] }, say(`refused.${e.reason}`));
      throw e;
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    throw new Invalid({ file: [say("notUtf8")] }, say("notUtf8"));
  }
  const rows = parseCsv(text);
  if (rows.length > MAX_LEDGER_IMPORT_ROWS + 30) throw new Invalid({ file: [say("refused.too-many-rows")] });
  return { sheetName: file.name, rows, rowNumbers: rows.map((_r, i) => i + 1) };
}

type RowPlan = {
  row: number;
  code: string | null;
  input: ProblemCreateInput | null;
  districtId: string | null;
  measures: string[];
  preview: { title: string; district: string; leadUnit: string; deadline: string };
};

export type ImportProgress = (done: number, total: number) => void;

/**
 * Brings an office's spreadsheet ledger (XLSX, or CSV in UTF-8) into the app: finds the header
 * (merged title rows, two-row headers), maps the columns by their names (or by `mapping` chosen
 * on the page), reads every row — sources and categories by their words, text dates, units,
 * districts and lead officials by name — and lists every bad row (row, column, reason, in
 * Chinese). A dry run stops there and shows the mapping and a preview; a commit writes all rows
 * in one transaction or none: a row whose problem code exists updates that problem (version
 * checked, audited, closed ones refused), others are registered through the same core as the
 * form. Unchanged rows are left alone, so importing the same file twice changes nothing.
 */
export async function importProblems(
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  opts: {
    dryRun?: boolean;
    mapping?: Record<string, LedgerImportField | "">;
    locale?: Locale;
    requestId?: string;
    now?: Date;
    onProgress?: ImportProgress;
  } = {},
): Promise<LedgerImportResult> {
  authorize(actor, "problem.import");
  const locale: Locale = "zh-CN";
  const now = opts.now ?? clockNow();
  const today = formatCalendarDate(bureauToday(now));
  const sheet = await readSheet(file);
  const layout = detectHeader(sheet.rows);
  const empty = (errors: LedgerImportResult["errors"]): LedgerImportResult => ({
    dryRun: !!opts.dryRun,
    sheetName: sheet.sheetName,
    headerRow: 0,
    columns: [],
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors,
    unmatched: { units: [], districts: [], officials: [] },
    preview: [],
  });
  if (!layout) return empty([{ row: 0, column: "", reason: say("noHeader") }]);

  const mapping: (LedgerField | null)[] = [...layout.mapping];
  for (const [col, field] of Object.entries(opts.mapping ?? {})) {
    const c = Number(col);
    if (c >= layout.headers.length) continue;
    if (field) for (let i = 0; i < mapping.length; i++) if (mapping[i] === field) mapping[i] = null;
    mapping[c] = field || null;
  }
  const columns = layout.headers.map((header, index) => ({ index, header, field: mapping[index] ?? null }));
  const colOf = new Map<LedgerImportField, number>();
  mapping.forEach((f, i) => {
    if (f && isImportField(f)) colOf.set(f, i);
  });
  const headerOf = (f: LedgerImportField) => {
    const c = colOf.get(f);
    return c === undefined ? (LEDGER_HEADERS[f][0] ?? f) : layout.headers[c] || (LEDGER_HEADERS[f][0] ?? f);
  };

  const errors: LedgerImportResult["errors"] = [];
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !colOf.has(f));
  if (missing.length) {
    return {
      ...empty(
        missing.map((f) => ({ row: layout.headerRow + 1, column: LEDGER_HEADERS[f][0] ?? f, reason: say("missingColumn") })),
      ),
      headerRow: sheet.rowNumbers[layout.headerRow] ?? 0,
      columns,
    };
  }

  const refs = await loadRefs();
  const unmatched = { units: new Set<string>(), districts: new Set<string>(), officials: new Set<string>() };
  const plans: RowPlan[] = [];
  const seenCodes = new Map<string, number>();
  const dataRows = sheet.rows.slice(layout.headerRow + 1);
  if (dataRows.length > MAX_LEDGER_IMPORT_ROWS) {
    return { ...empty([{ row: 0, column: "", reason: say("refused.too-many-rows") }]), columns };
  }

  dataRows.forEach((cells, i) => {
    const row = sheet.rowNumbers[layout.headerRow + 1 + i] ?? 0;
    const get = (f: LedgerImportField) => {
      const c = colOf.get(f);
      return c === undefined ? "" : unescapeFormulaText((cells[c] ?? "").trim());
    };
    // Blank spacer rows and repeated title/header rows carry no problem.
    if ([...colOf.values()].every((c) => !(cells[c] ?? "").trim())) return;
    if (get("description") && get("description") === layout.headers[colOf.get("description") as number]) return;
    const fail = (f: LedgerImportField, reason: string) => errors.push({ row, column: headerOf(f), reason });
    const before = errors.length;

    const code = get("code") || null;
    if (code) {
      const first = seenCodes.get(code);
      if (first !== undefined) fail("code", say("duplicateCode", { row: first }));
      else seenCodes.set(code, row);
    }
    const source = matchSource(get("source"));
    if (!source) fail("source", say("unknownSource", { value: get("source") }));
    const category = matchCategory(get("category"));
    if (!category) fail("category", say("unknownCategory", { value: get("category") }));

    const districtText = get("district");
    const district = districtText ? refs.districts.get(squash(districtText)) : undefined;
    if (!districtText) fail("district", say("required"));
    else if (!district) {
      fail("district", say("unknownDistrict", { value: districtText }));
      unmatched.districts.add(districtText);
    }
    const unitId = (f: LedgerImportField, name: string) => {
      const id = refs.units.get(squash(name));
      if (!id) {
        fail(f, say("unknownUnit", { value: name }));
        unmatched.units.add(name);
      }
      return id;
    };
    const leadUnitText = get("leadUnit");
    const leadUnitId = leadUnitText ? unitId("leadUnit", leadUnitText) : undefined;
    if (!leadUnitText) fail("leadUnit", say("required"));
    const coUnitIds = get("coUnits")
      .split(/[、，,；;/\n]+/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((n) => unitId("coUnits", n))
      .filter((x): x is string => !!x);
    const acceptanceText = get("acceptanceUnit");
    const acceptanceUnitId = acceptanceText ? unitId("acceptanceUnit", acceptanceText) : null;
    const officialText = get("leadOfficial");
    let leadOfficialId: string | null = null;
    if (officialText) {
      leadOfficialId = refs.leaders.get(squash(officialText)) ?? null;
      if (!leadOfficialId) {
        fail("leadOfficial", say("unknownOfficial", { value: officialText }));
        unmatched.officials.add(officialText);
      }
    }

    const deadlineText = get("deadline");
    const parsed = parseLedgerDeadline(deadlineText);
    let deadline: string | null = null;
    let band = matchBand(get("deadlineBand"));
    if (get("deadlineBand") && !band) fail("deadlineBand", say("unknownBand", { value: get("deadlineBand") }));
    if (parsed.kind === "empty") fail("deadline", say("required"));
    else if (parsed.kind === "invalid") fail("deadline", say("invalidDate", { value: deadlineText }));
    else if (parsed.kind === "ongoing") band = "ONGOING";
    else {
      deadline = parsed.date;
      if (!band || band === "ONGOING") band = bandForDeadline(parsed.date, today);
    }

    const description = get("description");
    const title = get("title") || description.split(/[。；;\n]/)[0]?.slice(0, 60) || description.slice(0, 60);
    const measures = parseMeasuresText(get("measures"));
    if (measures.some((m) => m.length > 2000)) fail("measures", say("measureTooLong"));

    let input: ProblemCreateInput | null = null;
    if (errors.length === before) {
      const candidate = {
        ...(code && { code }),
        title,
        description,
        source,
        round: get("round"),
        category,
        districtCode: district?.code,
        locationText: get("locationText"),
        leadOfficialId,
        leadUnitId,
        coUnitIds,
        acceptanceUnitId,
        responsiblePerson: get("responsiblePerson"),
        responsiblePhone: get("responsiblePhone"),
        target: get("target"),
        deadlineBand: band,
        deadline,
      };
      const result = problemCreateSchema.safeParse(candidate);
      if (result.success) input = result.data;
      else {
        for (const issue of result.error.issues) {
          const key = String(issue.path[0] ?? "");
          const field: LedgerImportField =
            key === "districtCode"
              ? "district"
              : key === "leadUnitId"
                ? "leadUnit"
                : key === "coUnitIds"
                  ? "coUnits"
                  : key === "leadOfficialId"
                    ? "leadOfficial"
                    : key === "acceptanceUnitId"
                      ? "acceptanceUnit"
                      : isImportField(key)
                        ? key
                        : "description";
          fail(field, localizeMessage(issue.message, locale));
        }
      }
    }
    plans.push({
      row,
      code,
      input,
      districtId: district?.id ?? null,
      measures,
      preview: { title, district: district?.name ?? districtText, leadUnit: leadUnitText, deadline: deadline ?? deadlineText },
    });
  });

  const codes = plans.map((p) => p.code).filter((c): c is string => !!c);
  const existing = new Map(
    (codes.length
      ? await db.problem.findMany({ where: { code: { in: codes } }, include: { ...problemWithMeasuresInclude } })
      : []
    ).map((p) => [p.code, p]),
  );
  type Action = "create" | "update" | "unchanged" | "error";
  const actions = new Map<RowPlan, { action: Action; changes?: Record<string, unknown> }>();
  for (const plan of plans) {
    if (!plan.input) {
      actions.set(plan, { action: "error" });
      continue;
    }
    const current = plan.code ? existing.get(plan.code) : undefined;
    if (!current) {
      actions.set(plan, { action: "create" });
      continue;
    }
    const changes = diffAgainst(current, plan.input, plan.districtId as string);
    // Measures live in the app once a problem has them; an import only fills them in when it has none.
    const addMeasures = current.measures.length === 0 && plan.measures.length > 0;
    actions.set(plan, { action: Object.keys(changes).length || addMeasures ? "update" : "unchanged", changes });
  }

  const count = (a: Action) => [...actions.values()].filter((x) => x.action === a).length;
  const result: LedgerImportResult = {
    dryRun: !!opts.dryRun,
    sheetName: sheet.sheetName,
    headerRow: sheet.rowNumbers[layout.headerRow] ?? 0,
    columns,
    rows: plans.length,
    created: count("create"),
    updated: count("update"),
    unchanged: count("unchanged"),
    errors,
    unmatched: { units: [...unmatched.units], districts: [...unmatched.districts], officials: [...unmatched.officials] },
    preview: plans.slice(0, PREVIEW_ROWS).map((p) => ({
      row: p.row,
      code: p.code,
      action: actions.get(p)?.action ?? "error",
      ...p.preview,
    })),
  };
  if (plans.length === 0 && errors.length === 0) result.errors.push({ row: 0, column: "", reason: say("noRows") });
  if (opts.dryRun || result.errors.length) return result;

  // All or nothing: one transaction; a row refused by the rules rolls every row back.
  const rowErrors: LedgerImportResult["errors"] = [];
  const creates = plans.filter((p) => actions.get(p)?.action === "create");
  const updates = plans.filter((p) => actions.get(p)?.action === "update");
  const total = creates.length + updates.length;
  let done = 0;
  const progressed = (n: number) => {
    const before = done;
    done += n;
    if (Math.floor(done / 100) > Math.floor(before / 100) || done === total) opts.onProgress?.(done, total);
  };
  // Rows without a code continue the year's numbering, as the form would, skipping codes the file itself brings.
  const fileCodes = new Set(codes);
  const toInsert: ProblemToInsert[] = [];
  try {
    await db.$transaction(
      async (tx) => {
        // Read once for the whole import: every row's colour is graded with the same settings.
        const settings = await getSettings(tx);
        for (const plan of updates) {
          const current = existing.get(plan.code as string);
          if (!current) continue;
          try {
            await applyUpdate(tx, actor, current, plan, actions.get(plan)?.changes ?? {}, opts.requestId);
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            const reason =
              e.status === 403 ? say("closedReadOnly") : e.status === 409 ? say("changedMeanwhile") : fieldText(e) || e.message;
            rowErrors.push({ row: plan.row, column: "", reason });
            throw new RollBack();
          }
          progressed(1);
        }
        let year: { prefix: number; next: number } | null = null;
        for (const plan of creates) {
          const input = plan.input as ProblemCreateInput;
          let code = input.code;
          if (!code) {
            year ??= await firstFreeNumber(tx, bureauToday(now).getUTCFullYear());
            do code = `WX-${year.prefix}-${String(year.next++).padStart(4, "0")}`;
            while (fileCodes.has(code));
          }
          toInsert.push({ input: { ...input, code }, districtId: plan.districtId as string, measures: plan.measures });
        }
        let inserted = 0;
        await insertProblems(tx, actor, toInsert, {
          requestId: opts.requestId,
          auditAction: "import",
          settings,
          now,
          onBatch: (n) => {
            progressed(n - inserted);
            inserted = n;
          },
        });
      },
      // A large ledger on a busy machine takes a while (see README, bench:export); all or nothing still holds.
      { timeout: 60 * 60_000, maxWait: 30_000 },
    );
  } catch (e) {
    if (isUniqueViolation(e, "code")) {
      // Another registration took a code meanwhile: name the rows whose codes are now taken.
      const taken = new Set(
        (await db.problem.findMany({ where: { code: { in: toInsert.map((t) => t.input.code) } }, select: { code: true } })).map(
          (p) => p.code,
        ),
      );
      creates.forEach((plan, i) => {
        if (taken.has(toInsert[i]?.input.code ?? ""))
          rowErrors.push({ row: plan.row, column: headerOf("code"), reason: say("codeTaken") });
      });
      if (!rowErrors.length) rowErrors.push({ row: 0, column: headerOf("code"), reason: say("codeTaken") });
    } else if (!(e instanceof RollBack)) throw e;
    return { ...result, created: 0, updated: 0, errors: rowErrors };
  }
  return result;
}

/** An existing problem brought up to the row: an edit (version checked, audited) and, when it has none, the row's measures. */
async function applyUpdate(
  tx: Tx,
  actor: Actor,
  current: Existing,
  plan: RowPlan,
  changes: Record<string, unknown>,
  requestId: string | undefined,
): Promise<void> {
  if (Object.keys(changes).length) {
    const update = problemUpdateSchema.parse({ ...changes, version: current.version });
    await updateProblemInTx(tx, actor, current.id, update, "zh-CN", requestId);
  }
  if (current.measures.length === 0 && plan.measures.length) {
    await tx.measure.createMany({
      data: plan.measures.map((description, i) => ({ problemId: current.id, seq: i + 1, description })),
    });
    await refreshDerived(tx, current.id);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Problem",
      entityId: current.id,
      action: "import",
      after: { measures: plan.measures },
      requestId,
    });
  }
}

class RollBack extends Error {}

function fieldText(e: AppError): string {
  return Object.values(e.fields ?? {})
    .flat()
    .join("；");
}

async function firstFreeNumber(tx: Tx, year: number): Promise<{ prefix: number; next: number }> {
  const code = await nextProblemCode(tx, year);
  return { prefix: year, next: Number(code.slice(`WX-${year}-`.length)) };
}

type Existing = Awaited<ReturnType<typeof db.problem.findMany<{ include: typeof problemWithMeasuresInclude }>>>[number];

/** The fields of an imported row that differ from the problem in the app (as an edit's body). */
function diffAgainst(current: Existing, input: ProblemCreateInput, districtId: string): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const set = (key: string, now: unknown, next: unknown, value: unknown = next) => {
    if ((now ?? null) !== (next ?? null)) changes[key] = value;
  };
  set("title", current.title, input.title);
  set("description", current.description, input.description);
  set("source", current.source, input.source);
  set("round", current.round, input.round ?? null, input.round ?? "");
  set("category", current.category, input.category);
  if (current.districtId !== districtId) changes.districtCode = input.districtCode;
  set("locationText", current.locationText, input.locationText ?? null, input.locationText ?? "");
  set("leadOfficialId", current.leadOfficialId, input.leadOfficialId ?? null, input.leadOfficialId ?? "");
  set("leadUnitId", current.leadUnitId, input.leadUnitId);
  set("acceptanceUnitId", current.acceptanceUnitId, input.acceptanceUnitId ?? null, input.acceptanceUnitId ?? "");
  set("responsiblePerson", current.responsiblePerson, input.responsiblePerson ?? null, input.responsiblePerson ?? "");
  set("responsiblePhone", current.responsiblePhone, input.responsiblePhone ?? null, input.responsiblePhone ?? "");
  set("target", current.target, input.target ?? null, input.target ?? "");
  set("deadlineBand", current.deadlineBand, input.deadlineBand);
  const currentDeadline = current.deadline ? formatCalendarDate(current.deadline) : null;
  set("deadline", currentDeadline, input.deadline ?? null, input.deadline ?? "");
  const currentCo = current.coUnits.map((c) => c.unitId).sort();
  const nextCo = [...input.coUnitIds].sort();
  if (currentCo.join() !== nextCo.join()) changes.coUnitIds = nextCo;
  // A band change needs its deadline in the same edit (ONGOING clears it).
  if (changes.deadlineBand && changes.deadline === undefined) changes.deadline = input.deadline ?? "";
  if (changes.deadline !== undefined && input.deadline && !parseCalendarDate(input.deadline)) delete changes.deadline;
  return changes;
}
