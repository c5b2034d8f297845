import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FieldProblem } from "@/lib/server/field/list-field-problems";
import { DeadlineText } from "../problems/badges";
import { CardHeading } from "../problems/card-heading";

/** One problem of a field office as a card: what it is, how urgent, its evidence and what it still lacks. */
export function FieldProblemCard({ item }: { item: FieldProblem }) {
  const t = useTranslations("field.list");
  const te = useTranslations("enums.evidenceKind");
  const { problem: p, evidence, checklist } = item;
  const missing = p.status === "CLOSED" || p.status === "ONGOING" ? [] : checklist.missing;
  return (
    <Link
      href={`/field/${p.id}`}
      className={`card block p-3 active:bg-slate-50 ${p.overdue ? "border-l-4 border-l-red-600" : ""}`}
      data-testid="field-card"
      data-code={p.code}
    >
      <CardHeading problem={p} />
      <p className="mt-1 font-medium text-base text-slate-900 leading-snug">{p.title}</p>
      {p.locationText ? <p className="mt-0.5 truncate text-slate-600 text-xs">{p.locationText}</p> : null}
      <div className="mt-2 flex flex-wrap items-end justify-between gap-2">
        <DeadlineText deadline={p.deadline} band={p.deadlineBand} overdue={p.overdue} />
        <p className="flex flex-wrap gap-1 text-xs" data-testid="field-card-counts">
          <span className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-900 ring-1 ring-amber-300 ring-inset">
            {t("pending", { count: evidence.PENDING })}
          </span>
          <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800 ring-1 ring-emerald-300 ring-inset">
            {t("accepted", { count: evidence.ACCEPTED })}
          </span>
          {evidence.RETURNED > 0 ? (
            <span className="rounded bg-red-600 px-1.5 py-0.5 font-medium text-white">
              {t("returned", { count: evidence.RETURNED })}
            </span>
          ) : null}
        </p>
      </div>
      {missing.length ? (
        <p className="mt-2 text-red-800 text-sm" data-testid="field-card-missing">
          {t("stillMissing", { kinds: missing.map((k) => te(k)).join("、") })}
        </p>
      ) : null}
    </Link>
  );
}
