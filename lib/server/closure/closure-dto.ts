import "server-only";
import type { Prisma } from "@prisma/client";
import { formatCalendarDate } from "../../domain/calendar";
import type { AcceptanceDto, ClosureRecordDto, NoticeDto, ObjectionDto } from "../../schemas/closure";

export const acceptanceInclude = {
  acceptanceUnit: { select: { name: true } },
  recordedBy: { select: { displayName: true } },
} satisfies Prisma.AcceptanceInclude;

export const objectionInclude = { handledBy: { select: { displayName: true } } } satisfies Prisma.ObjectionInclude;

export const noticeInclude = {
  createdBy: { select: { displayName: true } },
  objections: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: objectionInclude },
} satisfies Prisma.PublicNoticeInclude;

export const closureInclude = {
  signedBy: { select: { displayName: true } },
  reopenedBy: { select: { displayName: true } },
} satisfies Prisma.ProblemClosureInclude;

type AcceptanceRow = Prisma.AcceptanceGetPayload<{ include: typeof acceptanceInclude }>;
type ObjectionRow = Prisma.ObjectionGetPayload<{ include: typeof objectionInclude }>;
type NoticeRow = Prisma.PublicNoticeGetPayload<{ include: typeof noticeInclude }>;
type ClosureRow = Prisma.ProblemClosureGetPayload<{ include: typeof closureInclude }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAcceptanceDto(a: AcceptanceRow): AcceptanceDto {
  return {
    id: a.id,
    result: a.result,
    acceptedOn: formatCalendarDate(a.acceptedOn),
    onSiteCheck: a.onSiteCheck,
    opinion: a.opinion,
    signers: a.signers,
    acceptanceUnitId: a.acceptanceUnitId,
    acceptanceUnitName: a.acceptanceUnit?.name ?? null,
    recordedById: a.recordedById,
    recordedByName: a.recordedBy.displayName,
    createdAt: a.createdAt.toISOString(),
  };
}

/** An objection; the sender's contact only for those who handle objections (it is a member of the public's). */
export function toObjectionDto(o: ObjectionRow, showContact: boolean): ObjectionDto {
  return {
    id: o.id,
    noticeId: o.noticeId,
    name: o.name,
    contact: showContact ? o.contact : null,
    sender: showContact ? o.senderHash.slice(0, 8) : null,
    text: o.text,
    status: o.status,
    handledByName: o.handledBy?.displayName ?? null,
    handledAt: iso(o.handledAt),
    handlingNote: o.handlingNote,
    createdAt: o.createdAt.toISOString(),
  };
}

export function toNoticeDto(n: NoticeRow, showContact: boolean): NoticeDto {
  return {
    id: n.id,
    acceptanceId: n.acceptanceId,
    startsOn: formatCalendarDate(n.startsOn),
    endsOn: formatCalendarDate(n.endsOn),
    phone: n.phone,
    email: n.email,
    summary: n.summary,
    status: n.status,
    endedAt: iso(n.endedAt),
    createdByName: n.createdBy.displayName,
    createdAt: n.createdAt.toISOString(),
    objections: n.objections.map((o) => toObjectionDto(o, showContact)),
  };
}

export function toClosureRecordDto(c: ClosureRow): ClosureRecordDto {
  return {
    id: c.id,
    closedAt: c.closedAt.toISOString(),
    signedById: c.signedById,
    signedByName: c.signedBy.displayName,
    acceptanceId: c.acceptanceId,
    noticeId: c.noticeId,
    comment: c.comment,
    reopenedAt: iso(c.reopenedAt),
    reopenedByName: c.reopenedBy?.displayName ?? null,
    reopenReason: c.reopenReason,
  };
}
