"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { DecisionDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError, FormField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { TwoWayDecision } from "@/components/workflow/two-way-decision";
import { type ActionResult, fieldError } from "@/lib/schemas/action-result";

type Choice = { value: string; label: string };

/**
 * The coordinator records the acceptance: result, date, on-site check, opinion, signers and unit;
 * a pass also opens the public notice (period, supervision phone and e-mail, public summary).
 */
export function AcceptanceForm({
  version,
  today,
  noticeDays,
  mayPass,
  passBlocked,
  units,
  defaultUnitId,
  record,
}: {
  version: number;
  today: string;
  noticeDays: number;
  mayPass: boolean;
  /** Why passing is not possible now (materials not all accepted), shown under the choice. */
  passBlocked: string | null;
  units: Choice[];
  defaultUnitId: string | null;
  record: (input: Record<string, unknown>) => Promise<ActionResult>;
}) {
  const t = useTranslations("closure.acceptance");
  const feedback = useTranslations("feedback");
  const [result, setResult] = useState<"PASSED" | "FAILED">(mayPass ? "PASSED" : "FAILED");
  const [acceptedOn, setAcceptedOn] = useState(today);
  const [onSiteCheck, setOnSiteCheck] = useState(true);
  const [opinion, setOpinion] = useState("");
  const [signers, setSigners] = useState("");
  const [unitId, setUnitId] = useState(defaultUnitId ?? "");
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState("");
  const [phone, setPhone] = useState("");
  const [email, setEmail] = useState("");
  const [summary, setSummary] = useState("");
  const { pending, result: outcome, run } = useAction({ success: feedback("recorded") });
  const err = (f: string) => fieldError(outcome, f);
  const send = (ver: number) =>
    run(() =>
      record({
        result,
        acceptedOn,
        onSiteCheck,
        opinion,
        signers: signers
          .split(/[,，、\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
        acceptanceUnitId: unitId || undefined,
        version: ver,
        ...(result === "PASSED" ? { notice: { startsOn, endsOn: endsOn || undefined, phone, email, summary } } : {}),
      }),
    );
  const inputs = ["result", "acceptedOn", "opinion", "signers", "acceptanceUnitId"].concat(
    result === "PASSED" ? ["notice.startsOn", "notice.endsOn", "notice.phone", "notice.email", "notice.summary"] : [],
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        send(version);
      }}
      className="space-y-3 rounded-md border border-blue-200 bg-blue-50/40 p-3"
      aria-busy={pending}
      aria-labelledby="acc-title"
      data-testid="acceptance-form"
    >
      <h3 id="acc-title" className="font-semibold text-slate-900 text-sm">
        {t("title")}
      </h3>
      <fieldset>
        <legend className="field-label">{t("result")}</legend>
        <div className="flex flex-wrap gap-4">
          {(["PASSED", "FAILED"] as const).map((r) => (
            <label key={r} className="inline-flex min-h-10 items-center gap-2 text-sm">
              <input
                type="radio"
                name="acc-result"
                value={r}
                checked={result === r}
                disabled={r === "PASSED" && !mayPass}
                onChange={() => setResult(r)}
                aria-describedby={r === "PASSED" && passBlocked ? "acc-pass-blocked" : undefined}
              />
              {t(r === "PASSED" ? "passed" : "failed")}
            </label>
          ))}
        </div>
        {passBlocked ? (
          <p id="acc-pass-blocked" className="mt-1 text-amber-900 text-xs">
            {passBlocked}
          </p>
        ) : null}
        <FieldError id="acc-result-error" message={err("result")} />
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id="acc-date" label={t("acceptedOn")} error={err("acceptedOn")}>
          {(aria) => (
            <input
              {...aria}
              type="date"
              max={today}
              value={acceptedOn}
              onChange={(e) => setAcceptedOn(e.target.value)}
              className="field-input"
              required
            />
          )}
        </FormField>
        <FormField id="acc-unit" label={t("unit")} error={err("acceptanceUnitId")}>
          {(aria) => (
            <select {...aria} value={unitId} onChange={(e) => setUnitId(e.target.value)} className="field-input">
              <option value="">{t("unitNone")}</option>
              {units.map((u) => (
                <option key={u.value} value={u.value}>
                  {u.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <label className="inline-flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" checked={onSiteCheck} onChange={(e) => setOnSiteCheck(e.target.checked)} />
        {t("onSiteCheck")}
      </label>
      <FormField id="acc-opinion" label={result === "FAILED" ? t("opinionFailed") : t("opinion")} error={err("opinion")}>
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            maxLength={2000}
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
            className="field-input"
            required
          />
        )}
      </FormField>
      <FormField id="acc-signers" label={t("signers")} hint={t("signersHint")} error={err("signers")}>
        {(aria) => (
          <input {...aria} value={signers} onChange={(e) => setSigners(e.target.value)} className="field-input" required />
        )}
      </FormField>
      {result === "PASSED" ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 bg-white p-3">
          <legend className="px-1 font-medium text-slate-900 text-sm">{t("noticeTitle")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField id="acc-starts" label={t("startsOn")} error={err("notice.startsOn")}>
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  min={today}
                  value={startsOn}
                  onChange={(e) => setStartsOn(e.target.value)}
                  className="field-input"
                />
              )}
            </FormField>
            <FormField
              id="acc-ends"
              label={t("endsOn")}
              hint={t("endsOnHint", { days: noticeDays })}
              error={err("notice.endsOn")}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  min={startsOn || today}
                  value={endsOn}
                  onChange={(e) => setEndsOn(e.target.value)}
                  className="field-input"
                />
              )}
            </FormField>
            <FormField id="acc-phone" label={t("phone")} error={err("notice.phone")}>
              {(aria) => (
                <input
                  {...aria}
                  type="tel"
                  value={phone}
                  onChange={(e) => setPhone(e.target.value)}
                  className="field-input"
                  required
                />
              )}
            </FormField>
            <FormField id="acc-email" label={t("email")} error={err("notice.email")}>
              {(aria) => (
                <input {...aria} type="email" value={email} onChange={(e) => setEmail(e.target.value)} className="field-input" />
              )}
            </FormField>
          </div>
          <FormField id="acc-summary" label={t("summary")} hint={t("summaryHint")} error={err("notice.summary")}>
            {(aria) => (
              <textarea
                {...aria}
                rows={3}
                maxLength={2000}
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
                className="field-input"
                required
              />
            )}
          </FormField>
        </fieldset>
      ) : null}
      <FormAlert result={outcome} inputs={inputs} onRetry={send} pending={pending} />
      <button type="submit" className={result === "FAILED" ? "btn-danger" : "btn-primary"} disabled={pending}>
        {pending ? t("saving") : result === "FAILED" ? t("submitFailed") : t("submitPassed")}
      </button>
    </form>
  );
}

