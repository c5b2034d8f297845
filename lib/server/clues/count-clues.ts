import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../../db";

export type ClueCounts = {
  raised: number;
  handled: number;
  /** By Beijing month (YYYY-MM), in order. */
  byMonth: { month: string; raised: number; handled: number }[];
};

/**
 * For the enforcement dashboard: clues raised (created) and handled (closed by an inspection or
 * dismissed) in [from, to), optionally in some districts. The caller authorizes and scopes.
 */
export async function countClues(input: { from: Date; to: Date; districtIds?: readonly string[] }): Promise<ClueCounts> {
  const district = input.districtIds?.length
    ? Prisma.sql`AND "districtId" = ANY(${[...input.districtIds]}::uuid[])`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ month: string; raised: number; handled: number }[]>`
    SELECT month, sum(raised)::int AS raised, sum(handled)::int AS handled FROM (
      SELECT to_char("createdAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, 1 AS raised, 0 AS handled
        FROM "Clue" WHERE "createdAt" >= ${input.from} AND "createdAt" < ${input.to} ${district}
      UNION ALL
      SELECT to_char("closedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), 0, 1
        FROM "Clue" WHERE status IN ('CLOSED', 'DISMISSED') AND "closedAt" >= ${input.from} AND "closedAt" < ${input.to} ${district}
    ) x GROUP BY month ORDER BY month`;
  return {
    raised: rows.reduce((s, r) => s + r.raised, 0),
    handled: rows.reduce((s, r) => s + r.handled, 0),
    byMonth: rows,
  };
}
