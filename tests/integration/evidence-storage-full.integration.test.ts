import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/api/v1/problems/[id]/evidence/route";
import { db } from "@/lib/db";
import { PARTIAL_SUFFIX } from "@/lib/domain/evidence";
import { isAppError } from "@/lib/errors";
import { storedBytes } from "@/lib/server/evidence/storage/budget";
import { LocalStorage } from "@/lib/server/evidence/storage/local";
import { uploadEvidence } from "@/lib/server/evidence/upload-evidence";
import { createProblem } from "../factories";
import { errorOf } from "../support/api";
import { callMultipart, listFiles, multipart, png } from "../support/evidence-files";
import { createWorld, type World } from "../support/world";

/**
 * The evidence store without room: a spent budget (EVIDENCE_MAX_STORE_BYTES) and a device that
 * answers ENOSPC both end in 507 STORAGE_FULL with a Chinese message, and nothing is recorded —
 * no evidence row, no audit row, no file (partial or whole) left in the store.
 */
const EVIDENCE_DIR = mkdtempSync(path.join(os.tmpdir(), "rectify-evidence-full-"));
process.env.EVIDENCE_DIR = EVIDENCE_DIR;
delete process.env.EVIDENCE_STORAGE;

let world: World;
let problemId: string;

beforeAll(async () => {
  world = await createWorld();
  problemId = (await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id, status: "RECTIFYING" }))
    .id;
});

afterEach(() => {
  delete process.env.EVIDENCE_MAX_STORE_BYTES;
});

afterAll(async () => {
  await db.problem.deleteMany({ where: { districtId: { in: [world.districtA.id, world.districtB.id] } } });
  rmSync(EVIDENCE_DIR, { recursive: true, force: true });
});

/** A PNG followed by `size` random bytes (distinct each time, about `size` long). */
async function paddedPng(size: number): Promise<Buffer> {
  return Buffer.concat([await png(16, 16, "#37a"), randomBytes(size)]);
}

function form(bytes: Buffer, name: string) {
  return multipart([
    { name: "kind", value: "AFTER_PHOTO" },
    { name: "file", filename: name, bytes, contentType: "image/png" },
  ]);
}

async function uploadThroughApi(bytes: Buffer, name: string, headers: Record<string, string> = {}) {
  const { body, contentType } = form(bytes, name);
  return callMultipart(uploadRoute, `/problems/${problemId}/evidence`, {
    token: world.coordinator.token,
    params: { id: problemId },
    body,
    contentType,
    headers: { "accept-language": "zh-CN", ...headers },
  });
}

