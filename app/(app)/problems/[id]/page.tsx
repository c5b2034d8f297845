import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { EvidencePanel } from "@/components/evidence/evidence-panel";
import { FindingsPanel } from "@/components/findings/findings-panel";
import { ProblemDocuments } from "@/components/office/problem-documents";
import { OverdueBadge, ProgressBar, RelapseBadge, StatusBadge } from "@/components/problems/badges";
import { ColourBadge } from "@/components/problems/colour-badge";
import { ColourReasonLine, ColourWhy } from "@/components/problems/colour-reason";
import { editAccess } from "@/components/problems/edit-access";
import { MeasuresTable } from "@/components/problems/measures-table";
import { ProblemHistory } from "@/components/problems/problem-history";
import { DetailItem } from "@/components/ui/detail-item";
import { Section } from "@/components/ui/section";
import { ExtensionDecision, ExtensionRequestForm } from "@/components/workflow/extension-forms";
import { MeasuresEditor } from "@/components/workflow/measures-editor";
import { ExtensionList, PaceMeter, ReportList, TransitionHistory } from "@/components/workflow/panels";
import { PlanDecision, PlanSubmitForm } from "@/components/workflow/plan-forms";
import { PlanPanel } from "@/components/workflow/plan-panel";
import { ReportForm } from "@/components/workflow/report-form";
import { WaitingList } from "@/components/workflow/waiting-list";
import { WorkflowActions } from "@/components/workflow/workflow-actions";
import { parseCalendarDate } from "@/lib/domain/calendar";
import { extensionRequestRefusal, mayDecideExtension, mayRequestExtension } from "@/lib/domain/extension-rules";
import { mayManageMeasures, mayUpdateMeasure, measuresEditable } from "@/lib/domain/measure-rules";
import { reportable } from "@/lib/domain/reporting";
import { planSubmitRefusal, TRANSITION_ACTIONS, WORKFLOW_RULES } from "@/lib/domain/workflow";
import { isAppError } from "@/lib/errors";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import { type Actor, can } from "@/lib/permissions";
import type { ExtensionDto } from "@/lib/schemas/extension";
import type { Locale } from "@/lib/schemas/parse";
import type { ProblemDto } from "@/lib/schemas/problem";
import type { ProgressReportPage } from "@/lib/schemas/report";
import type { PlanDto, TransitionDto } from "@/lib/schemas/workflow";
import { listProblemExtensions } from "@/lib/server/extensions/list-extensions";
import { listProblemFindings } from "@/lib/server/findings/list-problem-findings";
import { listPlans } from "@/lib/server/plans/list-plans";
import { getProblem } from "@/lib/server/problems/get-problem";
import { getProblemHistory, type ProblemHistory as History } from "@/lib/server/problems/get-problem-history";
import { getWaiting } from "@/lib/server/problems/get-waiting";
import { listProgressReports } from "@/lib/server/reports/list-progress-reports";
import { listTransitions } from "@/lib/server/workflow/list-transitions";
import { requireActor } from "../../session";
import { loadReferences } from "../references";
import {
  addMeasureAction,
  completeMeasureAction,
  createReportAction,
  decideExtensionAction,
  decidePlanAction,
  reorderMeasuresAction,
  requestExtensionAction,
  submitPlanAction,
  transitionAction,
  updateMeasureAction,
} from "./actions";
import { ClosurePanel } from "./closure-panel";
import { recordPerfunctoryAction, withdrawFindingAction } from "./finding-actions";

type Params = { params: Promise<{ id: string }> };

type Loaded = {
  problem: ProblemDto;
  history: History;
  plans: PlanDto[];
  transitions: TransitionDto[];
  reports: ProgressReportPage;
  extensions: ExtensionDto[];
};

/** How many progress reports the page lists (newest first). */
const REPORTS_SHOWN = 20;

/**
 * The problem with its plan versions, workflow steps, progress reports, extensions and history, or
 * Next's 404 page when it is unknown or outside the person's scope. Cached for the request: the
 * page title and the page body read the same record once.
 */
