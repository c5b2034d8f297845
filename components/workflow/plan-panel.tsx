import { useTranslations } from "next-intl";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import type { PlanDto } from "@/lib/schemas/workflow";
import { Badge, type BadgeTone } from "../ui/badge";

const PLAN_TONES: Record<PlanDto["status"], BadgeTone> = { SUBMITTED: "amber", APPROVED: "emerald", RETURNED: "red" };

function PlanVersion({ plan }: { plan: PlanDto }) {
  const t = useTranslations("problemWork.plan");
  const ts = useTranslations("workflow.planStatus");
  return (
    <div data-testid="plan-version" data-status={plan.status}>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-900">{t("versionNo", { version: plan.versionNo })}</span>
        <Badge tone={PLAN_TONES[plan.status]}>{ts(plan.status)}</Badge>
        <span className="text-slate-600 text-xs">
          {t("submitted", { name: plan.submittedByName, at: formatBureauDateTime(plan.submittedAt) })}
        </span>
      </p>
      <p className="mt-2 whitespace-pre-wrap text-slate-900 text-sm">{plan.target}</p>
      {plan.measures.length ? (
        <ol className="mt-2 list-decimal space-y-0.5 pl-5 text-slate-700 text-sm">
          {plan.measures.map((m) => (
            <li key={m.seq}>
              {m.description}
              <span className="text-slate-500 text-xs">
                {m.ownerUnitName ? ` · ${m.ownerUnitName}` : ""}
                {m.milestone ? ` · ${t("milestone", { date: m.milestone })}` : ""}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-slate-500 text-sm">{t("noMeasures")}</p>
      )}
      {plan.decidedAt ? (
        <p className={`mt-2 text-sm ${plan.status === "RETURNED" ? "text-red-800" : "text-slate-700"}`}>
          {t("decided", {
            decision: plan.status,
            name: plan.decidedByName ?? "—",
            at: formatBureauDateTime(plan.decidedAt),
          })}
          {plan.decisionReason ? ` ${t("decisionReason", { reason: plan.decisionReason })}` : ""}
        </p>
      ) : null}
    </div>
  );
}

/** The current plan version and the earlier ones; the forms to submit or decide come in as children. */
export function PlanPanel({ plans, children }: { plans: PlanDto[]; children?: React.ReactNode }) {
  const t = useTranslations("problemWork.plan");
  const [current, ...earlier] = plans;
  return (
    <div>
      {current ? <PlanVersion plan={current} /> : <p className="text-slate-600 text-sm">{t("none")}</p>}
      {children}
      {earlier.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-blue-800 text-sm">{t("earlier", { count: earlier.length })}</summary>
          <div className="mt-2 space-y-3 border-slate-200 border-l-2 pl-3">
            {earlier.map((p) => (
              <PlanVersion key={p.id} plan={p} />
            ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}
