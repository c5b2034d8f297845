import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getFileRoute } from "@/app/api/v1/evidence/[id]/file/route";
import { GET as getRoute } from "@/app/api/v1/evidence/[id]/route";
import { GET as listRoute, POST as uploadRoute } from "@/app/api/v1/problems/[id]/evidence/route";
import { db } from "@/lib/db";
import { distanceMeters } from "@/lib/domain/evidence";
import type { EvidenceDto, EvidenceListDto } from "@/lib/schemas/evidence";
import { createProblem, evidencePdfBytes } from "../factories";
import { type ApiResult, call, errorOf } from "../support/api";
import {
  callMultipart,
  countFiles,
  docx,
  HOSTILE,
  jpegWithExif,
  listFiles,
  mov,
  mp4,
  multipart,
  type Part,
  png,
  xlsx,
} from "../support/evidence-files";
import { createWorld, type Person, type World } from "../support/world";

const EVIDENCE_DIR = mkdtempSync(path.join(os.tmpdir(), "rectify-evidence-upload-"));
process.env.EVIDENCE_DIR = EVIDENCE_DIR;
delete process.env.EVIDENCE_STORAGE;

let world: World;
const SITE = { lat: 31.4912, lng: 120.3119 };

beforeAll(async () => {
  world = await createWorld();
});

afterAll(async () => {
  await db.problem.deleteMany({ where: { districtId: { in: [world.districtA.id, world.districtB.id] } } });
  rmSync(EVIDENCE_DIR, { recursive: true, force: true });
});

function newProblem(overrides: Parameters<typeof createProblem>[1] = {}) {
  return createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    status: "RECTIFYING",
    lat: SITE.lat,
    lng: SITE.lng,
    ...overrides,
  });
}

/** The start of a HEIC file (an `ftyp` box with the heic brand) and bytes no decoder understands. */
const heic = () =>
  Buffer.concat([
    Buffer.from([0, 0, 0, 24]),
    Buffer.from("ftypheic"),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from("mif1heic"),
    Buffer.alloc(64, 7),
  ]);
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const filePart = (bytes: Buffer, filename: string | Buffer = "现场照片.jpg", contentType = "image/jpeg"): Part => ({
  name: "file",
  filename,
  bytes,
  contentType,
});
const field = (name: string, value: string): Part => ({ name, value });

function upload(problemId: string, parts: Part[], opts: { who?: Person; headers?: Record<string, string> } = {}) {
  const { body, contentType } = multipart(parts);
  return callMultipart(uploadRoute, `/problems/${problemId}/evidence`, {
    token: (opts.who ?? world.officerA).token,
    params: { id: problemId },
    body,
    contentType,
    headers: opts.headers,
  });
}
const dto = (r: ApiResult) => r.body as EvidenceDto;
const rowsOf = (problemId: string) => db.evidence.count({ where: { problemId } });

async function getFile(id: string, query = "", who: Person = world.viewer) {
  const req = new Request(`http://localhost/api/v1/evidence/${id}/file${query}`, {
    headers: { authorization: `Bearer ${who.token}` },
  });
  const { NextRequest } = await import("next/server");
  return getFileRoute(new NextRequest(req), { params: Promise.resolve({ id }) });
}

