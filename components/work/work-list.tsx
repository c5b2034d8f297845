import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import type { MyWork, WorkProblem, WorkSectionKey } from "@/lib/schemas/work";
import { OverdueBadge, StatusBadge } from "../problems/badges";
import { ColourBadge } from "../problems/colour-badge";
import { colourReasonText } from "../problems/colour-reason";

/** The sections in the order a person works through them. */
export const WORK_SECTIONS: readonly WorkSectionKey[] = [
  "plansToApprove",
  "extensionsToDecide",
  "toAssign",
  "pendingAcceptance",
  "plansToWrite",
  "measuresDue",
  "reportsMissing",
  "atRisk",
];

/** Where the whole list lives when a section holds more than it shows. */
const MORE_HREF: Partial<Record<WorkSectionKey, string>> = {
  toAssign: "/problems?status=REGISTERED&sort=createdAt",
  pendingAcceptance: "/problems?status=PENDING_ACCEPTANCE",
  atRisk: "/timeline",
};

function ProblemLine({ problem }: { problem: WorkProblem }) {
  const t = useTranslations("work");
  const tx = useTranslations("colourExplain");
  const tg = useTranslations("grade");
  const why = problem.colourReason;
  return (
    <>
      <span className="flex flex-wrap items-center gap-1.5">
        <span className="font-mono text-slate-500 text-xs">{problem.code}</span>
        <ColourBadge colour={problem.colour} />
        <StatusBadge status={problem.status} />
        {problem.overdueDays > 0 ? <OverdueBadge days={problem.overdueDays} /> : null}
      </span>
      <span className="mt-0.5 block font-medium text-slate-900 leading-snug">{problem.title}</span>
      <span className="mt-0.5 block text-slate-600 text-xs">
        {problem.leadUnitName}
        {problem.leadOfficialName ? ` · ${problem.leadOfficialName}` : ""} ·{" "}
        {problem.deadline ? t("deadline", { date: problem.deadline }) : t("noDeadline")} ·{" "}
        {t("progress", { percent: problem.progress })}
      </span>
      {why && (why.colour === "RED" || why.colour === "YELLOW") ? (
        <span className="mt-0.5 block text-slate-700 text-xs" data-testid="colour-reason" data-rule={why.rule}>
          <span className="font-medium">{tx("because", { grade: tg(why.colour) })}</span> {colourReasonText(tx, why)}
        </span>
      ) : null}
    </>
  );
}

function Item({ href, children, testId }: { href: string; children: React.ReactNode; testId: string }) {
  return (
    <li data-testid={testId}>
      <Link href={href} className="block rounded-md border border-slate-200 p-3 hover:border-blue-300 hover:bg-blue-50/40">
        {children}
      </Link>
    </li>
  );
}

function Detail({ children, tone = "slate" }: { children: React.ReactNode; tone?: "slate" | "red" | "amber" }) {
  const colour = { slate: "text-slate-700", red: "font-medium text-red-700", amber: "font-medium text-amber-800" }[tone];
  return <span className={`mt-1 block text-sm ${colour}`}>{children}</span>;
}

function SectionItems({ work, section }: { work: MyWork; section: WorkSectionKey }) {
  const t = useTranslations("work");
  const tm = useTranslations("enums.measureStatus");
  switch (section) {
    case "plansToApprove":
      return work.plansToApprove?.items.map((i) => (
        <Item key={i.planId} href={i.link} testId="work-item">
          <ProblemLine problem={i.problem} />
          <Detail>
            {t("planLine", { version: i.versionNo, name: i.submittedByName, at: formatBureauDateTime(i.submittedAt) })}
          </Detail>
        </Item>
      ));
    case "extensionsToDecide":
      return work.extensionsToDecide?.items.map((i) => (
        <Item key={i.extensionId} href={i.link} testId="work-item">
          <ProblemLine problem={i.problem} />
          <Detail>{t("extensionLine", { from: i.oldDeadline, to: i.newDeadline, name: i.requestedByName })}</Detail>
          <span className="mt-0.5 block text-slate-600 text-xs [overflow-wrap:anywhere]">
            {t("reason", { reason: i.reason })}
          </span>
        </Item>
      ));
    case "measuresDue":
      return work.measuresDue?.items.map((i) => (
        <Item key={i.measureId} href={i.link} testId="work-item">
          <ProblemLine problem={i.problem} />
          <Detail>{t("measureLine", { seq: i.seq, description: i.description })}</Detail>
          <Detail tone={i.daysLeft < 0 ? "red" : i.daysLeft <= 3 ? "amber" : "slate"}>
            {t("measureDue", {
              milestone: i.milestone,
              days: Math.abs(i.daysLeft),
              when: i.daysLeft < 0 ? "late" : i.daysLeft === 0 ? "today" : "ahead",
              percent: i.percent,
              status: tm(i.status),
            })}
          </Detail>
        </Item>
      ));
    case "reportsMissing":
      return work.reportsMissing?.items.map((i) => (
        <Item key={`${i.unitId}:${i.problem.id}`} href={i.link} testId="work-item">
          <ProblemLine problem={i.problem} />
          <Detail tone="red">{t("reportLine", { unit: i.unitName, due: i.dueOn, days: i.daysLate })}</Detail>
        </Item>
      ));
    case "plansToWrite":
    case "atRisk":
    case "toAssign":
    case "pendingAcceptance":
      return work[section]?.items.map((i) => (
        <Item key={i.problem.id} href={i.link} testId="work-item">
          <ProblemLine problem={i.problem} />
        </Item>
      ));
  }
}

/** One card per section of the person's work: a heading with the count, the items, and where the rest is. */
export function WorkList({ work }: { work: MyWork }) {
  const t = useTranslations("work");
  const sections = WORK_SECTIONS.filter((s) => work[s] !== undefined);
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {sections.map((section) => {
        const data = work[section] as { total: number; items: unknown[] };
        const more = data.total - data.items.length;
        return (
          <section
            key={section}
            aria-labelledby={`w-${section}`}
            className="card p-4"
            data-testid={`work-${section}`}
            data-total={data.total}
          >
            <h2 id={`w-${section}`} className="flex items-baseline gap-2 font-semibold text-base text-slate-900">
              {t(`sections.${section}.title`)}
              <span
                className={`rounded-full px-2 text-xs tabular-nums ${data.total ? "bg-blue-700 text-white" : "bg-slate-100 text-slate-600"}`}
              >
                {data.total}
              </span>
            </h2>
            <p className="mt-0.5 mb-3 text-slate-600 text-xs">{t(`sections.${section}.hint`)}</p>
            {data.total === 0 ? (
              <p className="text-slate-600 text-sm">{t(`sections.${section}.empty`)}</p>
            ) : (
              <ul className="space-y-2">
                <SectionItems work={work} section={section} />
              </ul>
            )}
            {more > 0 ? (
              <p className="mt-3 text-slate-600 text-sm">
                {t("more", { count: more })}
                {MORE_HREF[section] ? (
                  <>
                    {" "}
                    <Link href={MORE_HREF[section]} className="link">
                      {t("seeAll")}
                    </Link>
                  </>
                ) : null}
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
