import type { Prisma } from "@prisma/client";
import type { Tx } from "../lib/db";
import { addDays, bureauToday, daysBetween } from "../lib/domain/calendar";
import { SETTINGS_DEFAULTS } from "../lib/domain/settings";
import { senderHash } from "../lib/server/closure/submit-objection";
import { stableHash } from "./seed-rectification";

/**
 * The closure records behind the demo ledger's workflow history (./seed-workflow): an acceptance
 * for every acceptance step (failed ones with the step's reason), a public notice for every pass —
 * ended where the history ends the notice, withdrawn never, open for the problems now in notice
 * with a period that covers today (so the public notice page lists them) — and a closure for every
 * sign-off, marked reopened where a look-back followed. One problem in notice has a pending
 * objection, another a dismissed one.
 */

export type ClosureSeedStep = { action: string; actorId: string; comment: string | null; at: Date };

export type ClosureSeedProblem = {
  id: string;
  code: string;
  status: string;
  title: string;
  acceptanceUnitId: string | null;
  measureCount: number;
  steps: readonly ClosureSeedStep[];
};

export type PlannedNotice = { startsOn: Date; endsOn: Date; status: "OPEN" | "ENDED"; endedAt: Date | null };

export type PlannedClosureRecords = {
  problemId: string;
  code: string;
  acceptances: {
    result: "PASSED" | "FAILED";
    acceptedOn: Date;
    at: Date;
    opinion: string;
    recordedById: string;
    notice: PlannedNotice | null;
  }[];
  closures: {
    closedAt: Date;
    signedById: string;
    comment: string | null;
    reopen: { at: Date; byId: string; reason: string } | null;
  }[];
};

const SIGNERS = [
  ["周建华", "陈晓燕"],
  ["吴志刚", "孙丽"],
  ["钱伟", "沈静", "顾明"],
];
const PASS_OPINIONS = [
  "经现场核查，整改措施已全部落实，监测数据稳定达标，同意通过验收。",
  "整改目标已实现，佐证材料齐全，现场未发现反弹迹象，同意通过验收。",
];
export const DEMO_NOTICE_PHONE = "0510-81821234";
export const DEMO_NOTICE_EMAIL = "ducha@wuxi-eeb.example";

/** Pure: the closure records of each problem, from its workflow steps (oldest first) and today. */
export function planDemoClosure(
  problems: readonly ClosureSeedProblem[],
  today: Date,
  noticeDays: number = SETTINGS_DEFAULTS.noticeDays,
): PlannedClosureRecords[] {
  const out: PlannedClosureRecords[] = [];
  for (const p of problems) {
    const rec: PlannedClosureRecords = { problemId: p.id, code: p.code, acceptances: [], closures: [] };
    for (const [i, s] of p.steps.entries()) {
      const day = bureauToday(s.at);
      if (s.action === "FAIL_ACCEPTANCE") {
        rec.acceptances.push({
          result: "FAILED",
          acceptedOn: day,
          at: s.at,
          opinion: s.comment ?? "验收不通过，继续整改",
          recordedById: s.actorId,
          notice: null,
        });
      } else if (s.action === "PASS_ACCEPTANCE") {
        const end = p.steps.slice(i + 1).find((x) => x.action === "END_NOTICE");
        let notice: PlannedNotice;
        if (end) {
          const endDay = bureauToday(end.at);
          // The notice ran its period before it was ended; a short history gets a shorter period.
          const endsOn = daysBetween(day, endDay) >= noticeDays ? addDays(day, noticeDays) : endDay;
          notice = { startsOn: day, endsOn: endsOn > day ? endsOn : addDays(day, 1), status: "ENDED", endedAt: end.at };
        } else {
          // Still in notice: a period that covers today, started on the pass at the earliest.
          const startsOn =
            daysBetween(day, today) > noticeDays - 2 ? addDays(today, -(1 + (stableHash(p.code, "start") % 4))) : day;
          notice = { startsOn, endsOn: addDays(startsOn, noticeDays), status: "OPEN", endedAt: null };
        }
        rec.acceptances.push({
          result: "PASSED",
          acceptedOn: day,
          at: s.at,
          opinion: PASS_OPINIONS[stableHash(p.code, "opinion") % PASS_OPINIONS.length] as string,
          recordedById: s.actorId,
          notice,
        });
      } else if (s.action === "SIGN_OFF") {
        rec.closures.push({ closedAt: s.at, signedById: s.actorId, comment: "同意销号", reopen: null });
      } else if (s.action === "LOOKBACK_REOPEN") {
        const last = rec.closures[rec.closures.length - 1];
        if (last) last.reopen = { at: s.at, byId: s.actorId, reason: s.comment ?? "“回头看”发现问题反弹" };
      }
    }
    if (rec.acceptances.length || rec.closures.length) out.push(rec);
  }
  // The last problem in notice has reached the end of its period today: the coordinator may end it.
  const due = out.findLast((r) => r.acceptances.at(-1)?.notice?.status === "OPEN")?.acceptances.at(-1)?.notice;
  if (due) {
    due.startsOn = addDays(today, -noticeDays);
    due.endsOn = today;
  }
  return out;
}

