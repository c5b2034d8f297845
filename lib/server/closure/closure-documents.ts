import "server-only";
import type { Paragraph, Table } from "docx";
import { db } from "../../db";
import { formatCalendarDate } from "../../domain/calendar";
import { Conflict, NotFound } from "../../errors";
import { MESSAGES } from "../../i18n/messages";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { writeAudit } from "../audit/write-audit";
import { blank, body, formTable, officialDocx, subtitle, title } from "../office/official-document";
import { problemScope } from "../problems/scope";

/**
 * The printable records of a closure: the closure approval form (整改销号审批表) of a closed
 * problem, filled from its closure records (measures, progress, the passed acceptance, the public
 * notice and its objections, the lead official's sign-off), with blank signature lines for the
 * paper copy; and the text of its public notice (公示). Out of scope or unknown → 404; a problem
 * not closed (or without a notice) → 409.
 */
const enums = MESSAGES["zh-CN"].enums as unknown as Record<string, Record<string, string>>;
const shanghaiDay = (d: Date) => formatCalendarDate(new Date(d.getTime() + 8 * 3600_000));
const cn = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

async function visibleProblem(actor: Actor, id: string) {
  authorize(actor, "closure.read");
  if (!isUuid(id)) throw new NotFound("Problem not found");
  const problem = await db.problem.findFirst({
    where: { AND: [{ id }, problemScope(actor)] },
    include: {
      district: { select: { name: true } },
      leadUnit: { select: { name: true } },
      leadOfficial: { select: { displayName: true } },
      acceptanceUnit: { select: { name: true } },
      coUnits: { select: { unit: { select: { name: true } } } },
      measures: { orderBy: { seq: "asc" } },
      progressReports: { orderBy: { createdAt: "desc" }, take: 1, select: { text: true, createdAt: true } },
    },
  });
  if (!problem) throw new NotFound("Problem not found");
  return problem;
}

async function audited(actor: Actor, problemId: string, action: string, requestId?: string) {
  await db.$transaction((tx) =>
    writeAudit(tx, { actorId: actor.id, entityType: "Problem", entityId: problemId, action, requestId }),
  );
}

