import "server-only";
import { db } from "../../db";
import type { IndicatorCodeName } from "../../domain/indicators";
import { tiedRanks } from "../../domain/naming";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { publishedListQuerySchema } from "../../schemas/published-list";

export type PublishedListView = {
  id: string;
  indicator: IndicatorCodeName;
  period: string;
  cumulative: boolean;
  kind: "BEST" | "WORST";
  scope: "PROVINCE_CITIES" | "PROVINCE_COUNTIES";
  size: number;
  source: string | null;
  importedBy: { id: string; name: string | null };
  createdAt: string;
  entries: { position: number; printedRank: number; tied: boolean; unitCode: string; unitName: string; printedName: string }[];
};

const include = { entries: { orderBy: { position: "asc" as const }, include: { unit: { select: { name: true } } } } };
type Row = NonNullable<Awaited<ReturnType<typeof findOne>>>;
const findOne = (id: string) => db.publishedList.findUnique({ where: { id }, include });

async function views(rows: Row[]): Promise<PublishedListView[]> {
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.importedById))] } },
    select: { id: true, displayName: true },
  });
  const name = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => {
    const ties = tiedRanks(r.entries);
    return {
      id: r.id,
      indicator: r.indicator,
      period: `${r.year}-${String(r.month).padStart(2, "0")}`,
      cumulative: r.cumulative,
      kind: r.kind,
      scope: r.scope,
      size: r.size,
      source: r.source,
      importedBy: { id: r.importedById, name: name.get(r.importedById) ?? null },
      createdAt: r.createdAt.toISOString(),
      entries: r.entries.map((e) => ({
        position: e.position,
        printedRank: e.printedRank,
        tied: ties.has(e.printedRank),
        unitCode: e.unitCode,
        unitName: e.unit.name,
        printedName: e.printedName,
      })),
    };
  });
}

/** One published list with its entries in printed order. */
export async function getPublishedList(actor: Actor, id: string): Promise<PublishedListView> {
  authorize(actor, "indicator.read");
  const row = isUuid(id) ? await findOne(id) : null;
  if (!row) throw new NotFound();
  return (await views([row]))[0] as PublishedListView;
}

/** `GET /api/v1/published-lists`: lists filtered by indicator, period, month/year-to-date, kind, scope; newest period first. */
export async function listPublishedLists(actor: Actor, raw: unknown, opts: { locale?: Locale } = {}) {
  authorize(actor, "indicator.read");
  const q = parseInput(publishedListQuerySchema, raw, opts.locale);
  const [year, month] = q.period ? (q.period.split("-").map(Number) as [number, number]) : [undefined, undefined];
  const rows = await db.publishedList.findMany({
    where: { indicator: q.indicator, year, month, cumulative: q.cumulative, kind: q.kind, scope: q.scope },
    include,
    orderBy: [{ year: "desc" }, { month: "desc" }, { indicator: "asc" }, { cumulative: "desc" }, { kind: "desc" }],
    take: 200,
  });
  return { items: await views(rows) };
}
