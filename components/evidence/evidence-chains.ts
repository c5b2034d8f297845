import type { EvidenceDto } from "@/lib/schemas/evidence";

/** A chain of versions: the current item and the ones it corrected, newest first. */
export type Chain<E> = { current: E; older: E[] };

type Linked = Pick<EvidenceDto, "id" | "supersedesId" | "supersededById" | "uploadedAt">;

/**
 * The evidence of a problem as version chains, the newest upload first: every item nobody has
 * corrected heads a chain, followed by the earlier versions it replaced (a correction of a
 * correction lists both). An item whose correction is not in the list (another page, a filter)
 * heads its own chain rather than disappear.
 */
export function chains<E extends Linked>(items: readonly E[]): Chain<E>[] {
  const byId = new Map(items.map((e) => [e.id, e]));
  return items
    .filter((e) => !e.supersededById || !byId.has(e.supersededById))
    .map((current) => {
      const older: E[] = [];
      const seen = new Set([current.id]);
      let link = current.supersedesId ? byId.get(current.supersedesId) : undefined;
      while (link && !seen.has(link.id)) {
        seen.add(link.id);
        older.push(link);
        link = link.supersedesId ? byId.get(link.supersedesId) : undefined;
      }
      return { current, older };
    })
    .sort((a, b) => b.current.uploadedAt.localeCompare(a.current.uploadedAt));
}
