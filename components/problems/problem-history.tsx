import { useTranslations } from "next-intl";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import type { HistoryEntry } from "@/lib/server/problems/get-problem-history";
import { fieldLabel, formatFieldValue, type ReferenceNames, type ValueContext } from "./field-values";

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

/** One line for an evidence entry: what was uploaded, how it was reviewed, whether its bytes still matched. */
function EvidenceLine({ action, after }: { action: string; after: Record<string, unknown> }) {
  const t = useTranslations("problem.history.evidence");
  const enums = useTranslations("enums");
  const label = (group: string, value: unknown) =>
    enums.has(`${group}.${text(value)}`) ? enums(`${group}.${text(value)}`) : text(value);
  const hash = text(after.sha256).slice(0, 12);
  let line: string;
  if (action === "upload") line = t("upload", { kind: label("evidenceKind", after.kind), name: text(after.originalName), hash });
  else if (action === "review" && after.reviewStatus === "RETURNED")
    line = t("returned", { reason: label("returnReason", after.reasonCode), text: text(after.reason) });
  else if (action === "review") line = t("reviewed", { status: label("reviewStatus", after.reviewStatus) });
  else if (action === "verify") line = t("verified", { hash });
  else if (action === "verifyFailed") line = t("verifyFailed", { hash });
  else line = action;
  return (
    <p className={`mt-1 break-words text-sm ${action === "verifyFailed" ? "font-medium text-red-700" : "text-slate-700"}`}>
      {line}
    </p>
  );
}

/** One line for a finding of false or perfunctory rectification: established or withdrawn, and why. */
function FindingLine({ action, after }: { action: string; after: Record<string, unknown> }) {
  const t = useTranslations("findings");
  const kind = text(after.kind) === "PERFUNCTORY" ? "PERFUNCTORY" : "FAKE_EVIDENCE";
  const withdrawn = action === "withdraw";
  const name = text(after.evidenceName);
  return (
    <p className={`mt-1 break-words text-sm ${withdrawn ? "text-slate-700" : "font-medium text-red-800"}`}>
      {withdrawn ? `${t("banner.withdrawTitle")} · ${t(`kind.${kind}`)}` : t(`kind.${kind}`)}
      {name ? ` · ${t("banner.evidence")}${name}` : ""}
      {" · "}
      {withdrawn ? text(after.withdrawReason) : t("banner.reason", { reason: text(after.reason) })}
    </p>
  );
}

/** The audit trail, newest first: when, who, what, and each changed field as before → after. */
export function ProblemHistory({ entries, names }: { entries: HistoryEntry[]; names: ReferenceNames }) {
  const t = useTranslations("problem.history");
  const tp = useTranslations("problem");
  const enums = useTranslations("enums");
  const common = useTranslations("common");
  const actions = useTranslations("workflow.actions");
  const grades = useTranslations("grade");
  const more = useTranslations("problemWork.historyFields");
  const moreActions = useTranslations("problemWork.historyActions");
  const tFindings = useTranslations("findings");
  const ctx: ValueContext = { enums, common, names, actions, grades };
  if (entries.length === 0) return <p className="text-slate-600 text-sm">{t("empty")}</p>;

  const actionLabel = (action: string) =>
    t.has(`actions.${action}`) ? t(`actions.${action}`) : moreActions.has(action) ? moreActions(action) : action;

  return (
    <ol className="space-y-3" data-testid="problem-history">
      {entries.map((entry) => {
        const before = asRecord(entry.before);
        const after = asRecord(entry.after);
        const isMeasure = entry.entityType === "Measure";
        const isEvidence = entry.entityType === "Evidence";
        const isFinding = entry.entityType === "RectificationFinding";
        const fields = entry.action === "create" ? [] : [...new Set([...Object.keys(before), ...Object.keys(after)])];
        const seq = after.seq ?? before.seq;
        return (
          <li key={entry.id} className="rounded-md border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
              <time dateTime={entry.at} className="text-slate-500 text-xs tabular-nums">
                {formatBureauDateTime(entry.at)}
              </time>
              <span className="font-medium text-slate-900">{entry.actorName ?? t("system")}</span>
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700 text-xs">
                {isMeasure ? `${t("measurePrefix")}${seq !== undefined ? ` ${String(seq)}` : ""} · ` : ""}
                {isEvidence ? t("evidence.prefix") : isFinding ? tFindings("banner.title") : actionLabel(entry.action)}
              </span>
            </div>
            {isEvidence ? (
              <EvidenceLine action={entry.action} after={after} />
            ) : isFinding ? (
              <FindingLine action={entry.action} after={after} />
            ) : entry.action === "create" ? (
              <p className="mt-1 whitespace-pre-wrap text-slate-600 text-sm">
                {isMeasure && typeof after.description === "string" ? after.description : t("registered")}
              </p>
            ) : fields.length === 0 ? (
              <p className="mt-1 text-slate-500 text-xs">{t("noFieldChanges")}</p>
            ) : (
              <dl className="mt-2 space-y-1 text-sm">
                {fields.map((field) => (
                  <div key={field} className="grid gap-x-3 sm:grid-cols-[10rem_1fr]">
                    <dt className="text-slate-500">{fieldLabel(field, tp, entry.entityType, more)}</dt>
                    <dd className="break-words">
                      <del className="text-slate-500 decoration-slate-400">
                        {formatFieldValue(field, before[field], ctx, entry.entityType)}
                      </del>
                      <span aria-hidden className="mx-1.5 text-slate-400">
                        →
                      </span>
                      <ins className="font-medium text-slate-900 no-underline">
                        {formatFieldValue(field, after[field], ctx, entry.entityType)}
                      </ins>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
