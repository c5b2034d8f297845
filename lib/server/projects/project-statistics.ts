import "server-only";
import { db } from "../../db";
import { failureRanking, SOURCE_CONTROL_ITEMS, type SourceControlItemName } from "../../domain/source-control";
import { type Actor, authorize } from "../../permissions";
import { projectScope } from "../clues/scope";

/**
 * Source-control statistics: which of the eight items fails (NOT_MET) most, over the projects in
 * the caller's scope, overall and by district.
 */
export async function projectStatistics(actor: Actor) {
  authorize(actor, "project.read");
  const scope = projectScope(actor);
  const [checks, projects] = await Promise.all([
    db.sourceControlCheck.findMany({
      where: { verdict: "NOT_MET", project: scope },
      select: { item: true, project: { select: { districtId: true } } },
    }),
    db.constructionProject.groupBy({ by: ["districtId", "status"], where: scope, _count: { _all: true } }),
  ]);
  const districtIds = [...new Set(projects.map((p) => p.districtId))];
  const districts = await db.district.findMany({
    where: { id: { in: districtIds } },
    select: { id: true, name: true, code: true },
  });
  const byDistrict = districts
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((d) => {
      const notMet = Object.fromEntries(SOURCE_CONTROL_ITEMS.map((i) => [i, 0])) as Record<SourceControlItemName, number>;
      for (const c of checks) if (c.project.districtId === d.id) notMet[c.item]++;
      const mine = projects.filter((p) => p.districtId === d.id);
      const count = (s?: string) => mine.filter((p) => !s || p.status === s).reduce((n, p) => n + p._count._all, 0);
      return {
        district: { id: d.id, name: d.name },
        projects: count(),
        passed: count("PASSED"),
        refused: count("REFUSED"),
        notMet,
      };
    });
  const ranking = failureRanking(checks.map((c) => ({ item: c.item, notMet: 1 })));
  return { items: ranking, byDistrict, projects: projects.reduce((n, p) => n + p._count._all, 0) };
}
