import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import { enterpriseListQuery } from "../../schemas/enforcement";
import { type Locale, parseInput } from "../../schemas/parse";
import { type EnterpriseDto, enterpriseInclude, toEnterpriseDto } from "./enterprise-dto";
import { enterpriseScope } from "./scope";

export function enterpriseWhere(actor: Actor, q: ReturnType<typeof enterpriseListQuery.parse>): Prisma.EnterpriseWhereInput {
  return {
    AND: [
      enterpriseScope(actor),
      q.q ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { creditCode: { startsWith: q.q.toUpperCase() } }] } : {},
      q.districtCode ? { district: { code: q.districtCode } } : {},
      q.tag ? { tags: { has: q.tag } } : {},
      q.status ? { status: q.status } : {},
    ],
  };
}

/** `GET /api/v1/enterprises`: the register, searched by name or credit code, filtered by district, tag and status. */
export async function listEnterprises(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale } = {},
): Promise<{ items: EnterpriseDto[]; total: number; page: number; pageSize: number }> {
  authorize(actor, "enterprise.read");
  const q = parseInput(enterpriseListQuery, raw, opts.locale);
  const where = enterpriseWhere(actor, q);
  const [rows, total] = await Promise.all([
    db.enterprise.findMany({
      where,
      include: enterpriseInclude,
      // The id last: pages of equal names never skip or repeat a row.
      orderBy: [{ district: { code: "asc" } }, { name: "asc" }, { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.enterprise.count({ where }),
  ]);
  return { items: rows.map(toEnterpriseDto), total, page: q.page, pageSize: q.pageSize };
}
