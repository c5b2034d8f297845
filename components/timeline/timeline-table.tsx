import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TimelineProblem } from "@/lib/schemas/timeline";
import { ColourBadge } from "../problems/colour-badge";

/** The board's data as a table, for screen readers, keyboards and copying: the same rows, in words. */
export function TimelineTable({ items }: { items: TimelineProblem[] }) {
  const t = useTranslations("timeline");
  const tt = useTranslations("timeline.table");
  const tm = useTranslations("enums.measureStatus");
  return (
    <details className="card mt-4" data-testid="timeline-table">
      <summary className="cursor-pointer px-4 py-3 font-medium text-slate-800 text-sm">{tt("summary")}</summary>
      <div className="overflow-x-auto border-slate-200 border-t">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{tt("caption", { count: items.length })}</caption>
          <thead className="bg-slate-100 text-left text-slate-600 text-xs">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {tt("problem")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {tt("grade")}
              </th>
              <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {tt("start")}
              </th>
              <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {tt("deadline")}
              </th>
              <th scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {tt("progress")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {tt("measures")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {items.map((p) => (
              <tr key={p.id} className="align-top">
                <th scope="row" className="min-w-48 px-3 py-2 text-left font-normal">
                  <Link href={`/problems/${p.id}`} className="link font-mono text-xs">
                    {p.code}
                  </Link>
                  <span className="block text-slate-900">{p.title}</span>
                  <span className="block text-slate-500 text-xs">
                    {p.districtName} · {p.leadUnitName}
                    {p.leadOfficialName ? ` · ${p.leadOfficialName}` : ""}
                  </span>
                </th>
                <td className="px-3 py-2">
                  <ColourBadge colour={p.colour} />
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{p.start}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                  {p.deadline ?? t("noDeadline")}
                  {p.originalDeadline && p.originalDeadline !== p.deadline ? (
                    <span className="block text-slate-500 text-xs">
                      {tt("originalDeadline", { date: p.originalDeadline, count: p.extensionCount })}
                    </span>
                  ) : null}
                  {p.overdue ? (
                    <span className="block font-medium text-red-700 text-xs">{tt("overdue", { days: p.overdueDays })}</span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                  {p.progress}%
                  {p.plannedPercent !== null ? (
                    <span className="block text-slate-500 text-xs">{tt("planned", { percent: p.plannedPercent })}</span>
                  ) : null}
                </td>
                <td className="min-w-64 px-3 py-2">
                  {p.measures.length === 0 ? (
                    <span className="text-slate-500">{tt("noMeasures")}</span>
                  ) : (
                    <ol className="space-y-1">
                      {p.measures.map((m) => (
                        <li key={m.id}>
                          <span className="text-slate-500 tabular-nums">{m.seq}.</span> {m.description}
                          <span className={`block text-xs ${m.late ? "font-medium text-red-700" : "text-slate-500"}`}>
                            {tt("measureLine", {
                              milestone: m.milestone ?? t("noMilestone"),
                              percent: m.percent,
                              status: tm(m.status),
                              late: m.late ? "yes" : "no",
                            })}
                          </span>
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
