import { useTranslations } from "next-intl";
import type { DeadlineBandName, ProblemStatusName } from "@/lib/domain/enums";
import { Badge, type BadgeTone } from "../ui/badge";

const STATUS_TONES: Record<ProblemStatusName, BadgeTone> = {
  REGISTERED: "slate",
  ASSIGNED: "sky",
  RECTIFYING: "blue",
  PENDING_ACCEPTANCE: "amber",
  PUBLIC_NOTICE: "violet",
  PENDING_SIGNOFF: "indigo",
  CLOSED: "emerald",
  ONGOING: "teal",
};

export function StatusBadge({ status }: { status: ProblemStatusName }) {
  const t = useTranslations("enums.status");
  return <Badge tone={STATUS_TONES[status]}>{t(status)}</Badge>;
}

/** Overdue is the one thing a leader must not miss: solid red with the day count. */
export function OverdueBadge({ days }: { days: number }) {
  const t = useTranslations("problem");
  return <Badge tone="red">{t("overdueDays", { days })}</Badge>;
}

export function RelapseBadge({ className = "ml-1" }: { className?: string }) {
  const t = useTranslations("problem");
  return (
    <Badge tone="orange" className={className}>
      {t("relapse")}
    </Badge>
  );
}

export function ProgressBar({ percent, className = "" }: { percent: number; className?: string }) {
  const t = useTranslations("problem");
  const value = Math.max(0, Math.min(100, percent));
  const colour = value >= 100 ? "bg-emerald-600" : value >= 50 ? "bg-blue-600" : "bg-sky-500";
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <div
        className="h-2 w-full min-w-12 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-label={t("progressLabel", { percent: value })}
      >
        <div className={`h-full rounded-full ${colour}`} style={{ width: `${value}%` }} />
      </div>
      <span className="w-10 shrink-0 text-right text-slate-700 text-xs tabular-nums">{value}%</span>
    </div>
  );
}

/** Deadline with its band underneath; ongoing problems have none. */
export function DeadlineText({ deadline, band, overdue }: { deadline: string | null; band: DeadlineBandName; overdue: boolean }) {
  const tb = useTranslations("enums.band");
  const tp = useTranslations("problem");
  return (
    <span className="inline-flex flex-col leading-tight">
      <span className={`tabular-nums ${overdue ? "font-semibold text-red-700" : "text-slate-900"}`}>
        {deadline ?? tp("noDeadline")}
      </span>
      <span className="text-slate-500 text-xs">{tb(band)}</span>
    </span>
  );
}
