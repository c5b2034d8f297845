import "server-only";
import type { Prisma } from "@prisma/client";
import { formatCalendarDate } from "../../domain/calendar";
import { type AlertLevel, alertLevel, type Thresholds } from "../../domain/taihu";
import type { PointDto, ReadingDto } from "../../schemas/taihu";

const num = (d: Prisma.Decimal | null | undefined) => (d === null || d === undefined ? null : Number(d));

export type PointRow = Prisma.TaihuPointGetPayload<{ include: { district: true } }>;
export type ReadingRow = Prisma.TaihuReadingGetPayload<object>;

export function thresholdsOf(p: Pick<PointRow, "algaeWarn" | "algaeAlert" | "bloomWarn" | "bloomAlert">): Thresholds {
  return {
    algaeWarn: num(p.algaeWarn),
    algaeAlert: num(p.algaeAlert),
    bloomWarn: num(p.bloomWarn),
    bloomAlert: num(p.bloomAlert),
  };
}

export function levelOf(r: ReadingRow, t: Thresholds): AlertLevel {
  return alertLevel(
    { algaeDensity: num(r.algaeDensity), bloomArea: num(r.bloomArea), blackBloom: r.blackBloom, sourceStatus: r.sourceStatus },
    t,
  );
}

export function toReadingDto(r: ReadingRow, point: { code: string }, t: Thresholds): ReadingDto {
  return {
    id: r.id,
    pointId: r.pointId,
    pointCode: point.code,
    day: formatCalendarDate(r.day),
    algaeDensity: num(r.algaeDensity),
    bloomArea: num(r.bloomArea),
    blackBloom: r.blackBloom,
    blackBloomArea: num(r.blackBloomArea),
    sourceStatus: r.sourceStatus,
    note: r.note,
    level: levelOf(r, t),
    isDemo: r.isDemo,
  };
}

export function toPointDto(
  p: PointRow,
  latest: ReadingRow | null,
  open: { startedOn: Date; peakLevel: number } | null,
): PointDto {
  const t = thresholdsOf(p);
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    location: p.location,
    district: p.district ? { id: p.district.id, code: p.district.code, name: p.district.name } : null,
    ...t,
    dutyLeaderId: p.dutyLeaderId,
    active: p.active,
    isDemo: p.isDemo,
    version: p.version,
    latest: latest ? { day: formatCalendarDate(latest.day), level: levelOf(latest, t) } : null,
    openEpisode: open ? { startedOn: formatCalendarDate(open.startedOn), peakLevel: open.peakLevel } : null,
  };
}
