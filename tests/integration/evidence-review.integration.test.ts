import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as fileRoute } from "@/app/api/v1/evidence/[id]/file/route";
import { POST as reviewRoute } from "@/app/api/v1/evidence/[id]/review/route";
import { GET as lastCheckRoute, POST as verifyRoute } from "@/app/api/v1/evidence/[id]/verify/route";
import { GET as statsRoute } from "@/app/api/v1/evidence/review-stats/route";
import { db } from "@/lib/db";
import type { EvidenceDto, EvidenceVerifyDto, ReviewStatsDto } from "@/lib/schemas/evidence";
import { sweepOrphans } from "@/lib/server/evidence/sweep-orphans";
import { getProblemHistory } from "@/lib/server/problems/get-problem-history";
import { createDistrict, createEvidence, createProblem, createUnit } from "../factories";
import { type ApiResult, call, errorOf } from "../support/api";
import { countFiles } from "../support/evidence-files";
import { createWorld, type Person, type World } from "../support/world";

const EVIDENCE_DIR = mkdtempSync(path.join(os.tmpdir(), "rectify-evidence-review-"));
process.env.EVIDENCE_DIR = EVIDENCE_DIR;
delete process.env.EVIDENCE_STORAGE;

let world: World;
const extraDistricts: string[] = [];

beforeAll(async () => {
  world = await createWorld();
});

afterAll(async () => {
  await db.problem.deleteMany({ where: { districtId: { in: [world.districtA.id, world.districtB.id, ...extraDistricts] } } });
  rmSync(EVIDENCE_DIR, { recursive: true, force: true });
});

function newProblem(overrides: Parameters<typeof createProblem>[1] = {}) {
  return createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    status: "RECTIFYING",
    ...overrides,
  });
}
async function newEvidence(problemId?: string, overrides: Parameters<typeof createEvidence>[1] | object = {}) {
  return createEvidence(db, {
    problemId: problemId ?? (await newProblem()).id,
    uploadedById: world.officerA.user.id,
    ...overrides,
  });
}

const review = (id: string, json: unknown, who: Person = world.coordinator) =>
  call(reviewRoute, "POST", `/evidence/${id}/review`, { token: who.token, params: { id }, json });
const verify = (id: string, who: Person = world.coordinator) =>
  call(verifyRoute, "POST", `/evidence/${id}/verify`, { token: who.token, params: { id } });
const lastCheck = (id: string, who: Person = world.viewer) =>
  call(lastCheckRoute, "GET", `/evidence/${id}/verify`, { token: who.token, params: { id } });
const dto = (r: ApiResult) => r.body as EvidenceDto;

