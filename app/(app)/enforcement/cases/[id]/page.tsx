import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CaseActions } from "@/components/enforcement/case-forms";
import { db } from "@/lib/db";
import { bureauToday, formatCalendarDate } from "@/lib/domain/calendar";
import { CASE_NEXT, type CaseStatusName } from "@/lib/domain/enforcement";
import { DEADLINE_BANDS, PROBLEM_CATEGORIES } from "@/lib/domain/enums";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { getCase } from "@/lib/server/enforcement/list-cases";
import { requireActor } from "../../../session";

/** A case: its facts, its steps with dates, the next step and 立为台账问题. */
export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enforcement/cases/${id}`);
  const t = await getTranslations("enforcement");
  const te = await getTranslations("enums");
  const c = await getCase(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  const next = CASE_NEXT[c.status as CaseStatusName];
  const units = can(actor, "case.openProblem")
    ? await db.unit.findMany({
        where: { active: true, kind: { not: "DISTRICT_GOVERNMENT" } },
        select: { id: true, name: true },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      })
    : [];
  const steps = [
    ["FILED", c.filedOn],
    ["NOTIFIED", c.notifiedOn],
    ["DECIDED", c.decidedOn],
    ["EXECUTED", c.executedOn],
    ["CLOSED", c.closedOn],
  ] as const;
  return (
    <div className="space-y-4">
      <header>
        <h1 className="font-bold text-2xl">{c.number}</h1>
        <p className="text-slate-600 text-sm">
          <Link className="link" href={`/enforcement/enterprises/${c.enterprise.id}`}>
            {c.enterprise.name}
          </Link>{" "}
          · {c.enterprise.districtName} · {t("cases.fromInspection")} {c.inspection.inspectedOn}（
          {t(`modes.${c.inspection.mode}` as "modes.CROSS")}）
        </p>
      </header>
      <dl className="card grid gap-2 p-3 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-600">{t("cases.violation")}</dt>
        <dd>{c.violation}</dd>
        <dt className="text-slate-600">{t("cases.legalBasis")}</dt>
        <dd>{c.legalBasis}</dd>
        <dt className="text-slate-600">{t("cases.fine")}</dt>
        <dd>{c.fineYuan.toLocaleString("zh-CN")}</dd>
        <dt className="text-slate-600">{t("cases.measures")}</dt>
        <dd>{c.measures.map((m) => t(`measures.${m}` as "measures.SEAL_UP")).join("、") || "—"}</dd>
        <dt className="text-slate-600">{t("cases.problem")}</dt>
        <dd>
          {c.problem ? (
            <Link className="link" href={`/problems/${c.problem.id}`} data-testid="case-problem">
              {t("cases.opened", { code: c.problem.code })}
            </Link>
          ) : (
            "—"
          )}
        </dd>
      </dl>
      <section className="card p-3" aria-labelledby="h-steps">
        <h2 id="h-steps" className="mb-2 font-semibold">
          {t("cases.dates")}
        </h2>
        <ol className="flex flex-wrap gap-2 text-sm">
          {steps.map(([s, d]) => (
            <li
              key={s}
              className={`rounded px-2 py-1 ring-1 ${d ? "bg-sky-50 ring-sky-300" : "ring-slate-200 text-slate-500"}`}
              aria-current={c.status === s ? "step" : undefined}
            >
              {t(`caseStatus.${s}`)} {d ?? ""}
            </li>
          ))}
        </ol>
      </section>
      <CaseActions
        caseId={c.id}
        version={c.version}
        next={next ? { status: next.to, label: t(`caseStatus.${next.to}`) } : null}
        today={formatCalendarDate(bureauToday())}
        canMove={can(actor, "case.transition")}
        canOpen={can(actor, "case.openProblem") && !c.problem}
        units={units}
        categories={PROBLEM_CATEGORIES.map((x) => ({ value: x, label: te(`category.${x}`) }))}
        bands={DEADLINE_BANDS.map((x) => ({ value: x, label: te(`band.${x}`) }))}
      />
    </div>
  );
}
