import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { PARTIAL_SUFFIX } from "@/lib/domain/evidence";
import { sweepOrphans } from "@/lib/server/evidence/sweep-orphans";
import { calendarDay, createProblem } from "../factories";
import { listFiles, png, slowUpload } from "../support/evidence-files";
import { createWorld, type World } from "../support/world";

/**
 * The server killed with SIGKILL (no chance to clean up) in the middle of a big ledger import
 * and in the middle of workflow transitions under load, with uploads in flight. Afterwards:
 * nothing half-done — the import is all or nothing (no problem, measure or audit row of it), and
 * every problem's status, version, transition history, audit rows and notifications agree — and
 * after a restart the same requests succeed and the orphan sweep leaves no stray evidence file.
 * The server is the app's own route handlers on a real socket (scripts/route-server.ts), as in
 * evidence-crash.integration.test.ts.
 */
const EVIDENCE_DIR = mkdtempSync(path.join(os.tmpdir(), "rectify-crash-safety-"));
process.env.EVIDENCE_DIR = EVIDENCE_DIR;
delete process.env.EVIDENCE_STORAGE;
const PORT = 36_000 + Math.floor(Math.random() * 2000);
const BASE = `http://127.0.0.1:${PORT}`;
const IMPORT_ROWS = 1500;

let world: World;
let server: ChildProcess | null = null;

function startServer(): ChildProcess {
  // Node itself with tsx as a loader, so SIGKILL reaches the process that holds the connections.
  return spawn(process.execPath, ["--import", "tsx", "scripts/route-server.ts"], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), EVIDENCE_DIR, PORT: String(PORT), JOBS_DISABLED: "1" },
    stdio: "ignore",
  });
}

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 480; i++) {
    try {
      await fetch(`${BASE}/api/v1/openapi.json`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error("route server did not start");
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

async function restart(): Promise<void> {
  if (server) await kill(server);
  server = startServer();
  await waitUntilUp();
}

beforeAll(async () => {
  world = await createWorld();
  server = startServer();
  await waitUntilUp();
}, 180_000);

afterAll(async () => {
  if (server) await kill(server);
  await db.problem.deleteMany({ where: { districtId: { in: [world.districtA.id, world.districtB.id] } } });
  rmSync(EVIDENCE_DIR, { recursive: true, force: true });
});

/** An office ledger of `rows` new problems, codes `<prefix>-<n>`. */
async function ledger(prefix: string, rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet("台账");
  s.addRow(["问题编号", "问题来源", "问题内容", "属地", "牵头单位", "牵头领导", "整改措施", "整改期限", "进展情况", "备注"]);
  for (let i = 1; i <= rows; i++) {
    s.addRow([
      `${prefix}-${i}`,
      "信访",
      `第${i}号：河道沿岸垃圾堆放，异味明显。`,
      world.districtA.name,
      world.divisionA.name,
      "",
      "（1）清理垃圾（2）建立长效保洁",
      "2027-12-31",
      "",
      "",
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function importForm(bytes: Buffer): FormData {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], "台账.xlsx"));
  return form;
}

const importAudits = () => db.auditLog.count({ where: { actorId: world.coordinator.user.id, action: "import" } });

describe("the server killed in the middle of a ledger import", () => {
  it("leaves no half import: no problem, measure or audit row of it; after a restart the same rows import", async () => {
    const prefix = `CRASH-${world.tag}`;
    const bytes = await ledger(prefix, IMPORT_ROWS);
    const auditsBefore = await importAudits();

    // The commit streams its progress (NDJSON): kill once part of the rows are written inside the transaction.
    const res = await fetch(`${BASE}/api/v1/problems/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${world.coordinator.token}`, accept: "application/x-ndjson" },
      body: importForm(bytes),
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffered = "";
    let killedAt: { done: number; total: number } | null = null;
    while (!killedAt) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines.filter(Boolean)) {
        const msg = JSON.parse(line) as { progress?: { done: number; total: number }; result?: unknown; error?: unknown };
        expect(msg.result, `the import finished before the kill: ${line}`).toBeUndefined();
        expect(msg.error, line).toBeUndefined();
        if (msg.progress && msg.progress.done >= 300 && msg.progress.done < msg.progress.total) {
          killedAt = msg.progress;
          break;
        }
      }
    }
    expect(killedAt?.total).toBe(IMPORT_ROWS);
    if (server) await kill(server);
    await reader.cancel().catch(() => {});
    await new Promise((r) => setTimeout(r, 1500));

    // Right after the crash: none of the rows the transaction had written survive.
    expect(await db.problem.count({ where: { code: { startsWith: `${prefix}-` } } })).toBe(0);
    expect(await db.measure.count({ where: { problem: { code: { startsWith: `${prefix}-` } } } })).toBe(0);
    expect(await importAudits()).toBe(auditsBefore);

    // After a restart the server imports again; the same codes are still free (nothing half-imported holds them).
    await restart();
    const again = await fetch(`${BASE}/api/v1/problems/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${world.coordinator.token}` },
      body: importForm(await ledger(prefix, 20)),
    });
    const result = (await again.json()) as { created: number; updated: number; errors: unknown[] };
    expect(again.status, JSON.stringify(result)).toBe(200);
    expect(result).toMatchObject({ created: 20, updated: 0, errors: [] });
    expect(await db.problem.count({ where: { code: { startsWith: `${prefix}-` } } })).toBe(20);
    expect(await importAudits()).toBe(auditsBefore + 20);
  }, 300_000);
});

