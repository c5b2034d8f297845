import { useTranslations } from "next-intl";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import type { ProblemHistory as History, HistoryRef } from "@/lib/server/problems/get-problem-history";
import { fieldLabel, formatFieldValue, type ReferenceNames, type ValueContext } from "./field-values";

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

/** One line for an evidence entry: what was uploaded, how it was reviewed, whether its bytes still matched. */
function EvidenceLine({
  action,
  after,
  subject,
}: {
  action: string;
  after: Record<string, unknown>;
  subject: HistoryRef | null;
}) {
  const t = useTranslations("problem.history.evidence");
  const th = useTranslations("historyView");
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
  // Every entry but the upload (which names its file itself) says which evidence it is about.
  const which =
    action !== "upload" && subject?.type === "evidence"
      ? `${th("evidenceSubject", { kind: label("evidenceKind", subject.kind), name: subject.name })} · `
      : "";
  return (
    <p className={`mt-1 break-words text-sm ${action === "verifyFailed" ? "font-medium text-red-700" : "text-slate-700"}`}>
      {which}
      {line}
    </p>
  );
}

/** Entries with a line of their own: plan submissions, progress reports, extension requests. */
const OWN_LINES: Record<string, "plan" | "report" | "extension"> = {
  RectificationPlan: "plan",
  ProgressReport: "report",
  Extension: "extension",
};

function OwnLine({
  kind,
  after,
  refs,
  refText,
}: {
  kind: "plan" | "report" | "extension";
  after: Record<string, unknown>;
  refs: History["refs"];
  refText: (ref: HistoryRef) => string;
}) {
  const th = useTranslations("historyView");
  let line: string;
  if (kind === "plan") {
    const measures = Array.isArray(after.measures) ? after.measures.length : 0;
    line = th("line.plan", { target: text(after.target), measures });
  } else if (kind === "report") {
    const measure = typeof after.measureId === "string" ? refs[after.measureId] : undefined;
    const unit = typeof after.unitId === "string" ? refs[after.unitId] : undefined;
    line = th(measure ? "line.reportMeasure" : "line.reportOverall", {
      measure: measure ? refText(measure) : "",
      percent: typeof after.percent === "number" ? after.percent : 0,
      text: text(after.text),
      unit: unit ? refText(unit) : "—",
    });
  } else {
    line = th("line.extension", { from: text(after.oldDeadline), to: text(after.newDeadline), reason: text(after.reason) });
  }
  return <p className="mt-1 whitespace-pre-wrap break-words text-slate-700 text-sm">{line}</p>;
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Fields that only tie an entry to its problem: never shown. */
const HIDDEN_FIELDS = new Set(["problemId", "version"]);

/**
 * The audit trail, newest first: when (Asia/Shanghai), who, what, and each changed field as its
 * label with before → after — ids shown as the names `history.refs` gives them, never as UUIDs.
 */
export function ProblemHistory({ history, names }: { history: History; names: ReferenceNames }) {
  const entries = history.items;
  const th = useTranslations("historyView");
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
  const refText = (ref: HistoryRef): string => {
    switch (ref.type) {
      case "measure":
        return th("ref.measure", { seq: ref.seq, description: ref.description });
      case "evidence":
        return th("evidenceSubject", {
          kind: enums.has(`evidenceKind.${ref.kind}`) ? enums(`evidenceKind.${ref.kind}`) : ref.kind,
          name: ref.name,
        });
      case "plan":
        return th("ref.plan", { versionNo: ref.versionNo });
      case "report":
        return th("ref.report", { at: formatBureauDateTime(ref.at), percent: ref.percent });
      case "extension":
        return th("ref.extension", { from: ref.from, to: ref.to });
      case "unit":
      case "user":
        return ref.name;
    }
  };
  // Names for every id an entry mentions; an id no longer on record is said so, never printed.
  const named = (value: unknown): string | null => {
    if (typeof value === "string" && UUID.test(value)) {
      const ref = history.refs[value];
      return ref ? refText(ref) : th("unknownRef");
    }
    if (Array.isArray(value) && value.length && value.every((v) => typeof v === "string" && UUID.test(v))) {
      return value.map((v) => named(v)).join("、");
    }
    return null;
  };
  const show = (field: string, value: unknown, entityType: string) => {
    if (
      field === "leadUnitId" ||
      field === "acceptanceUnitId" ||
      field === "ownerUnitId" ||
      field === "leadOfficialId" ||
      field === "coUnitIds"
    ) {
      return formatFieldValue(field, value, ctx, entityType);
    }
    return named(value) ?? formatFieldValue(field, value, ctx, entityType);
  };
  const label = (field: string, entityType: string) =>
    th.has(`fields.${field}`) ? th(`fields.${field}`) : fieldLabel(field, tp, entityType, more);

  return (
    <ol className="space-y-3" data-testid="problem-history">
      {entries.map((entry) => {
        const before = asRecord(entry.before);
        const after = asRecord(entry.after);
        const isMeasure = entry.entityType === "Measure";
        const isEvidence = entry.entityType === "Evidence";
        const isFinding = entry.entityType === "RectificationFinding";
        const own = OWN_LINES[entry.entityType];
        const fields =
          entry.action === "create"
            ? []
            : [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !HIDDEN_FIELDS.has(f));
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
                {isEvidence
                  ? t("evidence.prefix")
                  : isFinding
                    ? tFindings("banner.title")
                    : own
                      ? th(`entity.${own}`, { versionNo: entry.subject?.type === "plan" ? entry.subject.versionNo : 0 })
                      : actionLabel(entry.action)}
              </span>
            </div>
            {own ? (
              <OwnLine kind={own} after={after} refs={history.refs} refText={refText} />
            ) : isEvidence ? (
              <EvidenceLine action={entry.action} after={after} subject={entry.subject} />
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
                    <dt className="text-slate-500">{label(field, entry.entityType)}</dt>
                    <dd className="break-words">
                      <del className="text-slate-500 decoration-slate-400">{show(field, before[field], entry.entityType)}</del>
                      <span aria-hidden className="mx-1.5 text-slate-400">
                        →
                      </span>
                      <ins className="font-medium text-slate-900 no-underline">{show(field, after[field], entry.entityType)}</ins>
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
