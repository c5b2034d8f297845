"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { FindingDto } from "@/lib/schemas/findings";
import { ReasonDialogButton, type ReasonOutcome } from "./reason-dialog";

type ReasonAction = (input: { reason: string }) => Promise<ActionResult>;

function outcomeOf(r: ActionResult, fallback: string): ReasonOutcome {
  if (r.ok) return { ok: true };
  const fields = Object.values(r.fields).flat();
  return { ok: false, message: r.message ?? (fields.join("；") || fallback), fields: r.fields };
}

/**
 * The problem's findings of false or perfunctory rectification: each standing one as a red banner
 * (what, by whom, when, why, the evidence concerned), withdrawn ones below; leaders may withdraw a
 * finding or record a perfunctory one, each with a reason.
 */
export function FindingsPanel({
  findings,
  recordPerfunctory,
  withdraw,
}: {
  findings: FindingDto[];
  /** Offered to leaders only (null otherwise). */
  recordPerfunctory: ReasonAction | null;
  withdraw: (findingId: string, input: { reason: string }) => Promise<ActionResult>;
}) {
  const t = useTranslations("findings");
  const router = useRouter();
  const standing = findings.filter((f) => f.active);
  const withdrawn = findings.filter((f) => !f.active);
  if (!standing.length && !withdrawn.length && !recordPerfunctory) return null;
  return (
    <section aria-label={t("banner.title")} className="space-y-2" data-testid="findings">
      {standing.map((f) => (
        <div
          key={f.id}
          className="rounded-md border-2 border-red-600 bg-red-50 p-3 text-red-950"
          data-testid="finding-banner"
          data-kind={f.kind}
        >
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0 space-y-0.5">
              <p className="font-semibold text-base text-red-800">{t(`kind.${f.kind}`)}</p>
              <p className="text-sm">
                {t("banner.by", { name: f.establishedBy.displayName, at: formatBureauDateTime(f.establishedAt) })}
              </p>
              <p className="whitespace-pre-wrap break-words text-sm">{t("banner.reason", { reason: f.reason })}</p>
              {f.evidenceId ? (
                <p className="text-sm">
                  {t("banner.evidence")}
                  <a href={`#evidence-${f.evidenceId}`} className="link">
                    {f.evidenceName ?? f.evidenceId.slice(0, 8)}
                  </a>
                </p>
              ) : null}
            </div>
            {f.canWithdraw ? (
              <ReasonDialogButton
                buttonLabel={t("banner.withdraw")}
                accessibleLabel={`${t("banner.withdraw")}：${t(`kind.${f.kind}`)}`}
                title={t("banner.withdrawTitle")}
                help={t("banner.withdrawHelp")}
                submitLabel={t("banner.withdrawSubmit")}
                danger={false}
                testId="withdraw-finding"
                onSubmit={async (reason) => outcomeOf(await withdraw(f.id, { reason }), t("form.failed"))}
                onDone={() => router.refresh()}
              />
            ) : null}
          </div>
        </div>
      ))}
      {recordPerfunctory ? (
        <div className="flex justify-end">
          <ReasonDialogButton
            buttonLabel={t("perfunctory.button")}
            title={t("perfunctory.title")}
            help={t("perfunctory.help")}
            submitLabel={t("perfunctory.submit")}
            testId="record-perfunctory"
            onSubmit={async (reason) => outcomeOf(await recordPerfunctory({ reason }), t("form.failed"))}
            onDone={() => router.refresh()}
          />
        </div>
      ) : null}
      {withdrawn.length ? (
        <details className="rounded-md border border-slate-200 bg-white p-2 text-sm">
          <summary className="cursor-pointer text-slate-700">
            {t("banner.withdrawnTitle")} ({withdrawn.length})
          </summary>
          <ul className="mt-2 space-y-2">
            {withdrawn.map((f) => (
              <li key={f.id} className="text-slate-700" data-testid="finding-withdrawn">
                <p className="line-through">
                  {t(`kind.${f.kind}`)} · {f.establishedBy.displayName} · {formatBureauDateTime(f.establishedAt)} · {f.reason}
                </p>
                <p>
                  {t("banner.withdrawn", {
                    name: f.withdrawnBy?.displayName ?? "",
                    at: f.withdrawnAt ? formatBureauDateTime(f.withdrawnAt) : "",
                    reason: f.withdrawReason ?? "",
                  })}
                </p>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
