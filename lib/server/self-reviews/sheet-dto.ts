import "server-only";
import type { Prisma } from "@prisma/client";
import { clockNow } from "../../clock";
import type { Tx } from "../../db";
import { bureauToday, formatCalendarDate } from "../../domain/calendar";
import { isSheetLate, SELF_REVIEW_QUESTIONS } from "../../domain/self-review";
import { NotFound } from "../../errors";
import type { Actor } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { SheetDto } from "../../schemas/self-review";
import { sheetScope } from "./scope";

export const sheetInclude = {
  round: true,
  unit: { select: { id: true, name: true, districtId: true } },
  answers: { include: { problem: { select: { id: true, code: true } } } },
} satisfies Prisma.SelfReviewSheetInclude;

export type SheetRow = Prisma.SelfReviewSheetGetPayload<{ include: typeof sheetInclude }>;

/** The sheet of `unitId` in round `roundId`, within the actor's scope; 404 otherwise. Locks the row when `forUpdate`. */
export async function loadSheet(tx: Tx, actor: Actor, roundId: string, unitId: string, forUpdate = false): Promise<SheetRow> {
  if (!isUuid(roundId) || !isUuid(unitId)) throw new NotFound();
  if (forUpdate)
    await tx.$executeRaw`SELECT 1 FROM "SelfReviewSheet" WHERE "roundId" = ${roundId}::uuid AND "unitId" = ${unitId}::uuid FOR UPDATE`;
  const sheet = await tx.selfReviewSheet.findFirst({
    where: { AND: [{ roundId, unitId }, sheetScope(actor)] },
    include: sheetInclude,
  });
  if (!sheet) throw new NotFound();
  return sheet;
}

async function names(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

export async function toSheetDto(tx: Tx, s: SheetRow, now: Date = clockNow()): Promise<SheetDto> {
  const who = await names(tx, [s.commentedById, s.returnedById]);
  const byQuestion = new Map(s.answers.map((a) => [a.question, a]));
  const dueOn = formatCalendarDate(s.round.dueOn);
  return {
    id: s.id,
    roundId: s.roundId,
    unit: s.unit,
    status: s.status,
    // A closed round chases nobody.
    late: s.round.status === "OPEN" && isSheetLate(s.status, dueOn, formatCalendarDate(bureauToday(now))),
    submittedAt: s.submittedAt?.toISOString() ?? null,
    leaderComment: s.leaderComment,
    commentedBy: s.commentedById ? (who.get(s.commentedById) ?? null) : null,
    commentedAt: s.commentedAt?.toISOString() ?? null,
    returnReason: s.returnReason,
    returnedBy: s.returnedById ? (who.get(s.returnedById) ?? null) : null,
    returnedAt: s.returnedAt?.toISOString() ?? null,
    returnCount: s.returnCount,
    version: s.version,
    answers: SELF_REVIEW_QUESTIONS.map((q) => {
      const a = byQuestion.get(q);
      return {
        question: q,
        rating: a?.rating ?? null,
        found: a?.found ?? "",
        willDo: a?.willDo ?? "",
        returned: a?.returned ?? false,
        problem: a?.problem ?? null,
      };
    }),
    round: { id: s.round.id, title: s.round.title, period: s.round.period, dueOn, status: s.round.status },
  };
}

/** A small audit picture of a sheet: state and the eight answers. */
export function sheetSnapshot(s: {
  status: string;
  version: number;
  answers: { question: string; rating: number | null; found: string; willDo: string; returned: boolean }[];
}) {
  return {
    status: s.status,
    version: s.version,
    answers: Object.fromEntries(
      s.answers.map((a) => [a.question, { rating: a.rating, found: a.found, willDo: a.willDo, returned: a.returned }]),
    ),
  };
}