/** Ends the public notice once its period is over (confirmed in a dialog). */
export function EndNoticeButton({
  version,
  endNotice,
}: {
  version: number;
  endNotice: (input: { version: number }) => Promise<ActionResult>;
}) {
  const t = useTranslations("closure.notice");
  const feedback = useTranslations("feedback");
  const [open, setOpen] = useState(false);
  const { pending, result, run, reset } = useAction();
  const send = (ver: number) =>
    run(
      () => endNotice({ version: ver }),
      () => setOpen(false),
      feedback("ended"),
    );
  return (
    <>
      <button
        type="button"
        className="btn-primary"
        onClick={() => {
          reset();
          setOpen(true);
        }}
        data-testid="end-notice"
      >
        {t("end")}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("end")} testId="end-notice-dialog">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send(version);
          }}
          className="space-y-3"
          aria-busy={pending}
        >
          <p className="text-slate-700 text-sm">{t("endConfirm")}</p>
          <FormAlert result={result} onRetry={send} pending={pending} />
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
            <button type="submit" className="btn-primary" disabled={pending}>
              {t("endSubmit")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

type Decide = (input: { decision: string; note: string; version: number }) => Promise<ActionResult>;

/** The coordinator upholds (the notice is withdrawn, back to acceptance) or dismisses an objection, with a note. */
export function ObjectionDecision({ version, decide, label }: { version: number; decide: Decide; label: string }) {
  const t = useTranslations("closure.objections");
  const feedback = useTranslations("feedback");
  const [decision, setDecision] = useState<"UPHOLD" | "DISMISS" | null>(null);
  const [note, setNote] = useState("");
  const { pending, result, run, reset } = useAction();
  const open = (d: "UPHOLD" | "DISMISS") => {
    reset();
    setDecision(d);
  };
  const send = (ver: number) => {
    if (!decision) return;
    run(
      () => decide({ decision, note, version: ver }),
      () => setDecision(null),
      feedback("decided"),
    );
  };
  const upholding = decision === "UPHOLD";
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      <button type="button" className="btn-secondary" onClick={() => open("UPHOLD")} aria-label={t("upholdOf", { label })}>
        {t("uphold")}
      </button>
      <button type="button" className="btn-secondary" onClick={() => open("DISMISS")} aria-label={t("dismissOf", { label })}>
        {t("dismiss")}
      </button>
      <DecisionDialog
        open={decision !== null}
        onClose={() => setDecision(null)}
        title={upholding ? t("upholdTitle") : t("dismissTitle")}
        testId="objection-decision-dialog"
        field={{
          id: "obj-note",
          name: "note",
          label: t("note"),
          maxLength: 2000,
          value: note,
          onChange: setNote,
          error: fieldError(result, "note"),
        }}
        result={result}
        pending={pending}
        onSubmit={() => send(version)}
        onRetry={send}
        cancelLabel={t("cancel")}
        submitLabel={upholding ? t("confirmUphold") : t("confirmDismiss")}
        sendsBack
      />
    </div>
  );
}