/** Loads the closure records of the freshly seeded ledger (inside the seed's transaction). */
export async function seedDemoClosure(
  tx: Tx,
  opts: { now: Date },
): Promise<{ acceptances: number; notices: number; closures: number }> {
  const today = bureauToday(opts.now);
  const rows = await tx.problem.findMany({
    where: { transitions: { some: { action: { in: ["PASS_ACCEPTANCE", "FAIL_ACCEPTANCE", "SIGN_OFF"] } } } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      status: true,
      title: true,
      acceptanceUnitId: true,
      _count: { select: { measures: true } },
      transitions: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { action: true, actorId: true, comment: true, at: true } },
    },
  });
  const problems: ClosureSeedProblem[] = rows.map((r) => ({
    id: r.id,
    code: r.code,
    status: r.status,
    title: r.title,
    acceptanceUnitId: r.acceptanceUnitId,
    measureCount: r._count.measures,
    steps: r.transitions,
  }));
  const byId = new Map(problems.map((p) => [p.id, p]));
  const planned = planDemoClosure(problems, today);
  let acceptances = 0;
  let notices = 0;
  let closures = 0;
  let objectionsLeft = 2;
  for (const rec of planned) {
    const p = byId.get(rec.problemId) as ClosureSeedProblem;
    let lastAcceptanceId: string | null = null;
    let lastNoticeId: string | null = null;
    for (const [i, a] of rec.acceptances.entries()) {
      const signers = SIGNERS[(stableHash(p.code, "signers") + i) % SIGNERS.length] as string[];
      const acceptance = await tx.acceptance.create({
        data: {
          problemId: p.id,
          acceptanceUnitId: p.acceptanceUnitId,
          acceptedOn: a.acceptedOn,
          onSiteCheck: true,
          result: a.result,
          opinion: a.opinion,
          signers,
          recordedById: a.recordedById,
          createdAt: a.at,
        },
      });
      acceptances++;
      if (a.result === "PASSED") lastAcceptanceId = acceptance.id;
      if (!a.notice) continue;
      const notice = await tx.publicNotice.create({
        data: {
          problemId: p.id,
          acceptanceId: acceptance.id,
          startsOn: a.notice.startsOn,
          endsOn: a.notice.endsOn,
          phone: DEMO_NOTICE_PHONE,
          email: DEMO_NOTICE_EMAIL,
          summary: `已按整改方案完成全部 ${p.measureCount} 项整改措施，经现场核查和监测，达到整改目标，未发现反弹。`,
          status: a.notice.status,
          endedAt: a.notice.endedAt,
          createdById: a.recordedById,
          createdAt: a.at,
        },
      });
      notices++;
      if (a.notice.status === "ENDED") lastNoticeId = notice.id;
      if (a.notice.status === "OPEN" && objectionsLeft > 0) {
        // The first problem in notice has an objection waiting; the second one a dismissed one.
        const pending = objectionsLeft === 2;
        const data: Prisma.ObjectionUncheckedCreateInput = {
          noticeId: notice.id,
          problemId: p.id,
          name: pending ? "刘先生" : null,
          contact: pending ? "139****6021" : "jianduyuan@example.com",
          text: pending ? "雨天仍能闻到明显异味，希望再次核查。" : "河道旁仍堆有少量建筑垃圾。",
          senderHash: senderHash(`demo-${objectionsLeft}`),
          createdAt: new Date(Math.max(a.at.getTime(), opts.now.getTime() - 86_400_000)),
          ...(pending
            ? {}
            : {
                status: "DISMISSED",
                handledById: a.recordedById,
                handledAt: opts.now,
                handlingNote: "经现场核查，建筑垃圾已于公示前清运完毕，异议不成立。",
              }),
        };
        await tx.objection.create({ data });
        objectionsLeft--;
      }
    }
    for (const c of rec.closures) {
      await tx.problemClosure.create({
        data: {
          problemId: p.id,
          closedAt: c.closedAt,
          signedById: c.signedById,
          acceptanceId: lastAcceptanceId,
          noticeId: lastNoticeId,
          comment: c.comment,
          reopenedAt: c.reopen?.at ?? null,
          reopenedById: c.reopen?.byId ?? null,
          reopenReason: c.reopen?.reason ?? null,
        },
      });
      closures++;
    }
  }
  return { acceptances, notices, closures };
}
