import { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, bureauToday, formatCalendarDate } from "@/lib/domain/calendar";
import { colourGrade } from "@/lib/domain/colour";
import type { ProblemStatusName } from "@/lib/domain/enums";
import { weightedProgress } from "@/lib/domain/progress";
import { reportStanding } from "@/lib/domain/reporting";
import { SETTINGS_DEFAULTS, type Settings } from "@/lib/domain/settings";
import type { Actor } from "@/lib/permissions";
import { gradeColoursSql } from "@/lib/server/escalation/grade-colours-sql";
import { listLateReporters } from "@/lib/server/reports/list-late-reporters";
import { getSettings } from "@/lib/server/settings/get-settings";
import { createProblem, createUnit, createUser } from "../factories";

/**
 * The daily job and the dashboard read two rules in SQL over the whole ledger: the colour grade
 * (with the measures' weighted progress) and the late-report standing. These tests pin the SQL to
 * the pure rules in `lib/domain` over a table of generated cases — statuses, deadlines around
 * today, assignments just before and after midnight in Shanghai, returns, weights (zero, mixed,
 * halves to round) and reports — judged on several days.
 */

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const TODAY = bureauToday(new Date());
/** Instants around Shanghai midnight (16:00 UTC) a number of days before today. */
const instant = (daysAgo: number, utcMinutes: number) => new Date(addDays(TODAY, -daysAgo).getTime() + utcMinutes * 60_000);
const MINUTES = [0, 15 * 60 + 59, 16 * 60, 16 * 60 + 1, 23 * 60 + 59];

const OPEN: ProblemStatusName[] = ["REGISTERED", "ASSIGNED", "RECTIFYING", "PENDING_ACCEPTANCE", "PUBLIC_NOTICE", "ONGOING"];
const MEASURE_SETS: { percent: number; weight: number; status: "NOT_STARTED" | "IN_PROGRESS" | "DONE" }[][] = [
  [],
  [{ percent: 50, weight: 1, status: "IN_PROGRESS" }],
  [{ percent: 100, weight: 1, status: "DONE" }],
  [
    { percent: 1, weight: 1, status: "IN_PROGRESS" },
    { percent: 2, weight: 1, status: "IN_PROGRESS" },
  ],
  [
    { percent: 30, weight: 2, status: "IN_PROGRESS" },
    { percent: 80, weight: 1, status: "IN_PROGRESS" },
  ],
  [
    { percent: 0, weight: 0, status: "NOT_STARTED" },
    { percent: 75, weight: 0, status: "IN_PROGRESS" },
  ],
  [
    { percent: 100, weight: 3, status: "DONE" },
    { percent: 100, weight: 0, status: "DONE" },
    { percent: 20, weight: 5, status: "IN_PROGRESS" },
  ],
  [
    { percent: 100, weight: 1, status: "DONE" },
    { percent: 100, weight: 1, status: "DONE" },
  ],
];

const ids: string[] = [];
let settings: Settings;

beforeAll(async () => {
  settings = await getSettings();
  const unit = await createUnit(db);
  const reporter = await createUser(db, { role: "DIVISION_HEAD", unitId: unit.id });
  const r = rng(20261203);
  for (let i = 0; i < 90; i++) {
    const status = pick(r, OPEN);
    const deadline =
      status === "ONGOING" || r() < 0.1 ? null : addDays(TODAY, pick(r, [-40, -6, -1, 0, 1, 3, 6, 7, 8, 15, 60, 200]));
    const assignedAt = r() < 0.15 ? null : instant(pick(r, [0, 1, 5, 13, 14, 15, 16, 29, 30, 31, 45, 120]), pick(r, MINUTES));
    const measures = pick(r, MEASURE_SETS);
    const p = await createProblem(db, {
      leadUnitId: unit.id,
      status,
      deadline,
      deadlineBand: status === "ONGOING" ? "ONGOING" : "SHORT",
      assignedAt,
      createdAt: instant(pick(r, [2, 14, 15, 16, 40, 200]), pick(r, MINUTES)),
      returnCount: pick(r, [0, 0, 1, 2, 3]),
      // A stale stored grade, so the SQL has something to correct.
      progress: pick(r, [0, 37, 100]),
      colour: pick(r, ["GREEN", "YELLOW", "RED", "BLUE"] as const),
      measures,
    });
    ids.push(p.id);
    const reports = pick(r, [0, 0, 1, 2]);
    for (let k = 0; k < reports; k++) {
      await db.progressReport.create({
        data: {
          problemId: p.id,
          reporterId: reporter.id,
          unitId: unit.id,
          text: "按计划推进整改",
          percent: 0,
          createdAt: instant(pick(r, [0, 3, 14, 15, 16, 17, 33]), pick(r, MINUTES)),
        },
      });
    }
  }
});

