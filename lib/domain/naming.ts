/**
 * "Named" (通报) as the province names: a unit is named when the province's published worst list
 * of the indicator and period holds it. Where no list was printed but the province published a
 * complete value table of the scope, the worst N of that table (ties at the boundary included)
 * stand in for the list. Never from ranking a city's own districts among themselves. Pure.
 */
import { compareValues, type Direction } from "./ranking";

export type ListKind = "BEST" | "WORST";

/** Why a unit is named: the printed list and its printed rank, or the province-wide table it was computed from. */
export type NamedBy = {
  /** The printed list; null when computed from the province's table. */
  listId: string | null;
  kind: ListKind;
  basis: "PRINTED_LIST" | "PROVINCE_TABLE";
  /** As printed (or the competition rank from the worst end when computed). */
  printedRank: number;
  tied: boolean;
  /** Nominal size of the list ("后10位" → 10), or N when computed. */
  size: number;
  source: string | null;
};

/** `named`: true = in the worst list; false = the list covers the unit and does not name it; null = unknown. */
export type Naming = { named: boolean | null; namedBy: NamedBy | null };

export const UNKNOWN: Naming = { named: null, namedBy: null };

export type PrintedList = {
  id: string;
  kind: ListKind;
  size: number;
  source: string | null;
  entries: readonly { unitCode: string; printedRank: number }[];
};

export type ScopeUnit = {
  unitCode: string;
  /** Decimal text as published; null = no value. */
  value: string | null;
  /** The province's list of this scope covers the unit (county-level cities and counties; every city of the province). */
  covered: boolean;
  /** Cannot enter the worst list (e.g. all water sections meet Class III and their targets); applies to a computed list only. */
  exemptFromNaming?: boolean;
};

export type NamingInput = {
  units: readonly ScopeUnit[];
  /** The printed WORST list of this indicator, period and month/year-to-date, if imported. */
  worst: PrintedList | null;
  /** Every list of the period (best and worst): a unit a printed list names is covered whatever its name. */
  lists?: readonly PrintedList[];
  direction: Direction;
  /** How many worst units the province names when the list is computed from a table (`rankingBottomN`). */
  bottomN: number;
};

/** Entries sharing their printed rank with another entry of the same list are tied (并列). */
export function tiedRanks(entries: readonly { printedRank: number }[]): Set<number> {
  const count = new Map<number, number>();
  for (const e of entries) count.set(e.printedRank, (count.get(e.printedRank) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n > 1).map(([rank]) => rank));
}

/** The naming of every unit of the scope, by unit code. */
export function nameUnits(input: NamingInput): Map<string, Naming> {
  const listed = new Set((input.lists ?? []).flatMap((l) => l.entries.map((e) => e.unitCode)));
  if (input.worst) for (const e of input.worst.entries) listed.add(e.unitCode);
  const covered = (u: ScopeUnit) => u.covered || listed.has(u.unitCode);
  const out = new Map<string, Naming>();

  if (input.worst) {
    const list = input.worst;
    const ties = tiedRanks(list.entries);
    const entry = new Map(list.entries.map((e) => [e.unitCode, e]));
    for (const u of input.units) {
      const e = entry.get(u.unitCode);
      if (e) {
        out.set(u.unitCode, {
          named: true,
          namedBy: {
            listId: list.id,
            kind: "WORST",
            basis: "PRINTED_LIST",
            printedRank: e.printedRank,
            tied: ties.has(e.printedRank),
            size: list.size,
            source: list.source,
          },
        });
      } else out.set(u.unitCode, covered(u) ? { named: false, namedBy: null } : UNKNOWN);
    }
    return out;
  }

  const scope = input.units.filter(covered);
  const complete = scope.length > 0 && scope.every((u) => u.value !== null);
  if (!complete || input.bottomN <= 0) {
    for (const u of input.units) out.set(u.unitCode, UNKNOWN);
    return out;
  }
  const worse = (a: string, b: string) => compareValues(a, b, input.direction) > 0;
  for (const u of input.units) {
    if (!covered(u)) {
      out.set(u.unitCode, UNKNOWN);
      continue;
    }
    const value = u.value as string;
    // Units strictly worse than this one: fewer than N means it is among the worst N, ties at the boundary included.
    const strictlyWorse = scope.filter((o) => worse(o.value as string, value)).length;
    const equal = scope.filter((o) => compareValues(o.value as string, value, input.direction) === 0).length;
    if (strictlyWorse < input.bottomN && !u.exemptFromNaming) {
      out.set(u.unitCode, {
        named: true,
        namedBy: {
          listId: null,
          kind: "WORST",
          basis: "PROVINCE_TABLE",
          printedRank: strictlyWorse + 1,
          tied: equal > 1,
          size: input.bottomN,
          source: null,
        },
      });
    } else out.set(u.unitCode, { named: false, namedBy: null });
  }
  return out;
}