describe("reviewing evidence", () => {
  it("only coordinators review; everyone else gets 403, out of scope makes no difference to that", async () => {
    const e = await newEvidence();
    for (const who of [world.admin, world.leader, world.headA, world.officerA, world.officerB, world.viewer]) {
      const r = await review(e.id, { decision: "ACCEPTED", version: 1 }, who);
      expect(r.status, who.user.role).toBe(403);
    }
    const ok = await review(e.id, { decision: "ACCEPTED", version: 1 });
    expect(ok.status, ok.text).toBe(200);
    expect(dto(ok)).toMatchObject({
      reviewStatus: "ACCEPTED",
      version: 2,
      lastReview: { decision: "ACCEPTED", reasonCode: null, reviewer: { id: world.coordinator.user.id } },
    });
    expect(dto(ok).reviewedAt).not.toBeNull();
    expect(await db.evidenceReview.count({ where: { evidenceId: e.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityType: "Evidence", entityId: e.id, action: "review" } })).toBe(1);
  });

  it("a stale version is refused with 409 and the current record", async () => {
    const e = await newEvidence();
    expect((await review(e.id, { decision: "ACCEPTED", version: 1 })).status).toBe(200);
    const stale = await review(e.id, { decision: "RETURNED", reasonCode: "BLURRY", reason: "看不清", version: 1 });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).current).toMatchObject({ id: e.id, version: 2, reviewStatus: "ACCEPTED" });
  });

  it("a return needs a reason code and a reason; the uploader is told why", async () => {
    const e = await newEvidence();
    const missing = await review(e.id, { decision: "RETURNED", version: 1 });
    expect(missing.status).toBe(422);
    expect(Object.keys(errorOf(missing).fields ?? {}).sort()).toEqual(["reason", "reasonCode"]);
    expect((await review(e.id, { decision: "RETURNED", reasonCode: "NOPE", reason: "x", version: 1 })).status).toBe(422);
    expect((await review(e.id, { decision: "RETURNED", reasonCode: "BLURRY", reason: "x".repeat(501), version: 1 })).status).toBe(
      422,
    );
    expect((await review(e.id, { decision: "PENDING", version: 1 })).status).toBe(422);

    const r = await review(e.id, { decision: "RETURNED", reasonCode: "NOT_ON_SITE", reason: "照片不是问题点位", version: 1 });
    expect(r.status, r.text).toBe(200);
    expect(dto(r)).toMatchObject({
      reviewStatus: "RETURNED",
      lastReview: { decision: "RETURNED", reasonCode: "NOT_ON_SITE", reason: "照片不是问题点位" },
    });
    const notice = await db.notification.findFirst({ where: { userId: world.officerA.user.id, kind: "evidence.returned" } });
    expect(notice?.body).toContain("照片不是问题点位");
  });

  it("only the current version can be reviewed", async () => {
    const p = await newProblem();
    const v1 = await newEvidence(p.id);
    await newEvidence(p.id, { supersedesId: v1.id });
    const r = await review(v1.id, { decision: "ACCEPTED", version: 1 });
    expect(r.status).toBe(422);
  });

  it("evidence outside the coordinator's reach does not exist", async () => {
    const r = await review("00000000-0000-4000-8000-000000000000", { decision: "ACCEPTED", version: 1 });
    expect(r.status).toBe(404);
  });
});

describe("review statistics", () => {
  it("counts returns by reason, district and lead unit, with accepted and pending, within scope and period", async () => {
    const unitX = await createUnit(db, { kind: "DIVISION" });
    const districtX = await createDistrict(db);
    extraDistricts.push(districtX.id);
    const pA = await newProblem({ leadUnitId: unitX.id, districtId: districtX.id });
    const pB = await createProblem(db, { districtId: world.districtB.id, leadUnitId: unitX.id, status: "RECTIFYING" });
    const [a1, a2, a3, b1] = await Promise.all([newEvidence(pA.id), newEvidence(pA.id), newEvidence(pA.id), newEvidence(pB.id)]);
    await newEvidence(pA.id); // pending
    expect((await review(a1.id, { decision: "RETURNED", reasonCode: "BLURRY", reason: "模糊", version: 1 })).status).toBe(200);
    expect((await review(a2.id, { decision: "RETURNED", reasonCode: "BLURRY", reason: "模糊", version: 1 })).status).toBe(200);
    expect((await review(a3.id, { decision: "ACCEPTED", version: 1 })).status).toBe(200);
    expect(
      (await review(b1.id, { decision: "RETURNED", reasonCode: "NO_TIME_OR_PLACE", reason: "无时间地点", version: 1 })).status,
    ).toBe(200);

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const stats = async (query: string, who: Person = world.coordinator) =>
      (await call(statsRoute, "GET", `/evidence/review-stats${query}`, { token: who.token })).body as ReviewStatsDto;

    const unitRow = (s: ReviewStatsDto) => s.byLeadUnit.find((u) => u.unitId === unitX.id);
    const all = await stats(`?from=${today}&to=${today}`);
    expect(unitRow(all)).toMatchObject({
      unitName: unitX.name,
      accepted: 1,
      returned: 3,
      pending: 1,
      byReason: [
        { reasonCode: "BLURRY", count: 2 },
        { reasonCode: "NO_TIME_OR_PLACE", count: 1 },
      ],
    });
    expect(all.byDistrict.find((d) => d.districtId === districtX.id)).toMatchObject({
      districtName: districtX.name,
      accepted: 1,
      pending: 1,
      returned: 2,
      byReason: [{ reasonCode: "BLURRY", count: 2 }],
    });
    expect(all.totals.returned).toBeGreaterThanOrEqual(3);
    expect(all.byReason.find((r) => r.reasonCode === "BLURRY")?.count).toBeGreaterThanOrEqual(2);

    const onlyB = await stats(`?from=${today}&districtId=${world.districtB.id}`);
    expect(unitRow(onlyB)).toMatchObject({ returned: 1, accepted: 0, pending: 0 });
    expect(onlyB.byDistrict.map((d) => d.districtId)).toEqual([world.districtB.id]);

    // A field officer of district B sees only B's side; an earlier period holds none of these.
    expect(unitRow(await stats("", world.officerB))).toMatchObject({ returned: 1 });
    expect(unitRow(await stats("?to=2020-01-01"))).toBeUndefined();
    const bad = await call(statsRoute, "GET", "/evidence/review-stats?from=yesterday", { token: world.viewer.token });
    expect(bad.status).toBe(422);
  });
});

