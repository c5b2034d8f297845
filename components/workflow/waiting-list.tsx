import { useTranslations } from "next-intl";
import type { WaitingItem } from "@/lib/domain/waiting";

/**
 * "What can I do here?": every decision or duty waiting for the person on this problem, each a
 * link to the section of the page where it is handled. Workflow steps are the buttons beside it.
 */
export function WaitingList({ items }: { items: WaitingItem[] }) {
  const t = useTranslations("waiting");
  const ta = useTranslations("workflow.actions");
  const shown = items.filter((i) => i.kind !== "WORKFLOW_STEP");
  if (shown.length === 0) return null;
  return (
    <div className="mt-3" data-testid="waiting-list">
      <h3 className="mb-1 font-medium text-slate-900 text-sm">{t("title")}</h3>
      <ul className="space-y-1">
        {shown.map((i) => (
          <li key={i.kind} data-kind={i.kind}>
            <a href={`#${i.anchor}`} className="link inline-flex min-h-8 items-center text-sm">
              {i.kind === "REPORT_DUE" && i.daysLate
                ? t("reportLate", { dueOn: i.dueOn ?? "", daysLate: i.daysLate })
                : t(`kind.${i.kind}`, { count: i.count, dueOn: i.dueOn ?? "" })}
            </a>
          </li>
        ))}
      </ul>
      {items.some((i) => i.kind === "WORKFLOW_STEP") ? (
        <p className="mt-1 text-slate-600 text-xs">
          {t("stepsAbove", {
            actions: (items.find((i) => i.kind === "WORKFLOW_STEP")?.actions ?? []).map((a) => ta(a)).join("、"),
          })}
        </p>
      ) : null}
    </div>
  );
}
