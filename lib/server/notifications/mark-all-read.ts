import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import type { MarkAllReadResult } from "../../schemas/notification";
import { writeAudit } from "../audit/write-audit";

/** Marks all my unread notifications read at once; answers how many were marked. */
export async function markAllRead(actor: Actor, opts: { requestId?: string; now?: Date } = {}): Promise<MarkAllReadResult> {
  authorize(actor, "notification.read");
  const readAt = opts.now ?? clockNow();
  return db.$transaction(async (tx) => {
    const marked = await tx.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt } });
    if (marked.count > 0) {
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Notification",
        entityId: actor.id,
        action: "readAll",
        after: { marked: marked.count, readAt },
        requestId: opts.requestId,
      });
    }
    const unreadCount = await tx.notification.count({ where: { userId: actor.id, readAt: null } });
    return { marked: marked.count, unreadCount };
  });
}
