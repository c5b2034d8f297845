import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_CLOSURE_CHECKLIST, evaluateChecklist } from "@/lib/domain/closure-checklist";
import { checkCreditCode } from "@/lib/domain/credit-code";
import type { EvidenceKindName, ProblemCategoryName, ReviewStatusName } from "@/lib/domain/enums";
import { runPrisma } from "@/scripts/db/prisma-cli";

/**
 * The demo data as `npm start` loads it into an empty database: consistent with the rules the
 * app enforces — every problem past its application for acceptance carries its closure
 * checklist (accepted once acceptance passed), closed problems have their closure record, the
 * public notice page has problems to list, and every stored evidence file matches its hash.
 */
const name = `rectify_seed_${randomBytes(4).toString("hex")}`;
const evidenceDir = mkdtempSync(path.join(os.tmpdir(), "rectify-seed-evidence-"));
let adminUrl: string;
let url: string;
let client: pg.Client;

const withDatabase = (u: string, database: string) => {
  const parsed = new URL(u);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

beforeAll(async () => {
  const testUrl = inject("databaseUrl");
  adminUrl = withDatabase(testUrl, "postgres");
  url = withDatabase(testUrl, name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  runPrisma(["migrate", "deploy"], url, { capture: true });
  const seeded = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/seed.ts"], {
    env: { ...process.env, DATABASE_URL: url, EVIDENCE_DIR: evidenceDir, EVIDENCE_STORAGE: "local" },
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  client = new pg.Client({ connectionString: url });
  await client.connect();
}, 240_000);

afterAll(async () => {
  await client?.end();
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  rmSync(evidenceDir, { recursive: true, force: true });
});

type EvidenceRow = { kind: EvidenceKindName; reviewStatus: ReviewStatusName; superseded: boolean };

async function checklists(): Promise<
  Map<string, { code: string; status: string; result: ReturnType<typeof evaluateChecklist> }>
> {
  const problems = await client.query<{ id: string; code: string; status: string; category: ProblemCategoryName }>(
    `SELECT id, code, status, category FROM "Problem"`,
  );
  const evidence = await client.query<EvidenceRow & { problemId: string }>(
    `SELECT e."problemId", e.kind, e."reviewStatus",
            EXISTS (SELECT 1 FROM "Evidence" n WHERE n."supersedesId" = e.id) AS superseded
       FROM "Evidence" e`,
  );
  const byProblem = new Map<string, EvidenceRow[]>();
  for (const e of evidence.rows) byProblem.set(e.problemId, [...(byProblem.get(e.problemId) ?? []), e]);
  return new Map(
    problems.rows.map((p) => [
      p.id,
      {
        code: p.code,
        status: p.status,
        result: evaluateChecklist(DEFAULT_CLOSURE_CHECKLIST[p.category], byProblem.get(p.id) ?? []),
      },
    ]),
  );
}

describe("the demo data", () => {
  it("gives every problem past its application the closure materials its category requires", async () => {
    const all = [...(await checklists()).values()];
    const past = all.filter((p) => ["PUBLIC_NOTICE", "PENDING_SIGNOFF", "CLOSED"].includes(p.status));
    const pending = all.filter((p) => p.status === "PENDING_ACCEPTANCE");
    expect(past.length).toBeGreaterThan(20);
    expect(pending.length).toBeGreaterThan(0);
    expect(past.filter((p) => !p.result.accepted).map((p) => p.code)).toEqual([]);
    expect(pending.filter((p) => !p.result.complete).map((p) => p.code)).toEqual([]);
  });

  it("has problems in public notice with an open notice covering today, and a closure record for every closed problem", async () => {
    const open = await client.query(
      `SELECT p.code FROM "PublicNotice" n JOIN "Problem" p ON p.id = n."problemId"
        WHERE n.status = 'OPEN' AND p.status = 'PUBLIC_NOTICE'
          AND n."startsOn" <= (now() AT TIME ZONE 'Asia/Shanghai')::date AND n."endsOn" >= (now() AT TIME ZONE 'Asia/Shanghai')::date`,
    );
    expect(open.rowCount).toBeGreaterThanOrEqual(3);
    const unrecorded = await client.query(
      `SELECT code FROM "Problem" p WHERE status = 'CLOSED'
          AND NOT EXISTS (SELECT 1 FROM "ProblemClosure" c WHERE c."problemId" = p.id AND c."reopenedAt" IS NULL)`,
    );
    expect(unrecorded.rows).toEqual([]);
  });

  it("shows returned evidence with its reason, and a correction superseding one", async () => {
    const returned = await client.query<{ reasonCode: string | null; reason: string | null }>(
      `SELECT r."reasonCode", r.reason FROM "EvidenceReview" r WHERE r.decision = 'RETURNED'`,
    );
    expect(returned.rowCount).toBeGreaterThan(0);
    for (const r of returned.rows) {
      expect(r.reasonCode).toBeTruthy();
      expect(r.reason).toBeTruthy();
    }
    const corrections = await client.query(`SELECT 1 FROM "Evidence" WHERE "supersedesId" IS NOT NULL`);
    expect(corrections.rowCount).toBeGreaterThan(0);
  });

  it("stores every evidence file whole: its bytes match the recorded SHA-256, photos carry a thumbnail", async () => {
    const rows = await client.query<{ storageKey: string; sha256: string; size: number; mime: string; thumbKey: string | null }>(
      `SELECT "storageKey", sha256, size, mime, "thumbKey" FROM "Evidence"`,
    );
    expect(rows.rowCount).toBeGreaterThan(100);
    for (const row of rows.rows) {
      const hash = createHash("sha256");
      let size = 0;
      for await (const chunk of createReadStream(path.join(evidenceDir, row.storageKey))) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      expect(hash.digest("hex"), row.storageKey).toBe(row.sha256);
      expect(size).toBe(row.size);
      if (row.mime.startsWith("image/")) expect(row.thumbKey).toBeTruthy();
    }
  });

  it("names 宜兴 (and no other unit of Wuxi) in a demo worst list for the latest demo month, tied at its boundary", async () => {
    const rows = await client.query<{
      kind: string;
      cumulative: boolean;
      source: string;
      unitCode: string;
      printedRank: number;
      year: number;
      month: number;
    }>(
      `SELECT l.kind, l.cumulative, l.source, e."unitCode", e."printedRank", l.year, l.month
         FROM "PublishedList" l JOIN "PublishedListEntry" e ON e."listId" = l.id
        WHERE l.indicator = 'PM25'`,
    );
    expect(rows.rows.every((r) => r.source.includes("演示数据"))).toBe(true);
    const latest = await client.query<{ year: number; month: number }>(
      `SELECT year, month FROM "IndicatorValue" WHERE "unitCode" = '320200' AND cumulative ORDER BY year DESC, month DESC LIMIT 1`,
    );
    expect(rows.rows.every((r) => r.year === latest.rows[0]?.year && r.month === latest.rows[0]?.month)).toBe(true);
    const worstYtd = rows.rows.filter((r) => r.kind === "WORST" && r.cumulative);
    expect(worstYtd).toHaveLength(12);
    const yixing = worstYtd.find((r) => r.unitCode === "320282");
    expect(worstYtd.filter((r) => r.printedRank === yixing?.printedRank)).toHaveLength(4);
    const wuxiNamed = rows.rows.filter((r) => r.kind === "WORST" && r.unitCode.startsWith("3202")).map((r) => r.unitCode);
    expect(wuxiNamed).toEqual(["320282"]);
    expect(rows.rows.find((r) => r.kind === "BEST" && r.cumulative && r.unitCode === "320281")?.printedRank).toBe(1);
  });

  it("hashes every photo; exactly one after photo re-uses its before photo, and no other photo is flagged", async () => {
    const photos = await client.query<{
      id: string;
      kind: string;
      phash: string | null;
      signals: { kind: string; evidenceId?: string }[];
    }>(`SELECT id, kind, phash, signals FROM "Evidence" WHERE mime LIKE 'image/%'`);
    expect(photos.rows.every((r) => r.phash !== null)).toBe(true);
    const flagged = photos.rows.filter((r) => r.signals.length > 0);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.kind).toBe("AFTER_PHOTO");
    expect(flagged[0]?.signals.map((s) => s.kind)).toEqual(["SAME_AS_BEFORE"]);
    const before = photos.rows.find((r) => r.id === flagged[0]?.signals[0]?.evidenceId);
    expect(before?.kind).toBe("BEFORE_PHOTO");
  });

  it("has ~300 demo enterprises with valid credit codes, a running campaign of six actions, inspections in the on-site modes and cases with fines", async () => {
    const ents = await client.query<{ creditCode: string; isDemo: boolean }>(`SELECT "creditCode", "isDemo" FROM "Enterprise"`);
    expect(ents.rows.length).toBeGreaterThanOrEqual(290);
    expect(ents.rows.every((e) => e.isDemo && checkCreditCode(e.creditCode).ok)).toBe(true);
    const actions = await client.query(
      `SELECT a.type FROM "CampaignAction" a JOIN "Campaign" c ON c.id = a."campaignId" WHERE c."isDemo"`,
    );
    expect(actions.rows).toHaveLength(6);
    const modes = await client.query<{ mode: string }>(`SELECT DISTINCT mode::text FROM "Inspection"`);
    expect(modes.rows.map((m) => m.mode).sort()).toEqual(expect.arrayContaining(["ALL_STAFF", "CROSS", "ESCALATED"]));
    const cases = await client.query<{ n: string; fines: string; linked: string }>(
      `SELECT COUNT(*) AS n, SUM("fineYuan") AS fines, COUNT("problemId") AS linked FROM "EnforcementCase"`,
    );
    expect(Number(cases.rows[0]?.n)).toBeGreaterThan(5);
    expect(Number(cases.rows[0]?.fines)).toBeGreaterThan(0);
    expect(Number(cases.rows[0]?.linked)).toBeGreaterThan(0);
  });
});
