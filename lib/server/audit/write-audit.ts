import "server-only";
import type { Prisma } from "@prisma/client";
import type { Tx } from "../../db";

export type AuditInput = {
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  requestId?: string;
};

/** JSON-safe copy: Dates → ISO strings, Decimals/BigInts → numbers/strings. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}

/** Appends one audit row inside the caller's transaction, so it commits with the change or not at all. */
export async function writeAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      before: toJson(entry.before),
      after: toJson(entry.after),
      requestId: entry.requestId ?? null,
    },
  });
}

/** Appends many audit rows in one statement (an import of thousands of problems), in their order. */
export async function writeAudits(tx: Tx, entries: readonly AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  const json = (v: unknown) => {
    const j = toJson(v);
    return j === undefined ? null : JSON.stringify(j);
  };
  // One multi-row INSERT (unnest of column arrays); `at` and `id` come from the table's defaults.
  await tx.$executeRaw`
    INSERT INTO "AuditLog" ("actorId", "entityType", "entityId", action, before, after, "requestId")
    SELECT * FROM unnest(${entries.map((e) => e.actorId)}::uuid[], ${entries.map((e) => e.entityType)}::text[],
      ${entries.map((e) => e.entityId)}::text[], ${entries.map((e) => e.action)}::text[],
      ${entries.map((e) => json(e.before))}::jsonb[], ${entries.map((e) => json(e.after))}::jsonb[],
      ${entries.map((e) => e.requestId ?? null)}::text[])`;
}

/** Only the fields that differ, as `{ before, after }` — keeps history readable. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
