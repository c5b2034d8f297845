import type { Prisma } from "@prisma/client";
import type { Tx } from "../lib/db";
import { addDays, bureauToday, daysBetween, formatCalendarDate } from "../lib/domain/calendar";
import { SETTINGS_DEFAULTS } from "../lib/domain/settings";
import { extensionInclude, extensionNoticeText, extensionSnapshot } from "../lib/server/extensions/extension-dto";
import { notify } from "../lib/server/notifications/notify";
import { createExtension, createProgressReport } from "../tests/factories";

/**
 * Progress reports and deadline extensions of the demo ledger, loaded after its workflow history
 * (./seed-workflow): most units report every cycle, some stopped a while ago and some never did,
 * so the late-reporter list has real entries; a few extensions wait for the lead official, others
 * were approved (the original deadline stays on record) or rejected. Choices are stable per
 * problem code, so every run gives the same demo.
 */

const HOUR_MS = 3_600_000;

/** FNV-1a of the code and a salt: a stable choice per problem. */
export function stableHash(code: string, salt: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${code}:${salt}`) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** An instant on the Shanghai calendar day `day` (a DATE at UTC midnight) at local `hour`. */
const onDay = (day: Date, hour: number) => new Date(day.getTime() + (hour - 8) * HOUR_MS);

type DemoPeople = {
  coordinatorId: string;
  /** Who reports and asks for a unit: its division head or field officer. */
  staffOf: (unitId: string) => string | undefined;
};

async function demoPeople(tx: Tx): Promise<DemoPeople> {
  const users = await tx.user.findMany({
    where: { role: { in: ["COORDINATOR", "DIVISION_HEAD", "FIELD_OFFICER"] }, active: true },
    select: { id: true, role: true, unitId: true },
    orderBy: { username: "asc" },
  });
  const coordinator = users.find((u) => u.role === "COORDINATOR");
  if (!coordinator) throw new Error("seed: the demo needs a coordinator");
  const staff = new Map<string, string>();
  for (const u of users) if (u.role !== "COORDINATOR" && u.unitId && !staff.has(u.unitId)) staff.set(u.unitId, u.id);
  return { coordinatorId: coordinator.id, staffOf: (unitId) => staff.get(unitId) };
}

const OVERALL_TEXTS = [
  "本旬按整改方案有序推进，各项措施总体完成约{p}%。",
  "已组织现场督导检查，整改总体进度约{p}%，下一步加快推进剩余措施。",
  "牵头单位会同属地政府召开整改推进会，整改总体完成约{p}%。",
  "完成阶段性现场核查，整改总体进度约{p}%，未发现新的问题。",
];
const MEASURE_TEXT = "“{m}”正在推进，目前完成约{p}%。";

/**
 * Periodic reports on rectifying and long-term problems: 70 % of them report every cycle (the
 * last within the cycle), the others stopped some weeks ago or, assigned lately, never reported.
 * Up to six reports per problem; the latest names its first open measure at that measure's current percent. The
 * inspection office enters reports for units without an account of their own.
 */
async function seedDemoProgressReports(tx: Tx, people: DemoPeople, now: Date): Promise<number> {
  const { reportCycleDays: cycle, lateReportGraceDays: grace } = SETTINGS_DEFAULTS;
  const today = bureauToday(now);
  const problems = await tx.problem.findMany({
    where: { status: { in: ["RECTIFYING", "ONGOING"] }, assignedAt: { not: null } },
    select: {
      id: true,
      code: true,
      leadUnitId: true,
      assignedAt: true,
      progress: true,
      measures: { orderBy: { seq: "asc" }, select: { id: true, description: true, percent: true, status: true } },
    },
    orderBy: { code: "asc" },
  });
  let count = 0;
  for (const p of problems) {
    const h = stableHash(p.code, "reports") % 100;
    const span = daysBetween(bureauToday(p.assignedAt as Date), today);
    // Only recently assigned work has never been reported on; older silent work stopped reporting instead.
    if (h >= 88 && span <= 45) continue;
    const punctual = h < 70;
    const lastAgo = punctual
      ? 1 + (stableHash(p.code, "last") % (cycle - 1))
      : cycle + grace + 3 + (stableHash(p.code, "lapse") % 20);
    const step = cycle - (stableHash(p.code, "step") % 3);
    const reporterId = people.staffOf(p.leadUnitId) ?? people.coordinatorId;
    const openMeasure = p.measures.find((m) => m.status !== "DONE");
    for (let k = 0; k < 6; k++) {
      const ago = lastAgo + k * step;
      if (ago >= span) break;
      const percent = Math.round((p.progress * (span - ago)) / span / 5) * 5;
      const aboutMeasure = k === 0 && openMeasure ? openMeasure : null;
      const text = aboutMeasure
        ? MEASURE_TEXT.replace("{m}", aboutMeasure.description).replace("{p}", String(aboutMeasure.percent))
        : (OVERALL_TEXTS[(stableHash(p.code, "text") + k) % OVERALL_TEXTS.length] as string).replace("{p}", String(percent));
      const report = await createProgressReport(tx, {
        problemId: p.id,
        reporterId,
        measureId: aboutMeasure?.id ?? null,
        text,
        percent: aboutMeasure ? aboutMeasure.percent : percent,
        createdAt: onDay(addDays(today, -ago), 9 + (stableHash(p.code, `hour${k}`) % 8)),
      });
      await tx.auditLog.create({
        data: {
          actorId: reporterId,
          entityType: "ProgressReport",
          entityId: report.id,
          action: "create",
          at: report.createdAt,
          after: { problemId: p.id, measureId: report.measureId, unitId: report.unitId, text, percent: report.percent },
        },
      });
      count++;
    }
  }
  return count;
}

const REASONS = [
  "受汛期影响，河道清淤工程无法按原计划施工，申请顺延整改时限",
  "涉及企业搬迁，安置补偿协议尚未签订，需延长整改时限",
  "治理设备采购周期较长，设备到货后需调试运行，申请延期",
  "管网改造需与道路施工同步实施，受道路工程进度制约",
];
const APPROVE_COMMENTS = ["同意延期，务必按新时限完成并加强过程督导", "同意，请牵头单位每旬报送进展"];
const REJECT_COMMENTS = ["延期理由不充分，请按原时限完成整改", "请优化施工组织，压茬推进，不同意延期"];

type Candidate = {
  id: string;
  code: string;
  status: string;
  deadline: Date;
  assignedAt: Date;
  leadUnitId: string;
  leadOfficialId: string;
  version: number;
};

/**
 * Extensions: four pending (problems overdue or due within a month, two of them the bureau head's),
 * five approved (one of them twice; the first deadline stays as the original, some problems are
 * overdue even so) and three rejected, each with its audit rows. Pending requests notify the
 * lead official, as the use case would.
 */
async function seedDemoExtensions(tx: Tx, people: DemoPeople, now: Date): Promise<number> {
  const today = bureauToday(now);
  const rows = await tx.problem.findMany({
    where: {
      status: "RECTIFYING",
      deadlineBand: { not: "ONGOING" },
      deadline: { not: null },
      assignedAt: { not: null },
      leadOfficialId: { not: null },
    },
    select: {
      id: true,
      code: true,
      status: true,
      deadline: true,
      assignedAt: true,
      leadUnitId: true,
      leadOfficialId: true,
      version: true,
      leadOfficial: { select: { username: true } },
    },
    orderBy: { code: "asc" },
  });
  const candidates = rows
    .map((r) => ({
      ...r,
      deadline: r.deadline as Date,
      assignedAt: r.assignedAt as Date,
      leadOfficialId: r.leadOfficialId as string,
    }))
    .sort((a, b) => stableHash(a.code, "extension") - stableHash(b.code, "extension"));
  const used = new Set<string>();
  const take = (n: number, fits: (c: (typeof candidates)[number]) => boolean) => {
    const picked = candidates.filter((c) => !used.has(c.id) && fits(c)).slice(0, n);
    for (const c of picked) used.add(c.id);
    return picked;
  };
  const assignedDaysAgo = (c: Candidate) => daysBetween(bureauToday(c.assignedAt), today);
  const pressing = (c: Candidate) => daysBetween(today, c.deadline) <= 30 && assignedDaysAgo(c) >= 10;
  const pending = [...take(2, (c) => pressing(c) && c.leadOfficial?.username === "leader"), ...take(2, (c) => pressing(c))];
  // Approved ones need room between assignment and the deadline for an earlier, original deadline.
  const roomy = (c: Candidate) => daysBetween(bureauToday(c.assignedAt), c.deadline) > 120 && assignedDaysAgo(c) >= 20;
  const approved = take(5, roomy);
  const rejected = take(3, roomy);

  const requesterOf = (c: Candidate) => people.staffOf(c.leadUnitId) ?? people.coordinatorId;
  /** When a request about `oldDeadline` was made: well before that deadline, and never later than `share` of the time since assignment. */
  const requestTime = (c: Candidate, oldDeadline: Date, share: number) => {
    const start = c.assignedAt.getTime();
    return new Date(start + Math.min(0.7 * (oldDeadline.getTime() - start), share * (now.getTime() - start)));
  };
  let count = 0;

  for (const [i, c] of pending.entries()) {
    const requestedAt = new Date(now.getTime() - (1 + i) * 86_400_000 - 2 * HOUR_MS);
    const later = addDays(c.deadline, 60 + 30 * (i % 3));
    const created = await createExtension(tx, {
      problemId: c.id,
      requestedById: requesterOf(c),
      requestedAt,
      oldDeadline: c.deadline,
      newDeadline: later.getTime() > today.getTime() ? later : addDays(today, 60),
      reason: REASONS[i % REASONS.length] as string,
    });
    const row = await tx.extension.findUniqueOrThrow({ where: { id: created.id }, include: extensionInclude });
    await auditExtension(tx, row.requestedById, created.id, "request", requestedAt, null, extensionSnapshot(row));
    await notify(tx, {
      recipients: [c.leadOfficialId],
      kind: "extension.requested",
      problemId: c.id,
      link: `/problems/${c.id}`,
      dedupeKey: `extension.requested:${created.id}`,
      text: (locale) => extensionNoticeText(locale, "requested", row),
    });
    count++;
  }

  for (const [i, c] of approved.entries()) {
    // The first approved problem was extended twice; the first deadline stays the original.
    const deadlines =
      i === 0 ? [addDays(c.deadline, -150), addDays(c.deadline, -60), c.deadline] : [addDays(c.deadline, -90), c.deadline];
    const first = deadlines[0] as Date;
    if (first.getTime() <= bureauToday(c.assignedAt).getTime()) continue;
    for (let k = 1; k < deadlines.length; k++) {
      const requestedAt = requestTime(c, deadlines[k - 1] as Date, (0.8 * k) / (deadlines.length - 1));
      const decidedAt = new Date(requestedAt.getTime() + 26 * HOUR_MS);
      const created = await createExtension(tx, {
        problemId: c.id,
        requestedById: requesterOf(c),
        requestedAt,
        oldDeadline: deadlines[k - 1] as Date,
        newDeadline: deadlines[k] as Date,
        reason: REASONS[(i + k) % REASONS.length] as string,
        status: "APPROVED",
        decidedById: c.leadOfficialId,
        decidedAt,
        decisionComment: APPROVE_COMMENTS[(i + k) % APPROVE_COMMENTS.length] as string,
        version: 2,
      });
      await auditDecision(tx, created.id, c, requestedAt, decidedAt);
      await tx.auditLog.create({
        data: {
          actorId: c.leadOfficialId,
          entityType: "Problem",
          entityId: c.id,
          action: "extend",
          at: decidedAt,
          before: { deadline: formatCalendarDate(deadlines[k - 1] as Date), extensionCount: k - 1 },
          after: {
            deadline: formatCalendarDate(deadlines[k] as Date),
            originalDeadline: formatCalendarDate(first),
            extensionCount: k,
            extensionId: created.id,
          },
        },
      });
      count++;
    }
    await tx.problem.update({
      where: { id: c.id },
      data: { originalDeadline: first, extensionCount: deadlines.length - 1, version: c.version + deadlines.length - 1 },
    });
  }

  for (const [i, c] of rejected.entries()) {
    const requestedAt = requestTime(c, c.deadline, 0.5);
    const decidedAt = new Date(requestedAt.getTime() + 50 * HOUR_MS);
    const created = await createExtension(tx, {
      problemId: c.id,
      requestedById: requesterOf(c),
      requestedAt,
      oldDeadline: c.deadline,
      newDeadline: addDays(c.deadline, 90),
      reason: REASONS[(i + 2) % REASONS.length] as string,
      status: "REJECTED",
      decidedById: c.leadOfficialId,
      decidedAt,
      decisionComment: REJECT_COMMENTS[i % REJECT_COMMENTS.length] as string,
      version: 2,
    });
    await auditDecision(tx, created.id, c, requestedAt, decidedAt);
    count++;
  }
  return count;
}

async function auditExtension(
  tx: Tx,
  actorId: string,
  extensionId: string,
  action: string,
  at: Date,
  before: Prisma.InputJsonObject | null,
  after: Prisma.InputJsonObject,
): Promise<void> {
  await tx.auditLog.create({
    data: { actorId, entityType: "Extension", entityId: extensionId, action, at, ...(before && { before }), after },
  });
}

/** The request and decision audit rows of an extension decided in the past. */
async function auditDecision(tx: Tx, extensionId: string, c: Candidate, requestedAt: Date, decidedAt: Date): Promise<void> {
  const row = await tx.extension.findUniqueOrThrow({ where: { id: extensionId }, include: extensionInclude });
  const decided = extensionSnapshot(row);
  const asRequested = { ...decided, status: "PENDING", decidedById: null, decisionComment: null, version: 1 };
  await auditExtension(tx, row.requestedById, extensionId, "request", requestedAt, null, asRequested);
  await auditExtension(
    tx,
    c.leadOfficialId,
    extensionId,
    row.status === "APPROVED" ? "approve" : "reject",
    decidedAt,
    { status: "PENDING", decidedById: null, decisionComment: null, version: 1 },
    { problemId: c.id, status: row.status, decidedById: row.decidedById, decisionComment: row.decisionComment, version: 2 },
  );
}

/** Reports and extensions of the demo ledger, inside the seed's transaction. */
export async function seedDemoRectification(tx: Tx, opts: { now: Date }): Promise<{ reports: number; extensions: number }> {
  const people = await demoPeople(tx);
  const reports = await seedDemoProgressReports(tx, people, opts.now);
  const extensions = await seedDemoExtensions(tx, people, opts.now);
  return { reports, extensions };
}
