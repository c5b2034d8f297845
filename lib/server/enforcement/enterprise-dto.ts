import "server-only";
import type { Prisma } from "@prisma/client";
import { formatCalendarDate } from "../../domain/calendar";

export const enterpriseInclude = { district: { select: { code: true, name: true } } } satisfies Prisma.EnterpriseInclude;
type Row = Prisma.EnterpriseGetPayload<{ include: typeof enterpriseInclude }>;

export type EnterpriseDto = {
  id: string;
  creditCode: string;
  name: string;
  districtCode: string;
  districtName: string;
  address: string;
  lat: number | null;
  lng: number | null;
  industry: string;
  tags: string[];
  status: string;
  closedOn: string | null;
  isDemo: boolean;
  version: number;
};

export function toEnterpriseDto(e: Row): EnterpriseDto {
  return {
    id: e.id,
    creditCode: e.creditCode,
    name: e.name,
    districtCode: e.district.code,
    districtName: e.district.name,
    address: e.address,
    lat: e.lat === null ? null : Number(e.lat),
    lng: e.lng === null ? null : Number(e.lng),
    industry: e.industry,
    tags: e.tags,
    status: e.status,
    closedOn: e.closedOn ? formatCalendarDate(e.closedOn) : null,
    isDemo: e.isDemo,
    version: e.version,
  };
}

/** The audited fields of an enterprise. */
export function enterpriseSnapshot(e: Row) {
  const { id: _id, isDemo: _d, version: _v, ...rest } = toEnterpriseDto(e);
  return rest;
}
