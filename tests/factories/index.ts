import { randomInt, randomUUID } from "node:crypto";
import type {
  District,
  Enterprise,
  Extension,
  Measure,
  Prisma,
  PrismaClient,
  Problem,
  ProblemCoUnit,
  ProgressReport,
  Unit,
  User,
} from "@prisma/client";
import { clockNow } from "@/lib/clock";
import { hashPassword } from "../../lib/auth/password";
import { creditCodeCheckChar } from "../../lib/domain/credit-code";
import { weightedProgress } from "../../lib/domain/progress";

/**
 * Row factories shared by the tests and the demo seed. Every field has a default that is unique
 * across parallel test files (random suffix); every override replaces its default.
 */
export type Db = PrismaClient | Prisma.TransactionClient;

export const DEMO_PASSWORD = "Rectify@2026";

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

/** The Asia/Shanghai calendar day of `now` (the app's clock, see lib/clock.ts) plus `offsetDays`, as a Date at UTC midnight (how DATE columns are passed). */
export function calendarDay(offsetDays = 0, now: Date = clockNow()): Date {
  const day = Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) + offsetDays;
  return new Date(day * DAY_MS);
}

/** A problem's progress as the app derives it (`weightedProgress`); a missing percent is 0, a missing weight 1. */
export function progressOf(measures: readonly { percent?: number | null; weight?: number | null }[]): number {
  return weightedProgress(measures.map((m) => ({ percent: m.percent ?? 0, weight: m.weight ?? 1 })));
}

