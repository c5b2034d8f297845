import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as confirmFakeRoute } from "@/app/api/v1/evidence/[id]/confirm-fake/route";
import { POST as withdrawRoute } from "@/app/api/v1/findings/[id]/withdraw/route";
import { GET as listEvidenceRoute, POST as uploadRoute } from "@/app/api/v1/problems/[id]/evidence/route";
import { GET as listFindingsRoute, POST as recordFindingRoute } from "@/app/api/v1/problems/[id]/findings/route";
import { db } from "@/lib/db";
import type { EvidenceDto, EvidenceListDto } from "@/lib/schemas/evidence";
import type { ConfirmFakeResultDto, FindingDto, FindingListDto } from "@/lib/schemas/findings";
import { backfillPhotoChecks } from "@/lib/server/evidence/backfill-photo-checks";
import { settlePhotoChecks } from "@/lib/server/evidence/photo-check";
import { listReviewQueue } from "@/lib/server/field/list-review-queue";
import { listEstablishedFindings } from "@/lib/server/findings/list-established-findings";
import { getProblemHistory } from "@/lib/server/problems/get-problem-history";
import { createEvidence, createProblem } from "../factories";
import { type ApiResult, call, errorOf } from "../support/api";
import { callMultipart } from "../support/evidence-files";
import { createWorld, type Person, type World } from "../support/world";

const EVIDENCE_DIR = mkdtempSync(path.join(os.tmpdir(), "rectify-photo-forensics-"));
process.env.EVIDENCE_DIR = EVIDENCE_DIR;
delete process.env.EVIDENCE_STORAGE;

const photo = (name: string) => readFileSync(path.join(process.cwd(), "tests/fixtures/photos", `${name}.jpg`));

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

async function upload(problemId: string, kind: string, bytes: Buffer, name = "现场.jpg", who: Person = world.officerA) {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", new File([new Uint8Array(bytes)], name, { type: "image/jpeg" }));
  const r = await callMultipart(uploadRoute, `/problems/${problemId}/evidence`, {
    token: who.token,
    params: { id: problemId },
    body: form,
  });
  expect(r.status, r.text).toBe(201);
  // The photo's signals are computed after the upload answers.
  await settlePhotoChecks();
  return r.body as EvidenceDto;
}
const listAs = async (problemId: string, who: Person) => {
  const r = await call(listEvidenceRoute, "GET", `/problems/${problemId}/evidence`, {
    token: who.token,
    params: { id: problemId },
  });
  expect(r.status, r.text).toBe(200);
  return (r.body as EvidenceListDto).items;
};
const confirmFake = (id: string, json: unknown, who: Person = world.coordinator) =>
  call(confirmFakeRoute, "POST", `/evidence/${id}/confirm-fake`, { token: who.token, params: { id }, json });
const recordFinding = (problemId: string, json: unknown, who: Person = world.leader) =>
  call(recordFindingRoute, "POST", `/problems/${problemId}/findings`, { token: who.token, params: { id: problemId }, json });
const withdraw = (id: string, json: unknown, who: Person = world.leader) =>
  call(withdrawRoute, "POST", `/findings/${id}/withdraw`, { token: who.token, params: { id }, json });
const kinds = (e: EvidenceDto | undefined) => (e?.signals ?? []).map((s) => s.kind);
const byId = (items: EvidenceDto[], id: string) => items.find((e) => e.id === id);

