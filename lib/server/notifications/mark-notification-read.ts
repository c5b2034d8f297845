import "server-only";
import { clockNow } from "../../clock";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import type { NotificationDto } from "../../schemas/notification";
import { writeAudit } from "../audit/write-audit";
import { toNotificationDto } from "./notification-dto";

/**
 * Marks one of my notifications read (kept with the time, so a notice's receipt is on record).
 * Someone else's notification answers 404 like a missing one; marking a read one again changes nothing.
 */
export async function markNotificationRead(
  actor: Actor,
  id: string,
  opts: { requestId?: string; now?: Date } = {},
): Promise<NotificationDto> {
  authorize(actor, "notification.read");
  if (!isUuid(id)) throw new NotFound("Notification not found");
  const readAt = opts.now ?? clockNow();
  return db.$transaction(async (tx) => {
    const marked = await tx.notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt } });
    const row = await tx.notification.findFirst({ where: { id, userId: actor.id } });
    if (!row) throw new NotFound("Notification not found");
    if (marked.count === 1) {
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "Notification",
        entityId: id,
        action: "read",
        before: { readAt: null },
        after: { readAt: row.readAt },
        requestId: opts.requestId,
      });
    }
    return toNotificationDto(row);
  });
}