/** The same upload as a chunked body of unknown length (no Content-Length): only the streaming check can catch it. */
async function uploadChunked(bytes: Buffer, name: string) {
  const { body, contentType } = form(bytes, name);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < body.length; i += 65_536) controller.enqueue(new Uint8Array(body.subarray(i, i + 65_536)));
      controller.close();
    },
  });
  const req = new NextRequest(`http://localhost/api/v1/problems/${problemId}/evidence`, {
    method: "POST",
    headers: { authorization: `Bearer ${world.coordinator.token}`, "content-type": contentType, "accept-language": "zh-CN" },
    body: stream,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
  const res = await uploadRoute(req, { params: Promise.resolve({ id: problemId }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : null };
}

const recorded = async () => ({
  evidence: await db.evidence.count({ where: { problemId } }),
  audits: await db.auditLog.count({ where: { entityType: "Evidence", actorId: world.coordinator.user.id } }),
});

const storeFiles = () => (existsSync(EVIDENCE_DIR) ? listFiles(EVIDENCE_DIR) : []);

describe("the evidence store's budget (EVIDENCE_MAX_STORE_BYTES)", () => {
  it("stores what fits, refuses what would go beyond it with 507 STORAGE_FULL, and records nothing of the refused upload", async () => {
    const used = await storedBytes();
    // Room for about 1 MB more.
    process.env.EVIDENCE_MAX_STORE_BYTES = String(used + 1_000_000);

    const fits = await uploadThroughApi(await paddedPng(200_000), "fits.png");
    expect(fits.status, fits.text).toBe(201);
    const before = await recorded();
    const filesBefore = storeFiles();

    // 1.5 MB no longer fits in the ~800 KB left: refused while it streams (its length was not declared).
    const tooMuch = await uploadChunked(await paddedPng(1_500_000), "too-much.png");
    expect(tooMuch.status, tooMuch.text).toBe(507);
    const error = errorOf(tooMuch);
    expect(error.code).toBe("STORAGE_FULL");
    expect(error.message).toMatch(/存储空间已达上限/);
    expect(error.message).toMatch(/未保存/);
    expect(error.fields?.file?.[0]).toBe(error.message);
    expect(await recorded()).toEqual(before);
    expect(storeFiles()).toEqual(filesBefore);
    expect(storeFiles().filter((f) => f.endsWith(PARTIAL_SUFFIX))).toEqual([]);

    // The same refusal when the request says up front that its body cannot fit: before a byte is read.
    const declared = await uploadThroughApi(await paddedPng(1_500_000), "declared.png");
    expect(declared.status).toBe(507);
    expect(await recorded()).toEqual(before);
  });

  it("with the budget spent, refuses at once; without a budget (or 0) uploads are unlimited", async () => {
    process.env.EVIDENCE_MAX_STORE_BYTES = String(Math.max(1, await storedBytes()));
    const before = await recorded();
    const spent = await uploadThroughApi(await paddedPng(10_000), "spent.png");
    expect(spent.status, spent.text).toBe(507);
    expect(errorOf(spent).code).toBe("STORAGE_FULL");
    expect(await recorded()).toEqual(before);

    process.env.EVIDENCE_MAX_STORE_BYTES = "0";
    const unlimited = await uploadThroughApi(await paddedPng(10_000), "unlimited.png");
    expect(unlimited.status, unlimited.text).toBe(201);
  });

  it("answers in English for an English reader", async () => {
    process.env.EVIDENCE_MAX_STORE_BYTES = String(Math.max(1, await storedBytes()));
    const r = await uploadThroughApi(await paddedPng(10_000), "en.png", { "accept-language": "en" });
    expect(r.status).toBe(507);
    expect(errorOf(r).message).toMatch(/storage budget/);
  });
});

describe("a disk that is full (ENOSPC from the file system)", () => {
  it("turns the write error into the same clean 507 STORAGE_FULL and leaves no row and no file", async () => {
    // The real local store, writing its partial file through a link to /dev/full: every write
    // returns ENOSPC from the kernel, as on a full disk.
    const root = mkdtempSync(path.join(os.tmpdir(), "rectify-evidence-enospc-"));
    const target = path.join(root, "evidence", "target");
    mkdirSync(path.dirname(target), { recursive: true });
    symlinkSync("/dev/full", target + PARTIAL_SUFFIX);
    class FullDisk extends LocalStorage {
      override pathOf(key: string): string {
        super.pathOf(key);
        return target;
      }
    }
    const before = await recorded();
    const { body, contentType } = form(await paddedPng(600_000), "full-disk.png");
    const req = new NextRequest(`http://localhost/api/v1/problems/${problemId}/evidence`, {
      method: "POST",
      headers: { "content-type": contentType, "content-length": String(body.length) },
      body: new Uint8Array(body),
    });
    const refused = await uploadEvidence(world.coordinator.actor, problemId, req, {
      locale: "zh-CN",
      storage: new FullDisk(root),
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(refused), String(refused)).toBe(true);
    expect(refused).toMatchObject({ code: "STORAGE_FULL", status: 507 });
    expect((refused as Error).message).toMatch(/存储空间已满/);
    expect(await recorded()).toEqual(before);
    // The partial file (here the link) was removed; nothing is left under the store's root.
    expect(listFiles(root)).toEqual([]);
    expect(existsSync(target)).toBe(false);
    rmSync(root, { recursive: true, force: true });
  });
});
