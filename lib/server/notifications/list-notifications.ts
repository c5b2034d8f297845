import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import { type NotificationPage, notificationListQuerySchema } from "../../schemas/notification";
import { type Locale, parseInput } from "../../schemas/parse";
import { toNotificationDto } from "./notification-dto";

/** My notifications, newest first, paged; `unreadCount` counts all my unread ones (the header badge). */
export async function listNotifications(
  actor: Actor,
  rawQuery: unknown,
  opts: { locale?: Locale } = {},
): Promise<NotificationPage> {
  authorize(actor, "notification.read");
  const query = parseInput(notificationListQuerySchema, rawQuery, opts.locale);
  const where: Prisma.NotificationWhereInput = { userId: actor.id, ...(query.unread ? { readAt: null } : {}) };
  const [total, unreadCount, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { userId: actor.id, readAt: null } }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { items: rows.map(toNotificationDto), unreadCount, total, page: query.page, pageSize: query.pageSize };
}

/** The header badge: how many of my notifications are unread. */
export async function countUnreadNotifications(actor: Actor): Promise<number> {
  authorize(actor, "notification.read");
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}
