/**
 * The demo data: one call per area (reference data, people and the ledger plan live in prisma/seed/;
 * each other area has its own prisma/seed-<area>.ts). `seedDemo` loads them in order in one transaction.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import { hashPassword } from "../lib/auth/password";
import { createDistrict, createProblem, createUnit, createUser, type Db, DEMO_PASSWORD } from "../tests/factories";
import { planDemoLedger } from "./seed/ledger-plan";
import { USERS } from "./seed/people";
import { DISTRICTS, UNITS } from "./seed/reference-data";
import { seedDemoBottomLine } from "./seed-bottom-line";
import { seedDemoClosure } from "./seed-closure";
import { seedDemoEnforcement } from "./seed-enforcement";
import { seedDemoEvidence } from "./seed-evidence";
import { seedDemoOffsite } from "./seed-offsite";
import { seedDemoPenalties } from "./seed-penalties";
import { seedDemoPhotoForensics } from "./seed-photo-forensics";
import { seedDemoPublishedLists } from "./seed-published-lists";
import { seedDemoRectification } from "./seed-rectification";
import { seedDemoReflection } from "./seed-reflection";
import { seedDemoSections } from "./seed-sections";
import { seedDemoWorkflow } from "./seed-workflow";

// The unit tests of the demo read its plan and its accounts from here.
export { DISTRICTS, planDemoLedger, USERS };

/**
 * Demo data for the Wuxi bureau: districts, the unit tree, one user per role and a deterministic
 * ledger of ~190 problems whose dates are relative to `today`. Names of people and companies are
 * fictional.
 */

// ---------------------------------------------------------------- loading

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.district.findFirst({ select: { id: true } })) === null;
}

/**
 * Loads the demo data into an empty database in one transaction: it refuses when districts exist,
 * and a concurrent second run fails on the unique district codes and rolls back, so nothing is
 * ever duplicated.
 */
