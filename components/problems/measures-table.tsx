import { useTranslations } from "next-intl";
import type { ProblemDto } from "@/lib/schemas/problem";
import { Badge, type BadgeTone } from "../ui/badge";
import { ProgressBar } from "./badges";

type Measure = NonNullable<ProblemDto["measures"]>[number];

const MEASURE_TONES: Record<Measure["status"], BadgeTone> = { NOT_STARTED: "slate", IN_PROGRESS: "blue", DONE: "emerald" };

export function MeasuresTable({ measures, unitNames }: { measures: Measure[]; unitNames: Record<string, string> }) {
  const t = useTranslations("problem.measures");
  const te = useTranslations("enums.measureStatus");
  if (measures.length === 0) return <p className="text-slate-600 text-sm">{t("empty")}</p>;
  const unit = (m: Measure) => (m.ownerUnitId ? (unitNames[m.ownerUnitId] ?? m.ownerUnitName) : null) ?? "—";
  return (
    <>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full border-collapse text-sm">
          <thead className="bg-slate-100 text-left text-slate-600 text-xs">
            <tr>
              <th scope="col" className="w-12 px-3 py-2 font-medium">
                {t("seq")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("description")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("ownerUnit")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("ownerPerson")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("milestone")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("status")}
              </th>
              <th scope="col" className="w-36 px-3 py-2 font-medium">
                {t("percent")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {measures.map((m) => (
              <tr key={m.id} className="align-top">
                <td className="px-3 py-2 tabular-nums">{m.seq}</td>
                <td className="whitespace-pre-wrap px-3 py-2">{m.description}</td>
                <td className="px-3 py-2">{unit(m)}</td>
                <td className="whitespace-nowrap px-3 py-2">{m.ownerPerson ?? "—"}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{m.milestone ?? "—"}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  <Badge tone={MEASURE_TONES[m.status]}>{te(m.status)}</Badge>
                </td>
                <td className="px-3 py-2 pt-3">
                  <ProgressBar percent={m.percent} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol className="space-y-2 md:hidden">
        {measures.map((m) => (
          <li key={m.id} className="rounded-md border border-slate-200 p-3">
            <div className="flex items-start justify-between gap-2">
              <span className="font-medium text-slate-500 text-xs">
                {t("seq")} {m.seq}
              </span>
              <Badge tone={MEASURE_TONES[m.status]}>{te(m.status)}</Badge>
            </div>
            <p className="mt-1 whitespace-pre-wrap text-sm">{m.description}</p>
            <p className="mt-1 text-slate-600 text-xs">
              {unit(m)}
              {m.ownerPerson ? ` · ${m.ownerPerson}` : ""}
              {m.milestone ? ` · ${t("milestone")} ${m.milestone}` : ""}
            </p>
            <ProgressBar percent={m.percent} className="mt-2" />
          </li>
        ))}
      </ol>
    </>
  );
}
