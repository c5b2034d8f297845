import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type ExtensionDto, type ExtensionPage, extensionListQuerySchema } from "../../schemas/extension";
import { type Locale, parseInput } from "../../schemas/parse";
import { problemScope } from "../problems/scope";
import { extensionInclude, toExtensionDto } from "./extension-dto";

/** Every extension of a visible problem (its deadline history), newest first. */
export async function listProblemExtensions(actor: Actor, problemId: string): Promise<{ items: ExtensionDto[] }> {
  authorize(actor, "problem.read");
  if (!isUuid(problemId)) throw new NotFound("Problem not found");
  const visible = await db.problem.findFirst({ where: { AND: [{ id: problemId }, problemScope(actor)] }, select: { id: true } });
  if (!visible) throw new NotFound("Problem not found");
  const rows = await db.extension.findMany({
    where: { problemId },
    include: extensionInclude,
    orderBy: [{ requestedAt: "desc" }, { id: "asc" }],
  });
  return { items: rows.map(toExtensionDto) };
}

/**
 * Extensions across the problems the caller may see, filtered by status, district and lead
 * official, newest first and paged, with totals by status for the statistics: every extension
 * counts, approved or not.
 */
export async function listExtensions(
  actor: Actor,
  rawQuery: unknown = {},
  opts: { locale?: Locale } = {},
): Promise<ExtensionPage> {
  authorize(actor, "problem.read");
  const query = parseInput(extensionListQuerySchema, rawQuery, opts.locale);
  const problemWhere: Prisma.ProblemWhereInput = {
    AND: [
      problemScope(actor),
      query.districtCode ? { district: { code: query.districtCode } } : {},
      query.leadOfficialId ? { leadOfficialId: query.leadOfficialId } : {},
    ],
  };
  const where: Prisma.ExtensionWhereInput = { problem: problemWhere, ...(query.status && { status: query.status }) };
  const [total, rows, byStatus] = await Promise.all([
    db.extension.count({ where }),
    db.extension.findMany({
      where,
      include: extensionInclude,
      orderBy: [{ requestedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.extension.groupBy({ by: ["status"], where: { problem: problemWhere }, _count: { _all: true } }),
  ]);
  const count = (status: string) => byStatus.find((g) => g.status === status)?._count._all ?? 0;
  const totals = { PENDING: count("PENDING"), APPROVED: count("APPROVED"), REJECTED: count("REJECTED"), all: 0 };
  totals.all = totals.PENDING + totals.APPROVED + totals.REJECTED;
  return { items: rows.map(toExtensionDto), total, page: query.page, pageSize: query.pageSize, totals };
}
