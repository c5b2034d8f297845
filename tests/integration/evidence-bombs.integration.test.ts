import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/api/v1/problems/[id]/evidence/route";
import { db } from "@/lib/db";
import { createProblem } from "../factories";
import { type ApiResult, errorOf } from "../support/api";
import { countFiles, jpegWithExif, listFiles, multipart, type Part } from "../support/evidence-files";
import { createWorld, type World } from "../support/world";
import { makeZip } from "../support/zip";

const EVIDENCE_DIR = mkdtempSync(path.join(os.tmpdir(), "rectify-evidence-bombs-"));
process.env.EVIDENCE_DIR = EVIDENCE_DIR;
delete process.env.EVIDENCE_STORAGE;

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await db.problem.deleteMany({ where: { districtId: { in: [world.districtA.id, world.districtB.id] } } });
  rmSync(EVIDENCE_DIR, { recursive: true, force: true });
});

const newProblem = () =>
  createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id, status: "RECTIFYING" });

/** Sends the upload in 16 KB chunks, as it arrives over a network (not as one buffer). */
async function upload(problemId: string, bytes: Buffer, filename: string, contentType: string): Promise<ApiResult> {
  const parts: Part[] = [
    { name: "kind", value: "OTHER" },
    { name: "file", filename, bytes, contentType },
  ];
  const { body, contentType: type } = multipart(parts);
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= body.length) return c.close();
      c.enqueue(new Uint8Array(body.subarray(at, at + 16 * 1024)));
      at += 16 * 1024;
    },
  });
  const req = new NextRequest(`http://localhost/api/v1/problems/${problemId}/evidence`, {
    method: "POST",
    headers: { authorization: `Bearer ${world.officerA.token}`, "content-type": type },
    body: stream,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
  const res = await uploadRoute(req, { params: Promise.resolve({ id: problemId }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : null };
}

/** A real JPEG with `padding` bytes of APP11 segments before its frame header, and that header saying width × height. */
function paddedJpeg(real: Buffer, padding: number, width: number, height: number): Buffer {
  const segments: Buffer[] = [];
  for (let left = padding; left > 0; left -= 65_000) {
    const n = Math.min(65_000, left);
    const seg = Buffer.alloc(4 + n);
    seg.writeUInt16BE(0xffeb, 0);
    seg.writeUInt16BE(n + 2, 2);
    segments.push(seg);
  }
  const out = Buffer.concat([real.subarray(0, 2), ...segments, real.subarray(2)]);
  for (let i = 2; i < out.length - 8; i++) {
    if (out[i] === 0xff && out[i + 1] !== undefined && [0xc0, 0xc1, 0xc2].includes(out[i + 1] as number)) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
  }
  throw new Error("no SOF in the test JPEG");
}

async function expectRefused(problemId: string, r: Awaited<ReturnType<typeof upload>>, status: number, before: number) {
  expect(r.status, r.text).toBe(status);
  expect(errorOf(r).message).toBeTruthy();
  expect(await db.evidence.count({ where: { problemId } })).toBe(0);
  expect(countFiles(EVIDENCE_DIR)).toBe(before);
  expect(listFiles(EVIDENCE_DIR).filter((f) => f.endsWith(".partial"))).toEqual([]);
}

describe("files that only look small", () => {
  it("a 400-megapixel JPEG whose frame header sits after 320 KB of padding is refused (413)", async () => {
    const p = await newProblem();
    const before = countFiles(EVIDENCE_DIR);
    const bomb = paddedJpeg(await jpegWithExif({ width: 16, height: 16 }), 320 * 1024, 20_000, 20_000);
    await expectRefused(p.id, await upload(p.id, bomb, "bomb.jpg", "image/jpeg"), 413, before);
  });

  it("the same padding with an honest size is accepted (the padding alone is no reason)", async () => {
    const p = await newProblem();
    const fine = paddedJpeg(await jpegWithExif({ width: 16, height: 16 }), 320 * 1024, 16, 16);
    const r = await upload(p.id, fine, "padded.jpg", "image/jpeg");
    expect(r.status, r.text).toBe(201);
  });

  it("a truncated JPEG is refused (422) in the caller's language", async () => {
    const p = await newProblem();
    const before = countFiles(EVIDENCE_DIR);
    const whole = await jpegWithExif({ width: 64, height: 64 });
    const r = await upload(p.id, whole.subarray(0, whole.length - 40), "cut.jpg", "image/jpeg");
    await expectRefused(p.id, r, 422, before);
    expect(errorOf(r).fields?.file?.[0]).toMatch(/incomplete|不完整/);
  });

  it("a DOCX whose directory unpacks to 1 GB is refused (413); nothing stored", async () => {
    const p = await newProblem();
    const before = countFiles(EVIDENCE_DIR);
    const bomb = makeZip([
      {
        name: "[Content_Types].xml",
        data: Buffer.from(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
      },
      { name: "word/document.xml", data: Buffer.from("<w:document/>") },
      { name: "word/media/image1.bin", data: new Uint8Array(1024), declaredSize: 1024 * 1024 * 1024 },
    ]);
    const r = await upload(p.id, bomb, "纪要.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    await expectRefused(p.id, r, 413, before);
  });
});
