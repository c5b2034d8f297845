import { getTranslations } from "next-intl/server";
import {
  AcceptanceForm,
  EndNoticeButton,
  LookbackButton,
  ObjectionDecision,
  SignOffDecision,
} from "@/components/closure/closure-forms";
import { ObjectionBulkDismiss } from "@/components/closure/objection-bulk-dismiss";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { bureauToday, daysBetween, formatCalendarDate, parseCalendarDate } from "@/lib/domain/calendar";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import { type Actor, can } from "@/lib/permissions";
import type { ClosureDto, NoticeDto } from "@/lib/schemas/closure";
import { getClosure } from "@/lib/server/closure/get-closure";
import {
  decideObjectionAction,
  dismissObjectionsAction,
  endNoticeAction,
  lookbackAction,
  recordAcceptanceAction,
  signOffAction,
} from "./closure-actions";

const ITEM_TONES: Record<ClosureDto["checklist"]["items"][number]["state"], BadgeTone> = {
  ACCEPTED: "emerald",
  SUBMITTED: "sky",
  RETURNED: "orange",
  MISSING: "amber",
};
const RESULT_TONES: Record<ClosureDto["acceptances"][number]["result"], BadgeTone> = { PASSED: "emerald", FAILED: "orange" };
const NOTICE_TONES: Record<NoticeDto["status"], BadgeTone> = { OPEN: "sky", ENDED: "slate", WITHDRAWN: "orange" };
const OBJECTION_TONES: Record<NoticeDto["objections"][number]["status"], BadgeTone> = {
  PENDING: "amber",
  UPHELD: "orange",
  DISMISSED: "slate",
};

function Block({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <h3 className="mb-2 font-semibold text-slate-900 text-sm">{title}</h3>
      {children}
    </div>
  );
}

/**
 * The closure half of a problem (销号): the closure checklist (what is accepted, awaiting review,
 * returned or missing per required kind), the acceptance form, the public notice with its
 * objections, the lead official's sign-off, the look-back, and the history of acceptances, notices
 * and closures. What is offered follows the same rules the use cases apply again on save.
 */
