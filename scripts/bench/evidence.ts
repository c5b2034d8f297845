/**
 * `npm run bench:evidence`: evidence metadata at scale — 100 000 problems and 1 000 000 pieces of
 * evidence (most reviewed, some returned and corrected) — timing the reads people use every day
 * against the raw SQL they need, in one run, as a ratio: a problem's evidence, its closure
 * checklist, the review queue, the return statistics, the reused-photo search over every
 * photo's perceptual hash (one scan per uploaded photo) and a field office's list.
 */
import type { Actor } from "../../lib/permissions";
import { closeBenchDb, compare, header, loadLedger, openBenchDb } from "./bench-db";

const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 100_000);
const EVIDENCE_PER_PROBLEM = Number(process.env.BENCH_EVIDENCE_PER_PROBLEM ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

const bench = await openBenchDb("pg-bench-evidence", Number(process.env.BENCH_PG_PORT ?? 54338));
const leader = await loadLedger(bench, PROBLEMS);
const { client } = bench;

const started = performance.now();
await client.query(`
  INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "updatedAt")
  VALUES (gen_random_uuid(), 'coordinator1', 'x', '督察办', 'COORDINATOR', now());
  INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "unitId", "districtId", "updatedAt")
  SELECT gen_random_uuid(), 'field1', 'x', '分局', 'FIELD_OFFICER', u.id, u."districtId", now()
    FROM "Unit" u WHERE u.kind = 'AGENCY' ORDER BY u.code LIMIT 1;
`);
// Evidence: kinds in turn, a tenth of it still pending, 3 % returned; no files (metadata only).
await client.query(
  `
  INSERT INTO "Evidence" (id, "problemId", kind, sha256, mime, size, "originalName", storage, "storageKey",
                          "uploadedById", "reviewStatus", "reviewedAt", "createdAt", phash)
  SELECT gen_random_uuid(), p.id, (enum_range(NULL::"EvidenceKind"))[1 + (s % 8)], md5(p.id::text || s) || md5(s || p.id::text),
         'image/jpeg', 1000000 + s, '现场照片' || s || '.jpg', 'LOCAL', 'evidence/2026/11/' || p.id || '-' || s,
         (SELECT id FROM "User" WHERE username = 'field1'),
         CASE WHEN s % 10 = 0 THEN 'PENDING' WHEN s % 33 = 0 THEN 'RETURNED' ELSE 'ACCEPTED' END::"ReviewStatus",
         CASE WHEN s % 10 = 0 THEN NULL ELSE p."createdAt" + s * interval '1 day' END,
         p."createdAt" + s * interval '1 day',
         -- A random 64-bit perceptual hash per photo: the reused-photo search scans them all.
         ('x' || substr(md5(p.id::text || ':' || s), 1, 16))::bit(64)::bigint
    FROM "Problem" p, generate_series(1, $1::int) s`,
  [EVIDENCE_PER_PROBLEM],
);
await client.query(`
  INSERT INTO "EvidenceReview" (id, "evidenceId", decision, "reasonCode", reason, "reviewerId", at)
  SELECT gen_random_uuid(), e.id, e."reviewStatus",
         CASE WHEN e."reviewStatus" = 'RETURNED' THEN (ARRAY['BLURRY','NOT_ON_SITE','WRONG_KIND','INCOMPLETE'])[1 + abs(hashtext(e.id::text)) % 4] END,
         CASE WHEN e."reviewStatus" = 'RETURNED' THEN '请重新拍摄' END,
         (SELECT id FROM "User" WHERE username = 'coordinator1'), e."reviewedAt"
    FROM "Evidence" e WHERE e."reviewStatus" <> 'PENDING';
  ANALYZE;
`);
const counts = (
  await client.query(`SELECT (SELECT count(*) FROM "Evidence")::int AS e, (SELECT count(*) FROM "EvidenceReview")::int AS r`)
).rows[0];
console.log(
  `Loaded ${counts.e} pieces of evidence and ${counts.r} reviews in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const actorOf = async (username: string): Promise<Actor> => {
  const u = (await client.query(`SELECT id, role, "unitId", "districtId" FROM "User" WHERE username = $1`, [username])).rows[0];
  return {
    id: u.id,
    username,
    displayName: username,
    role: u.role,
    unitId: u.unitId,
    districtId: u.districtId,
    locale: "zh-CN",
    sessionId: "bench",
  };
};
const coordinator = await actorOf("coordinator1");
const field = await actorOf("field1");
const problemIds: string[] = (await client.query(`SELECT id FROM "Problem" ORDER BY random() LIMIT 50`)).rows.map((r) => r.id);
let i = 0;
const nextProblem = () => problemIds[i++ % problemIds.length] as string;

const { listEvidence } = await import("../../lib/server/evidence/list-evidence");
const { getClosureChecklist } = await import("../../lib/server/closure/get-closure-checklist");
const { listReviewQueue } = await import("../../lib/server/field/list-review-queue");
const { getReviewStats } = await import("../../lib/server/evidence/review-stats");
const { listFieldProblems } = await import("../../lib/server/field/list-field-problems");
const { photosMatchingElsewhere } = await import("../../lib/server/evidence/photo-check");
const { db } = await import("../../lib/db");
const { PHOTO_MATCH_MAX_DISTANCE } = await import("../../lib/domain/photo-signals");
/** A random 64-bit hash, as a signed bigint the way PostgreSQL stores it. */
const randomHash = () => BigInt.asIntN(64, BigInt(`0x${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`));

header();
await compare(
  "a problem's evidence (10 of 1M)",
  ROUNDS,
  () => listEvidence(leader, nextProblem()),
  () =>
    client.query(
      `SELECT e.*, u."displayName" FROM "Evidence" e JOIN "User" u ON u.id = e."uploadedById"
        LEFT JOIN LATERAL (SELECT * FROM "EvidenceReview" r WHERE r."evidenceId" = e.id ORDER BY r.at DESC LIMIT 1) r ON true
        WHERE e."problemId" = $1 ORDER BY e."createdAt" DESC`,
      [nextProblem()],
    ),
);
await compare(
  "a problem's closure checklist",
  ROUNDS,
  () => getClosureChecklist(leader, nextProblem()),
  () =>
    client.query(
      `SELECT e.kind, e."reviewStatus", EXISTS (SELECT 1 FROM "Evidence" c WHERE c."supersedesId" = e.id)
         FROM "Evidence" e WHERE e."problemId" = $1`,
      [nextProblem()],
    ),
);
await compare(
  "review queue (newest 100 of 100k pending)",
  ROUNDS,
  () => listReviewQueue(coordinator),
  () =>
    client.query(
      `SELECT e.*, p.code, p.title FROM "Evidence" e JOIN "Problem" p ON p.id = e."problemId"
        WHERE e."reviewStatus" = 'PENDING' AND NOT EXISTS (SELECT 1 FROM "Evidence" c WHERE c."supersedesId" = e.id)
        ORDER BY e."createdAt" DESC, e.id DESC LIMIT 100`,
    ),
);
await compare(
  "return statistics, all time (900k reviews)",
  Math.max(5, Math.floor(ROUNDS / 3)),
  () => getReviewStats(coordinator, {}),
  () =>
    client.query(
      `SELECT p."districtId", p."leadUnitId", r.decision, r."reasonCode", count(*)
         FROM "EvidenceReview" r JOIN "Evidence" e ON e.id = r."evidenceId" JOIN "Problem" p ON p.id = e."problemId"
        GROUP BY 1, 2, 3, 4`,
    ),
);
await compare(
  "return statistics, last 30 days",
  ROUNDS,
  () => getReviewStats(coordinator, { from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) }),
  () =>
    client.query(
      `SELECT p."districtId", p."leadUnitId", r.decision, r."reasonCode", count(*)
         FROM "EvidenceReview" r JOIN "Evidence" e ON e.id = r."evidenceId" JOIN "Problem" p ON p.id = e."problemId"
        WHERE r.at >= now() - interval '30 days' GROUP BY 1, 2, 3, 4`,
    ),
);
await compare(
  "reused-photo search (1M hashed photos)",
  Math.max(5, Math.floor(ROUNDS / 3)),
  () => photosMatchingElsewhere(db as unknown as Parameters<typeof photosMatchingElsewhere>[0], nextProblem(), randomHash()),
  () =>
    client.query(
      `SELECT e.id FROM "Evidence" e WHERE e.phash IS NOT NULL AND e."problemId" <> $1::uuid
          AND bit_count((e.phash # $2::bigint)::bit(64)) <= $3
        ORDER BY bit_count((e.phash # $2::bigint)::bit(64)), e.id LIMIT 5`,
      [nextProblem(), randomHash().toString(), PHOTO_MATCH_MAX_DISTANCE],
    ),
);
await compare(
  "field office list (first page)",
  Math.max(5, Math.floor(ROUNDS / 3)),
  () => listFieldProblems(field),
  () =>
    client.query(
      `SELECT p.*, (SELECT count(*) FROM "Evidence" e WHERE e."problemId" = p.id) FROM "Problem" p
        WHERE (p."leadUnitId" = $1::uuid OR p."districtId" = $2::uuid) AND (p.status <> 'CLOSED' OR p."closedAt" > now() - interval '30 days')
        ORDER BY p.deadline LIMIT 30`,
      [field.unitId, field.districtId],
    ),
);
if (process.env.BENCH_KEEP === "1") {
  console.log(`BENCH_KEEP=1: the database stays up for inspection at ${bench.db.url} (Ctrl-C to stop)`);
} else {
  await closeBenchDb(bench);
}
