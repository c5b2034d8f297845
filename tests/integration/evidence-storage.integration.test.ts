import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { NextRequest } from "next/server";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as fileRoute } from "@/app/api/v1/evidence/[id]/file/route";
import { POST as verifyRoute } from "@/app/api/v1/evidence/[id]/verify/route";
import { POST as uploadRoute } from "@/app/api/v1/problems/[id]/evidence/route";
import { db } from "@/lib/db";
import { evidenceStorageKey, thumbKeyOf } from "@/lib/domain/evidence";
import type { EvidenceDto } from "@/lib/schemas/evidence";
import { sha256OfStream } from "@/lib/server/evidence/hash-stream";
import type { EvidenceStorage } from "@/lib/server/evidence/storage";
import { LocalStorage } from "@/lib/server/evidence/storage/local";
import { S3Storage } from "@/lib/server/evidence/storage/s3";
import { createProblem } from "../factories";
import { call } from "../support/api";
import { callMultipart, jpegWithExif, listFiles, multipart } from "../support/evidence-files";
import { createWorld, type World } from "../support/world";

/** One contract, two backends: local disk and S3 (s3rver, an in-process S3 server). */
const LOCAL_DIR = mkdtempSync(path.join(os.tmpdir(), "rectify-evidence-local-"));
const S3_DIR = mkdtempSync(path.join(os.tmpdir(), "rectify-evidence-s3rver-"));
const BUCKET = "rectify-evidence-test";
let s3server: S3rver;
let s3: S3Storage;
let s3Endpoint = "";

beforeAll(async () => {
  s3server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: S3_DIR });
  const { port } = (await s3server.run()) as { port: number };
  s3Endpoint = `http://127.0.0.1:${port}`;
  s3 = new S3Storage({
    endpoint: s3Endpoint,
    region: "us-east-1",
    bucket: BUCKET,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  });
  await s3.client.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  s3?.client.destroy();
  await s3server?.close();
  rmSync(LOCAL_DIR, { recursive: true, force: true });
  rmSync(S3_DIR, { recursive: true, force: true });
});

const newKey = () => evidenceStorageKey(randomUUID(), new Date());
async function* chunks(total: number, size = 64 * 1024): AsyncGenerator<Buffer> {
  for (let sent = 0; sent < total; sent += size) yield Buffer.alloc(Math.min(size, total - sent), sent % 251);
}
async function bytesOf(stream: Readable | null): Promise<Buffer> {
  if (!stream) throw new Error("missing");
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

const backends: [string, () => EvidenceStorage][] = [
  ["local", () => new LocalStorage(LOCAL_DIR)],
  ["s3", () => s3],
];

describe.each(backends)("evidence storage contract: %s", (name, storageOf) => {
  it("put streams bytes under a key and reports how many; get, head and exists read them back", async () => {
    const storage = storageOf();
    const key = newKey();
    const bytes = Buffer.from("整改佐证 — evidence bytes");
    expect(await storage.put(key, Readable.from([bytes]), { contentType: "application/pdf" })).toBe(bytes.length);
    expect(await bytesOf(await storage.get(key))).toEqual(bytes);
    const head = await storage.head(key);
    expect(head).toMatchObject({ key, size: bytes.length });
    expect(head?.modifiedAt.getTime()).toBeGreaterThan(Date.now() - 600_000);
    expect(await storage.exists(key)).toBe(true);
  });

  it("a large stream (several parts) arrives intact", async () => {
    const storage = storageOf();
    const key = newKey();
    const total = 17 * 1024 * 1024 + 123;
    expect(await storage.put(key, Readable.from(chunks(total)))).toBe(total);
    expect(await sha256OfStream((await storage.get(key)) as Readable)).toBe(await sha256OfStream(Readable.from(chunks(total))));
    expect((await storage.head(key))?.size).toBe(total);
  });

  it("a missing key: get and head answer null, exists false, delete is fine", async () => {
    const storage = storageOf();
    const key = newKey();
    expect(await storage.get(key)).toBeNull();
    expect(await storage.head(key)).toBeNull();
    expect(await storage.exists(key)).toBe(false);
    await storage.delete(key);
  });

  it("delete removes the object", async () => {
    const storage = storageOf();
    const key = newKey();
    await storage.put(key, Readable.from([Buffer.from("x")]));
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
  });

  it("list finds every object under a prefix and nothing else", async () => {
    const storage = storageOf();
    const month = evidenceStorageKey(randomUUID(), new Date("2019-03-05T00:00:00Z"));
    const prefix = month.slice(0, month.lastIndexOf("/") + 1);
    const keys = [month, thumbKeyOf(month), evidenceStorageKey(randomUUID(), new Date("2019-03-20T00:00:00Z"))];
    const elsewhere = evidenceStorageKey(randomUUID(), new Date("2019-04-01T00:00:00Z"));
    for (const k of [...keys, elsewhere]) await storage.put(k, Readable.from([Buffer.from(k)]));
    const listed: string[] = [];
    for await (const o of storage.list(prefix)) listed.push(o.key);
    expect(listed.sort()).toEqual([...keys].sort());
    const all: string[] = [];
    for await (const o of storage.list("evidence/2019/")) all.push(o.key);
    expect(all).toContain(elsewhere);
  });

  it("a write that fails midway leaves nothing at the key", async () => {
    const storage = storageOf();
    const key = newKey();
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.alloc(1024 * 1024, 1);
      throw new Error("connection lost");
    }
    await expect(storage.put(key, Readable.from(failing()))).rejects.toThrow();
    expect(await storage.exists(key)).toBe(false);
    if (name === "local") expect(listFiles(LOCAL_DIR).filter((f) => f.endsWith(".partial"))).toEqual([]);
  });

  it("refuses keys that could climb out of the store", async () => {
    const storage = storageOf();
    for (const bad of ["../../etc/passwd", "evidence/../../x", "/abs/key", "evidence//x", ""]) {
      await expect(storage.put(bad, Readable.from([Buffer.from("x")]))).rejects.toThrow();
      await expect(storage.get(bad)).rejects.toThrow();
    }
  });
});

