import "server-only";
import type { Notification } from "@prisma/client";
import type { NotificationDto } from "../../schemas/notification";

export function toNotificationDto(n: Notification): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    problemId: n.problemId,
    readAt: n.readAt ? n.readAt.toISOString() : null,
    createdAt: n.createdAt.toISOString(),
  };
}