describe("photo signals at upload", () => {
  it("an after photo that re-encodes the before photo carries 'same as before'; the uploader does not see it", async () => {
    const p = await newProblem();
    const before = await upload(p.id, "BEFORE_PHOTO", photo("cat"), "整改前.jpg");
    const after = await upload(p.id, "AFTER_PHOTO", await sharp(photo("cat")).jpeg({ quality: 60 }).toBuffer(), "整改后.jpg");
    expect((await db.evidence.findUniqueOrThrow({ where: { id: after.id } })).photoCheckedAt).not.toBeNull();

    const seen = await listAs(p.id, world.coordinator);
    const signals = byId(seen, after.id)?.signals ?? [];
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ kind: "SAME_AS_BEFORE", evidenceId: before.id });
    expect(signals[0]?.distance).toBeLessThanOrEqual(10);
    expect(kinds(byId(seen, before.id))).toEqual([]);

    const officer = await listAs(p.id, world.officerA);
    expect(byId(officer, after.id)?.signals).toBeNull();

    const queue = await listReviewQueue(world.coordinator.actor, { suspect: true });
    expect(queue.items.map((i) => i.evidence.id)).toContain(after.id);
    expect(queue.items.map((i) => i.evidence.id)).not.toContain(before.id);
    expect(queue.suspect).toBeGreaterThanOrEqual(1);
  });

  it("a different scene before and after carries no signal", async () => {
    const p = await newProblem();
    await upload(p.id, "BEFORE_PHOTO", photo("rocket"));
    const after = await upload(p.id, "AFTER_PHOTO", photo("astronaut"));
    expect(kinds(byId(await listAs(p.id, world.coordinator), after.id))).toEqual([]);
  });

  it("a photo reused on another problem flags both photos", async () => {
    const p1 = await newProblem();
    const p2 = await newProblem();
    const first = await upload(p1.id, "AFTER_PHOTO", photo("coffee"));
    const meta = await sharp(photo("coffee")).metadata();
    const reused = await upload(
      p2.id,
      "AFTER_PHOTO",
      await sharp(photo("coffee"))
        .resize(Math.round((meta.width as number) / 2))
        .toBuffer(),
    );

    const second = byId(await listAs(p2.id, world.coordinator), reused.id);
    expect(second?.signals).toContainEqual(
      expect.objectContaining({ kind: "REUSED_PHOTO", evidenceId: first.id, problemId: p1.id, problemCode: p1.code }),
    );
    const older = byId(await listAs(p1.id, world.coordinator), first.id);
    expect(older?.signals).toContainEqual(
      expect.objectContaining({ kind: "REUSED_PHOTO", evidenceId: reused.id, problemId: p2.id, problemCode: p2.code }),
    );
    expect(await db.evidence.count({ where: { id: { in: [first.id, reused.id] }, suspect: true } })).toBe(2);
  });

  it("editing software and a camera time before registration are flagged", async () => {
    const p = await newProblem();
    const edited = await sharp(photo("astronaut"))
      .rotate(180)
      .jpeg()
      .withExif({
        IFD0: { Software: "Adobe Photoshop 25.0" },
        IFD2: { DateTimeOriginal: "2020:01:02 03:04:05", OffsetTimeOriginal: "+08:00" },
      })
      .toBuffer();
    const e = await upload(p.id, "AFTER_PHOTO", edited);
    expect(e.software).toBe("Adobe Photoshop 25.0");
    expect(byId(await listAs(p.id, world.coordinator), e.id)?.phash).toMatch(/^[0-9a-f]{16}$/);
    const signals = byId(await listAs(p.id, world.coordinator), e.id)?.signals ?? [];
    expect(signals.map((s) => s.kind).sort()).toEqual([
      "CAMERA_TIME_FAR_FROM_UPLOAD",
      "CAPTURED_BEFORE_REGISTRATION",
      "EDITING_SOFTWARE",
    ]);
    expect(signals).toContainEqual({ kind: "EDITING_SOFTWARE", software: "Adobe Photoshop 25.0", editor: "Adobe Photoshop" });
  });

  it("an XMP CreatorTool of a phone editor counts; camera firmware does not", async () => {
    const p = await newProblem();
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="美图秀秀 9.9"/></rdf:RDF></x:xmpmeta>';
    const meitu = await upload(p.id, "AFTER_PHOTO", await sharp(photo("coffee")).flop().jpeg().withXmp(xmp).toBuffer());
    const firmware = await upload(
      p.id,
      "AFTER_PHOTO",
      await sharp(photo("rocket"))
        .flop()
        .jpeg()
        .withExif({ IFD0: { Software: "HDR+ 1.0.540104767zd" } })
        .toBuffer(),
    );
    const seen = await listAs(p.id, world.coordinator);
    expect(byId(seen, meitu.id)?.signals).toEqual([
      { kind: "EDITING_SOFTWARE", software: "美图秀秀 9.9", editor: "美图秀秀 (Meitu)" },
    ]);
    expect(byId(seen, firmware.id)?.software).toBe("HDR+ 1.0.540104767zd");
    expect(kinds(byId(seen, firmware.id))).toEqual([]);
  });
});

