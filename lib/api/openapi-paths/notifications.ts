import {
  atRiskPageSchema,
  atRiskQuerySchema,
  markAllReadResultSchema,
  notificationListQuerySchema,
  notificationPageSchema,
  notificationSchema,
} from "../../schemas/notification";
import { errors, idParam, json, queryParameters, ref } from "./helpers";

/** The notification centre and the at-risk list (escalation). */
export function notificationPaths(): Record<string, unknown> {
  return {
    "/api/v1/notifications": {
      get: {
        summary: "My notifications, newest first, paged; `unread=true` for the unread ones only; `unreadCount` counts all unread",
        parameters: queryParameters(notificationListQuerySchema),
        responses: {
          "200": { description: "A page of notifications", content: json(ref(notificationPageSchema)) },
          ...errors(401, 422),
        },
      },
    },
    "/api/v1/notifications/{id}/read": {
      post: {
        summary: "Mark one of my notifications read (again: no change); someone else's answers 404",
        parameters: [idParam],
        responses: {
          "200": { description: "The notification", content: json(ref(notificationSchema)) },
          ...errors(401, 403, 404),
        },
      },
    },
    "/api/v1/notifications/read-all": {
      post: {
        summary: "Mark all my notifications read",
        responses: {
          "200": { description: "How many were marked", content: json(ref(markAllReadResultSchema)) },
          ...errors(401, 403),
        },
      },
    },
    "/api/v1/escalation/at-risk": {
      get: {
        summary:
          "Problems at risk of being publicly named (可能被通报): open problems under a red notice or graded RED, within your scope; red notices first, then the longest overdue",
        parameters: queryParameters(atRiskQuerySchema),
        responses: {
          "200": { description: "A page of problems at risk", content: json(ref(atRiskPageSchema)) },
          ...errors(401, 422),
        },
      },
    },
  };
}
