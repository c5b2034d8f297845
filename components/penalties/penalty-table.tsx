"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DecisionDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { FieldError } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/schemas/action-result";
import { fieldError } from "@/lib/schemas/action-result";
import type { PenaltyProposalDto } from "@/lib/server/penalties/list-penalties";

type Row = PenaltyProposalDto & { wouldBeCapped?: boolean };
type AirFigure = { month: number; value: string; lastYear: string; cityAverage: string };
type Figures = {
  months?: (AirFigure | number)[];
  sectionName?: string;
  sectionCode?: string;
  level?: string;
  repeated?: boolean;
  code?: string;
  reason?: "OVERDUE" | "PERFUNCTORY" | "FALSE";
  title?: string;
  deadline?: string;
};

const STATUS_TONE: Record<Row["displayStatus"], BadgeTone> = {
  PROPOSED: "amber",
  CONFIRMED: "red",
  WAIVED: "slate",
  PAID: "emerald",
  WITHDRAWN: "slate",
};

function monthsOf(r: Row): number[] {
  const f = r.figures as Figures;
  if (r.trigger === "PROBLEM" || r.trigger === "HAZARD") return [r.month];
  return (f.months ?? []).map((m) => (typeof m === "number" ? m : m.month));
}

function Money({ yuan }: { yuan: number }) {
  const t = useTranslations("penalties");
  return <>{t("yuanWan", { wan: yuan / 10_000, yuan })}</>;
}