export async function seedDemo(
  db: PrismaClient,
  opts: { today?: Date; log?: (s: string) => void } = {},
): Promise<{ problems: number; users: number }> {
  const today = opts.today ?? new Date();
  const log = opts.log ?? (() => {});
  const ledger = planDemoLedger(today);
  // One hash for every demo account: argon2id costs ~50 ms per call.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.$transaction(
    async (tx) => {
      if (!(await isDatabaseEmpty(tx))) throw new Error("seedDemo: the database already has data; refusing to seed.");

      const districtIds = new Map<string, string>();
      for (const [i, d] of DISTRICTS.entries()) {
        const row = await createDistrict(tx, { code: d.code, name: d.name, nameEn: d.nameEn, sortOrder: i });
        districtIds.set(d.code, row.id);
      }
      const unitIds = new Map<string, string>();
      for (const [i, u] of UNITS.entries()) {
        const row = await createUnit(tx, {
          code: u.code,
          name: u.name,
          nameEn: u.nameEn,
          kind: u.kind,
          parentId: u.parent ? unitIds.get(u.parent) : null,
          districtId: u.district ? districtIds.get(u.district) : null,
          sortOrder: i,
        });
        unitIds.set(u.code, row.id);
      }
      log(`${districtIds.size} districts, ${unitIds.size} units`);

      const userIds = new Map<string, string>();
      for (const u of USERS) {
        const row = await createUser(tx, {
          username: u.username,
          passwordHash,
          displayName: u.displayName,
          role: u.role,
          unitId: unitIds.get(u.unit),
          districtId: u.district ? districtIds.get(u.district) : null,
          phone: u.phone,
          email: `${u.username}@wuxi-eeb.example`,
        });
        userIds.set(u.username, row.id);
      }
      log(`${userIds.size} users (password ${DEMO_PASSWORD})`);

      const coordinatorId = userIds.get("coordinator") as string;
      const id = (map: Map<string, string>, key: string) => {
        const v = map.get(key);
        if (!v) throw new Error(`seed: unknown reference ${key}`);
        return v;
      };
      const audit: {
        actorId: string;
        entityType: string;
        entityId: string;
        action: string;
        after: Prisma.InputJsonObject;
        at: Date;
      }[] = [];
      for (const p of ledger) {
        const coUnitIds = p.coUnits.map((c) => id(unitIds, c));
        const row = await createProblem(tx, {
          code: p.code,
          title: p.title,
          description: p.description,
          source: p.source,
          round: p.round,
          category: p.category,
          districtId: id(districtIds, p.districtCode),
          locationText: p.locationText,
          lat: p.lat,
          lng: p.lng,
          leadOfficialId: id(userIds, p.leadOfficial),
          leadUnitId: id(unitIds, p.leadUnit),
          acceptanceUnitId: id(unitIds, p.acceptanceUnit),
          responsiblePerson: p.responsiblePerson,
          responsiblePhone: p.responsiblePhone,
          target: p.target,
          deadlineBand: p.deadlineBand,
          deadline: p.deadline,
          status: p.status,
          relapse: p.relapse,
          closedAt: p.closedAt,
          createdById: coordinatorId,
          createdAt: p.createdAt,
          updatedAt: p.updatedAt,
          coUnitIds,
          measures: p.measures.map((m) => ({
            seq: m.seq,
            description: m.description,
            ownerUnitId: id(unitIds, m.ownerUnit),
            ownerPerson: m.ownerPerson,
            milestone: m.milestone,
            status: m.status,
            percent: m.percent,
            createdAt: p.createdAt,
            updatedAt: p.updatedAt,
          })),
        });
        // Same shape as the app's own audit snapshot, as the row stood when it was registered.
        audit.push({
          actorId: coordinatorId,
          entityType: "Problem",
          entityId: row.id,
          action: "create",
          at: p.createdAt,
          after: {
            code: p.code,
            title: p.title,
            description: p.description,
            source: p.source,
            round: p.round,
            category: p.category,
            districtCode: p.districtCode,
            locationText: p.locationText,
            lat: p.lat,
            lng: p.lng,
            status: "REGISTERED",
            deadlineBand: p.deadlineBand,
            deadline: p.deadline ? p.deadline.toISOString().slice(0, 10) : null,
            leadOfficialId: row.leadOfficialId,
            leadUnitId: row.leadUnitId,
            coUnitIds: [...coUnitIds].sort(),
            acceptanceUnitId: row.acceptanceUnitId,
            responsiblePerson: p.responsiblePerson,
            responsiblePhone: p.responsiblePhone,
            target: p.target,
            progress: 0,
            relapse: false,
            version: 1,
          },
        });
      }
      await tx.auditLog.createMany({ data: audit });
      log(`${ledger.length} problems, ${ledger.reduce((n, p) => n + p.measures.length, 0)} measures, ${audit.length} audit rows`);
      const workflow = await seedDemoWorkflow(tx, ledger, {
        userIds,
        divisionHeads: new Map(USERS.filter((u) => u.role === "DIVISION_HEAD").map((u) => [u.unit, u.username])),
        today,
      });
      log(`${workflow.plans} plan versions, ${workflow.transitions} workflow steps`);
      const rectification = await seedDemoRectification(tx, { now: today });
      log(`${rectification.reports} progress reports, ${rectification.extensions} extensions`);
      const closure = await seedDemoClosure(tx, { now: today });
      log(`${closure.acceptances} acceptances, ${closure.notices} public notices, ${closure.closures} closures`);
      const evidence = await seedDemoEvidence(tx, { now: today });
      log(`${evidence.evidence} pieces of evidence (${evidence.reviews} reviewed)`);
      const lists = await seedDemoPublishedLists(tx, { now: today, importedById: coordinatorId });
      log(`${lists.lists} published lists (labelled as demo, not real provincial notices)`);
      const penalties = await seedDemoPenalties(tx, { now: today });
      log(`${penalties.ruleVersions} penalty rule version, ${penalties.findings} demo finding of perfunctory rectification`);
      const forensics = await seedDemoPhotoForensics(tx, { now: today });
      log(`${forensics.hashed} photos hashed, ${forensics.suspect} with signals of false rectification`);
      const water = await seedDemoSections(tx, { now: today });
      log(`${water.sections} demo water sections, ${water.results} monthly results, ${water.targets} annual targets (demo data)`);
      const offsite = await seedDemoOffsite(tx, { now: today });
      log(
        `${offsite.readings} hourly readings (demo), ${offsite.clues} off-site clues, ${offsite.projects} construction projects`,
      );
      const reflection = await seedDemoReflection(tx, { now: today });
      log(
        `${reflection.rounds} self-review rounds, ${reflection.points} Taihu points with ${reflection.readings} readings, ${reflection.incidents} incidents (demo data)`,
      );
      const enforcement = await seedDemoEnforcement(tx, { now: today });
      log(
        `${enforcement.enterprises} demo enterprises, ${enforcement.inspections} inspections, ${enforcement.cases} cases (demo data)`,
      );
      const bottom = await seedDemoBottomLine(tx, { now: today });
      log(
        `${bottom.parks} demo parks, ${bottom.closed} closed chemical firms, a sweep of ${bottom.targets} targets with ${bottom.hazards} hazards (demo data)`,
      );
      return { problems: ledger.length, users: userIds.size };
    },
    // A loaded 2-core machine needs minutes for the photo hashing above; the seed is one transaction.
    { maxWait: 10_000, timeout: 600_000 },
  );
}