/** The lead official signs the closure, or returns it to rectification with a reason. */
export function SignOffDecision({
  version,
  decide,
}: {
  version: number;
  decide: (input: { decision: string; comment?: string; version: number }) => Promise<ActionResult>;
}) {
  const t = useTranslations("closure.signOff");
  const feedback = useTranslations("feedback");
  return (
    <TwoWayDecision
      yes="SIGN"
      version={version}
      decide={(decision, comment, ver) => decide({ decision, comment, version: ver })}
      field={{ id: "so-comment", name: "comment" }}
      testId="sign-off"
      success={{ yes: feedback("signed"), no: feedback("returned") }}
      labels={{
        yes: t("sign"),
        no: t("return"),
        yesTitle: t("signTitle"),
        noTitle: t("returnTitle"),
        yesText: t("comment"),
        noText: t("reason"),
        yesConfirm: t("confirmSign"),
        noConfirm: t("confirmReturn"),
        cancel: t("cancel"),
      }}
    />
  );
}

/** A look-back (回头看) found a relapse: the coordinator reopens the closed problem with the finding. */
export function LookbackButton({
  version,
  reopen,
}: {
  version: number;
  reopen: (input: { reason: string; version: number }) => Promise<ActionResult>;
}) {
  const t = useTranslations("closure.lookback");
  const feedback = useTranslations("feedback");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { pending, result, run, reset } = useAction();
  const send = (ver: number) =>
    run(
      () => reopen({ reason, version: ver }),
      () => setOpen(false),
      feedback("reopened"),
    );
  return (
    <div>
      <button
        type="button"
        className="btn-secondary"
        onClick={() => {
          reset();
          setOpen(true);
        }}
      >
        {t("open")}
      </button>
      <DecisionDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("title")}
        testId="lookback-dialog"
        field={{
          id: "lb-reason",
          name: "reason",
          label: t("reason"),
          maxLength: 2000,
          value: reason,
          onChange: setReason,
          error: fieldError(result, "reason"),
        }}
        result={result}
        pending={pending}
        onSubmit={() => send(version)}
        onRetry={send}
        cancelLabel={t("cancel")}
        submitLabel={t("confirm")}
        sendsBack
      />
    </div>
  );
}