function FiguresView({ row }: { row: Row }) {
  const t = useTranslations("penalties");
  const f = row.figures as Figures;
  const air = (f.months ?? []).filter((m): m is AirFigure => typeof m !== "number");
  return (
    <div className="space-y-1 text-slate-700 text-xs">
      <p>
        {t("fig.firedIn", { year: row.year, month: row.month })}
        {row.rulesEffectiveFrom ? ` · ${t("fig.rules", { month: row.rulesEffectiveFrom })}` : ""}
      </p>
      {(row.trigger === "PM25" || row.trigger === "GOOD_AIR") && air.length > 0 && (
        <table className="min-w-[20rem] text-xs">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="pr-3 font-medium">{t("fig.month")}</th>
              <th className="pr-3 text-right font-medium">{t("fig.value")}</th>
              <th className="pr-3 text-right font-medium">{t("fig.lastYear")}</th>
              <th className="text-right font-medium">{t("fig.cityAverage")}</th>
            </tr>
          </thead>
          <tbody>
            {air.map((m) => (
              <tr key={m.month}>
                <td className="pr-3">{m.month}</td>
                <td className="pr-3 text-right tabular-nums">{m.value}</td>
                <td className="pr-3 text-right tabular-nums">{m.lastYear}</td>
                <td className="text-right tabular-nums">{m.cityAverage}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {row.trigger === "SECTION" && (
        <p>
          {t("fig.section")}：{f.sectionName}（{f.level === "NATIONAL" ? t("fig.national") : t("fig.provincial")}）·{" "}
          {t("monthList", { list: monthsOf(row).join("、") })}
          {f.repeated ? ` · ${t("fig.repeated")}` : ""}
        </p>
      )}
      {row.trigger === "PROBLEM" && (
        <p>
          {t("fig.problem")}：
          {row.problem ? (
            <Link className="text-blue-700 hover:underline" href={`/problems/${row.problem.id}`}>
              {row.problem.code} {row.problem.title}
            </Link>
          ) : (
            f.code
          )}{" "}
          · {f.reason ? t(`reason.${f.reason}`) : ""}
        </p>
      )}
      {row.trigger === "HAZARD" && (
        <p>
          {t("fig.hazard")}：{f.title} · {t("fig.deadline")} {f.deadline}
        </p>
      )}
      {row.statusReason && row.status === "WAIVED" && <p>{t("waiveReason", { reason: row.statusReason })}</p>}
      {row.statusReason && row.status === "WITHDRAWN" && <p>{t("withdrawnReason", { reason: row.statusReason })}</p>}
      {row.decision && (
        <div>
          <p>
            {t("decision", { number: row.decision.number, date: row.decision.decidedOn })} ·{" "}
            <a className="text-blue-700 hover:underline" href={`/api/v1/penalties/decisions/${row.decision.id}/notice`}>
              {t("notice")}
            </a>
          </p>
          {row.decision.suspensions.length > 0 && (
            <ul className="list-disc pl-5" aria-label={t("suspensions")}>
              {row.decision.suspensions.map((s) => (
                <li key={s.kind}>{t("suspension", { label: s.label, from: s.startsOn, to: s.endsOn })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function Decide({
  row,
  decide,
  onDone,
}: {
  row: Row;
  decide: (id: string, input: { decision: string; reason?: string; version: number }) => Promise<ActionResult>;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("penalties");
  const [decision, setDecision] = useState<"CONFIRM" | "WAIVE" | null>(null);
  const [reason, setReason] = useState("");
  const feedback = useTranslations("feedback");
  const { pending, result, run, reset } = useAction();
  const send = (version: number) => {
    if (!decision) return;
    const chosen = decision;
    run(
      () => decide(row.id, { decision: chosen, reason: reason.trim() || undefined, version }),
      () => {
        setDecision(null);
        onDone(chosen === "CONFIRM" ? t("confirmed") : t("waived"));
      },
      feedback(chosen === "CONFIRM" ? "approved" : "decided"),
    );
  };
  const open = (d: "CONFIRM" | "WAIVE") => {
    reset();
    setReason("");
    setDecision(d);
  };
  return (
    <div className="flex flex-wrap gap-1">
      <button type="button" className="btn-primary px-2 py-1 text-xs" onClick={() => open("CONFIRM")}>
        {t("confirm")}
      </button>
      <button type="button" className="btn-secondary px-2 py-1 text-xs" onClick={() => open("WAIVE")}>
        {t("waive")}
      </button>
      <DecisionDialog
        open={decision !== null}
        onClose={() => setDecision(null)}
        title={`${decision === "WAIVE" ? t("waiveTitle") : t("confirmTitle")} · ${row.districtName} · ${t(`trigger.${row.trigger}`)}`}
        testId="penalty-decision-dialog"
        field={{
          id: `penalty-reason-${row.id}`,
          name: "reason",
          label: decision === "WAIVE" ? t("waiveText") : t("confirmText"),
          maxLength: 1000,
          value: reason,
          onChange: setReason,
          error: fieldError(result, "reason"),
        }}
        result={result}
        pending={pending}
        onSubmit={() => send(row.version)}
        onRetry={send}
        cancelLabel={t("cancel")}
        submitLabel={decision === "WAIVE" ? t("waive") : t("confirm")}
        sendsBack={decision === "WAIVE"}
      />
    </div>
  );
}

function Pay({
  decisionId,
  pay,
  onDone,
}: {
  decisionId: string;
  pay: (id: string, input: { paidOn: string }) => Promise<ActionResult>;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("penalties");
  const [paidOn, setPaidOn] = useState("");
  const feedback = useTranslations("feedback");
  const { pending, result, run } = useAction({ success: feedback("paid") });
  const id = `paid-on-${decisionId}`;
  const error = fieldError(result, "paidOn");
  return (
    <form
      className="flex flex-wrap items-end gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => pay(decisionId, { paidOn }),
          () => onDone(t("paid")),
        );
      }}
    >
      <div>
        <label htmlFor={id} className="sr-only">
          {t("paidOn")}
        </label>
        <input
          id={id}
          type="date"
          required
          value={paidOn}
          onChange={(e) => setPaidOn(e.target.value)}
          className="field-input py-0.5 text-xs"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <button type="submit" className="btn-secondary px-2 py-1 text-xs" disabled={pending}>
        {t("recordPayment")}
      </button>
      <FormAlert result={result} inputs={["paidOn"]} />
    </form>
  );
}

/**
 * Penalty proposals and decisions grouped by district: situation, months, fee, capped?, status;
 * the figures behind each (and its decision, suspensions and fee notice) behind a disclosure; a
 * leader confirms or waives in a dialog, the coordinator records payment. After an action a
 * notice says what happened and the page stays where it was.
 */
export function PenaltyTable({
  rows,
  canDecide,
  canPay,
  decide,
  pay,
  testId = "penalty-table",
}: {
  rows: Row[];
  canDecide: boolean;
  canPay: boolean;
  decide: (id: string, input: { decision: string; reason?: string; version: number }) => Promise<ActionResult>;
  pay: (id: string, input: { paidOn: string }) => Promise<ActionResult>;
  testId?: string;
}) {
  const t = useTranslations("penalties");
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const districts = [...new Set(rows.map((r) => r.districtCode))];
  const columns = 7;
  return (
    <div className="overflow-x-auto">
      <p
        role="status"
        aria-live="polite"
        className={notice ? "mb-2 rounded bg-emerald-50 px-2 py-1 text-emerald-900 text-sm ring-1 ring-emerald-200" : "sr-only"}
      >
        {notice ?? ""}
      </p>
      {rows.length === 0 ? (
        <p className="text-slate-600 text-sm">{t("none")}</p>
      ) : (
        <table className="w-full min-w-[40rem] text-sm" data-testid={testId}>
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-2 py-1.5">{t("cols.trigger")}</th>
              <th className="px-2 py-1.5">{t("cols.months")}</th>
              <th className="px-2 py-1.5 text-right">{t("cols.amount")}</th>
              <th className="px-2 py-1.5">{t("cols.capped")}</th>
              <th className="px-2 py-1.5">{t("cols.status")}</th>
              <th className="px-2 py-1.5">{t("cols.details")}</th>
              <th className="px-2 py-1.5">{t("cols.actions")}</th>
            </tr>
          </thead>
          {districts.map((code) => {
            const mine = rows.filter((r) => r.districtCode === code);
            return (
              <tbody key={code} data-testid={`penalties-${code}`}>
                <tr className="bg-slate-50">
                  <th scope="rowgroup" colSpan={columns} className="px-2 py-1 text-left font-semibold text-slate-800">
                    {mine[0]?.districtName}
                  </th>
                </tr>
                {mine.map((r) => {
                  const detailsId = `penalty-details-${r.id}`;
                  const expanded = open.has(r.id);
                  const amount = r.decision ? r.decision.amount : r.amount;
                  return (
                    <Fragment key={r.id}>
                      <tr className="border-slate-100 border-b align-top" data-testid={`penalty-${r.id}`}>
                        <td className="px-2 py-1.5">{t(`trigger.${r.trigger}`)}</td>
                        <td className="px-2 py-1.5 tabular-nums">{t("monthList", { list: monthsOf(r).join("、") })}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">
                          <Money yuan={amount} />
                        </td>
                        <td className="px-2 py-1.5">
                          {r.decision?.capped
                            ? t("cappedYes", { wan: r.decision.excess / 10_000, yuan: r.decision.excess })
                            : r.wouldBeCapped
                              ? t("cappedWould")
                              : t("cappedNo")}
                        </td>
                        <td className="px-2 py-1.5" data-testid="penalty-status">
                          <Badge tone={STATUS_TONE[r.displayStatus]}>{t(`status.${r.displayStatus}`)}</Badge>
                        </td>
                        <td className="px-2 py-1.5">
                          <button
                            type="button"
                            className="text-blue-700 text-xs hover:underline"
                            aria-expanded={expanded}
                            aria-controls={detailsId}
                            onClick={() => toggle(r.id)}
                          >
                            {expanded ? t("hideDetails") : t("showDetails")}
                          </button>
                        </td>
                        <td className="px-2 py-1.5">
                          {canDecide && r.status === "PROPOSED" ? (
                            <Decide row={r} decide={decide} onDone={setNotice} />
                          ) : canPay && r.decision && r.decision.paymentStatus === "UNPAID" ? (
                            <Pay decisionId={r.decision.id} pay={pay} onDone={setNotice} />
                          ) : r.decision ? (
                            <span className="text-slate-600 text-xs">
                              {r.decision.paymentStatus === "PAID"
                                ? t("payment.PAID", { date: r.decision.paidOn ?? "" })
                                : t("payment.UNPAID")}
                            </span>
                          ) : null}
                        </td>
                      </tr>
                      <tr id={detailsId} hidden={!expanded} className="border-slate-100 border-b bg-slate-50/50">
                        <td colSpan={columns} className="px-3 py-2">
                          <FiguresView row={r} />
                        </td>
                      </tr>
                    </Fragment>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      )}
    </div>
  );
}
