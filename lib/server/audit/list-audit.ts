import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { anyText } from "../../i18n/admin-text";
import { type Actor, authorize } from "../../permissions";
import { type AuditEntryDto, type AuditQuery, auditQuerySchema } from "../../schemas/admin";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const UUID_IN_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A calendar day is a day in Asia/Shanghai; an instant is taken as given. */
function bound(value: string | undefined, end: boolean): Date | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
    return new Date(end ? start + 86_400_000 - 1 : start);
  }
  return new Date(value);
}

/** The filters as a Prisma `where`: person by username or name, record by type, type:id or problem code. */
async function whereOf(q: AuditQuery): Promise<Prisma.AuditLogWhereInput> {
  const where: Prisma.AuditLogWhereInput = {};
  if (q.actor) {
    const people = await db.user.findMany({
      where: {
        OR: [
          { username: { contains: q.actor, mode: "insensitive" } },
          { displayName: { contains: q.actor, mode: "insensitive" } },
        ],
      },
      select: { id: true },
      take: 200,
    });
    where.actorId = { in: people.map((p) => p.id) };
  }
  if (q.entity) {
    const [type, id] = q.entity.split(":", 2) as [string, string | undefined];
    const problem = await db.problem.findFirst({ where: { code: q.entity }, select: { id: true } });
    if (problem) where.entityId = problem.id;
    else if (id) Object.assign(where, { entityType: type, entityId: id });
    else if (isUuid(type)) where.entityId = type;
    else where.entityType = type;
  }
  if (q.action) where.action = q.action;
  const from = bound(q.from, false);
  const to = bound(q.to, true);
  if (from || to) where.at = { ...(from && { gte: from }), ...(to && { lte: to }) };
  return where;
}

function shanghaiTime(d: Date): string {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

type Names = Map<string, string>;

/** Every UUID the rows mention (actors, records, values) → a name people recognise. */
async function namesFor(rows: { entityId: string; before: unknown; after: unknown }[]): Promise<Names> {
  const ids = new Set<string>();
  const collect = (v: unknown) => {
    if (typeof v === "string" && UUID_IN_TEXT.test(v)) ids.add(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === "object") Object.values(v).forEach(collect);
  };
  for (const r of rows) [r.entityId, r.before, r.after].forEach(collect);
  const list = [...ids];
  if (list.length === 0) return new Map();
  const [users, units, districts, problems] = await Promise.all([
    db.user.findMany({ where: { id: { in: list } }, select: { id: true, displayName: true, username: true } }),
    db.unit.findMany({ where: { id: { in: list } }, select: { id: true, name: true } }),
    db.district.findMany({ where: { id: { in: list } }, select: { id: true, name: true } }),
    db.problem.findMany({ where: { id: { in: list } }, select: { id: true, code: true, title: true } }),
  ]);
  return new Map([
    ...users.map((u) => [u.id, `${u.displayName}（${u.username}）`] as const),
    ...units.map((u) => [u.id, u.name] as const),
    ...districts.map((d) => [d.id, d.name] as const),
    ...problems.map((p) => [p.id, `${p.code} ${p.title}`] as const),
  ]);
}

function words(value: unknown, field: string, names: Names, locale: Locale): string {
  if (value === undefined || value === null || value === "") return anyText(locale, "auditWords.empty") ?? "";
  if (typeof value === "boolean") return anyText(locale, value ? "auditWords.yes" : "auditWords.no") ?? String(value);
  if (typeof value === "string") {
    if (UUID_IN_TEXT.test(value)) return names.get(value) ?? value;
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return shanghaiTime(new Date(value));
    const enumWord =
      (field === "role" && anyText(locale, `enums.role.${value}`)) ||
      (field === "kind" && anyText(locale, `enums.unitKind.${value}`)) ||
      (field === "status" && anyText(locale, `enums.status.${value}`));
    return enumWord || value;
  }
  if (Array.isArray(value)) return value.map((v) => words(v, field, names, locale)).join("、");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function fieldLabel(field: string, locale: Locale): string {
  return (
    anyText(locale, `auditWords.fields.${field}`) ??
    anyText(locale, `problem.fields.${field}`) ??
    anyText(locale, `adminSettings.labels.${field}`) ??
    field
  );
}

type Row = Prisma.AuditLogGetPayload<{ include: { actor: { select: { displayName: true; username: true } } } }>;

function toEntries(rows: Row[], names: Names, locale: Locale): AuditEntryDto[] {
  return rows.map((r) => {
    const before = (r.before && typeof r.before === "object" ? r.before : {}) as Record<string, unknown>;
    const after = (r.after && typeof r.after === "object" ? r.after : {}) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const entityWord = anyText(locale, `auditWords.entities.${r.entityType}`) ?? r.entityType;
    return {
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actor ? `${r.actor.displayName}（${r.actor.username}）` : null,
      entityType: r.entityType,
      entityId: r.entityId,
      entityLabel: `${entityWord} ${names.get(r.entityId) ?? r.entityId}`,
      action: anyText(locale, `auditWords.actions.${r.action}`) ?? r.action,
      changes: fields.map((f) => ({
        field: f,
        label: fieldLabel(f, locale),
        before: f in before ? words(before[f], f, names, locale) : "",
        after: f in after ? words(after[f], f, names, locale) : "",
      })),
    };
  });
}

/** The audit log for administrators: filtered, newest first, paged, each change in words. */
export async function listAudit(
  actor: Actor,
  rawQuery: unknown,
  opts: { locale?: Locale } = {},
): Promise<{ items: AuditEntryDto[]; total: number; page: number; pageSize: number }> {
  authorize(actor, "audit.read");
  const locale = opts.locale ?? "zh-CN";
  const q = parseInput(auditQuerySchema, rawQuery, locale);
  const where = await whereOf(q);
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { actor: { select: { displayName: true, username: true } } },
    }),
  ]);
  return { items: toEntries(rows, await namesFor(rows), locale), total, page: q.page, pageSize: q.pageSize };
}

export const AUDIT_EXPORT_MAX = 20_000;

/** Every matching entry (at most 20 000, newest first) in words, for the XLSX export. */
export async function auditForExport(actor: Actor, rawQuery: unknown, opts: { locale?: Locale } = {}): Promise<AuditEntryDto[]> {
  authorize(actor, "audit.read");
  const locale = opts.locale ?? "zh-CN";
  const { page: _p, pageSize: _s, ...rest } = (rawQuery ?? {}) as Record<string, unknown>;
  const q = parseInput(auditQuerySchema, rest, locale);
  const rows = await db.auditLog.findMany({
    where: await whereOf(q),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_EXPORT_MAX,
    include: { actor: { select: { displayName: true, username: true } } },
  });
  return toEntries(rows, await namesFor(rows), locale);
}

export { shanghaiTime };
