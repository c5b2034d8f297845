import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ProblemDto } from "@/lib/schemas/problem";
import { DeadlineText, OverdueBadge, ProgressBar, RelapseBadge, StatusBadge } from "./badges";
import { CardHeading } from "./card-heading";
import { ColourReasonLine, ColourWhy } from "./colour-reason";
import type { ReferenceNames } from "./field-values";

type Props = { items: ProblemDto[]; names: ReferenceNames; total: number; page: number };

/** The ledger rows: a dense table from 1024 px, stacked cards below (one thumb, one card per problem). */
export function LedgerList({ items, names, total, page }: Props) {
  const t = useTranslations("ledger");
  const te = useTranslations("enums");
  const tg = useTranslations("grade");
  const district = (p: ProblemDto) => names.districts[p.districtCode] ?? p.districtName;
  const leadUnit = (p: ProblemDto) => names.units[p.leadUnitId] ?? p.leadUnitName;
  const none = "—";

  return (
    <>
      <div className="card hidden overflow-x-auto lg:block">
        <table className="w-full border-collapse text-sm" data-testid="ledger-table">
          <caption className="sr-only">{t("caption", { total, page })}</caption>
          <thead className="bg-slate-100 text-left text-slate-600 text-xs">
            <tr>
              <th scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {t("columns.code")}
              </th>
              <th scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {t("columns.title")}
              </th>
              <th scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {t("columns.district")}
              </th>
              <th scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {t("columns.source")}
              </th>
              <th scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {t("columns.category")}
              </th>
              <th scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {t("columns.status")}
              </th>
              <th scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {tg("label")}
              </th>
              <th scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {t("columns.leadOfficial")}
              </th>
              <th scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {t("columns.leadUnit")}
              </th>
              <th scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {t("columns.deadline")}
              </th>
              <th scope="col" className="w-32 whitespace-nowrap px-2 py-2 font-medium">
                {t("columns.progress")}
              </th>
              <th scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {t("columns.overdue")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {items.map((p) => (
              <tr
                key={p.id}
                className={`align-top hover:bg-blue-50/50 ${p.overdue ? "bg-red-50/40" : ""}`}
                data-testid="ledger-row"
              >
                <td className="whitespace-nowrap px-2 py-2 font-mono text-xs">
                  <Link href={`/problems/${p.id}`} className="link">
                    {p.code}
                  </Link>
                </td>
                <td className="min-w-48 max-w-md px-2 py-2">
                  <Link href={`/problems/${p.id}`} className="font-medium text-slate-900 hover:text-blue-800 hover:underline">
                    {p.title}
                  </Link>
                  {p.relapse ? <RelapseBadge /> : null}
                </td>
                <td className="min-w-16 px-2 py-2" data-testid="cell-district">
                  {district(p)}
                </td>
                <td className="min-w-24 px-2 py-2 text-xs">{te(`source.${p.source}`)}</td>
                <td className="whitespace-nowrap px-2 py-2 text-xs">{te(`category.${p.category}`)}</td>
                <td className="whitespace-nowrap px-2 py-2" data-testid="cell-status">
                  <StatusBadge status={p.status} />
                </td>
                <td className="whitespace-nowrap px-2 py-2" data-testid="cell-colour">
                  <ColourWhy colour={p.colour} reason={p.colourReason} />
                </td>
                <td className="whitespace-nowrap px-2 py-2">{p.leadOfficialName ?? none}</td>
                <td className="min-w-28 px-2 py-2 text-xs" data-testid="cell-lead-unit">
                  {leadUnit(p)}
                </td>
                <td className="whitespace-nowrap px-2 py-2">
                  <DeadlineText deadline={p.deadline} band={p.deadlineBand} overdue={p.overdue} />
                </td>
                <td className="px-2 py-2 pt-3">
                  <ProgressBar percent={p.progress} />
                </td>
                <td className="whitespace-nowrap px-2 py-2">{p.overdue ? <OverdueBadge days={p.overdueDays} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-2 lg:hidden" aria-label={t("caption", { total, page })}>
        {items.map((p) => (
          <li key={p.id} data-testid="ledger-card">
            <Link
              href={`/problems/${p.id}`}
              className={`card block p-3 active:bg-slate-50 ${p.overdue ? "border-l-4 border-l-red-600" : ""}`}
            >
              <CardHeading problem={p} />
              <p className="mt-1 font-medium text-base text-slate-900 leading-snug">
                {p.title}
                {p.relapse ? <RelapseBadge className="ml-1" /> : null}
              </p>
              <p className="mt-1 text-slate-600 text-xs">
                <span data-testid="card-district">{district(p)}</span> · {te(`category.${p.category}`)} ·{" "}
                {te(`source.${p.source}`)}
              </p>
              <p className="mt-1 text-slate-600 text-xs">
                <span data-testid="card-lead-unit">{leadUnit(p)}</span>
                {p.leadOfficialName ? ` · ${p.leadOfficialName}` : ""}
              </p>
              <div className="mt-2 flex items-end justify-between gap-3">
                <DeadlineText deadline={p.deadline} band={p.deadlineBand} overdue={p.overdue} />
                <ProgressBar percent={p.progress} className="w-32" />
              </div>
            </Link>
            {p.colourReason ? (
              <div className="-mt-1 rounded-b-lg border-slate-200 border-x border-b bg-slate-50 px-3 py-1.5 text-xs [&_p]:text-xs">
                <ColourReasonLine reason={p.colourReason} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
