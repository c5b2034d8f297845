"use client";

import { useTranslations } from "next-intl";
import { PenaltyTable } from "@/components/penalties/penalty-table";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { PanelRow } from "@/lib/server/penalties/get-penalty-panel";

/** The dashboard's penalty panel: the year's proposals and decisions through the month, a table per district. */
export function PenaltyPanel({
  panel,
  decide,
  pay,
}: {
  panel: { year: number; month: number; rows: PanelRow[]; canDecide: boolean; canPay: boolean };
  decide: (id: string, input: { decision: string; reason?: string; version: number }) => Promise<ActionResult>;
  pay: (id: string, input: { paidOn: string }) => Promise<ActionResult>;
}) {
  const t = useTranslations("penalties");
  return (
    <section className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200" data-testid="penalties">
      <h2 className="mb-2 font-semibold">{t("panelTitle", { year: panel.year, month: panel.month })}</h2>
      <PenaltyTable rows={panel.rows} canDecide={panel.canDecide} canPay={panel.canPay} decide={decide} pay={pay} />
    </section>
  );
}
