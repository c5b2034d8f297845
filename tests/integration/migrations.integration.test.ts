import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runPrisma } from "@/scripts/db/prisma-cli";

/**
 * The committed migrations must build exactly the schema that prisma/schema.prisma describes.
 * Two fresh databases on the test server: A gets `migrate deploy`, B gets the SQL Prisma derives
 * from the schema alone; their catalogs must match. Only the migration adds the audit trigger
 * and its function (a datamodel cannot express them), so those are compared separately.
 */
/** Guards only the migrations add (schema.prisma cannot express triggers): the append-only audit log and immutable evidence. */
const AUDIT_TRIGGERS = ["AuditLog_no_truncate", "AuditLog_no_update_delete", "Evidence_immutable"];
const GUARD_FUNCTIONS = ["audit_log_append_only", "evidence_immutable"];
/** The ledger version's triggers (migration `ledger_version`): the row ones are constraint triggers, so they show among the constraints too. */
const LEDGER_VERSION_TRIGGERS = [
  "problem_ledger_version",
  "problem_ledger_version_truncate",
  "progress_report_ledger_version",
  "progress_report_ledger_version_truncate",
  "problem_co_unit_ledger_version",
  "problem_co_unit_ledger_version_truncate",
];
const LEDGER_VERSION_FUNCTIONS = ["ledger_version_bump"];

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Everything in schema "public" that a migration can get wrong, one sorted line per object. */
async function catalogSnapshot(url: string) {
  return withClient(url, async (c) => {
    const lines = async (sql: string) => (await c.query<{ line: string }>(sql)).rows.map((r) => r.line).sort();
    return {
      tables: await lines(`
        SELECT table_name || ' ' || table_type AS line FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      columns: await lines(`
        SELECT format('%s.%s %s null=%s default=%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                      NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid)) AS line
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relname <> '_prisma_migrations'`),
      indexes: await lines(`
        SELECT indexdef AS line FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
      constraints: await lines(`
        SELECT format('%s %s %s %s', c.relname, con.conname, con.contype, pg_get_constraintdef(con.oid)) AS line
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'`),
      enums: await lines(`
        SELECT t.typname || ' = ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`),
      sequences: await lines(`
        SELECT format('%s %s start=%s inc=%s', sequencename, data_type, start_value, increment_by) AS line
        FROM pg_sequences WHERE schemaname = 'public' AND sequencename NOT LIKE '\\_prisma%'`),
      triggers: await lines(`
        SELECT c.relname || ' ' || t.tgname || ' ' || pg_get_triggerdef(t.oid) AS line
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND NOT t.tgisinternal`),
      functions: await lines(`
        SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS line
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`),
    };
  });
}

type Snapshot = Awaited<ReturnType<typeof catalogSnapshot>>;

/** Lines only in one snapshot, per section, for a readable failure. */
function differences(a: Snapshot, b: Snapshot): Record<string, { onlyInMigrated: string[]; onlyInSchema: string[] }> {
  const out: Record<string, { onlyInMigrated: string[]; onlyInSchema: string[] }> = {};
  for (const key of Object.keys(a) as (keyof Snapshot)[]) {
    const left = new Set(a[key]);
    const right = new Set(b[key]);
    const onlyInMigrated = [...left].filter((l) => !right.has(l));
    const onlyInSchema = [...right].filter((l) => !left.has(l));
    if (onlyInMigrated.length || onlyInSchema.length) out[key] = { onlyInMigrated, onlyInSchema };
  }
  return out;
}

const suffix = randomBytes(4).toString("hex");
const names = { migrated: `rectify_mig_${suffix}`, fromSchema: `rectify_schema_${suffix}` };
let adminUrl: string;
let migratedUrl: string;
let fromSchemaUrl: string;
let migrated: Snapshot;
let fromSchema: Snapshot;

beforeAll(async () => {
  const testUrl = inject("databaseUrl");
  adminUrl = withDatabase(testUrl, "postgres");
  migratedUrl = withDatabase(testUrl, names.migrated);
  fromSchemaUrl = withDatabase(testUrl, names.fromSchema);
  await withClient(adminUrl, async (c) => {
    for (const name of Object.values(names)) await c.query(`CREATE DATABASE "${name}"`);
  });

  runPrisma(["migrate", "deploy"], migratedUrl, { capture: true });
  // Prisma's JS engine connects even for a pure schema diff, so it is pointed at database B.
  const sql = runPrisma(
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    fromSchemaUrl,
    { capture: true },
  );
  expect(sql).toMatch(/CREATE TABLE/);
  await withClient(fromSchemaUrl, (c) => c.query(sql));

  [migrated, fromSchema] = await Promise.all([catalogSnapshot(migratedUrl), catalogSnapshot(fromSchemaUrl)]);
});

afterAll(async () => {
  if (!adminUrl) return;
  await withClient(adminUrl, async (c) => {
    for (const name of Object.values(names)) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

describe("migrations ≡ schema.prisma", () => {
  it("build the same tables, columns, indexes, constraints, enums and sequences", () => {
    const strip = (s: Snapshot): Snapshot => ({
      ...s,
      triggers: s.triggers.filter(
        (t) => ![...AUDIT_TRIGGERS, ...LEDGER_VERSION_TRIGGERS].some((name) => t.includes(` ${name} `)),
      ),
      constraints: s.constraints.filter((c) => !LEDGER_VERSION_TRIGGERS.some((name) => c.includes(` ${name} t TRIGGER`))),
      functions: s.functions.filter(
        (f) => ![...GUARD_FUNCTIONS, ...LEDGER_VERSION_FUNCTIONS].some((name) => f.startsWith(`${name}(`)),
      ),
    });
    const diff = differences(strip(migrated), strip(fromSchema));
    expect(diff, `catalog differences:\n${JSON.stringify(diff, null, 2)}`).toEqual({});
  });

  it("the snapshot covers every model, so the comparison is not vacuous", () => {
    for (const table of [
      "District",
      "Unit",
      "User",
      "Session",
      "LoginThrottle",
      "Problem",
      "ProblemCoUnit",
      "Measure",
      "AuditLog",
      "Evidence",
      "EvidenceReview",
      "Acceptance",
      "PublicNotice",
      "Objection",
      "ProblemClosure",
    ]) {
      expect(migrated.tables).toContain(`${table} BASE TABLE`);
    }
    expect(migrated.enums).toContain(
      "ProblemStatus = REGISTERED, ASSIGNED, RECTIFYING, PENDING_ACCEPTANCE, PUBLIC_NOTICE, PENDING_SIGNOFF, CLOSED, ONGOING",
    );
    expect(migrated.columns.length).toBeGreaterThan(50);
  });

  it("only the migrations add the append-only guard of the audit log and the evidence guard", () => {
    for (const name of AUDIT_TRIGGERS) {
      expect(migrated.triggers.some((t) => t.includes(` ${name} `))).toBe(true);
      expect(fromSchema.triggers.some((t) => t.includes(name))).toBe(false);
    }
    for (const name of GUARD_FUNCTIONS) expect(migrated.functions).toContain(`${name}()`);
  });

  it("only the migrations add the ledger version's triggers, on every table the dashboard summary reads", () => {
    for (const name of LEDGER_VERSION_TRIGGERS) {
      expect(migrated.triggers.some((t) => t.includes(` ${name} `))).toBe(true);
      expect(fromSchema.triggers.some((t) => t.includes(name))).toBe(false);
    }
    for (const table of ["Problem", "ProgressReport", "ProblemCoUnit"]) {
      expect(migrated.triggers.filter((t) => t.startsWith(`${table} `) && t.includes("ledger_version_bump()"))).toHaveLength(2);
    }
    for (const name of LEDGER_VERSION_FUNCTIONS) expect(migrated.functions).toContain(`${name}()`);
  });

  it("records every committed migration as applied", async () => {
    const applied = await withClient(
      migratedUrl,
      async (c) =>
        (
          await c.query<{ migration_name: string; finished: boolean }>(
            `SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`,
          )
        ).rows,
    );
    const status = runPrisma(["migrate", "status"], migratedUrl, { capture: true });
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every((m) => m.finished)).toBe(true);
    expect(status).toMatch(/up to date/i);
  });
});
