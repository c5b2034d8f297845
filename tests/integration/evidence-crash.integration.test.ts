import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { PARTIAL_SUFFIX } from "@/lib/domain/evidence";
import { sha256OfStream } from "@/lib/server/evidence/hash-stream";
import { storageFor } from "@/lib/server/evidence/storage";
import { sweepOrphans } from "@/lib/server/evidence/sweep-orphans";
import { createProblem } from "../factories";
import { listFiles, multipart, png, slowUpload } from "../support/evidence-files";
import { createWorld, type World } from "../support/world";

/**
 * Kill the server in the middle of uploads: no evidence row may point at a missing or partial
 * file, and after the restart (and its sweep) every stored file verifies and nothing stray is left.
 * The server is the app's own route handlers on a real socket (scripts/route-server.ts), killed
 * with SIGKILL — no chance to clean up.
 */
const EVIDENCE_DIR = mkdtempSync(path.join(os.tmpdir(), "rectify-evidence-crash-"));
process.env.EVIDENCE_DIR = EVIDENCE_DIR;
delete process.env.EVIDENCE_STORAGE;
const PORT = 34_000 + Math.floor(Math.random() * 2000);
const BASE = `http://127.0.0.1:${PORT}`;

let world: World;
let problemId: string;
let server: ChildProcess | null = null;

function startServer(): ChildProcess {
  // Node itself with tsx as a loader (not the tsx CLI, which would run the server in a grandchild out of SIGKILL's reach).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/route-server.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: inject("databaseUrl"),
      EVIDENCE_DIR,
      PORT: String(PORT),
      JOBS_DISABLED: "1",
    },
    stdio: "ignore",
  });
  return child;
}

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 240; i++) {
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

async function upload(bytes: Buffer, name: string): Promise<number> {
  const { body, contentType } = multipart([
    { name: "kind", value: "AFTER_PHOTO" },
    { name: "file", filename: name, bytes, contentType: "image/png" },
  ]);
  const res = await fetch(`${BASE}/api/v1/problems/${problemId}/evidence`, {
    method: "POST",
    headers: { authorization: `Bearer ${world.coordinator.token}`, "content-type": contentType },
    body: new Uint8Array(body),
  });
  await res.text();
  return res.status;
}

/** A PNG padded with a random tail chunk after IEND, so each is distinct and about `size` bytes. */
async function paddedPng(size: number): Promise<Buffer> {
  return Buffer.concat([await png(16, 16, "#2a7"), randomBytes(size)]);
}

beforeAll(async () => {
  world = await createWorld();
  problemId = (await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id, status: "RECTIFYING" }))
    .id;
  server = startServer();
  await waitUntilUp();
}, 120_000);

afterAll(async () => {
  if (server) await kill(server);
  await db.problem.deleteMany({ where: { districtId: { in: [world.districtA.id, world.districtB.id] } } });
  rmSync(EVIDENCE_DIR, { recursive: true, force: true });
});

describe("a server killed in the middle of uploads", () => {
  it("leaves no row pointing at a missing or partial file; after a restart every file verifies", async () => {
    // Some uploads finish before the crash.
    for (let i = 0; i < 3; i++) expect(await upload(await paddedPng(200_000), `done-${i}.png`)).toBe(201);

    // Others are mid-stream (about 3 MB each at 3 MB/s) when the process is killed.
    const inFlight = await Promise.all(Array.from({ length: 6 }, () => paddedPng(3_000_000)));
    const pending = inFlight.map((bytes, i) =>
      slowUpload({ base: BASE, problemId, token: world.coordinator.token }, bytes, `inflight-${i}.png`),
    );
    await new Promise((r) => setTimeout(r, 600));
    if (server) await kill(server);
    const outcomes = await Promise.all(pending);
    expect(outcomes.filter((o) => o === "dropped").length, JSON.stringify(outcomes)).toBeGreaterThan(0);

    // Right after the crash, before any clean-up: every row's file is whole.
    const rows = await db.evidence.findMany({
      where: { problemId },
      select: { id: true, storage: true, storageKey: true, sha256: true },
    });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      const stream = await storageFor(row.storage).get(row.storageKey);
      expect(stream, `file of ${row.id}`).not.toBeNull();
      expect(await sha256OfStream(stream as NonNullable<typeof stream>)).toBe(row.sha256);
    }

    // The restart sweeps what the crash left (the start-up sweep waits for objects to age; here at once).
    await sweepOrphans({ olderThanMinutes: 0, prefixes: ["evidence/"] });
    server = startServer();
    await waitUntilUp();
    expect(await upload(await paddedPng(100_000), "after-restart.png")).toBe(201);

    const after = await db.evidence.findMany({ where: { problemId }, select: { id: true, storageKey: true, thumbKey: true } });
    for (const row of after) {
      const res = await fetch(`${BASE}/api/v1/evidence/${row.id}/verify`, {
        method: "POST",
        headers: { authorization: `Bearer ${world.coordinator.token}` },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { ok: boolean }).ok, `verify ${row.id}`).toBe(true);
    }
    const files = listFiles(EVIDENCE_DIR).map((f) => f.split(path.sep).join("/"));
    expect(files.filter((f) => f.endsWith(PARTIAL_SUFFIX))).toEqual([]);
    const known = new Set(after.flatMap((r) => [r.storageKey, r.thumbKey].filter((k): k is string => !!k)));
    expect(files.filter((f) => !known.has(f))).toEqual([]);
  }, 180_000);
});
