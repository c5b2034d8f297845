import "server-only";
import { db } from "../../db";
import { formatCalendarDate } from "../../domain/calendar";
import { meanRating, RESPECT_OF, SELF_REVIEW_QUESTIONS, type SelfReviewQuestion } from "../../domain/self-review";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { sheetScope } from "./scope";

export type UnitHistory = {
  unit: { id: string; name: string };
  rounds: {
    id: string;
    title: string;
    period: string;
    dueOn: string;
    status: string;
    ratings: Record<SelfReviewQuestion, number | null>;
    mean: number | null;
  }[];
};

/** A unit's rounds side by side (oldest first): its submitted ratings per question. */
export async function getUnitHistory(actor: Actor, unitId: string): Promise<UnitHistory> {
  authorize(actor, "selfReview.read");
  if (!isUuid(unitId)) throw new NotFound();
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true } });
  if (!unit) throw new NotFound();
  const sheets = await db.selfReviewSheet.findMany({
    where: { AND: [{ unitId }, sheetScope(actor)] },
    include: { round: true, answers: { select: { question: true, rating: true } } },
    orderBy: { round: { dueOn: "asc" } },
  });
  if (!sheets.length && (actor.role === "DIVISION_HEAD" || actor.role === "FIELD_OFFICER") && actor.unitId !== unitId)
    throw new NotFound();
  return {
    unit,
    rounds: sheets.map((s) => {
      const ratings = Object.fromEntries(
        SELF_REVIEW_QUESTIONS.map((q) => [
          q,
          s.status === "SUBMITTED" ? (s.answers.find((a) => a.question === q)?.rating ?? null) : null,
        ]),
      ) as Record<SelfReviewQuestion, number | null>;
      return {
        id: s.round.id,
        title: s.round.title,
        period: s.round.period,
        dueOn: formatCalendarDate(s.round.dueOn),
        status: s.status,
        ratings,
        mean: meanRating(Object.values(ratings)),
      };
    }),
  };
}

export type QuestionStanding = {
  question: SelfReviewQuestion;
  respect: string;
  mean: number | null;
  answers: number;
  low: number;
};

/**
 * The questions city-wide, worst first: the mean submitted rating of each over every sheet in
 * scope, how many answers, and how many rated 1–2.
 */
export async function getWorstQuestions(actor: Actor): Promise<QuestionStanding[]> {
  authorize(actor, "selfReview.read");
  const rows = await db.selfReviewAnswer.groupBy({
    by: ["question"],
    where: { rating: { not: null }, sheet: { AND: [{ status: "SUBMITTED" }, sheetScope(actor)] } },
    _avg: { rating: true },
    _count: { rating: true },
  });
  const low = await db.selfReviewAnswer.groupBy({
    by: ["question"],
    where: { rating: { lte: 2 }, sheet: { AND: [{ status: "SUBMITTED" }, sheetScope(actor)] } },
    _count: { rating: true },
  });
  const out = SELF_REVIEW_QUESTIONS.map((q) => {
    const r = rows.find((x) => x.question === q);
    return {
      question: q,
      respect: RESPECT_OF[q],
      mean: r?._avg.rating == null ? null : Math.round(r._avg.rating * 10) / 10,
      answers: r?._count.rating ?? 0,
      low: low.find((x) => x.question === q)?._count.rating ?? 0,
    };
  });
  return out.sort(
    (a, b) =>
      (a.mean ?? 99) - (b.mean ?? 99) || SELF_REVIEW_QUESTIONS.indexOf(a.question) - SELF_REVIEW_QUESTIONS.indexOf(b.question),
  );
}
