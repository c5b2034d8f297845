import { getTranslations } from "next-intl/server";
import { ACTION_TYPES, INSPECTION_MODES } from "@/lib/domain/enforcement";
import { FilterSelect, MonthFilter } from "./list-parts";

/**
 * The filter form of the inspections and cases lists: district, action and inspection mode,
 * the page's own selects (`children`), the months from and to, and the enterprise or campaign
 * the list was opened for kept as hidden fields. A plain GET form.
 */
export async function ActionFilterForm({
  query,
  districts,
  children,
}: {
  query: Partial<Record<"districtCode" | "actionType" | "mode" | "from" | "to" | "enterpriseId" | "campaignId", string>>;
  districts: readonly { code: string; name: string }[];
  children?: React.ReactNode;
}) {
  const t = await getTranslations("enforcement");
  const all = t("common.all");
  return (
    <form method="get" className="card flex flex-wrap items-end gap-3 p-3" aria-label={t("common.apply")}>
      <FilterSelect
        name="districtCode"
        label={t("common.district")}
        value={query.districtCode}
        all={all}
        options={districts.map((d) => [d.code, d.name] as const)}
      />
      <FilterSelect
        name="actionType"
        label={t("inspections.action")}
        value={query.actionType}
        all={all}
        options={ACTION_TYPES.map((a) => [a, t(`actions.${a}`)] as const)}
      />
      <FilterSelect
        name="mode"
        label={t("inspections.mode")}
        value={query.mode}
        all={all}
        options={INSPECTION_MODES.map((m) => [m, t(`modes.${m}`)] as const)}
      />
      {children}
      <MonthFilter name="from" label={t("common.from")} value={query.from} />
      <MonthFilter name="to" label={t("common.to")} value={query.to} />
      {query.enterpriseId && <input type="hidden" name="enterpriseId" value={query.enterpriseId} />}
      {query.campaignId && <input type="hidden" name="campaignId" value={query.campaignId} />}
      <button type="submit" className="btn-secondary">
        {t("common.apply")}
      </button>
    </form>
  );
}
