import { getTranslations } from "next-intl/server";
import { ExportButtons } from "@/components/office/export-buttons";
import { PenaltyTable } from "@/components/penalties/penalty-table";
import { Notice } from "@/components/ui/notice";
import { bureauToday } from "@/lib/domain/calendar";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { penaltyListQuerySchema } from "@/lib/schemas/penalties";
import { listPenaltyProposals } from "@/lib/server/penalties/list-penalties";
import { listDistricts } from "@/lib/server/reference/list-districts";
import { pathWithQuery, requireActor } from "../session";
import { decidePenaltyAction, recordPenaltyPaymentAction } from "./actions";

type Search = Promise<Record<string, string | string[] | undefined>>;

const STATUSES = ["PROPOSED", "CONFIRMED", "WAIVED", "PAID", "WITHDRAWN"] as const;

/** Every proposal and decision of a year, filtered by district and status: figures, decisions, suspensions, fee notices, payment. */
export default async function PenaltiesPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/penalties", params));
  const t = await getTranslations("penalties");
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const raw = {
    year: one(params.year) || String(bureauToday().getUTCFullYear()),
    districtCode: one(params.districtCode),
    status: one(params.status),
  };
  const parsed = penaltyListQuerySchema.safeParse(raw);
  if (!can(actor, "penalty.read")) return <Notice title={t("pageTitle")} tone="amber" />;
  const districts = await listDistricts(actor);
  let rows: Awaited<ReturnType<typeof listPenaltyProposals>> = [];
  let invalid = !parsed.success;
  if (parsed.success) {
    try {
      rows = await listPenaltyProposals(actor, parsed.data);
    } catch (e) {
      if (!isAppError(e)) throw e;
      invalid = true;
    }
  }
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="font-bold text-2xl">{t("pageTitle")}</h1>
          <p className="max-w-3xl text-slate-600 text-sm">{t("pageIntro")}</p>
        </div>
        {can(actor, "listExport.read") && <ExportButtons endpoint="/api/v1/penalties/export" query={raw} testId="penalties" />}
      </header>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <div>
          <label htmlFor="f-year" className="field-label">
            {t("filters.year")}
          </label>
          <input
            id="f-year"
            name="year"
            type="number"
            min={2000}
            max={2100}
            defaultValue={raw.year}
            className="field-input w-28"
          />
        </div>
        <div>
          <label htmlFor="f-district" className="field-label">
            {t("filters.district")}
          </label>
          <select id="f-district" name="districtCode" defaultValue={raw.districtCode} className="field-input">
            <option value="">{t("filters.all")}</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-status" className="field-label">
            {t("filters.status")}
          </label>
          <select id="f-status" name="status" defaultValue={raw.status} className="field-input">
            <option value="">{t("filters.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("filters.apply")}
        </button>
      </form>
      <section className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        {invalid ? (
          <p role="alert" className="text-red-800 text-sm">
            {t("none")}
          </p>
        ) : (
          <PenaltyTable
            rows={rows}
            canDecide={can(actor, "penalty.decide")}
            canPay={can(actor, "penalty.pay")}
            decide={decidePenaltyAction}
            pay={recordPenaltyPaymentAction}
            testId="penalty-list"
          />
        )}
      </section>
    </div>
  );
}
