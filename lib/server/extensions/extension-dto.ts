import "server-only";
import type { Prisma } from "@prisma/client";
import en from "../../../messages/en.json";
import zhCN from "../../../messages/zh-CN.json";
import { formatCalendarDate } from "../../domain/calendar";
import type { ExtensionDto } from "../../schemas/extension";
import type { Locale } from "../../schemas/parse";
import type { NoticeText } from "../notifications/notify";

export const extensionInclude = {
  requestedBy: { select: { displayName: true } },
  decidedBy: { select: { displayName: true } },
  problem: {
    select: {
      id: true,
      code: true,
      title: true,
      leadOfficialId: true,
      deadline: true,
      originalDeadline: true,
      extensionCount: true,
      version: true,
      district: { select: { code: true } },
    },
  },
} satisfies Prisma.ExtensionInclude;

export type ExtensionRow = Prisma.ExtensionGetPayload<{ include: typeof extensionInclude }>;

const day = (d: Date | null) => (d ? formatCalendarDate(d) : null);

export function toExtensionDto(e: ExtensionRow): ExtensionDto {
  return {
    id: e.id,
    problemId: e.problemId,
    oldDeadline: formatCalendarDate(e.oldDeadline),
    newDeadline: formatCalendarDate(e.newDeadline),
    reason: e.reason,
    status: e.status,
    requestedById: e.requestedById,
    requestedByName: e.requestedBy.displayName,
    requestedAt: e.requestedAt.toISOString(),
    decidedById: e.decidedById,
    decidedByName: e.decidedBy?.displayName ?? null,
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decisionComment: e.decisionComment,
    version: e.version,
    problem: {
      id: e.problem.id,
      code: e.problem.code,
      title: e.problem.title,
      districtCode: e.problem.district.code,
      leadOfficialId: e.problem.leadOfficialId,
      deadline: day(e.problem.deadline),
      originalDeadline: day(e.problem.originalDeadline),
      extensionCount: e.problem.extensionCount,
      version: e.problem.version,
    },
  };
}

/** What the audit log keeps of an extension. */
export function extensionSnapshot(e: ExtensionRow) {
  return {
    problemId: e.problemId,
    oldDeadline: formatCalendarDate(e.oldDeadline),
    newDeadline: formatCalendarDate(e.newDeadline),
    reason: e.reason,
    status: e.status,
    decidedById: e.decidedById,
    decisionComment: e.decisionComment,
    version: e.version,
  };
}

const NOTICES = { "zh-CN": zhCN.extensions.notice, en: en.extensions.notice };
export type ExtensionNoticeName = keyof (typeof NOTICES)["en"];

/** Title and body of an extension notice in `locale`, from the `extensions.notice` messages. */
export function extensionNoticeText(locale: Locale, name: ExtensionNoticeName, e: ExtensionRow): NoticeText {
  const vars: Record<string, string> = {
    code: e.problem.code,
    title: e.problem.title,
    oldDeadline: formatCalendarDate(e.oldDeadline),
    newDeadline: formatCalendarDate(e.newDeadline),
    reason: e.reason,
    requester: e.requestedBy.displayName,
    decider: e.decidedBy?.displayName ?? "",
    comment: e.decisionComment ?? "",
  };
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
  const t = NOTICES[locale][name];
  return { title: fill(t.title), body: fill(t.body) };
}