describe("uploading evidence", () => {
  it("a site photo: stored as sent, SHA-256, EXIF time and GPS over the device's, distance, thumbnail, audit, review notice", async () => {
    const p = await newProblem();
    const photo = await jpegWithExif({ dateTimeOriginal: "2026:11:20 10:11:12", lat: 31.4917, lng: 120.3 });
    const form = new FormData();
    form.append("kind", "AFTER_PHOTO");
    form.append("capturedAt", "2026-11-21T08:00:00+08:00");
    form.append("lat", "30.1");
    form.append("lng", "119.2");
    form.append("file", new File([new Uint8Array(photo)], "整改后-河道.jpg", { type: "image/jpeg" }));
    const r = await callMultipart(uploadRoute, `/problems/${p.id}/evidence`, {
      token: world.officerA.token,
      params: { id: p.id },
      body: form,
    });
    expect(r.status, r.text).toBe(201);
    const e = dto(r);
    expect(e).toMatchObject({
      problemId: p.id,
      measureId: null,
      kind: "AFTER_PHOTO",
      sha256: sha(photo),
      mime: "image/jpeg",
      size: photo.length,
      originalName: "整改后-河道.jpg",
      capturedAt: "2026-11-20T02:11:12.000Z",
      capturedAtSource: "EXIF",
      gpsSource: "EXIF",
      width: 640,
      height: 480,
      uploadedBy: { id: world.officerA.user.id, displayName: world.officerA.user.displayName },
      reviewStatus: "PENDING",
      reviewedAt: null,
      lastReview: null,
      supersedesId: null,
      supersededById: null,
      version: 1,
      fileUrl: `/api/v1/evidence/${e.id}/file`,
      thumbUrl: `/api/v1/evidence/${e.id}/file?variant=thumb`,
      canReview: false,
    });
    expect(e.lat).toBeCloseTo(31.4917, 4);
    expect(e.lng).toBeCloseTo(120.3, 4);
    expect(e.distanceMeters).toBe(distanceMeters({ lat: e.lat as number, lng: e.lng as number }, SITE));
    expect(e.distanceMeters).toBeGreaterThan(1000);

    const row = await db.evidence.findUniqueOrThrow({ where: { id: e.id } });
    expect(row.storageKey).toMatch(/^evidence\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(row.storageKey).toContain(e.id);
    expect(readFileSync(path.join(EVIDENCE_DIR, row.storageKey)).equals(photo)).toBe(true);
    expect(row.thumbKey).toBe(`${row.storageKey}.thumb.webp`);
    const thumb = readFileSync(path.join(EVIDENCE_DIR, row.thumbKey as string));
    expect(thumb.subarray(8, 12).toString()).toBe("WEBP");

    const audit = await db.auditLog.findFirst({ where: { entityType: "Evidence", entityId: e.id } });
    expect(audit).toMatchObject({
      action: "upload",
      actorId: world.officerA.user.id,
      after: { sha256: sha(photo), kind: "AFTER_PHOTO" },
    });
    const notice = await db.notification.findFirst({ where: { userId: world.coordinator.user.id, problemId: p.id } });
    expect(notice).toMatchObject({ kind: "evidence.submitted", link: `/problems/${p.id}` });
    expect(notice?.body).toContain("整改后-河道.jpg");
    // More material on the same problem the same day: no second notice (the review queue has it).
    const second = await upload(p.id, [
      field("kind", "BEFORE_PHOTO"),
      filePart(await png(20, 20, "#222"), "整改前.png", "image/png"),
    ]);
    expect(second.status, second.text).toBe(201);
    expect(
      await db.notification.count({ where: { userId: world.coordinator.user.id, problemId: p.id, kind: "evidence.submitted" } }),
    ).toBe(1);
  });

  it("device facts are used when the file has none, and recorded as such", async () => {
    const p = await newProblem();
    const r = await upload(p.id, [
      field("kind", "MONITORING_REPORT"),
      field("capturedAt", "2026-11-21T08:00:00+08:00"),
      field("lat", String(SITE.lat)),
      field("lng", String(SITE.lng)),
      filePart(evidencePdfBytes(), "监测报告.pdf", "application/pdf"),
    ]);
    expect(r.status, r.text).toBe(201);
    expect(dto(r)).toMatchObject({
      mime: "application/pdf",
      capturedAt: "2026-11-21T00:00:00.000Z",
      capturedAtSource: "DEVICE",
      lat: SITE.lat,
      lng: SITE.lng,
      gpsSource: "DEVICE",
      distanceMeters: 0,
      thumbUrl: null,
      width: null,
    });
  });

  it.each([
    ["PNG", () => png(), "a.png", "image/png", true],
    ["PDF", async () => evidencePdfBytes(), "b.pdf", "application/pdf", false],
    ["DOCX", async () => docx(), "纪要.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false],
    ["XLSX", () => xlsx(), "数据.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false],
    ["MP4", async () => mp4(), "v.mp4", "video/mp4", false],
    ["MOV (iPhone video)", async () => mov(), "IMG_0002.MOV", "video/quicktime", false],
    // HEIC is kept even where this server cannot decode it for a thumbnail.
    ["HEIC", async () => heic(), "IMG_0001.HEIC", "image/heic", false],
  ] as const)("accepts %s", async (_label, make, name, mime, thumb) => {
    const p = await newProblem();
    const bytes = await make();
    const r = await upload(p.id, [field("kind", "OTHER"), filePart(bytes, name, "application/octet-stream")]);
    expect(r.status, r.text).toBe(201);
    expect(dto(r)).toMatchObject({ mime, size: bytes.length, sha256: sha(bytes), originalName: name });
    expect(dto(r).thumbUrl !== null).toBe(thumb);
  });

  it("a measure of the problem may be named; another problem's measure may not", async () => {
    const p = await newProblem({ measures: [{ percent: 20 }] });
    const other = await newProblem({ measures: [{ percent: 0 }] });
    const ok = await upload(p.id, [
      field("measureId", p.measures[0]?.id as string),
      field("kind", "OTHER"),
      filePart(await png()),
    ]);
    expect(ok.status, ok.text).toBe(201);
    expect(dto(ok).measureId).toBe(p.measures[0]?.id);
    const before = countFiles(EVIDENCE_DIR);
    const bad = await upload(p.id, [
      field("measureId", other.measures[0]?.id as string),
      field("kind", "OTHER"),
      filePart(await png(33)),
    ]);
    expect(bad.status).toBe(422);
    expect(errorOf(bad).fields).toHaveProperty("measureId");
    expect(countFiles(EVIDENCE_DIR)).toBe(before);
  });

  it("a closed problem takes no new evidence", async () => {
    const p = await newProblem({ status: "CLOSED" });
    const r = await upload(p.id, [field("kind", "OTHER"), filePart(await png())]);
    expect(r.status).toBe(422);
    expect(await rowsOf(p.id)).toBe(0);
  });

  it("field values are validated after the file is read, and a refusal removes the stored bytes", async () => {
    const p = await newProblem();
    const before = countFiles(EVIDENCE_DIR);
    for (const parts of [
      [filePart(await png())],
      [field("kind", "SELFIE"), filePart(await png())],
      [field("kind", "OTHER"), field("lat", "91"), field("lng", "120"), filePart(await png())],
      [field("kind", "OTHER"), field("capturedAt", "yesterday"), filePart(await png())],
      [field("kind", "OTHER"), field("colour", "red"), filePart(await png())],
    ]) {
      const r = await upload(p.id, parts);
      expect(r.status, r.text).toBe(422);
    }
    expect(await rowsOf(p.id)).toBe(0);
    expect(countFiles(EVIDENCE_DIR)).toBe(before);
  });
});

describe("hostile files", () => {
  const jpeg = () => jpegWithExif({ width: 16, height: 16 });
  const cases: [string, () => Promise<Part[]>, number][] = [
    ["HTML named .jpg", async () => [field("kind", "OTHER"), filePart(HOSTILE.html, "photo.jpg")], 415],
    ["SVG named .jpg", async () => [field("kind", "OTHER"), filePart(HOSTILE.svg, "photo.jpg")], 415],
    ["an ELF executable", async () => [field("kind", "OTHER"), filePart(HOSTILE.elf, "photo.jpg")], 415],
    ["a PE executable", async () => [field("kind", "OTHER"), filePart(HOSTILE.pe, "report.pdf")], 415],
    ["plain text", async () => [field("kind", "OTHER"), filePart(HOSTILE.text, "notes.docx")], 415],
    ["a plain zip named .docx", async () => [field("kind", "OTHER"), filePart(HOSTILE.zip, "minutes.docx")], 415],
    ["the name ../../x", async () => [field("kind", "OTHER"), filePart(await jpeg(), "../../x")], 422],
    // A raw NUL is not even a valid header; an encoded one (RFC 5987) reaches the name check.
    ["a NUL byte in the name", async () => [field("kind", "OTHER"), filePart(await jpeg(), Buffer.from("a\u0000.jpg"))], 400],
    [
      "an encoded NUL byte in the name",
      async () => [field("kind", "OTHER"), filePart(await jpeg(), Buffer.from(`a.jpg"; filename*=UTF-8''a%00.jpg; x="`))],
      422,
    ],
    ["a 300-character name", async () => [field("kind", "OTHER"), filePart(await jpeg(), `${"长".repeat(296)}.jpg`)], 422],
    ["0 bytes", async () => [field("kind", "OTHER"), filePart(Buffer.alloc(0), "empty.jpg")], 422],
    [
      "a 196-megapixel PNG (decompression bomb)",
      async () => [field("kind", "OTHER"), filePart(await png(14_000, 14_000, "#ffffff"), "bomb.png", "image/png")],
      413,
    ],
    [
      "two file parts",
      async () => [field("kind", "OTHER"), filePart(await png(), "a.png"), filePart(await png(20), "b.png")],
      422,
    ],
    ["no file part", async () => [field("kind", "OTHER")], 422],
    [
      "a file under another name",
      async () => [field("kind", "OTHER"), { name: "photo", filename: "a.png", bytes: await png() }],
      422,
    ],
  ];

  it.each(cases)("refuses %s; no row, no file", async (_label, parts, status) => {
    const p = await newProblem();
    const files = countFiles(EVIDENCE_DIR);
    const r = await upload(p.id, await parts());
    expect(r.status, r.text).toBe(status);
    expect(errorOf(r).message).toBeTruthy();
    expect(await rowsOf(p.id)).toBe(0);
    expect(countFiles(EVIDENCE_DIR)).toBe(files);
    expect(listFiles(EVIDENCE_DIR).filter((f) => f.endsWith(".partial"))).toEqual([]);
  });

  it("explains a refused type and a refused name in the caller's language", async () => {
    const p = await newProblem();
    const r = await upload(p.id, [field("kind", "OTHER"), filePart(HOSTILE.html, "photo.jpg")], {
      headers: { "accept-language": "zh-CN" },
    });
    expect(r.status).toBe(415);
    expect(errorOf(r).message).toContain("不接受此类文件");
    const n = await upload(p.id, [field("kind", "OTHER"), filePart(await jpeg(), `${"a".repeat(300)}.jpg`)]);
    expect(errorOf(n).fields?.file?.[0]).toContain("255");
  });

  it("a refused type stops the upload after its first bytes: the rest of the body is never read", async () => {
    const p = await newProblem();
    const boundary = "----rectifyAbort";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nOTHER\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n<html>`,
    );
    const chunk = Buffer.alloc(64 * 1024, "<p>x</p>");
    const total = 400; // 25 MiB of "photo"
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === 0) controller.enqueue(new Uint8Array(head));
        else if (pulled <= total) controller.enqueue(new Uint8Array(chunk));
        else {
          controller.enqueue(new Uint8Array(Buffer.from(`\r\n--${boundary}--\r\n`)));
          controller.close();
        }
        pulled++;
      },
    });
    const { NextRequest } = await import("next/server");
    // A streamed request body needs `duplex: "half"`, which the DOM typings do not know yet.
    const init = {
      method: "POST",
      headers: { authorization: `Bearer ${world.officerA.token}`, "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
    };
    const req = new NextRequest(
      `http://localhost/api/v1/problems/${p.id}/evidence`,
      init as ConstructorParameters<typeof NextRequest>[1],
    );
    const res = await uploadRoute(req, { params: Promise.resolve({ id: p.id }) });
    expect(res.status).toBe(415);
    expect(pulled).toBeLessThan(total / 4);
    expect(await rowsOf(p.id)).toBe(0);
  });

  it("a body that is not multipart is refused with 400", async () => {
    const p = await newProblem();
    const r = await call(uploadRoute, "POST", `/problems/${p.id}/evidence`, {
      token: world.officerA.token,
      params: { id: p.id },
      json: { kind: "OTHER" },
    });
    expect(r.status).toBe(400);
  });

  it("exactly the size cap is accepted, one byte more is refused with 413", async () => {
    const p = await newProblem();
    const saved = await db.setting.findUnique({ where: { key: "evidenceMaxBytes" } });
    await db.setting.upsert({
      where: { key: "evidenceMaxBytes" },
      update: { value: 2048 },
      create: { key: "evidenceMaxBytes", value: 2048 },
    });
    try {
      const pad = (n: number) => {
        const head = evidencePdfBytes();
        return Buffer.concat([head, Buffer.alloc(n - head.length, 0x20)]);
      };
      const exact = await upload(p.id, [field("kind", "OTHER"), filePart(pad(2048), "cap.pdf")]);
      expect(exact.status, exact.text).toBe(201);
      expect(dto(exact).size).toBe(2048);
      const files = countFiles(EVIDENCE_DIR);
      const over = await upload(p.id, [field("kind", "OTHER"), filePart(pad(2049), "over.pdf")]);
      expect(over.status, over.text).toBe(413);
      expect(await rowsOf(p.id)).toBe(1);
      expect(countFiles(EVIDENCE_DIR)).toBe(files);
    } finally {
      if (saved) await db.setting.update({ where: { key: "evidenceMaxBytes" }, data: { value: saved.value ?? 52_428_800 } });
      else await db.setting.delete({ where: { key: "evidenceMaxBytes" } });
    }
  });
});

describe("idempotent uploads", () => {
  it("the same Idempotency-Key twice answers the same evidence, one row, no extra file", async () => {
    const p = await newProblem();
    const key = `upload-${Date.now()}`;
    const first = await upload(p.id, [field("kind", "OTHER"), filePart(await png(40))], { headers: { "Idempotency-Key": key } });
    expect(first.status, first.text).toBe(201);
    const files = countFiles(EVIDENCE_DIR);
    // A retry may even carry different bytes (a re-encoded photo): the key decides.
    const again = await upload(p.id, [field("kind", "OTHER"), filePart(await png(41))], { headers: { "Idempotency-Key": key } });
    expect(again.status, again.text).toBe(200);
    expect(dto(again).id).toBe(dto(first).id);
    expect(await rowsOf(p.id)).toBe(1);
    expect(countFiles(EVIDENCE_DIR)).toBe(files);

    const other = await newProblem();
    const reused = await upload(other.id, [field("kind", "OTHER"), filePart(await png(42))], {
      headers: { "Idempotency-Key": key },
    });
    expect(reused.status).toBe(409);
    const bad = await upload(p.id, [field("kind", "OTHER"), filePart(await png(43))], {
      headers: { "Idempotency-Key": "has spaces in it" },
    });
    expect(bad.status).toBe(400);
  });

  it("the same bytes on the same problem without a key answer the same evidence", async () => {
    const p = await newProblem();
    const bytes = await png(50);
    const first = await upload(p.id, [field("kind", "OTHER"), filePart(bytes)]);
    const files = countFiles(EVIDENCE_DIR);
    const again = await upload(p.id, [field("kind", "AFTER_PHOTO"), filePart(bytes, "again.png")]);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(dto(again).id).toBe(dto(first).id);
    expect(await rowsOf(p.id)).toBe(1);
    expect(countFiles(EVIDENCE_DIR)).toBe(files);
    // The same bytes on another problem are that problem's own evidence.
    const elsewhere = await upload((await newProblem()).id, [field("kind", "OTHER"), filePart(bytes)]);
    expect(elsewhere.status).toBe(201);
  });

  it("five concurrent identical uploads store one row and one file", async () => {
    const p = await newProblem();
    const bytes = evidencePdfBytes();
    const files = countFiles(EVIDENCE_DIR);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => upload(p.id, [field("kind", "OTHER"), filePart(bytes, "same.pdf")])),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => dto(r).id)).size).toBe(1);
    expect(await rowsOf(p.id)).toBe(1);
    expect(countFiles(EVIDENCE_DIR)).toBe(files + 1);
  });
});