function statusForPercent(percent: number): "NOT_STARTED" | "IN_PROGRESS" | "DONE" {
  if (percent >= 100) return "DONE";
  return percent > 0 ? "IN_PROGRESS" : "NOT_STARTED";
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

// Hashing costs ~50 ms; tests creating many users with the default password share one hash.
let demoHash: Promise<string> | null = null;
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

export async function createDistrict(db: Db, overrides: Partial<Prisma.DistrictUncheckedCreateInput> = {}): Promise<District> {
  // Real codes are six digits (validated by the API); random 9xxxxx codes may collide, so retry.
  for (let attempt = 0; ; attempt++) {
    const code = overrides.code ?? String(randomInt(900_000, 1_000_000));
    try {
      return await db.district.create({
        data: { name: `测试区${code}`, nameEn: `Test district ${code}`, sortOrder: 900, ...overrides, code },
      });
    } catch (e) {
      if (overrides.code !== undefined || attempt >= 8 || !isUniqueViolation(e)) throw e;
    }
  }
}

export async function createUnit(db: Db, overrides: Partial<Prisma.UnitUncheckedCreateInput> = {}): Promise<Unit> {
  const s = uniqueSuffix();
  return db.unit.create({
    data: { code: `T-${s}`, name: `测试单位${s}`, nameEn: `Test unit ${s}`, kind: "DIVISION", ...overrides },
  });
}

export type UserOverrides = Partial<Prisma.UserUncheckedCreateInput> & { password?: string };

export async function createUser(db: Db, overrides: UserOverrides = {}): Promise<User> {
  const { password, passwordHash, ...rest } = overrides;
  const s = uniqueSuffix();
  const hash =
    passwordHash ??
    (password === undefined || password === DEMO_PASSWORD ? await demoPasswordHash() : await hashPassword(password));
  return db.user.create({
    data: {
      username: `user-${s}`,
      displayName: `测试用户${s}`,
      role: "VIEWER",
      ...rest,
      passwordHash: hash,
    },
  });
}

export type MeasureSeed = Partial<Prisma.MeasureCreateManyProblemInput>;

export type ProblemOverrides = Partial<Omit<Prisma.ProblemUncheckedCreateInput, "coUnits" | "measures">> & {
  coUnitIds?: string[];
  measures?: MeasureSeed[];
};

export type CreatedProblem = Problem & { measures: Measure[]; coUnits: ProblemCoUnit[] };

/**
 * A problem with its co-units and measures. Missing district / lead unit are created on the fly;
 * `progress` is derived from the measures unless given.
 */
export async function createProblem(db: Db, overrides: ProblemOverrides = {}): Promise<CreatedProblem> {
  const { coUnitIds = [], measures = [], ...rest } = overrides;
  const s = uniqueSuffix();
  const districtId = rest.districtId ?? (await createDistrict(db)).id;
  const leadUnitId = rest.leadUnitId ?? (await createUnit(db)).id;
  const band = rest.deadlineBand ?? "SHORT";
  const deadline = "deadline" in rest ? rest.deadline : band === "ONGOING" ? null : calendarDay(180);
  const measureRows = measures.map((m, i) => {
    const percent = m.percent ?? (m.status === "DONE" ? 100 : 0);
    return {
      description: `测试措施${i + 1}`,
      status: statusForPercent(percent),
      ...m,
      seq: m.seq ?? i + 1,
      percent,
    };
  });
  return db.problem.create({
    data: {
      code: `WX-T-${s}`,
      title: `测试问题${s}`,
      description: `测试用交办原文${s}`,
      source: "SELF_CHECK",
      category: "WATER",
      progress: progressOf(measureRows),
      // A closed problem has a closing time, as in the ledger; an open one never does.
      closedAt: rest.status === "CLOSED" ? new Date() : null,
      ...rest,
      districtId,
      leadUnitId,
      deadlineBand: band,
      deadline,
      coUnits: { createMany: { data: coUnitIds.map((unitId) => ({ unitId })) } },
      measures: { createMany: { data: measureRows } },
    },
    include: { measures: { orderBy: { seq: "asc" } }, coUnits: true },
  });
}

/**
 * A measure (a problem is created when `problemId` is missing). `seq` defaults to the next free
 * number; the problem's stored progress is re-derived unless `syncProgress` is false.
 */
export async function createMeasure(
  db: Db,
  overrides: Partial<Prisma.MeasureUncheckedCreateInput> = {},
  opts: { syncProgress?: boolean } = {},
): Promise<Measure> {
  const problemId = overrides.problemId ?? (await createProblem(db)).id;
  const seq = overrides.seq ?? ((await db.measure.aggregate({ where: { problemId }, _max: { seq: true } }))._max.seq ?? 0) + 1;
  const percent = overrides.percent ?? (overrides.status === "DONE" ? 100 : 0);
  const measure = await db.measure.create({
    data: {
      description: `测试措施${seq}`,
      status: statusForPercent(percent),
      ...overrides,
      problemId,
      seq,
      percent,
    },
  });
  if (opts.syncProgress !== false) {
    const all = await db.measure.findMany({ where: { problemId }, select: { percent: true, weight: true } });
    await db.problem.update({ where: { id: problemId }, data: { progress: progressOf(all) } });
  }
  return measure;
}

/** A progress report on a problem (the reporter's unit unless `unitId` is given). */
export async function createProgressReport(
  db: Db,
  overrides: Partial<Prisma.ProgressReportUncheckedCreateInput> & { problemId: string; reporterId: string },
): Promise<ProgressReport> {
  const unitId =
    "unitId" in overrides
      ? overrides.unitId
      : ((await db.user.findUnique({ where: { id: overrides.reporterId }, select: { unitId: true } }))?.unitId ?? null);
  return db.progressReport.create({ data: { text: "按计划推进整改", percent: 0, ...overrides, unitId } });
}

/** A deadline extension request (pending unless `status` is given); the old deadline defaults to the problem's. */
export async function createExtension(
  db: Db,
  overrides: Partial<Prisma.ExtensionUncheckedCreateInput> & { problemId: string; requestedById: string },
): Promise<Extension> {
  const problem = await db.problem.findUniqueOrThrow({ where: { id: overrides.problemId }, select: { deadline: true } });
  const oldDeadline = overrides.oldDeadline ?? problem.deadline ?? calendarDay(0);
  return db.extension.create({
    data: {
      newDeadline: new Date(new Date(oldDeadline).getTime() + 90 * DAY_MS),
      reason: "受汛期影响，施工无法按期完成",
      ...overrides,
      oldDeadline,
    },
  });
}

/** A small valid PDF whose bytes (and so SHA-256) are unique to `tag`. */
export function evidencePdfBytes(tag: string = randomUUID()): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${tag}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

/**
 * A piece of evidence with its bytes really stored (through the configured evidence storage) and
 * its row; a small unique PDF unless `bytes` and `mime` are given.
 */
export async function createEvidence(
  db: Db,
  overrides: Partial<Prisma.EvidenceUncheckedCreateInput> & { problemId: string; uploadedById: string; bytes?: Buffer },
): Promise<Prisma.EvidenceGetPayload<object>> {
  const { createHash } = await import("node:crypto");
  const { Readable } = await import("node:stream");
  const { evidenceStorageKey } = await import("../../lib/domain/evidence");
  const { evidenceStorage } = await import("../../lib/server/evidence/storage");
  // Tests never write into the app's own evidence directory.
  if (process.env.VITEST && !process.env.EVIDENCE_DIR) process.env.EVIDENCE_DIR = `${process.cwd()}/.data/evidence-test`;
  const { bytes: given, ...fields } = overrides;
  const bytes = given ?? evidencePdfBytes();
  const id = fields.id ?? randomUUID();
  const storage = evidenceStorage();
  const storageKey = fields.storageKey ?? evidenceStorageKey(id, new Date());
  await storage.put(storageKey, Readable.from([bytes]));
  return db.evidence.create({
    data: {
      kind: "OTHER",
      mime: "application/pdf",
      originalName: `佐证材料-${id.slice(0, 8)}.pdf`,
      ...fields,
      id,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      size: bytes.length,
      storage: storage.backend,
      storageKey,
    },
  });
}

const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/**
 * A valid unified social credit code (GB 32100-2015): `91` (enterprise, company), the district's
 * six-digit code, nine characters drawn from `seed` (random when absent) and the check character.
 */
export function validCreditCode(districtCode = "320200", seed?: number): string {
  let body = "";
  let n = seed ?? randomInt(0, 2 ** 47);
  for (let i = 0; i < 9; i++) {
    body += CREDIT_ALPHABET.charAt(n % 31);
    n = Math.floor(n / 31);
  }
  const first17 = `91${districtCode.slice(0, 6)}${body}`;
  return first17 + creditCodeCheckChar(first17);
}

export async function createEnterprise(
  db: Db,
  overrides: Partial<Prisma.EnterpriseUncheckedCreateInput> = {},
): Promise<Enterprise> {
  const districtId = overrides.districtId ?? (await createDistrict(db)).id;
  return db.enterprise.create({
    data: { creditCode: validCreditCode(), name: `测试企业${uniqueSuffix()}有限公司`, ...overrides, districtId },
  });
}