describe("integrity", () => {
  it("a viewer's GET only reads the last check: no re-hash, no history entry; checking is a POST for reviewers", async () => {
    const e = await newEvidence();
    const before = await db.auditLog.count({ where: { entityId: e.id } });
    const read = await lastCheck(e.id);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ id: e.id, sha256: e.sha256, ok: null, verifiedAt: null });
    expect(await db.auditLog.count({ where: { entityId: e.id } })).toBe(before);
    expect((await db.evidence.findUniqueOrThrow({ where: { id: e.id } })).verifiedAt).toBeNull();
    expect((await verify(e.id, world.viewer)).status).toBe(403);
    expect((await verify(e.id)).status).toBe(200);
    expect((await lastCheck(e.id)).body).toMatchObject({ ok: true, verifiedAt: expect.any(String) });
  });

  it("checks are rate-limited per person (EVIDENCE_VERIFY_PER_MINUTE)", async () => {
    process.env.EVIDENCE_VERIFY_PER_MINUTE = "2";
    try {
      const e = await newEvidence();
      const who = world.leader;
      expect((await verify(e.id, who)).status).toBe(200);
      expect((await verify(e.id, who)).status).toBe(200);
      const third = await verify(e.id, who);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      delete process.env.EVIDENCE_VERIFY_PER_MINUTE;
    }
  });

  it("verify recomputes the SHA-256; a changed file is flagged, and its download is broken off", async () => {
    const e = await newEvidence();
    const good = await verify(e.id);
    expect(good.status).toBe(200);
    expect(good.body as EvidenceVerifyDto).toMatchObject({ id: e.id, sha256: e.sha256, recomputed: e.sha256, ok: true });

    writeFileSync(path.join(EVIDENCE_DIR, e.storageKey), Buffer.from("%PDF-1.4 tampered"));
    const bad = (await verify(e.id)).body as EvidenceVerifyDto;
    expect(bad).toMatchObject({ ok: false, sha256: e.sha256 });
    expect(bad.recomputed).not.toBe(e.sha256);
    const row = await db.evidence.findUniqueOrThrow({ where: { id: e.id } });
    expect(row.verifiedOk).toBe(false);
    expect(row.verifiedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { entityId: e.id, action: "verifyFailed" } })).toBe(1);

    const res = await fileRoute(
      new NextRequest(`http://localhost/api/v1/evidence/${e.id}/file`, {
        headers: { authorization: `Bearer ${world.viewer.token}` },
      }),
      { params: Promise.resolve({ id: e.id }) },
    );
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
  });

  it("the problem's history shows each review and each integrity check of its evidence, a failed one included", async () => {
    const e = await newEvidence();
    expect(
      (await review(e.id, { decision: "RETURNED", reasonCode: "NOT_ON_SITE", reason: "非问题现场", version: 1 })).status,
    ).toBe(200);
    expect((await verify(e.id)).body).toMatchObject({ ok: true });
    writeFileSync(path.join(EVIDENCE_DIR, e.storageKey), Buffer.from("%PDF-1.4 swapped"));
    expect((await verify(e.id)).body).toMatchObject({ ok: false });
    // Another problem's evidence stays out of this history.
    const other = await newEvidence();
    expect((await review(other.id, { decision: "ACCEPTED", version: 1 })).status).toBe(200);
    const history = await getProblemHistory(world.viewer.actor, e.problemId);
    const evidence = history.items.filter((h) => h.entityType === "Evidence");
    expect(evidence.map((h) => h.action)).toEqual(["verifyFailed", "verify", "review"]);
    expect(evidence[2]?.after).toMatchObject({ reviewStatus: "RETURNED", reasonCode: "NOT_ON_SITE", reason: "非问题现场" });
  });

  it("a missing file fails verification", async () => {
    const e = await newEvidence();
    rmSync(path.join(EVIDENCE_DIR, e.storageKey));
    expect((await verify(e.id)).body).toMatchObject({ ok: false, recomputed: null });
  });

  it("the last check is scoped like reading; running one needs the reviewer's or a leader's role", async () => {
    const e = await newEvidence();
    expect((await lastCheck(e.id, world.officerB)).status).toBe(404);
    expect((await lastCheck(e.id, world.headA)).status).toBe(200);
    expect((await verify(e.id, world.headA)).status).toBe(403);
    expect((await verify(e.id, world.leader)).status).toBe(200);
  });

  it("the database refuses to change stored bytes' facts, but review fields may change", async () => {
    const e = await newEvidence();
    await expect(db.$executeRaw`UPDATE "Evidence" SET sha256 = ${"0".repeat(64)} WHERE id = ${e.id}::uuid`).rejects.toThrow(
      /never overwritten/,
    );
    await expect(db.$executeRaw`UPDATE "Evidence" SET "storageKey" = 'evidence/x' WHERE id = ${e.id}::uuid`).rejects.toThrow(
      /never overwritten/,
    );
    await db.evidence.update({ where: { id: e.id }, data: { reviewStatus: "ACCEPTED", version: { increment: 1 } } });
    expect((await db.evidence.findUniqueOrThrow({ where: { id: e.id } })).sha256).toBe(e.sha256);
  });
});

