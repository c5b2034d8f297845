import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RecheckForm, StageForm } from "@/components/bottom-line/closed-forms";
import { BottomLineTabs } from "@/components/bottom-line/tabs";
import { Badge } from "@/components/ui/badge";
import { NoPermission } from "@/components/ui/no-permission";
import { bureauToday, formatCalendarDate } from "@/lib/domain/calendar";
import { can } from "@/lib/permissions";
import { getClosedEnterprise } from "@/lib/server/closed-enterprises/get-closed-enterprise";
import { requireActor } from "../../../session";
import { recordRecheckAction, recordStageAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("bottomLine.tabs.closedEnterprises")} · ${t("common.appName")}` };
}

/** One closed chemical firm: its closure stages in order (dates, skips, evidence) and its re-checks. */
export default async function ClosedEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/bottom-line/closed-enterprises/${id}`);
  if (!can(actor, "closedEnterprise.read")) return <NoPermission />;
  const [e, t] = await Promise.all([getClosedEnterprise(actor, id), getTranslations("bottomLine")]);
  const today = formatCalendarDate(bureauToday());
  return (
    <div className="mx-auto max-w-4xl">
      <BottomLineTabs current="closedEnterprises" />
      <Link href="/bottom-line/closed-enterprises" className="link text-sm">
        ← {t("tabs.closedEnterprises")}
      </Link>
      <h1 className="mt-1 font-semibold text-slate-900 text-xl">{e.name}</h1>
      <p className="text-slate-600 text-sm">
        {e.creditCode} · {e.district.name} · {t("closed.closedOn")} {e.closedOn}
        {e.isDemo && <span className="ml-2 text-amber-800">{t("demo")}</span>}
      </p>
      <section className="card mt-3 p-4" aria-labelledby="stages-title">
        <h2 id="stages-title" className="mb-2 font-semibold">
          {t("closedDetail.stages")}
        </h2>
        <ol className="space-y-2" data-testid="stage-list">
          {e.stages.map((s, i) => (
            <li key={s.stage} className="flex flex-wrap items-baseline gap-2 text-sm">
              <span
                className={`inline-flex h-6 w-6 items-center justify-center rounded-full text-xs ${s.recorded ? "bg-blue-700 text-white" : "bg-slate-200 text-slate-700"}`}
              >
                {i + 1}
              </span>
              <span className="font-medium">{t(`stage.${s.stage}`)}</span>
              {s.recorded ? (
                s.skipped ? (
                  <span className="text-slate-700">
                    <Badge tone="slate">{t("closedDetail.skipped")}</Badge> {s.skipReason}
                  </span>
                ) : (
                  <span className="tabular-nums text-slate-700">{s.completedOn}</span>
                )
              ) : (
                <span className="text-slate-500">{t("closedDetail.pending")}</span>
              )}
              {s.note && <span className="text-slate-600">— {s.note}</span>}
            </li>
          ))}
        </ol>
        {e.nextStage && can(actor, "closedEnterprise.record") && (
          <div className="mt-4 border-slate-200 border-t pt-3">
            <StageForm enterpriseId={e.id} next={e.nextStage} today={today} submit={recordStageAction} />
          </div>
        )}
      </section>
      <section className="card mt-3 p-4" aria-labelledby="rechecks-title">
        <h2 id="rechecks-title" className="mb-2 font-semibold">
          {t("recheck.list", { count: e.rechecks.length })}
          {!e.recheckedThisYear && <span className="ml-2 font-medium text-amber-800 text-sm">{t("closed.dueThisYear")}</span>}
        </h2>
        {e.rechecks.length === 0 ? (
          <p className="text-slate-600 text-sm">{t("closed.never")}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="recheck-list">
            {e.rechecks.map((r) => (
              <li key={r.id}>
                <span className="tabular-nums">{r.checkedOn}</span> · {r.inspector} ·{" "}
                <Badge tone={r.ok ? "emerald" : "red"}>{r.ok ? t("recheck.ok") : t("recheck.notOk")}</Badge> {r.findings}
              </li>
            ))}
          </ul>
        )}
        {can(actor, "closedEnterprise.recheck") && (
          <div className="mt-4 border-slate-200 border-t pt-3">
            <RecheckForm enterpriseId={e.id} today={today} inspector={actor.displayName} submit={recordRecheckAction} />
          </div>
        )}
      </section>
    </div>
  );
}