describe("the server killed in the middle of workflow transitions under load", () => {
  it("leaves every problem's status, version, history, audit and notifications in agreement; afterwards the rest proceed", async () => {
    const problems = await Promise.all(
      Array.from({ length: 80 }, () =>
        createProblem(db, {
          districtId: world.districtA.id,
          leadUnitId: world.divisionA.id,
          leadOfficialId: world.leader.user.id,
          deadline: calendarDay(200),
          target: "按期完成整改",
          status: "REGISTERED",
        }),
      ),
    );
    const ids = problems.map((p) => p.id);
    const uploadTarget = (
      await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id, status: "RECTIFYING" })
    ).id;

    // Eight clients assign problems one after another (ASSIGN: REGISTERED → ASSIGNED, version 1 → 2)
    // while uploads stream in; the server dies after the first few dozen answers.
    const answered: Record<string, number | "dropped"> = {};
    let next = 0;
    let stopped = false;
    const client = async () => {
      while (!stopped && next < ids.length) {
        const id = ids[next++] as string;
        try {
          const r = await fetch(`${BASE}/api/v1/problems/${id}/transitions`, {
            method: "POST",
            headers: { authorization: `Bearer ${world.coordinator.token}`, "content-type": "application/json" },
            body: JSON.stringify({ action: "ASSIGN", version: 1 }),
          });
          await r.text();
          answered[id] = r.status;
        } catch {
          answered[id] = "dropped";
        }
      }
    };
    const uploads = Array.from({ length: 3 }, async (_, i) =>
      slowUpload(
        { base: BASE, problemId: uploadTarget, token: world.coordinator.token },
        Buffer.concat([await png(16, 16, "#a52"), randomBytes(3_000_000)]),
        `in-flight-${i}.png`,
      ),
    );
    const clients = Array.from({ length: 8 }, client);
    let finished = false;
    void Promise.all(clients).then(() => {
      finished = true;
    });
    while (!finished && Object.values(answered).filter((s) => s === 200).length < 20) await new Promise((r) => setTimeout(r, 10));
    if (server) await kill(server);
    stopped = true;
    await Promise.all([...clients, ...uploads]);
    expect(Object.values(answered).filter((s) => s === 200).length, JSON.stringify(answered)).toBeGreaterThanOrEqual(20);
    expect(
      Object.values(answered).some((s) => s === "dropped"),
      JSON.stringify(answered),
    ).toBe(true);

    // A COMMIT that reached PostgreSQL just before the kill still lands: let the orphaned backends finish.
    await new Promise((r) => setTimeout(r, 1500));

    // Every problem is wholly before or wholly after its step.
    const check = async () => {
      const rows = await db.problem.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, version: true } });
      const transitions = await db.problemTransition.groupBy({
        by: ["problemId"],
        where: { problemId: { in: ids } },
        _count: true,
      });
      const audits = await db.auditLog.groupBy({
        by: ["entityId"],
        where: { entityType: "Problem", action: "transition", entityId: { in: ids } },
        _count: true,
      });
      const notices = await db.notification.groupBy({
        by: ["problemId"],
        where: { problemId: { in: ids }, kind: "workflow.ASSIGN" },
        _count: true,
      });
      const countOf = (list: { _count: number }[], key: (x: never) => string, id: string) =>
        (list as { _count: number }[]).find((x) => key(x as never) === id)?._count ?? 0;
      let assigned = 0;
      for (const p of rows) {
        const t = countOf(transitions, (x: { problemId: string }) => x.problemId, p.id);
        const a = countOf(audits, (x: { entityId: string }) => x.entityId, p.id);
        const n = countOf(notices, (x: { problemId: string | null }) => x.problemId ?? "", p.id);
        const state = { status: p.status, version: p.version, transitions: t, audits: a, notified: n > 0 };
        if (p.status === "ASSIGNED") {
          assigned++;
          expect(state, p.id).toEqual({ status: "ASSIGNED", version: 2, transitions: 1, audits: 1, notified: true });
        } else {
          expect(state, p.id).toEqual({ status: "REGISTERED", version: 1, transitions: 0, audits: 0, notified: false });
        }
        // What the client was told holds: a 200 was committed.
        if (answered[p.id] === 200) expect(p.status, p.id).toBe("ASSIGNED");
      }
      return assigned;
    };
    const assignedAtCrash = await check();
    expect(assignedAtCrash).toBeGreaterThanOrEqual(20);
    expect(assignedAtCrash).toBeLessThan(ids.length);

    // After a restart (and its sweep) the remaining problems are assigned from where they stood.
    await sweepOrphans({ olderThanMinutes: 0, prefixes: ["evidence/"] });
    await restart();
    const rest = (await db.problem.findMany({ where: { id: { in: ids }, status: "REGISTERED" }, select: { id: true } })).map(
      (p) => p.id,
    );
    for (const id of rest) {
      const r = await fetch(`${BASE}/api/v1/problems/${id}/transitions`, {
        method: "POST",
        headers: { authorization: `Bearer ${world.coordinator.token}`, "content-type": "application/json" },
        body: JSON.stringify({ action: "ASSIGN", version: 1 }),
      });
      expect(r.status, await r.text()).toBe(200);
    }
    expect(await check()).toBe(ids.length);

    // No stray evidence: every file left is one a row points at, and no partial file remains.
    const rows = await db.evidence.findMany({ where: { problemId: uploadTarget }, select: { storageKey: true, thumbKey: true } });
    const known = new Set(rows.flatMap((r) => [r.storageKey, r.thumbKey].filter((k): k is string => !!k)));
    const files = listFiles(EVIDENCE_DIR).map((f) => f.split(path.sep).join("/"));
    expect(files.filter((f) => f.endsWith(PARTIAL_SUFFIX))).toEqual([]);
    expect(files.filter((f) => !known.has(f))).toEqual([]);
  }, 300_000);
});
