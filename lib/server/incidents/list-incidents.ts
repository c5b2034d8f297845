import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../../db";
import { bureauToday, formatCalendarDate, parseCalendarDate } from "../../domain/calendar";
import { monthlyCounts, yearToDate } from "../../domain/incidents";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { type IncidentPage, incidentListQuerySchema } from "../../schemas/self-review";
import { incidentInclude, toIncidentDtos } from "./incident-dto";
import { incidentScope } from "./scope";

/**
 * Incidents of a year (default this one) within scope, newest first, filtered by month, district
 * and level, with the month-by-month count against last year (the count ignores the filters but
 * keeps the scope, so the chart always shows the whole picture the reader may see).
 */
export async function listIncidents(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<IncidentPage> {
  authorize(actor, "incident.read");
  const q = parseInput(incidentListQuerySchema, raw, opts.locale);
  const today = formatCalendarDate(bureauToday(opts.now));
  const year = q.year ?? Number(today.slice(0, 4));
  const from = parseCalendarDate(q.month ? `${year}-${String(q.month).padStart(2, "0")}-01` : `${year}-01-01`) as Date;
  const to = q.month ? new Date(Date.UTC(year, q.month, 1)) : new Date(Date.UTC(year + 1, 0, 1));
  const where: Prisma.IncidentWhereInput = {
    AND: [
      incidentScope(actor),
      { occurredOn: { gte: from, lt: to } },
      q.districtCode ? { district: { code: q.districtCode } } : {},
      q.level ? { level: q.level } : {},
    ],
  };
  const rows = await db.incident.findMany({
    where,
    include: incidentInclude,
    orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
    take: 500,
  });
  const allDays = await db.incident.findMany({
    where: {
      AND: [
        incidentScope(actor),
        { occurredOn: { gte: new Date(Date.UTC(year - 1, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
      ],
    },
    select: { occurredOn: true },
  });
  const monthly = monthlyCounts(
    allDays.map((d) => formatCalendarDate(d.occurredOn)),
    year,
    today,
  );
  return { items: await toIncidentDtos(db, actor, rows), year, monthly, ...yearToDate(monthly) };
}
