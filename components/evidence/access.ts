import type { Actor } from "@/lib/permissions";

/** Who works the evidence review queue: the inspection office decides, leaders watch it. */
export function mayOpenReviewQueue(actor: Pick<Actor, "role">): boolean {
  return actor.role === "COORDINATOR" || actor.role === "LEADER";
}

/**
 * Whom the field page (现场取证) serves in the navigation: field offices and division heads, who
 * gather proof. The inspection office works from the problem page and the review queue.
 */
export function showsFieldPage(actor: Pick<Actor, "role">): boolean {
  return actor.role === "FIELD_OFFICER" || actor.role === "DIVISION_HEAD";
}

/** Where a person lands after signing in: field offices on their problems, everyone else on "My work". */
export function homePath(actor: Pick<Actor, "role">): string {
  return actor.role === "FIELD_OFFICER" ? "/field" : "/work";
}