describe("corrections (new versions)", () => {
  it("a new version supersedes the old one, which is kept; a version is superseded once", async () => {
    const p = await newProblem();
    const v1 = dto(await upload(p.id, [field("kind", "AFTER_PHOTO"), filePart(await png(60))]));
    const v2r = await upload(p.id, [field("kind", "AFTER_PHOTO"), field("supersedesId", v1.id), filePart(await png(61))]);
    expect(v2r.status, v2r.text).toBe(201);
    expect(dto(v2r).supersedesId).toBe(v1.id);
    const list = (await call(listRoute, "GET", `/problems/${p.id}/evidence`, { token: world.viewer.token, params: { id: p.id } }))
      .body as EvidenceListDto;
    expect(list.items.map((e) => e.id)).toEqual([dto(v2r).id, v1.id]);
    expect(list.items[1]?.supersededById).toBe(dto(v2r).id);

    const twice = await upload(p.id, [field("kind", "AFTER_PHOTO"), field("supersedesId", v1.id), filePart(await png(62))]);
    expect(twice.status).toBe(422);
    const foreign = dto(await upload((await newProblem()).id, [field("kind", "OTHER"), filePart(await png(63))]));
    const cross = await upload(p.id, [field("kind", "OTHER"), field("supersedesId", foreign.id), filePart(await png(64))]);
    expect(cross.status).toBe(422);
    expect(await rowsOf(p.id)).toBe(2);
  });
});