const DAYS = [-2, 0, 1, 9, 17];

describe("the colour grade in SQL equals colourGrade and weightedProgress", () => {
  it.each(DAYS)("judged %i days from today", async (offset) => {
    const today = addDays(TODAY, offset);
    const sql = await db.$queryRaw<{ id: string; progress: number; colour: string }[]>`
      SELECT g.id::text AS id, g.progress, g.colour FROM (${gradeColoursSql(
        Prisma.sql`p.id = ANY(${ids}::uuid[])`,
        Prisma.sql`m."problemId" = ANY(${ids}::uuid[])`,
        today,
        settings,
      )}) g`;
    const problems = await db.problem.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true, deadline: true, assignedAt: true, returnCount: true, measures: true },
    });
    const expected = problems.map((p) => {
      const progress = weightedProgress(p.measures.map((m) => ({ percent: m.percent, weight: m.weight })));
      const { colour } = colourGrade(
        {
          status: p.status,
          deadline: p.deadline,
          startDate: p.assignedAt,
          progress,
          returnCount: p.returnCount,
          openMeasures: p.measures.filter((m) => m.status !== "DONE").length,
        },
        today,
        settings,
      );
      return { id: p.id, progress, colour };
    });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(sql.sort(byId)).toEqual(expected.sort(byId));
    // The table reaches every colour and both kinds of progress rounding.
    expect(new Set(expected.map((e) => e.colour))).toEqual(new Set(["GREEN", "YELLOW", "RED"]));
  });

  it("with other thresholds too", async () => {
    const strict = { ...SETTINGS_DEFAULTS, paceMarginPct: 0, dueSoonDays: 30 };
    const rows = await db.$queryRaw<{ id: string; colour: string }[]>`
      SELECT g.id::text AS id, g.colour FROM (${gradeColoursSql(
        Prisma.sql`p.id = ANY(${ids}::uuid[])`,
        Prisma.sql`m."problemId" = ANY(${ids}::uuid[])`,
        TODAY,
        strict,
      )}) g`;
    const problems = await db.problem.findMany({ where: { id: { in: ids } }, include: { measures: true } });
    for (const p of problems) {
      const progress = weightedProgress(p.measures.map((m) => ({ percent: m.percent, weight: m.weight })));
      const openMeasures = p.measures.filter((m) => m.status !== "DONE").length;
      const input = {
        status: p.status,
        deadline: p.deadline,
        startDate: p.assignedAt,
        progress,
        returnCount: p.returnCount,
        openMeasures,
      };
      expect(rows.find((r) => r.id === p.id)?.colour, p.code).toBe(colourGrade(input, TODAY, strict).colour);
    }
  });
});

describe("late reporters in SQL equal reportStanding", () => {
  const reader: Actor = {
    id: "00000000-0000-0000-0000-000000000000",
    username: "reader",
    displayName: "读者",
    role: "VIEWER",
    unitId: null,
    districtId: null,
    locale: "zh-CN",
    sessionId: "test",
  };

  it.each(DAYS)("judged %i days from today", async (offset) => {
    // 09:00 in Shanghai on that day.
    const now = new Date(addDays(TODAY, offset).getTime() + 3_600_000);
    const today = bureauToday(now);
    const listed = (await listLateReporters(reader, {}, { now }))
      .flatMap((u) => u.problems)
      .filter((p) => ids.includes(p.id))
      .map((p) => ({ id: p.id, dueOn: p.dueOn, daysLate: p.daysLate, lastReportAt: p.lastReportAt }));

    const problems = await db.problem.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true, assignedAt: true, createdAt: true, progressReports: { select: { createdAt: true } } },
    });
    const expected = problems.flatMap((p) => {
      const last = p.progressReports.map((r) => r.createdAt).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
      const standing = reportStanding(
        { status: p.status, assignedAt: p.assignedAt, createdAt: p.createdAt, lastReportAt: last },
        today,
        settings,
      );
      return standing?.late
        ? [
            {
              id: p.id,
              dueOn: formatCalendarDate(standing.dueOn),
              daysLate: standing.daysLate,
              lastReportAt: last?.toISOString() ?? null,
            },
          ]
        : [];
    });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(listed.sort(byId)).toEqual(expected.sort(byId));
    if (offset >= 9) expect(expected.length).toBeGreaterThan(0);
  });
});
