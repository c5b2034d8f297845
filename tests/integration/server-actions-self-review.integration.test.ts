import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  closeRoundAction,
  commentSheetAction,
  openRoundAction,
  raiseProblemAction,
  returnSheetAction,
  saveSheetAction,
  submitSheetAction,
} from "@/app/(app)/bottom-line/self-reviews/actions";
import { db } from "@/lib/db";
import { formatCalendarDate } from "@/lib/domain/calendar";
import { SELF_REVIEW_QUESTIONS } from "@/lib/domain/self-review";
import { openRound } from "@/lib/server/self-reviews/open-round";
import { saveSheet, submitSheet } from "@/lib/server/self-reviews/save-sheet";
import { calendarDay, uniqueSuffix } from "../factories";
import { type ActionCase, checkCell, checkInvalid, checkSignedOut, type Target } from "../support/action-cases";
import { type RunAs, WHO, worldWithSessions } from "../support/action-roles";
import type { World } from "../support/world";

/**
 * The eight-question self-review's server actions (八个方面反思), called as each role would from a
 * browser (a real session cookie). Who may, from the permission table and README (pinned here):
 * the inspection office (coordinator) opens and closes rounds; a unit's own division heads and field
 * officers save and submit their own unit's sheet only (another unit's sheet is a 404); a leader
 * comments and returns; a leader or the inspection office raises a finding as a ledger problem.
 * Everyone else is refused and nothing is written.
 */