const loadProblem = cache(async (actor: Actor, id: string): Promise<Loaded> => {
  try {
    const [problem, history, plans, transitions, reports, extensions] = await Promise.all([
      getProblem(actor, id, { locale: (await getLocale()) as Locale }),
      getProblemHistory(actor, id),
      listPlans(actor, id),
      listTransitions(actor, id),
      listProgressReports(actor, id, { pageSize: REPORTS_SHOWN }),
      listProblemExtensions(actor, id),
    ]);
    return { problem, history, plans, transitions, reports, extensions: extensions.items };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const actor = await requireActor(`/problems/${encodeURIComponent(id)}`);
  const { problem } = await loadProblem(actor, id);
  const t = await getTranslations("common");
  return { title: `${problem.code} ${problem.title} · ${t("appName")}` };
}

export default async function ProblemPage({ params }: Params) {
  const { id } = await params;
  const actor = await requireActor(`/problems/${encodeURIComponent(id)}`);
  const locale = (await getLocale()) as Locale;
  const [{ problem: p, history, plans, transitions, reports, extensions }, refs] = await Promise.all([
    loadProblem(actor, id),
    loadReferences(actor, locale),
  ]);
  // After the problem: an unknown or out-of-scope id has already become the 404 page.
  const [findings, waiting] = await Promise.all([listProblemFindings(actor, id), getWaiting(actor, id)]);
  const t = await getTranslations("problem");
  const tf = await getTranslations("problem.fields");
  const te = await getTranslations("enums");
  const tc = await getTranslations("common");
  const tl = await getTranslations("ledger");
  const none = tc("none");
  const unitName = (unitId: string | null) => (unitId ? (refs.names.units[unitId] ?? unitId) : none);
  const access = editAccess(actor, p);
  const tw = await getTranslations("problemWork");
  const ta = await getTranslations("workflow.actions");

  // What this person may do here: the same domain rules the use cases apply again on save.
  const offered = (p.allowedActions ?? [])
    .map((a) => a.action)
    .filter((a) => TRANSITION_ACTIONS.includes(a))
    .map((action) => ({
      action,
      label: ta(action),
      commentRequired: WORKFLOW_RULES[action].commentRequired,
    }));
  const pendingPlan = plans.some((plan) => plan.status === "SUBMITTED");
  const mayWritePlan = can(actor, "plan.submit") && planSubmitRefusal(p, actor, { pendingPlan }) === null;
  const measures = p.measures ?? [];
  const measureProblem = { leadUnitId: p.leadUnitId, districtId: refs.districtIds[p.districtCode] ?? "" };
  const editable = measuresEditable(p.status);
  const canManage = editable && mayManageMeasures(actor, measureProblem, can(actor, "measure.manage"));
  const updatable = editable
    ? measures.filter((m) => mayUpdateMeasure(actor, measureProblem, m, can(actor, "measure.update"))).map((m) => m.id)
    : [];
  const mayReport = can(actor, "report.create") && reportable(p.status);
  const deadline = p.deadline ? parseCalendarDate(p.deadline) : null;
  const mayExtend =
    mayRequestExtension(actor, p, can(actor, "extension.request")) &&
    extensionRequestRefusal({ ...p, deadline }, extensions.filter((e) => e.status === "PENDING").length) === null;
  const mayDecideExtensions = mayDecideExtension(actor, p, can(actor, "extension.decide"));
  const unitChoices = refs.units.map((u) => ({ value: u.value, label: u.label }));

  return (
    <article className="space-y-4">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600">
          <li>
            <Link href="/problems" className="link">
              {tl("title")}
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li aria-current="page" className="font-mono text-xs">
            {p.code}
          </li>
        </ol>
      </nav>

      <header className="card flex flex-wrap items-start justify-between gap-3 p-4">
        <div className="min-w-0">
          <p className="font-mono text-slate-500 text-sm">{p.code}</p>
          <h1 className="mt-0.5 font-semibold text-slate-900 text-xl leading-snug" data-testid="problem-title">
            {p.title}
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-1.5">
            <StatusBadge status={p.status} />
            <ColourWhy colour={p.colour} reason={p.colourReason} testId="header-colour-why" />
            {p.overdue ? <OverdueBadge days={p.overdueDays} /> : null}
            {p.relapse ? <RelapseBadge className="" /> : null}
            <span className="text-slate-500 text-xs">{t("versionValue", { version: p.version })}</span>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ProblemDocuments problemId={p.id} status={p.status} />
          {access.kind !== "none" ? (
            <Link href={`/problems/${p.id}/edit`} className="btn-primary print:hidden">
              {tc("edit")}
            </Link>
          ) : null}
        </div>
      </header>

      <FindingsPanel
        findings={findings.items}
        recordPerfunctory={can(actor, "finding.recordPerfunctory") ? recordPerfunctoryAction.bind(null, p.id) : null}
        withdraw={withdrawFindingAction.bind(null, p.id)}
      />

      <Section id="s-workflow" title={tw("workflow.title")}>
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <p className="mb-2 flex flex-wrap items-center gap-1.5 text-sm">
              <span className="text-slate-500 text-xs">{tf("status")}</span>
              <StatusBadge status={p.status} />
              <span className="ml-2 text-slate-500 text-xs">{tw("grade")}</span>
              <ColourBadge colour={p.colour} />
            </p>
            <PaceMeter progress={p.progress} planned={p.plannedPercent} colour={p.colour} />
            {p.colourReason ? (
              <div className="mt-2">
                <ColourReasonLine reason={p.colourReason} />
              </div>
            ) : null}
          </div>
          <div>
            {offered.length ? (
              <WorkflowActions actions={offered} version={p.version} transition={transitionAction.bind(null, p.id)} />
            ) : null}
            <WaitingList items={waiting} />
            {offered.length === 0 && waiting.length === 0 ? (
              <p className="text-slate-600 text-sm" data-testid="workflow-none">
                {tw("workflow.none")}
              </p>
            ) : null}
          </div>
        </div>
      </Section>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Section id="s-description" title={t("sections.description")}>
            <p className="whitespace-pre-wrap text-slate-900 text-sm leading-relaxed" data-testid="problem-description">
              {p.description}
            </p>
          </Section>

          <Section id="s-basic" title={t("sections.basic")}>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
              <DetailItem label={tf("code")}>
                <span className="font-mono">{p.code}</span>
              </DetailItem>
              <DetailItem label={tf("source")}>{te(`source.${p.source}`)}</DetailItem>
              <DetailItem label={tf("round")}>{p.round ?? none}</DetailItem>
              <DetailItem label={tf("districtCode")}>{refs.names.districts[p.districtCode] ?? p.districtName}</DetailItem>
              <DetailItem label={tf("category")}>{te(`category.${p.category}`)}</DetailItem>
              <DetailItem label={tf("locationText")}>{p.locationText ?? none}</DetailItem>
              <DetailItem label={tf("coordinates")}>
                {p.lat !== null && p.lng !== null ? (
                  <span className="tabular-nums">{t("coordinatesValue", { lat: String(p.lat), lng: String(p.lng) })}</span>
                ) : (
                  none
                )}
              </DetailItem>
            </dl>
          </Section>

          <Section id="s-responsibility" title={t("sections.responsibility")}>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
              <DetailItem label={tf("leadOfficialId")}>{p.leadOfficialName ?? none}</DetailItem>
              <DetailItem label={tf("leadUnitId")}>{refs.names.units[p.leadUnitId] ?? p.leadUnitName}</DetailItem>
              <DetailItem label={tf("coUnitIds")} wide>
                {p.coUnitIds.length ? p.coUnitIds.map((u) => unitName(u)).join("、") : none}
              </DetailItem>
              <DetailItem label={tf("acceptanceUnitId")}>{unitName(p.acceptanceUnitId)}</DetailItem>
              <DetailItem label={tf("responsible")}>
                {p.responsiblePerson ?? none}
                {p.responsiblePhone ? (
                  <>
                    {" · "}
                    <a href={`tel:${p.responsiblePhone.replace(/[^0-9+]/g, "")}`} className="link tabular-nums">
                      {p.responsiblePhone}
                    </a>
                  </>
                ) : null}
              </DetailItem>
            </dl>
          </Section>
        </div>

        <div className="space-y-4">
          <Section id="s-rectification" title={t("sections.rectification")}>
            <dl className="grid gap-y-3">
              <DetailItem label={tf("target")}>
                <span className="whitespace-pre-wrap">{p.target ?? none}</span>
              </DetailItem>
              <DetailItem label={tf("deadline")}>
                <span className={`tabular-nums ${p.overdue ? "font-semibold text-red-700" : ""}`}>
                  {p.deadline ?? t("noDeadline")}
                </span>
                <span className="ml-2 text-slate-600 text-xs">{te(`band.${p.deadlineBand}`)}</span>
              </DetailItem>
              <DetailItem label={tf("status")}>
                <StatusBadge status={p.status} />
              </DetailItem>
              <DetailItem label={tf("progress")}>
                <ProgressBar percent={p.progress} />
              </DetailItem>
              <DetailItem label={tf("overdue")}>
                {p.overdue ? <OverdueBadge days={p.overdueDays} /> : <span className="text-slate-700">{t("notOverdue")}</span>}
              </DetailItem>
              <DetailItem label={tf("relapse")}>{p.relapse ? <RelapseBadge className="" /> : t("noRelapse")}</DetailItem>
            </dl>
          </Section>

          <Section id="s-record" title={t("sections.record")}>
            <dl className="grid gap-y-3">
              <DetailItem label={tf("version")}>{t("versionValue", { version: p.version })}</DetailItem>
              <DetailItem label={tf("createdAt")}>
                <time dateTime={p.createdAt} className="tabular-nums">
                  {formatBureauDateTime(p.createdAt)}
                </time>
              </DetailItem>
              <DetailItem label={tf("updatedAt")}>
                <time dateTime={p.updatedAt} className="tabular-nums">
                  {formatBureauDateTime(p.updatedAt)}
                </time>
              </DetailItem>
            </dl>
          </Section>
        </div>
      </div>

      <Section id="s-plan" title={tw("plan.title")}>
        <PlanPanel plans={plans}>
          {plans[0]?.mayDecide ? (
            <PlanDecision version={plans[0].version} decide={decidePlanAction.bind(null, p.id, plans[0].id)} />
          ) : null}
          {mayWritePlan ? (
            <PlanSubmitForm
              initialTarget={plans[0]?.target ?? p.target ?? ""}
              measureCount={measures.length}
              submit={submitPlanAction.bind(null, p.id)}
            />
          ) : pendingPlan && !plans[0]?.mayDecide ? (
            <p className="mt-3 text-slate-600 text-sm">{tw("plan.waiting")}</p>
          ) : null}
        </PlanPanel>
      </Section>

      <Section id="s-measures" title={t("sections.measures")}>
        {canManage || updatable.length ? (
          <MeasuresEditor
            measures={measures}
            canManage={canManage}
            updatable={updatable}
            units={unitChoices}
            actions={{
              add: addMeasureAction.bind(null, p.id),
              update: updateMeasureAction.bind(null, p.id),
              complete: completeMeasureAction.bind(null, p.id),
              reorder: reorderMeasuresAction.bind(null, p.id),
            }}
          />
        ) : (
          <MeasuresTable measures={measures} unitNames={refs.names.units} />
        )}
      </Section>

      <EvidencePanel actor={actor} problem={p} />

      <ClosurePanel actor={actor} problemId={p.id} acceptanceUnitId={p.acceptanceUnitId} units={unitChoices} />

      <div className="grid gap-4 lg:grid-cols-2">
        <Section id="s-reports" title={tw("reports.title")}>
          {mayReport ? (
            <ReportForm
              measures={measures
                .filter((m) => updatable.includes(m.id))
                .map((m) => ({ id: m.id, seq: m.seq, description: m.description, percent: m.percent }))}
              problemProgress={p.progress}
              create={createReportAction.bind(null, p.id)}
            />
          ) : null}
          <ReportList reports={reports.items} total={reports.total} />
        </Section>

        <Section id="s-extensions" title={tw("extensions.title")}>
          <ExtensionList
            deadline={p.deadline}
            originalDeadline={p.originalDeadline}
            extensionCount={p.extensionCount}
            extensions={extensions}
            decisionFor={
              mayDecideExtensions
                ? (e) =>
                    e.status === "PENDING" ? (
                      <ExtensionDecision version={e.version} decide={decideExtensionAction.bind(null, p.id, e.id)} />
                    ) : null
                : undefined
            }
          />
          {mayExtend && p.deadline ? (
            <ExtensionRequestForm currentDeadline={p.deadline} request={requestExtensionAction.bind(null, p.id)} />
          ) : null}
        </Section>
      </div>

      <Section id="s-transitions" title={tw("transitions.title")}>
        <TransitionHistory transitions={transitions} />
      </Section>

      <Section id="s-history" title={t("sections.history")}>
        <ProblemHistory history={history} names={refs.names} />
      </Section>
    </article>
  );
}
