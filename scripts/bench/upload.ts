/**
 * Evidence upload benchmark: a 10 MB photo end to end over HTTP (multipart, streamed, hashed,
 * type-checked, stored, recorded, thumbnailed) against the same bytes written by a bare Node
 * server that only hashes and stores them (the physical limit), then the upload server's peak
 * memory (VmHWM) during 20 parallel uploads. Prints figures; asserts nothing.
 *
 *   npm run bench:upload
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pipeline } from "node:stream/promises";
import sharp from "sharp";
import { startEmbeddedDb } from "../../lib/embedded-db";
import { runPrisma } from "../db/prisma-cli";

const SERVER_PORT = 3291;
const RAW_PORT = 3292;
const SEQUENTIAL = 10;
const PARALLEL = 20;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;

/** A noisy JPEG of about 10 MB (noise does not compress); a few trailing bytes make each copy distinct. */
async function tenMegabytePhoto(): Promise<Buffer> {
  const side = 3400;
  const noise = randomBytes(side * side * 3);
  const jpeg = await sharp(noise, { raw: { width: side, height: side, channels: 3 } })
    .jpeg({ quality: 96 })
    .toBuffer();
  return jpeg;
}
const distinct = (photo: Buffer) => Buffer.concat([photo, randomBytes(16)]);

function vm(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not answer`);
}

/** A 10 MB PDF: a valid header and trailer around incompressible filler (no image decoding on the server). */
function tenMegabytePdf(): Buffer {
  return Buffer.concat([Buffer.from("%PDF-1.4\n%"), randomBytes(10 * 1_048_576), Buffer.from("\n%%EOF\n")]);
}

async function upload(base: string, token: string, problemId: string, bytes: Buffer, asPdf = false): Promise<number> {
  const form = new FormData();
  form.set("kind", asPdf ? "MONITORING_REPORT" : "AFTER_PHOTO");
  form.set(
    "file",
    new Blob([new Uint8Array(bytes)], { type: asPdf ? "application/pdf" : "image/jpeg" }),
    asPdf ? "监测报告.pdf" : "现场照片.jpg",
  );
  const t = performance.now();
  const res = await fetch(`${base}/api/v1/problems/${problemId}/evidence`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${text.slice(0, 300)}`);
  return performance.now() - t;
}

/** The limit: the same multipart bytes into a server that only hashes and writes them to disk. */
async function rawBaseline(dir: string, photo: Buffer): Promise<number[]> {
  const server = createServer(async (req, res) => {
    const hash = createHash("sha256");
    req.on("data", (chunk: Buffer) => hash.update(chunk));
    await pipeline(req, createWriteStream(path.join(dir, `raw-${randomBytes(6).toString("hex")}`)));
    hash.digest("hex");
    res.writeHead(201).end("{}");
  });
  await new Promise<void>((r) => server.listen(RAW_PORT, "127.0.0.1", () => r()));
  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(distinct(photo))], { type: "image/jpeg" }), "x.jpg");
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${RAW_PORT}/`, { method: "POST", body: form });
    await res.text();
    times.push(performance.now() - t);
  }
  await new Promise<void>((r) => server.close(() => r()));
  return times;
}

const db = await startEmbeddedDb({ name: "pg-bench-upload", port: 54339, database: "rectify_bench", fresh: true });
const evidenceDir = mkdtempSync(path.join(os.tmpdir(), "rectify-bench-evidence-"));
let server: ReturnType<typeof spawn> | null = null;
try {
  runPrisma(["migrate", "deploy"], db.url, { capture: true });
  const env = { ...process.env, DATABASE_URL: db.url, EVIDENCE_DIR: evidenceDir, EVIDENCE_STORAGE: "local", JOBS_DISABLED: "1" };
  await new Promise<void>((resolve, reject) => {
    const seed = spawn(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/db/seed.ts"], {
      env,
      stdio: "ignore",
    });
    seed.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed exited ${code}`))));
  });
  // Node itself with tsx as a loader, so the pid measured is the server's own (the tsx CLI would run it in a grandchild).
  server = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/route-server.ts"], {
    env: { ...env, PORT: String(SERVER_PORT) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${SERVER_PORT}`;
  await waitFor(`${base}/api/v1/session`);
  const session = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "coordinator", password: "Rectify@2026" }),
  });
  const { token } = (await session.json()) as { token: string };
  const list = await fetch(`${base}/api/v1/problems?status=RECTIFYING&pageSize=50`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const problems = ((await list.json()) as { items: { id: string }[] }).items;
  if (problems.length === 0) throw new Error("no RECTIFYING problem in the demo data");

  const photo = await tenMegabytePhoto();
  console.log(`Photo: ${(photo.length / 1_048_576).toFixed(1)} MiB JPEG, 3400×3400`);

  // Warm up: module loading, the first connection, sharp's first use.
  await upload(base, token, problems[0]?.id as string, distinct(photo));
  const pid = server.pid as number;
  const rssBefore = vm(pid, "VmRSS");

  const single: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++)
    single.push(await upload(base, token, problems[i % problems.length]?.id as string, distinct(photo)));
  const raw = await rawBaseline(evidenceDir, photo);
  console.log(
    `10 MB upload, ${SEQUENTIAL} sequential: p50 ${ms(pct(single, 50))}, p95 ${ms(pct(single, 95))} ` +
      `(bare hash+write server: p50 ${ms(pct(raw, 50))}, p95 ${ms(pct(raw, 95))}; ratio ${(pct(single, 50) / pct(raw, 50)).toFixed(1)}×)`,
  );

  // Documents first (VmHWM only rises): the pipeline without image decoding.
  const pdfBytes = tenMegabytePdf();
  const rssBeforeDocs = vm(pid, "VmRSS");
  const tDocs = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, (_, i) =>
      upload(base, token, problems[i % problems.length]?.id as string, distinct(pdfBytes), true),
    ),
  );
  const wallDocs = performance.now() - tDocs;
  const peakDocs = vm(pid, "VmHWM");
  console.log(
    `${PARALLEL} parallel 10 MB PDFs: wall ${ms(wallDocs)}; server peak ${mib(peakDocs)}, ${mib(peakDocs - rssBeforeDocs)} above the RSS before`,
  );

  const rssIdle = vm(pid, "VmRSS");
  const t = performance.now();
  const parallel = await Promise.all(
    Array.from({ length: PARALLEL }, (_, i) => upload(base, token, problems[i % problems.length]?.id as string, distinct(photo))),
  );
  const wall = performance.now() - t;
  const peak = vm(pid, "VmHWM");
  console.log(
    `${PARALLEL} parallel 10 MB uploads (${((PARALLEL * photo.length) / 1_048_576).toFixed(0)} MiB in all): wall ${ms(wall)}, ` +
      `each p50 ${ms(pct(parallel, 50))}, p95 ${ms(pct(parallel, 95))}`,
  );
  console.log(
    `Server memory: RSS ${mib(rssBefore)} after warm-up, ${mib(rssIdle)} before the parallel run, peak (VmHWM) ${mib(peak)} — ` +
      `${mib(peak - rssIdle)} above idle for ${PARALLEL} × 10 MB in flight`,
  );
} finally {
  server?.kill("SIGTERM");
  await db.stop();
  rmSync(evidenceDir, { recursive: true, force: true });
}