describe("orphan sweep", () => {
  it("removes old files no row points at, partial writes and stray thumbnails; keeps young files and referenced ones", async () => {
    const kept = await newEvidence();
    const dir = path.join(EVIDENCE_DIR, "evidence", "2026", "01");
    mkdirSync(dir, { recursive: true });
    const old = new Date(Date.now() - 3 * 3_600_000);
    const write = (name: string, age: Date | null) => {
      const file = path.join(dir, name);
      writeFileSync(file, "x");
      if (age) utimesSync(file, age, age);
      return `evidence/2026/01/${name}`;
    };
    const orphan = write("11111111-1111-4111-8111-111111111111", old);
    const partial = write("22222222-2222-4222-8222-222222222222.partial", old);
    const strayThumb = write("33333333-3333-4333-8333-333333333333.thumb.webp", old);
    const young = write("44444444-4444-4444-8444-444444444444", null);
    const foreign = write("README", old);
    const keptPath = path.join(EVIDENCE_DIR, kept.storageKey);
    utimesSync(keptPath, old, old);

    const before = countFiles(EVIDENCE_DIR);
    const result = await sweepOrphans({ prefixes: ["evidence/"], olderThanMinutes: 60 });
    expect(result.deleted.sort()).toEqual([orphan, partial, strayThumb].sort());
    expect(countFiles(EVIDENCE_DIR)).toBe(before - 3);
    expect(countFiles(path.dirname(keptPath))).toBeGreaterThan(0);
    expect(result.deleted).not.toContain(young);
    expect(result.deleted).not.toContain(foreign);
  });
});
