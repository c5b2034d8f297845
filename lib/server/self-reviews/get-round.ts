import "server-only";
import { db } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { isSheetLate, meanRating, SELF_REVIEW_QUESTIONS, type SheetStatus } from "../../domain/self-review";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { RoundDto, RoundSummaryDto } from "../../schemas/self-review";
import { roundScope, sheetScope } from "./scope";

type RoundRow = {
  id: string;
  title: string;
  period: string;
  dueOn: Date;
  status: "OPEN" | "CLOSED";
  isDemo: boolean;
  version: number;
  createdAt: Date;
};

export function roundSummary(r: RoundRow, sheets: { status: SheetStatus }[], today: string): RoundSummaryDto {
  const dueOn = formatCalendarDate(r.dueOn);
  return {
    id: r.id,
    title: r.title,
    period: r.period,
    dueOn,
    status: r.status,
    isDemo: r.isDemo,
    version: r.version,
    units: sheets.length,
    submitted: sheets.filter((s) => s.status === "SUBMITTED").length,
    late: r.status === "OPEN" ? sheets.filter((s) => isSheetLate(s.status, dueOn, today)).length : 0,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The rounds a person may see, newest first, with answered and late counts of the sheets they may see. */
export async function listRounds(actor: Actor, opts: { now?: Date } = {}): Promise<RoundSummaryDto[]> {
  authorize(actor, "selfReview.read");
  const today = formatCalendarDate(bureauToday(opts.now));
  const rounds = await db.selfReviewRound.findMany({
    where: roundScope(actor),
    orderBy: [{ dueOn: "desc" }, { createdAt: "desc" }],
    include: { sheets: { where: sheetScope(actor), select: { status: true } } },
    take: 200,
  });
  return rounds.map((r) => roundSummary(r, r.sheets, today));
}

/** A round with one row per unit sheet in scope: status, late, and the eight ratings (the heat map). */
export async function getRound(actor: Actor, id: string, opts: { now?: Date } = {}): Promise<RoundDto> {
  authorize(actor, "selfReview.read");
  if (!isUuid(id)) throw new NotFound();
  const today = formatCalendarDate(bureauToday(opts.now));
  const round = await db.selfReviewRound.findFirst({
    where: { AND: [{ id }, roundScope(actor)] },
    include: {
      sheets: {
        where: sheetScope(actor),
        include: {
          unit: { select: { id: true, name: true, sortOrder: true, code: true } },
          answers: { select: { question: true, rating: true, problemId: true } },
        },
      },
    },
  });
  if (!round) throw new NotFound();
  const dueOn = formatCalendarDate(round.dueOn);
  const sheets = [...round.sheets].sort((a, b) => a.unit.sortOrder - b.unit.sortOrder || a.unit.code.localeCompare(b.unit.code));
  return {
    ...roundSummary(round, sheets, today),
    sheets: sheets.map((s) => {
      // Ratings count once submitted: a draft's numbers may still change.
      const shown = s.status === "SUBMITTED";
      const ratings = Object.fromEntries(
        SELF_REVIEW_QUESTIONS.map((q) => [q, shown ? (s.answers.find((a) => a.question === q)?.rating ?? null) : null]),
      );
      return {
        id: s.id,
        unit: { id: s.unit.id, name: s.unit.name },
        status: s.status,
        late: round.status === "OPEN" && isSheetLate(s.status, dueOn, today),
        submittedAt: s.submittedAt?.toISOString() ?? null,
        ratings,
        mean: meanRating(Object.values(ratings)),
        leaderComment: s.leaderComment,
        returnCount: s.returnCount,
        raisedProblems: s.answers.filter((a) => a.problemId !== null).length,
      };
    }),
  };
}