describe("backfill of photos stored before the checks", () => {
  it("hashes and checks unchecked photos once, in batches", async () => {
    const p = await newProblem();
    const rows = await Promise.all(
      ["cat", "coffee", "rocket"].map((n) =>
        createEvidence(db, {
          problemId: p.id,
          uploadedById: world.officerA.user.id,
          kind: "AFTER_PHOTO",
          mime: "image/jpeg",
          bytes: photo(n),
        }),
      ),
    );
    const before = await createEvidence(db, {
      problemId: p.id,
      uploadedById: world.officerA.user.id,
      kind: "BEFORE_PHOTO",
      mime: "image/jpeg",
      bytes: await sharp(photo("cat")).jpeg({ quality: 70 }).toBuffer(),
    });
    const r = await backfillPhotoChecks({ batch: 2 });
    expect(r.checked).toBeGreaterThanOrEqual(4);
    const after = await db.evidence.findMany({ where: { problemId: p.id } });
    expect(after.every((e) => e.phash !== null && e.photoCheckedAt !== null)).toBe(true);
    const cat = after.find((e) => e.id === rows[0]?.id);
    // (Earlier tests stored the same cat on other problems: those show as reuse too.)
    expect(cat?.signals).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "SAME_AS_BEFORE", evidenceId: before.id })]),
    );
    const checkedAt = after.map((e) => e.photoCheckedAt?.getTime());
    await backfillPhotoChecks({ batch: 2 });
    const again = await db.evidence.findMany({ where: { problemId: p.id } });
    expect(again.map((e) => e.photoCheckedAt?.getTime())).toEqual(checkedAt);
  });
});