export async function buildClosureForm(
  actor: Actor,
  id: string,
  opts: { requestId?: string } = {},
): Promise<{ bytes: Buffer; code: string }> {
  const problem = await visibleProblem(actor, id);
  const closure = await db.problemClosure.findFirst({
    where: { problemId: problem.id, reopenedAt: null },
    orderBy: { closedAt: "desc" },
    include: { signedBy: { select: { displayName: true } } },
  });
  if (problem.status !== "CLOSED" || !closure) throw new Conflict("问题尚未销号，不能打印销号审批表");
  const [acceptance, notice] = await Promise.all([
    closure.acceptanceId
      ? db.acceptance.findUnique({ where: { id: closure.acceptanceId }, include: { acceptanceUnit: { select: { name: true } } } })
      : db.acceptance.findFirst({
          where: { problemId: problem.id, result: "PASSED" },
          orderBy: { createdAt: "desc" },
          include: { acceptanceUnit: { select: { name: true } } },
        }),
    db.publicNotice.findFirst({
      where: closure.noticeId ? { id: closure.noticeId } : { problemId: problem.id },
      orderBy: { createdAt: "desc" },
      include: { objections: { select: { status: true, handlingNote: true } } },
    }),
  ]);
  const measures = problem.measures.map((m, i) => `${i + 1}. ${m.description}`).join("\n") || "（无）";
  const done = problem.measures.filter((m) => m.status === "DONE").length;
  const completion = [
    `措施${problem.measures.length}项，已完成${done}项，完成率${problem.progress}%。`,
    ...problem.measures.map(
      (m, i) =>
        `${i + 1}. ${enums.measureStatus?.[m.status] ?? m.status}${m.completedAt ? `（${cn(shanghaiDay(m.completedAt))}）` : ""}`,
    ),
    ...(problem.progressReports[0] ? [`最近进展：${problem.progressReports[0].text}`] : []),
  ].join("\n");
  const acceptanceText = acceptance
    ? [
        `验收单位：${acceptance.acceptanceUnit?.name ?? problem.acceptanceUnit?.name ?? "—"}`,
        `验收日期：${cn(formatCalendarDate(acceptance.acceptedOn))}；${acceptance.onSiteCheck ? "现场核查" : "非现场核查"}；${enums.acceptanceResult?.[acceptance.result] ?? acceptance.result}`,
        `验收意见：${acceptance.opinion}`,
        `验收人员：${acceptance.signers.join("、") || "—"}`,
      ].join("\n")
    : "（无验收记录）";
  const noticeText = notice
    ? [
        `公示期：${cn(formatCalendarDate(notice.startsOn))}至${cn(formatCalendarDate(notice.endsOn))}`,
        `监督电话：${notice.phone}${notice.email ? `；电子邮箱：${notice.email}` : ""}`,
        notice.objections.length
          ? `收到异议${notice.objections.length}件：${notice.objections.map((o) => `${enums.objectionStatus?.[o.status] ?? o.status}${o.handlingNote ? `（${o.handlingNote}）` : ""}`).join("；")}`
          : "公示期内未收到异议。",
      ].join("\n")
    : "（无公示记录）";
  const signoff = [
    `经审核，同意销号。${closure.comment ? closure.comment : ""}`,
    `审签：${closure.signedBy.displayName}    日期：${cn(shanghaiDay(closure.closedAt))}`,
    "",
    "签字：____________    （盖章）",
  ].join("\n");
  const rows: [string, string][] = [
    ["问题编号", problem.code],
    ["问题来源", `${enums.source?.[problem.source] ?? problem.source}${problem.round ? `（${problem.round}）` : ""}`],
    ["所在地区", problem.district.name],
    ["牵头单位", problem.leadUnit.name],
    ["配合单位", problem.coUnits.map((c) => c.unit.name).join("、") || "—"],
    ["挂钩领导", problem.leadOfficial?.displayName ?? "—"],
    ["问题描述", problem.description],
    ["整改目标", problem.target ?? "—"],
    ["整改措施", measures],
    ["完成情况", completion],
    ["验收意见", `${acceptanceText}\n\n验收单位负责人签字：____________    日期：________`],
    ["公示情况", noticeText],
    ["审批意见", signoff],
  ];
  const children: (Paragraph | Table)[] = [
    ...title("突出生态环境问题整改销号审批表"),
    subtitle(
      `填报单位：${problem.leadUnit.name}          ${problem.deadline ? `整改时限：${cn(formatCalendarDate(problem.deadline))}` : "长期坚持"}`,
    ),
    blank(),
    formTable(rows),
  ];
  const bytes = await officialDocx({ title: `整改销号审批表 ${problem.code}`, creator: actor.displayName }, children);
  await audited(actor, problem.id, "print-closure-form", opts.requestId);
  return { bytes, code: problem.code };
}

/** The public notice (公示) text of the problem's latest notice, ready to post. */
export async function buildNoticeDocument(
  actor: Actor,
  id: string,
  opts: { requestId?: string } = {},
): Promise<{ bytes: Buffer; code: string }> {
  const problem = await visibleProblem(actor, id);
  const notice = await db.publicNotice.findFirst({ where: { problemId: problem.id }, orderBy: { createdAt: "desc" } });
  if (!notice) throw new Conflict("该问题还没有公示");
  const children: (Paragraph | Table)[] = [
    ...title(`关于${problem.title}\n整改完成情况的公示`),
    blank(),
    body(
      `${enums.source?.[problem.source] ?? ""}交办的“${problem.title}”问题（编号${problem.code}，位于${problem.district.name}），经${problem.leadUnit.name}组织整改，已通过验收。现将整改完成情况予以公示，接受社会监督。`,
    ),
    body(`整改完成情况：${notice.summary}`),
    body(`公示时间：${cn(formatCalendarDate(notice.startsOn))}至${cn(formatCalendarDate(notice.endsOn))}。`),
    body(
      `公示期间，如有异议，请通过以下方式反映：监督电话${notice.phone}${notice.email ? `，电子邮箱${notice.email}` : ""}。反映问题时请提供具体事实和联系方式。`,
    ),
    blank(),
    blank(),
    subtitle(`${problem.leadUnit.name}    ${cn(formatCalendarDate(notice.startsOn))}`),
  ];
  const bytes = await officialDocx({ title: `公示 ${problem.code}`, creator: actor.displayName }, children);
  await audited(actor, problem.id, "print-notice", opts.requestId);
  return { bytes, code: problem.code };
}
