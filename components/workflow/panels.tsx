import { useTranslations } from "next-intl";
import type { ColourName } from "@/lib/domain/colour";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import type { ExtensionDto } from "@/lib/schemas/extension";
import type { ProgressReportDto } from "@/lib/schemas/report";
import type { TransitionDto } from "@/lib/schemas/workflow";
import { COLOUR_HEX } from "../problems/colour-badge";
import { Badge, type BadgeTone } from "../ui/badge";

/**
 * Actual progress against the planned pace (序时进度): one bar filled to the progress, a marker at
 * the share of time elapsed, and both numbers in words.
 */
export function PaceMeter({ progress, planned, colour }: { progress: number; planned: number | null; colour: ColourName }) {
  const t = useTranslations("problemWork.pace");
  const value = Math.max(0, Math.min(100, progress));
  const gap = planned === null ? null : value - planned;
  return (
    <div data-testid="pace-meter" data-progress={value} data-planned={planned ?? ""}>
      <div className="relative h-3 w-full overflow-visible rounded-full bg-slate-200" aria-hidden>
        <div className="h-full rounded-full" style={{ width: `${value}%`, background: COLOUR_HEX[colour] }} />
        {planned !== null ? (
          <div className="absolute -top-1 h-5 w-0.5 bg-slate-900" style={{ left: `calc(${planned}% - 1px)` }} />
        ) : null}
      </div>
      <p className="mt-1.5 text-slate-800 text-sm">
        {t("actual", { percent: value })}
        {planned !== null ? (
          <>
            {" · "}
            {t("planned", { percent: planned })}
            {gap !== null && gap < 0 ? (
              <span className="ml-1 font-medium text-red-700">{t("behind", { points: -gap })}</span>
            ) : (
              <span className="ml-1 text-green-800">{t("onPace")}</span>
            )}
          </>
        ) : (
          <span className="ml-1 text-slate-500">{t("noPace")}</span>
        )}
      </p>
    </div>
  );
}

/** The progress reports, newest first. */
export function ReportList({ reports, total }: { reports: ProgressReportDto[]; total: number }) {
  const t = useTranslations("reports");
  const tw = useTranslations("problemWork.reports");
  if (reports.length === 0) return <p className="text-slate-600 text-sm">{t("empty")}</p>;
  return (
    <>
      <ol className="space-y-2" data-testid="report-list">
        {reports.map((r) => (
          <li key={r.id} className="rounded-md border border-slate-200 p-3">
            <p className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 text-xs">
              <time dateTime={r.createdAt} className="text-slate-500 tabular-nums">
                {formatBureauDateTime(r.createdAt)}
              </time>
              <span className="font-medium text-slate-900 text-sm">{r.reporterName}</span>
              {r.unitName ? <span className="text-slate-600">{r.unitName}</span> : null}
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">
                {r.measureSeq !== null ? tw("aboutMeasure", { seq: r.measureSeq }) : t("measureNone")} · {r.percent}%
              </span>
            </p>
            <p className="mt-1 whitespace-pre-wrap text-slate-900 text-sm">{r.text}</p>
          </li>
        ))}
      </ol>
      {total > reports.length ? (
        <p className="mt-2 text-slate-600 text-xs">{tw("olderNotShown", { count: total - reports.length })}</p>
      ) : null}
    </>
  );
}

const EXTENSION_TONES: Record<ExtensionDto["status"], BadgeTone> = { PENDING: "amber", APPROVED: "emerald", REJECTED: "slate" };

/** The deadline as it stands, the first one ever set, how often it moved, and every request; decisions come in per item. */
export function ExtensionList({
  deadline,
  originalDeadline,
  extensionCount,
  extensions,
  decisionFor,
}: {
  deadline: string | null;
  originalDeadline: string | null;
  extensionCount: number;
  extensions: ExtensionDto[];
  decisionFor?: (e: ExtensionDto) => React.ReactNode;
}) {
  const t = useTranslations("extensions");
  const tw = useTranslations("problemWork.extensions");
  return (
    <div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3" data-testid="deadline-summary">
        <div>
          <dt className="text-slate-500 text-xs">{tw("deadlineNow")}</dt>
          <dd className="tabular-nums">{deadline ?? tw("noDeadline")}</dd>
        </div>
        <div>
          <dt className="text-slate-500 text-xs">{t("originalDeadline")}</dt>
          <dd className="tabular-nums">{originalDeadline ?? deadline ?? tw("noDeadline")}</dd>
        </div>
        <div>
          <dt className="text-slate-500 text-xs">{tw("count")}</dt>
          <dd>{t("extensionCount", { count: extensionCount })}</dd>
        </div>
      </dl>
      {extensions.length === 0 ? (
        <p className="mt-3 text-slate-600 text-sm">{t("empty")}</p>
      ) : (
        <ol className="mt-3 space-y-2" data-testid="extension-list">
          {extensions.map((e) => (
            <li key={e.id} className="rounded-md border border-slate-200 p-3 text-sm" data-status={e.status}>
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={EXTENSION_TONES[e.status]}>{t(`status.${e.status}`)}</Badge>
                <span className="tabular-nums">{tw("fromTo", { from: e.oldDeadline, to: e.newDeadline })}</span>
              </p>
              <p className="mt-1 text-slate-600 text-xs">
                {tw("requested", { name: e.requestedByName, at: formatBureauDateTime(e.requestedAt) })}
              </p>
              <p className="mt-1 whitespace-pre-wrap text-slate-900">{tw("reason", { reason: e.reason })}</p>
              {e.decidedAt ? (
                <p className="mt-1 text-slate-700">
                  {tw("decided", { name: e.decidedByName ?? "—", at: formatBureauDateTime(e.decidedAt) })}
                  {e.decisionComment ? ` ${tw("comment", { comment: e.decisionComment })}` : ""}
                </p>
              ) : null}
              {decisionFor?.(e)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The workflow steps taken, newest first: who moved the problem from which state to which, and why. */
export function TransitionHistory({ transitions }: { transitions: TransitionDto[] }) {
  const t = useTranslations("problemWork.transitions");
  const ta = useTranslations("workflow.actions");
  const ts = useTranslations("enums.status");
  if (transitions.length === 0) return <p className="text-slate-600 text-sm">{t("empty")}</p>;
  return (
    <ol className="space-y-2" data-testid="transition-history">
      {transitions.map((x) => (
        <li key={x.id} className="rounded-md border border-slate-200 p-3 text-sm">
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
            <time dateTime={x.at} className="text-slate-500 text-xs tabular-nums">
              {formatBureauDateTime(x.at)}
            </time>
            <span className="font-medium text-slate-900">{x.actorName}</span>
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700 text-xs">{ta(x.action)}</span>
            <span className="text-slate-600 text-xs">
              {x.fromStatus === x.toStatus ? ts(x.toStatus) : t("fromTo", { from: ts(x.fromStatus), to: ts(x.toStatus) })}
            </span>
          </p>
          {x.comment ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{t("comment", { comment: x.comment })}</p> : null}
        </li>
      ))}
    </ol>
  );
}