describe("reading evidence and its file", () => {
  it("the download is an attachment with the detected type, nosniff and the cleaned name", async () => {
    const p = await newProblem();
    const photo = await jpegWithExif({ width: 64, height: 48 });
    const e = dto(
      await upload(p.id, [field("kind", "BEFORE_PHOTO"), filePart(photo, "C:\\fakepath\\整改前 (1).jpg", "text/html")]),
    );
    expect(e.originalName).toBe("整改前 (1).jpg");
    const res = await getFile(e.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("content-length")).toBe(String(photo.length));
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("private");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="___ (1).jpg"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E5%89%8D%20%281%29.jpg`,
    );
    expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true);

    const inline = await getFile(e.id, "?inline=1");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline; /);
    await inline.arrayBuffer();
    const thumb = await getFile(e.id, "?variant=thumb&inline=1");
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect(
      Buffer.from(await thumb.arrayBuffer())
        .subarray(8, 12)
        .toString(),
    ).toBe("WEBP");
  });

  it("documents are never shown inline and have no thumbnail", async () => {
    const p = await newProblem();
    const e = dto(await upload(p.id, [field("kind", "OTHER"), filePart(evidencePdfBytes(), "r.pdf")]));
    expect((await getFile(e.id, "?inline=1")).status).toBe(422);
    expect((await getFile(e.id, "?variant=thumb")).status).toBe(404);
    const res = await getFile(e.id);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; /);
    await res.arrayBuffer();
  });

  it("outside your scope evidence, its file and uploads look missing; roles without upload rights get 403", async () => {
    const p = await newProblem();
    const e = dto(await upload(p.id, [field("kind", "OTHER"), filePart(await png(70))]));
    const asB = { token: world.officerB.token, params: { id: e.id } };
    expect((await call(getRoute, "GET", `/evidence/${e.id}`, asB)).status).toBe(404);
    expect((await getFile(e.id, "", world.officerB)).status).toBe(404);
    expect((await call(listRoute, "GET", `/problems/${p.id}/evidence`, { ...asB, params: { id: p.id } })).status).toBe(404);
    const files = countFiles(EVIDENCE_DIR);
    const up = await upload(p.id, [field("kind", "OTHER"), filePart(await png(71))], { who: world.officerB });
    expect(up.status).toBe(404);
    expect((await upload(p.id, [field("kind", "OTHER"), filePart(await png(72))], { who: world.headB })).status).toBe(404);
    for (const who of [world.viewer, world.leader, world.admin]) {
      expect((await upload(p.id, [field("kind", "OTHER"), filePart(await png(73))], { who })).status).toBe(403);
    }
    expect(countFiles(EVIDENCE_DIR)).toBe(files);
    expect((await call(getRoute, "GET", `/evidence/${e.id}`, { token: world.headA.token, params: { id: e.id } })).status).toBe(
      200,
    );
    expect((await call(getRoute, "GET", "/evidence/not-a-uuid", { token: world.viewer.token, params: { id: "x" } })).status).toBe(
      404,
    );
    const asCoordinator = await call(getRoute, "GET", `/evidence/${e.id}`, {
      token: world.coordinator.token,
      params: { id: e.id },
    });
    expect(dto(asCoordinator).canReview).toBe(true);
  });
});