export async function ClosurePanel({
  actor,
  problemId,
  acceptanceUnitId,
  units,
}: {
  actor: Actor;
  problemId: string;
  acceptanceUnitId: string | null;
  units: { value: string; label: string }[];
}) {
  const closure = await getClosure(actor, problemId);
  const t = await getTranslations("closure");
  const tb = await getTranslations("objectionBulk");
  const te = await getTranslations("enums");
  const tk = (kind: string) => te(`evidenceKind.${kind}`);
  const allowed = new Set(closure.allowedActions);
  const today = bureauToday();
  const open = closure.notices.find((n) => n.status === "OPEN") ?? null;
  const mayHandle = can(actor, "objection.handle");
  const { checklist } = closure;
  const notAccepted = checklist.items.filter((i) => i.state !== "ACCEPTED").map((i) => tk(i.kind));

  const objections = (notice: NoticeDto) =>
    notice.objections.length === 0 ? (
      <p className="text-slate-600 text-sm">{t("objections.none")}</p>
    ) : (
      <ol className="space-y-2">
        {notice.objections.map((o, i) => (
          <li key={o.id} className="rounded-md border border-slate-200 p-2 text-sm" data-testid="objection">
            <p className="flex flex-wrap items-center gap-2 text-xs">
              <Badge tone={OBJECTION_TONES[o.status]}>{te(`objectionStatus.${o.status}`)}</Badge>
              <time dateTime={o.createdAt} className="text-slate-500 tabular-nums">
                {formatBureauDateTime(o.createdAt)}
              </time>
              <span className="text-slate-700">{o.name ?? t("objections.anonymous")}</span>
              {o.contact ? <span className="text-slate-600">{o.contact}</span> : null}
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words text-slate-900">{o.text}</p>
            {o.handlingNote ? (
              <p className="mt-1 text-slate-700 text-xs">
                {o.handledAt
                  ? tb("handled", {
                      name: o.handledByName ?? "",
                      at: formatBureauDateTime(o.handledAt),
                      note: o.handlingNote,
                    })
                  : t("objections.handled", { name: o.handledByName ?? "", note: o.handlingNote })}
              </p>
            ) : null}
            {mayHandle && o.status === "PENDING" && notice.status === "OPEN" ? (
              <ObjectionDecision
                version={closure.version}
                label={t("objections.numbered", { n: notice.objections.length - i })}
                decide={decideObjectionAction.bind(null, problemId, o.id)}
              />
            ) : null}
          </li>
        ))}
      </ol>
    );

  const period = (n: NoticeDto) => t("notice.period", { start: n.startsOn, end: n.endsOn });

  return (
    <section id="s-closure" aria-labelledby="s-closure-title" className="card p-4" data-testid="closure-panel">
      <h2 id="s-closure-title" className="mb-3 font-semibold text-base text-slate-900">
        {t("title")}
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <Block title={t("checklist.title")} testId="closure-checklist">
          {checklist.items.length === 0 ? (
            <p className="text-slate-600 text-sm">{t("checklist.nothingRequired")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
              {checklist.items.map((item) => (
                <li
                  key={item.kind}
                  className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
                  data-kind={item.kind}
                  data-state={item.state}
                >
                  <span className="text-slate-900">{tk(item.kind)}</span>
                  <span className="flex items-center gap-2">
                    {item.count > 0 ? (
                      <span className="text-slate-500 text-xs">{t("checklist.count", { count: item.count })}</span>
                    ) : null}
                    <Badge tone={ITEM_TONES[item.state]}>{t(`checklist.state.${item.state}`)}</Badge>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-slate-700 text-sm">
            {checklist.accepted
              ? t("checklist.allAccepted")
              : checklist.complete
                ? t("checklist.awaitingReview")
                : t("checklist.missing", { kinds: checklist.missing.map(tk).join("、") })}
          </p>
        </Block>

        <div className="space-y-4">
          {allowed.has("FAIL_ACCEPTANCE") ? (
            <AcceptanceForm
              version={closure.version}
              today={formatCalendarDate(today)}
              noticeDays={closure.noticeDays}
              mayPass={allowed.has("PASS_ACCEPTANCE")}
              passBlocked={allowed.has("PASS_ACCEPTANCE") ? null : t("acceptance.passBlocked", { kinds: notAccepted.join("、") })}
              units={units}
              defaultUnitId={acceptanceUnitId}
              record={recordAcceptanceAction.bind(null, problemId)}
            />
          ) : null}

          {open ? (
            <Block title={t("notice.current")} testId="closure-notice">
              <dl className="grid gap-2 text-sm sm:grid-cols-2">
                <div>
                  <dt className="text-slate-500 text-xs">{t("notice.periodLabel")}</dt>
                  <dd className="tabular-nums">{period(open)}</dd>
                </div>
                <div>
                  <dt className="text-slate-500 text-xs">{t("notice.daysLeftLabel")}</dt>
                  <dd>
                    {t("notice.daysLeft", { days: Math.max(0, daysBetween(today, parseCalendarDate(open.endsOn) as Date)) })}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-500 text-xs">{t("notice.phone")}</dt>
                  <dd>{open.phone}</dd>
                </div>
                <div>
                  <dt className="text-slate-500 text-xs">{t("notice.email")}</dt>
                  <dd className="break-all">{open.email ?? t("none")}</dd>
                </div>
                <div className="sm:col-span-2">
                  <dt className="text-slate-500 text-xs">{t("notice.summary")}</dt>
                  <dd className="whitespace-pre-wrap">{open.summary}</dd>
                </div>
              </dl>
              <h4 className="mt-3 mb-1 font-medium text-slate-900 text-sm">{t("objections.title")}</h4>
              {objections(open)}
              {mayHandle && closure.status === "PUBLIC_NOTICE" ? (
                <ObjectionBulkDismiss
                  version={closure.version}
                  objections={open.objections
                    .filter((o) => o.status === "PENDING")
                    .map((o) => ({
                      id: o.id,
                      sender: o.sender,
                      text: o.text,
                      createdAt: o.createdAt,
                      createdAtLabel: formatBureauDateTime(o.createdAt),
                    }))}
                  dismiss={dismissObjectionsAction.bind(null, problemId)}
                />
              ) : null}
              <div className="mt-3">
                {allowed.has("END_NOTICE") ? (
                  <EndNoticeButton version={closure.version} endNotice={endNoticeAction.bind(null, problemId)} />
                ) : mayHandle && closure.status === "PUBLIC_NOTICE" ? (
                  <p className="text-slate-600 text-xs">{t("notice.endsFrom", { date: open.endsOn })}</p>
                ) : null}
              </div>
            </Block>
          ) : null}

          {allowed.has("SIGN_OFF") || allowed.has("RETURN_SIGNOFF") ? (
            <Block title={t("signOff.title")}>
              <p className="mb-2 text-slate-700 text-sm">{t("signOff.explain")}</p>
              <SignOffDecision version={closure.version} decide={signOffAction.bind(null, problemId)} />
            </Block>
          ) : null}

          {allowed.has("LOOKBACK_REOPEN") ? (
            <Block title={t("lookback.title")}>
              <p className="mb-2 text-slate-700 text-sm">{t("lookback.explain")}</p>
              <LookbackButton version={closure.version} reopen={lookbackAction.bind(null, problemId)} />
            </Block>
          ) : null}
        </div>
      </div>

      <div className="mt-4 grid gap-4 lg:grid-cols-3" data-testid="closure-history">
        <Block title={t("history.acceptances")}>
          {closure.acceptances.length === 0 ? (
            <p className="text-slate-600 text-sm">{t("history.noAcceptances")}</p>
          ) : (
            <ol className="space-y-2">
              {closure.acceptances.map((a) => (
                <li key={a.id} className="rounded-md border border-slate-200 p-2 text-sm">
                  <p className="flex flex-wrap items-center gap-2 text-xs">
                    <Badge tone={RESULT_TONES[a.result]}>{te(`acceptanceResult.${a.result}`)}</Badge>
                    <span className="tabular-nums">{a.acceptedOn}</span>
                    <span className="text-slate-600">{a.onSiteCheck ? t("history.onSite") : t("history.offSite")}</span>
                  </p>
                  <p className="mt-1 whitespace-pre-wrap text-slate-900">{a.opinion}</p>
                  <p className="mt-1 text-slate-600 text-xs">
                    {t("history.signedBy", {
                      signers: a.signers.join("、"),
                      unit: a.acceptanceUnitName ?? t("none"),
                      recorder: a.recordedByName,
                    })}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Block>
        <Block title={t("history.notices")}>
          {closure.notices.length === 0 ? (
            <p className="text-slate-600 text-sm">{t("history.noNotices")}</p>
          ) : (
            <ol className="space-y-2">
              {closure.notices.map((n) => (
                <li key={n.id} className="rounded-md border border-slate-200 p-2 text-sm">
                  <p className="flex flex-wrap items-center gap-2 text-xs">
                    <Badge tone={NOTICE_TONES[n.status]}>{te(`noticeStatus.${n.status}`)}</Badge>
                    <span className="tabular-nums">{period(n)}</span>
                  </p>
                  <p className="mt-1 text-slate-700 text-xs">{t("history.objectionCount", { count: n.objections.length })}</p>
                  {n.status !== "OPEN" && n.objections.length ? <div className="mt-2">{objections(n)}</div> : null}
                </li>
              ))}
            </ol>
          )}
        </Block>
        <Block title={t("history.closures")}>
          {closure.closures.length === 0 ? (
            <p className="text-slate-600 text-sm">{t("history.noClosures")}</p>
          ) : (
            <ol className="space-y-2">
              {closure.closures.map((c) => (
                <li key={c.id} className="rounded-md border border-slate-200 p-2 text-sm">
                  <p className="text-xs">{t("history.closed", { at: formatBureauDateTime(c.closedAt), name: c.signedByName })}</p>
                  {c.comment ? <p className="mt-1 whitespace-pre-wrap text-slate-900">{c.comment}</p> : null}
                  {c.reopenedAt ? (
                    <p className="mt-1 text-orange-800 text-xs">
                      {t("history.reopened", {
                        at: formatBureauDateTime(c.reopenedAt),
                        name: c.reopenedByName ?? "",
                        reason: c.reopenReason ?? "",
                      })}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </Block>
      </div>
    </section>
  );
}
