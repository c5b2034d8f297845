import "server-only";
import { db } from "../../db";
import { sectionTemplateCsv } from "../../domain/water-sections";
import { type Actor, authorize } from "../../permissions";
import { latestResultPeriod } from "./list-sections";
import { periodText } from "./section-dto";

/** The results template as a CSV download, one example row per active section for the month after the latest results. */
export async function sectionResultsTemplate(actor: Actor): Promise<Response> {
  authorize(actor, "section.manage");
  const at = await latestResultPeriod();
  const next = at.month === 12 ? { year: at.year + 1, month: 1 } : { year: at.year, month: at.month + 1 };
  const sections = await db.waterSection.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { code: true } });
  const csv = sectionTemplateCsv(sections.map((s) => ({ code: s.code, period: periodText(next.year, next.month) })));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="section-results-template.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
