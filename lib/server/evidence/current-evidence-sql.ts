import "server-only";
import { Prisma } from "@prisma/client";

/**
 * SQL condition on the alias `e`: the evidence is current (no correction supersedes it). Written
 * as NOT IN over the few corrections (a hashed subplan on the unique index of `supersedesId`) —
 * the planner turns the NOT EXISTS form into an anti-join that reads the whole table.
 */
export const CURRENT_EVIDENCE_SQL = Prisma.sql`e.id NOT IN (SELECT "supersedesId" FROM "Evidence" WHERE "supersedesId" IS NOT NULL)`;
