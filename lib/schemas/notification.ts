import { z } from "zod";
import { PROBLEM_STATUSES } from "../domain/enums";
import { colourReasonSchema } from "./colour-reason";
import { emptyToUndefined, pageQuery } from "./common";

const boolText = z.enum(["true", "false"]).transform((v) => v === "true");

/** GET /notifications: my notifications, newest first; `unread=true` leaves out the read ones. */
export const notificationListQuerySchema = z
  .strictObject({
    unread: z.preprocess(emptyToUndefined, boolText.optional()),
    ...pageQuery,
  })
  .meta({ id: "NotificationListQuery" });
export type NotificationListQuery = z.output<typeof notificationListQuerySchema>;

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().meta({ description: "What happened, e.g. escalation.RED, plan.submitted" }),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().meta({ description: "Path in the app, e.g. /problems/<id>" }),
    problemId: z.uuid().nullable(),
    readAt: z.string().nullable().meta({ format: "date-time" }),
    createdAt: z.string().meta({ format: "date-time" }),
  })
  .meta({ id: "Notification" });
export type NotificationDto = z.output<typeof notificationSchema>;

export const notificationPageSchema = z
  .object({
    items: z.array(notificationSchema),
    unreadCount: z.number().int().meta({ description: "All my unread notifications, whatever the filter" }),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "NotificationPage" });
export type NotificationPage = z.output<typeof notificationPageSchema>;

export const markAllReadResultSchema = z
  .object({ marked: z.number().int(), unreadCount: z.number().int() })
  .meta({ id: "MarkAllReadResult" });
export type MarkAllReadResult = z.output<typeof markAllReadResultSchema>;

/** GET /escalation/at-risk: paged. */
export const atRiskQuerySchema = z.strictObject({ ...pageQuery }).meta({ id: "AtRiskQuery" });

const escalationEnum = z.enum(["NONE", "REMINDED", "YELLOW", "RED"]);
const colourEnum = z.enum(["BLUE", "GREEN", "YELLOW", "RED"]);

export const atRiskItemSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    status: z.enum(PROBLEM_STATUSES),
    districtCode: z.string(),
    districtName: z.string(),
    leadUnitId: z.uuid(),
    leadUnitName: z.string(),
    leadOfficialId: z.uuid().nullable(),
    leadOfficialName: z.string().nullable(),
    deadline: z.string().nullable().meta({ format: "date" }),
    originalDeadline: z.string().nullable().meta({ format: "date" }),
    overdueDays: z.number().int(),
    progress: z.number().int(),
    colour: colourEnum,
    colourReason: colourReasonSchema,
    escalation: escalationEnum,
    extensionCount: z.number().int(),
  })
  .meta({ id: "AtRiskProblem" });
export type AtRiskItem = z.output<typeof atRiskItemSchema>;

export const atRiskPageSchema = z
  .object({ items: z.array(atRiskItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: "AtRiskPage" });
export type AtRiskPage = z.output<typeof atRiskPageSchema>;