describe("findings of false or perfunctory rectification", () => {
  it("confirm-fake: coordinator only, reason required, returns the evidence, one finding, audit and history", async () => {
    const p = await newProblem();
    const e = await upload(p.id, "AFTER_PHOTO", photo("rocket"));
    for (const who of [world.admin, world.leader, world.headA, world.officerA, world.viewer]) {
      expect((await confirmFake(e.id, { reason: "x" }, who)).status, who.user.role).toBe(403);
    }
    const empty = await confirmFake(e.id, { reason: "  " });
    expect(empty.status).toBe(422);
    expect(errorOf(empty).fields?.reason).toBeDefined();
    expect((await confirmFake(e.id, { reason: "x", kind: "PERFUNCTORY" })).status).toBe(422);

    const ok = await confirmFake(e.id, { reason: "与整改前照片为同一张" });
    expect(ok.status, ok.text).toBe(201);
    const result = ok.body as ConfirmFakeResultDto;
    expect(result).toMatchObject({ returned: true, finding: { kind: "FAKE_EVIDENCE", evidenceId: e.id, active: true } });
    const row = await db.evidence.findUniqueOrThrow({ where: { id: e.id }, include: { reviews: true } });
    expect(row.reviewStatus).toBe("RETURNED");
    expect(row.reviews).toEqual([expect.objectContaining({ decision: "RETURNED", reasonCode: "SUSPECTED_FAKE" })]);
    expect(await db.rectificationFinding.count({ where: { evidenceId: e.id } })).toBe(1);
    const again = await confirmFake(e.id, { reason: "再次" });
    expect(again.status).toBe(409);
    expect(await db.rectificationFinding.count({ where: { evidenceId: e.id } })).toBe(1);

    const listed = byId(await listAs(p.id, world.coordinator), e.id);
    expect(listed).toMatchObject({ fakeFindingId: result.finding.id, canConfirmFake: false });

    const established = await listEstablishedFindings(new Date(Date.now() - 60_000), new Date(Date.now() + 60_000));
    expect(established).toContainEqual(
      expect.objectContaining({
        id: result.finding.id,
        kind: "FAKE_EVIDENCE",
        problemId: p.id,
        problemCode: p.code,
        evidenceId: e.id,
      }),
    );
    const audit = await db.auditLog.findMany({ where: { entityType: "RectificationFinding", entityId: result.finding.id } });
    expect(audit).toEqual([expect.objectContaining({ action: "establish", actorId: world.coordinator.user.id })]);
    const history = await getProblemHistory(world.viewer.actor, p.id);
    expect(history.items.find((h) => h.entityType === "RectificationFinding")).toMatchObject({
      action: "establish",
      actorName: world.coordinator.user.displayName,
    });
  });

  it("an already returned photo is not returned twice", async () => {
    const p = await newProblem();
    const e = await upload(p.id, "AFTER_PHOTO", photo("cat"));
    await db.evidence.update({ where: { id: e.id }, data: { reviewStatus: "RETURNED" } });
    const ok = await confirmFake(e.id, { reason: "重复使用" });
    expect(ok.status, ok.text).toBe(201);
    expect((ok.body as ConfirmFakeResultDto).returned).toBe(false);
    expect(await db.evidenceReview.count({ where: { evidenceId: e.id } })).toBe(0);
  });

  it("a perfunctory finding: leaders only, one standing per problem; withdrawn (leaders only) it no longer counts", async () => {
    const p = await newProblem();
    for (const who of [world.admin, world.coordinator, world.headA, world.officerA, world.viewer]) {
      expect((await recordFinding(p.id, { reason: "x" }, who)).status, who.user.role).toBe(403);
    }
    expect((await recordFinding(p.id, {})).status).toBe(422);
    const ok = await recordFinding(p.id, { reason: "整改仅作表面处理，污染源未断" });
    expect(ok.status, ok.text).toBe(201);
    const finding = ok.body as FindingDto;
    expect(finding).toMatchObject({
      kind: "PERFUNCTORY",
      evidenceId: null,
      active: true,
      establishedBy: { id: world.leader.user.id },
    });
    expect((await recordFinding(p.id, { reason: "again" })).status).toBe(409);

    const window = () => [new Date(Date.now() - 60_000), new Date(Date.now() + 60_000)] as const;
    expect((await listEstablishedFindings(...window())).map((f) => f.id)).toContain(finding.id);

    for (const who of [world.admin, world.coordinator, world.headA, world.officerA, world.viewer]) {
      expect((await withdraw(finding.id, { reason: "x" }, who)).status, who.user.role).toBe(403);
    }
    expect((await withdraw(finding.id, { reason: "" })).status).toBe(422);
    const w = await withdraw(finding.id, { reason: "经复核整改到位" });
    expect(w.status, w.text).toBe(200);
    expect(w.body).toMatchObject({ active: false, withdrawReason: "经复核整改到位", withdrawnBy: { id: world.leader.user.id } });
    expect((await withdraw(finding.id, { reason: "again" })).status).toBe(409);
    expect((await listEstablishedFindings(...window())).map((f) => f.id)).not.toContain(finding.id);

    const list = await call(listFindingsRoute, "GET", `/problems/${p.id}/findings`, {
      token: world.officerA.token,
      params: { id: p.id },
    });
    expect(list.status).toBe(200);
    expect((list.body as FindingListDto).items).toEqual([
      expect.objectContaining({ id: finding.id, active: false, canWithdraw: false }),
    ]);
    expect((await recordFinding(p.id, { reason: "复查仍未整改" })).status).toBe(201);

    const actions = (
      await db.auditLog.findMany({ where: { entityType: "RectificationFinding", entityId: finding.id }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["establish", "withdraw"]);
  });

  it("out of scope: a problem or evidence another district's officer cannot see answers 404", async () => {
    const p = await newProblem();
    const list = (who: Person) =>
      call(listFindingsRoute, "GET", `/problems/${p.id}/findings`, { token: who.token, params: { id: p.id } });
    expect((await list(world.officerB)).status).toBe(404);
    expect((await list(world.officerA)).status).toBe(200);
    const r: ApiResult = await confirmFake("00000000-0000-4000-8000-000000000000", { reason: "x" });
    expect(r.status).toBe(404);
  });
});
