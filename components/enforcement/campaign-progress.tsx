import { useTranslations } from "next-intl";
import type { ProgressRow } from "@/lib/server/enforcement/campaigns";
import { PaceBar } from "./pace-badge";

/** Progress rows (inspected / target per action and district), each linking to the inspections behind it. */
export function CampaignProgressTable({
  campaignId,
  rows,
  compact = false,
}: {
  campaignId: string;
  rows: ProgressRow[];
  compact?: boolean;
}) {
  const t = useTranslations("enforcement");
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-slate-600">
        <tr>
          <th scope="col" className="py-1 pr-2">
            {t("campaigns.action")}
          </th>
          <th scope="col" className="px-2">
            {t("common.district")}
          </th>
          <th scope="col" className="px-2 text-right">
            {t("campaigns.inspected")} / {t("campaigns.target")}
          </th>
          {!compact && (
            <th scope="col" className="px-2">
              {t("campaigns.progress")}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.actionId}-${r.districtId}`} className="border-slate-100 border-t" data-testid="campaign-progress-row">
            <td className="py-1 pr-2">{t(`actions.${r.actionType}` as "actions.NONE")}</td>
            <td className="px-2">{r.districtName}</td>
            <td className="px-2 text-right">
              <a
                className="link"
                href={`/enforcement/inspections?campaignId=${campaignId}&actionType=${r.actionType}&districtCode=${r.districtCode}`}
              >
                {r.inspected} / {r.target}
              </a>
            </td>
            <td className="px-2">
              <PaceBar
                colour={r.colour}
                percent={r.percent}
                label={`${t(`colour.${r.colour}`)}（${t("campaigns.planned")} ${r.plannedPercent}%）`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