vi.unmock("@/lib/auth/next-auth");
vi.mock("next/headers", async () => (await import("../support/cookie-session")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/action-cases")).nextCache);
vi.mock("next-intl/server", () => ({
  getLocale: async () => "zh-CN",
  getTranslations: async () => (key: string) => key,
}));

let world: World;
let as: RunAs;
beforeAll(async () => {
  ({ world, as } = await worldWithSessions());
});

const day = (offset: number) => formatCalendarDate(calendarDay(offset));
const answers = () =>
  SELF_REVIEW_QUESTIONS.map((question) => ({
    question,
    rating: 3,
    found: `${question}：对照目标查摆出的具体问题${world.tag}。`,
    willDo: "本月内制定专项计划并落实",
  }));

/** A fresh open round in which division A and agency A each answer a sheet. */
async function round() {
  const r = await openRound(world.coordinator.actor, {
    title: `矩阵反思${world.tag}-${uniqueSuffix()}`,
    period: "2026年第四季度",
    dueOn: day(10),
    unitIds: [world.divisionA.id, world.agencyA.id],
  });
  return { id: r.id, version: r.version };
}

async function sheet(roundId: string, unitId: string) {
  return db.selfReviewSheet.findUniqueOrThrow({
    where: { roundId_unitId: { roundId, unitId } },
    include: { answers: { orderBy: { question: "asc" } } },
  });
}

/** What a sheet looks like to the matrix: any write changes one of these. */
async function sheetState(roundId: string, unitId: string) {
  const s = await sheet(roundId, unitId);
  return {
    status: s.status,
    version: s.version,
    leaderComment: s.leaderComment,
    answers: s.answers.map((a) => [a.question, a.rating, a.found, a.returned, a.problemId]),
    audit: await db.auditLog.count({ where: { entityId: s.id } }),
    notices: await db.notification.count({ where: { link: `/bottom-line/self-reviews/${roundId}/units/${unitId}` } }),
  };
}

/** A round whose division A sheet headA has answered and submitted. */
async function submittedSheet() {
  const r = await round();
  await saveSheet(world.headA.actor, r.id, world.divisionA.id, { version: 1, answers: answers() });
  await submitSheet(world.headA.actor, r.id, world.divisionA.id, { version: 2 });
  return { roundId: r.id, sheet: await sheet(r.id, world.divisionA.id) };
}

/** The sheet of `unit` in a fresh round, for saving or submitting as its own staff. */
function answering(unit: "divisionA" | "agencyA", submit: boolean) {
  return async (): Promise<Target> => {
    const r = await round();
    const unitId = world[unit].id;
    const s = await sheet(r.id, unitId);
    const call = (input: Record<string, unknown>) =>
      submit ? submitSheetAction(r.id, unitId, input) : saveSheetAction(r.id, unitId, input);
    return {
      run: () =>
        call({
          version: 1,
          answers: submit ? answers() : [{ question: "GOALS", rating: 4, found: "目标分解到月，但考核口径不一致。", willDo: "" }],
        }),
      state: () => sheetState(r.id, unitId),
      audit: async () => ({ entityType: "SelfReviewSheet", entityId: s.id, action: submit ? "submit" : "save" }),
      after: async (who) => {
        const now = await sheet(r.id, unitId);
        if (submit) expect(now).toMatchObject({ status: "SUBMITTED", submittedById: world[who].user.id });
        else expect(now.status).toBe("DRAFT");
      },
      invalid: {
        run: () => call({ version: 1, answers: [{ question: "GOALS", rating: 9, found: "x", willDo: "" }] }),
        fields: ["answers.0.rating"],
      },
    };
  };
}

const CASES: ActionCase[] = [
  {
    name: "openRoundAction",
    may: ["coordinator"],
    setup: async () => {
      const title = `矩阵开轮${world.tag}-${uniqueSuffix()}`;
      const created = () => db.selfReviewRound.findFirst({ where: { title } });
      return {
        run: () =>
          openRoundAction({ title, period: "2026年第四季度", dueOn: day(14), unitIds: [world.divisionA.id, world.agencyA.id] }),
        state: async () => ({
          rounds: await db.selfReviewRound.count({ where: { title } }),
          notices: await db.notification.count({ where: { kind: "selfReview.opened", body: { contains: title } } }),
        }),
        audit: async () => ({ entityType: "SelfReviewRound", entityId: (await created())?.id, action: "open" }),
        after: async () => {
          const r = await created();
          // Each answering unit's staff are told, with a link to their own sheet.
          for (const [person, unit] of [
            [world.headA, world.divisionA],
            [world.officerA, world.agencyA],
          ] as const) {
            const n = await db.notification.findMany({ where: { userId: person.user.id, kind: "selfReview.opened" } });
            expect(n.map((x) => x.link)).toContain(`/bottom-line/self-reviews/${r?.id}/units/${unit.id}`);
          }
          expect(await db.selfReviewSheet.count({ where: { roundId: r?.id } })).toBe(2);
        },
        invalid: {
          run: () => openRoundAction({ title: "", period: "", dueOn: "2026-02-30", unitIds: [] }),
          fields: ["title", "period", "dueOn", "unitIds"],
        },
      };
    },
  },
  {
    name: "closeRoundAction",
    may: ["coordinator"],
    setup: async () => {
      const r = await round();
      const state = () =>
        db.selfReviewRound.findUniqueOrThrow({ where: { id: r.id }, select: { status: true, version: true, closedAt: true } });
      return {
        run: () => closeRoundAction(r.id, r.version),
        state,
        audit: async () => ({ entityType: "SelfReviewRound", entityId: r.id, action: "close" }),
        after: async () => expect((await state()).status).toBe("CLOSED"),
        invalid: { run: () => closeRoundAction(r.id, 0), fields: ["version"] },
      };
    },
  },
  {
    name: "saveSheetAction (division A's sheet)",
    may: ["headA"],
    scoped: { headB: "notFound", officerA: "notFound" },
    setup: answering("divisionA", false),
  },
  {
    name: "saveSheetAction (agency A's sheet)",
    may: ["officerA"],
    scoped: { headA: "notFound", headB: "notFound" },
    setup: answering("agencyA", false),
  },
  {
    name: "submitSheetAction (division A's sheet)",
    may: ["headA"],
    scoped: { headB: "notFound", officerA: "notFound" },
    setup: answering("divisionA", true),
  },
  {
    name: "submitSheetAction (agency A's sheet)",
    may: ["officerA"],
    scoped: { headA: "notFound", headB: "notFound" },
    setup: answering("agencyA", true),
  },
  {
    name: "commentSheetAction",
    may: ["leader"],
    setup: async () => {
      const { roundId, sheet: s } = await submittedSheet();
      return {
        run: () =>
          commentSheetAction(roundId, world.divisionA.id, { version: s.version, comment: "查摆较实，措施还需量化到月。" }),
        state: () => sheetState(roundId, world.divisionA.id),
        audit: async () => ({ entityType: "SelfReviewSheet", entityId: s.id, action: "comment" }),
        after: async (who) =>
          expect(await sheet(roundId, world.divisionA.id)).toMatchObject({
            leaderComment: "查摆较实，措施还需量化到月。",
            commentedById: world[who].user.id,
          }),
        invalid: {
          run: () => commentSheetAction(roundId, world.divisionA.id, { version: s.version, comment: " " }),
          fields: ["comment"],
        },
      };
    },
  },
  {
    name: "returnSheetAction",
    may: ["leader"],
    setup: async () => {
      const { roundId, sheet: s } = await submittedSheet();
      return {
        run: () =>
          returnSheetAction(roundId, world.divisionA.id, {
            version: s.version,
            questions: ["GOALS", "PACE"],
            reason: "目标与进度的查摆过于笼统，请结合台账数字重写。",
          }),
        state: () => sheetState(roundId, world.divisionA.id),
        audit: async () => ({ entityType: "SelfReviewSheet", entityId: s.id, action: "return" }),
        after: async () => {
          const now = await sheet(roundId, world.divisionA.id);
          expect(now.status).toBe("RETURNED");
          expect(now.answers.filter((a) => a.returned).map((a) => a.question)).toEqual(["GOALS", "PACE"]);
          // The unit's staff are told, with a link to the sheet.
          const told = await db.notification.findFirst({
            where: {
              userId: world.headA.user.id,
              kind: "selfReview.returned",
              dedupeKey: `self-review-return:${s.id}:1:${world.headA.user.id}`,
            },
          });
          expect(told?.link).toBe(`/bottom-line/self-reviews/${roundId}/units/${world.divisionA.id}`);
        },
        invalid: {
          run: () => returnSheetAction(roundId, world.divisionA.id, { version: s.version, questions: [], reason: "" }),
          fields: ["questions", "reason"],
        },
      };
    },
  },
  {
    name: "raiseProblemAction",
    may: ["leader", "coordinator"],
    setup: async () => {
      const { roundId, sheet: s } = await submittedSheet();
      const goals = s.answers.find((a) => a.question === "GOALS");
      const state = async () => ({
        ...(await sheetState(roundId, world.divisionA.id)),
        problems: await db.problem.count({ where: { description: goals?.found } }),
      });
      return {
        run: () =>
          raiseProblemAction(roundId, world.divisionA.id, {
            question: "GOALS",
            category: "WATER",
            deadlineBand: "SHORT",
            deadline: day(60),
            districtCode: world.districtA.code,
          }),
        state,
        audit: async () => ({ entityType: "SelfReviewAnswer", entityId: goals?.id, action: "raiseProblem" }),
        after: async (who) => {
          const answer = await db.selfReviewAnswer.findUniqueOrThrow({ where: { id: goals?.id }, include: { problem: true } });
          expect(answer.problem).toMatchObject({
            source: "SELF_CHECK",
            leadUnitId: world.divisionA.id,
            districtId: world.districtA.id,
            description: goals?.found,
          });
          const registered = await db.auditLog.count({
            where: { entityType: "Problem", entityId: answer.problemId ?? "", action: "create", actorId: world[who].user.id },
          });
          expect(registered).toBe(1);
        },
        invalid: {
          run: () =>
            raiseProblemAction(roundId, world.divisionA.id, { question: "GOALS", category: "NOISE?", deadlineBand: "SOON" }),
          fields: ["category", "deadlineBand"],
        },
      };
    },
  },
];

describe("self-review server actions: role × action", () => {
  for (const c of CASES) {
    for (const who of WHO) {
      const allowed = c.may.includes(who);
      const how = allowed ? "done, audited" : `refused (${JSON.stringify(c.scoped?.[who] ?? "forbidden")}), nothing written`;
      it(`${c.name} as ${who} → ${how}`, () => checkCell(world, as, c, who));
    }
  }

  it("without a session every self-review action refuses and writes nothing", async () => {
    for (const c of CASES) await checkSignedOut(c);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s with bad input → the field errors, nothing written", async (_, c) => {
    await checkInvalid(as, c);
  });
});
