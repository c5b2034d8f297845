import "server-only";
import { db } from "../../db";
import { formatCalendarDate } from "../../domain/calendar";
import type { HazardInput } from "../../domain/penalties";

/**
 * The hazards of the bottom-line register (隐患排查) that the hazard penalty rule
 * (`overdueRedHazards` in lib/domain/penalties.ts, 环境风险隐患管控不力) reads: hazards not yet
 * rectified — no ledger problem, or its problem not closed. Reading: the register's highest level,
 * 重大 (SEVERE), is the rule's "red" hazard; 一般 and 较大 never trigger the penalty.
 */
export async function listRegisteredHazards(): Promise<HazardInput[]> {
  const rows = await db.hazard.findMany({
    where: { OR: [{ problemId: null }, { problem: { status: { not: "CLOSED" } } }] },
    select: { id: true, level: true, deadline: true, description: true, district: { select: { code: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((h) => ({
    hazardId: h.id,
    level: h.level === "SEVERE" ? "RED" : h.level,
    deadline: formatCalendarDate(h.deadline),
    districtCode: h.district.code,
    title: h.description.slice(0, 200),
  }));
}