describe("local storage on disk", () => {
  it("keeps files under EVIDENCE_DIR at their keys", async () => {
    const storage = new LocalStorage(LOCAL_DIR);
    const key = newKey();
    await storage.put(key, Readable.from([Buffer.from("x")]));
    expect(existsSync(path.join(LOCAL_DIR, ...key.split("/")))).toBe(true);
  });
});

describe("uploads through the S3 backend (EVIDENCE_STORAGE=s3)", () => {
  const ENV = {
    EVIDENCE_STORAGE: "s3",
    S3_REGION: "us-east-1",
    S3_BUCKET: BUCKET,
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
  };
  const saved: Record<string, string | undefined> = {};
  let world: World;

  beforeAll(async () => {
    for (const [k, v] of Object.entries({ ...ENV, S3_ENDPOINT: s3Endpoint })) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    world = await createWorld();
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await db.problem.deleteMany({ where: { districtId: { in: [world.districtA.id, world.districtB.id] } } });
  });

  it("stores the original and its thumbnail in the bucket; download and verify read them back", async () => {
    const p = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id, status: "RECTIFYING" });
    const photo = await jpegWithExif({ dateTimeOriginal: "2026:11:20 10:11:12", width: 400, height: 300 });
    const { body, contentType } = multipart([
      { name: "kind", value: "AFTER_PHOTO" },
      { name: "file", filename: "s3.jpg", bytes: photo, contentType: "image/jpeg" },
    ]);
    const r = await callMultipart(uploadRoute, `/problems/${p.id}/evidence`, {
      token: world.officerA.token,
      params: { id: p.id },
      body,
      contentType,
    });
    expect(r.status, r.text).toBe(201);
    const e = r.body as EvidenceDto;
    const row = await db.evidence.findUniqueOrThrow({ where: { id: e.id } });
    expect(row.storage).toBe("S3");
    expect(await bytesOf(await s3.get(row.storageKey))).toEqual(photo);
    expect(row.thumbKey && (await s3.exists(row.thumbKey))).toBe(true);

    const file = await fileRoute(
      new NextRequest(`http://localhost/api/v1/evidence/${e.id}/file`, {
        headers: { authorization: `Bearer ${world.viewer.token}` },
      }),
      { params: Promise.resolve({ id: e.id }) },
    );
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(photo);
    const v = await call(verifyRoute, "POST", `/evidence/${e.id}/verify`, {
      token: world.coordinator.token,
      params: { id: e.id },
    });
    expect(v.body).toMatchObject({ ok: true, recomputed: e.sha256 });

    // A refused upload leaves nothing in the bucket either.
    const before: string[] = [];
    for await (const o of s3.list("evidence/")) before.push(o.key);
    const bad = multipart([
      { name: "kind", value: "OTHER" },
      { name: "file", filename: "x.jpg", bytes: Buffer.from("<html></html>"), contentType: "image/jpeg" },
    ]);
    const refused = await callMultipart(uploadRoute, `/problems/${p.id}/evidence`, {
      token: world.officerA.token,
      params: { id: p.id },
      body: bad.body,
      contentType: bad.contentType,
    });
    expect(refused.status).toBe(415);
    const after: string[] = [];
    for await (const o of s3.list("evidence/")) after.push(o.key);
    expect(after.sort()).toEqual(before.sort());
  });
});
