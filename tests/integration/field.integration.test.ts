import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listFieldProblems } from "@/lib/server/field/list-field-problems";
import { listReviewQueue } from "@/lib/server/field/list-review-queue";
import { createEvidence, createProblem } from "../factories";
import { createWorld, type World } from "../support/world";

/**
 * The field office's list (现场取证) and the coordinator's review queue: scope, the evidence
 * counts and checklist hints they show, and their filters.
 */
const EVIDENCE_DIR = mkdtempSync(path.join(os.tmpdir(), "rectify-field-"));
process.env.EVIDENCE_DIR = EVIDENCE_DIR;
delete process.env.EVIDENCE_STORAGE;

let world: World;
const DAY = 86_400_000;

beforeAll(async () => {
  world = await createWorld();
});

afterAll(async () => {
  await db.problem.deleteMany({ where: { districtId: { in: [world.districtA.id, world.districtB.id] } } });
  rmSync(EVIDENCE_DIR, { recursive: true, force: true });
});

const codes = (page: Awaited<ReturnType<typeof listFieldProblems>>) => page.items.map((i) => i.problem.code).sort();

describe("the field list", () => {
  it("shows a field office its district's problems with their evidence counts and what the checklist still misses", async () => {
    const inA = await createProblem(db, {
      districtId: world.districtA.id,
      leadUnitId: world.divisionA.id,
      status: "RECTIFYING",
      category: "WATER",
    });
    const inB = await createProblem(db, { districtId: world.districtB.id, leadUnitId: world.divisionB.id, status: "RECTIFYING" });
    const before = await createEvidence(db, {
      problemId: inA.id,
      uploadedById: world.officerA.user.id,
      kind: "BEFORE_PHOTO",
      reviewStatus: "ACCEPTED",
    });
    const returned = await createEvidence(db, {
      problemId: inA.id,
      uploadedById: world.officerA.user.id,
      kind: "AFTER_PHOTO",
      reviewStatus: "RETURNED",
    });
    expect(before.id).not.toBe(returned.id);

    const page = await listFieldProblems(world.officerA.actor);
    expect(codes(page)).toContain(inA.code);
    expect(codes(page)).not.toContain(inB.code);
    const row = page.items.find((i) => i.problem.id === inA.id);
    expect(row?.evidence).toEqual({ PENDING: 0, ACCEPTED: 1, RETURNED: 1 });
    // Water needs before, after and a monitoring report: the returned after photo does not count.
    expect(row?.checklist.missing).toEqual(["AFTER_PHOTO", "MONITORING_REPORT"]);
    expect(row?.checklist.items.map((i) => i.state)).toEqual(["ACCEPTED", "RETURNED", "MISSING"]);

    const returnedOnly = await listFieldProblems(world.officerA.actor, { filter: "returned" });
    expect(codes(returnedOnly)).toEqual([inA.code]);
    expect(returnedOnly.counts.returned).toBe(1);

    // A correction supersedes the returned item: it no longer counts as returned.
    await createEvidence(db, {
      problemId: inA.id,
      uploadedById: world.officerA.user.id,
      kind: "AFTER_PHOTO",
      supersedesId: returned.id,
    });
    const corrected = await listFieldProblems(world.officerA.actor);
    expect(corrected.items.find((i) => i.problem.id === inA.id)?.evidence).toEqual({ PENDING: 1, ACCEPTED: 1, RETURNED: 0 });
    expect(codes(await listFieldProblems(world.officerA.actor, { filter: "returned" }))).toEqual([]);
    expect(codes(await listFieldProblems(world.officerA.actor, { filter: "missing" }))).toContain(inA.code);
  });

  it("lists open problems first, keeps problems closed in the last 30 days and leaves older closed ones to the ledger", async () => {
    const now = new Date();
    const open = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.agencyA.id, status: "RECTIFYING" });
    const recent = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.agencyA.id, status: "CLOSED" });
    const old = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.agencyA.id, status: "CLOSED" });
    await db.problem.update({ where: { id: recent.id }, data: { closedAt: new Date(now.getTime() - 10 * DAY) } });
    await db.problem.update({ where: { id: old.id }, data: { closedAt: new Date(now.getTime() - 40 * DAY) } });
    const page = await listFieldProblems(world.officerA.actor, { now });
    const order = page.items.map((i) => i.problem.id);
    expect(order).toContain(open.id);
    expect(order).toContain(recent.id);
    expect(order).not.toContain(old.id);
    expect(order.indexOf(open.id)).toBeLessThan(order.indexOf(recent.id));
    // Closed problems never count as missing materials.
    const missing = await listFieldProblems(world.officerA.actor, { filter: "missing", now });
    expect(missing.items.map((i) => i.problem.id)).not.toContain(recent.id);
  });
});

describe("the review queue", () => {
  it("holds current evidence awaiting review in the caller's scope, newest first", async () => {
    const p = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id, status: "RECTIFYING" });
    const older = await createEvidence(db, {
      problemId: p.id,
      uploadedById: world.officerA.user.id,
      kind: "BEFORE_PHOTO",
      createdAt: new Date(Date.now() - DAY),
    });
    const newer = await createEvidence(db, { problemId: p.id, uploadedById: world.officerA.user.id, kind: "AFTER_PHOTO" });
    const done = await createEvidence(db, {
      problemId: p.id,
      uploadedById: world.officerA.user.id,
      kind: "OTHER",
      reviewStatus: "ACCEPTED",
    });
    const superseded = await createEvidence(db, { problemId: p.id, uploadedById: world.officerA.user.id, kind: "CONTRACT" });
    const correction = await createEvidence(db, {
      problemId: p.id,
      uploadedById: world.officerA.user.id,
      kind: "CONTRACT",
      supersedesId: superseded.id,
    });

    const ids = (await listReviewQueue(world.coordinator.actor)).items.map((i) => i.evidence.id);
    const mine = ids.filter((id) => [older.id, newer.id, done.id, superseded.id, correction.id].includes(id));
    expect(mine).toEqual([correction.id, newer.id, older.id]);

    // Out of scope: the other district's field officer sees none of them.
    const theirs = (await listReviewQueue(world.officerB.actor)).items.map((i) => i.evidence.id);
    expect(theirs.some((id) => mine.includes(id))).toBe(false);
  });
});
