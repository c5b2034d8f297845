import { useTranslations } from "next-intl";
import type { CampaignSummary, ProgressRow } from "@/lib/server/enforcement/campaigns";
import { CampaignProgressTable } from "./campaign-progress";

/** On My work: the running campaigns' targets this person must meet (a field office's district, a coordinator's lagging ones). */
export function MyCampaignProgress({ items }: { items: { campaign: CampaignSummary; rows: ProgressRow[] }[] }) {
  const t = useTranslations("enforcement.campaigns");
  if (!items.length) return null;
  return (
    <section className="card mt-4 p-3" aria-labelledby="my-campaigns" data-testid="my-campaigns">
      <h2 id="my-campaigns" className="font-semibold">
        {t("myTitle")}
      </h2>
      <p className="mb-2 text-slate-600 text-xs">{t("myIntro")}</p>
      {items.map(({ campaign, rows }) => (
        <div key={campaign.id} className="mb-3">
          <h3 className="font-medium text-sm">
            <a className="link" href={`/enforcement/campaigns/${campaign.id}`}>
              {campaign.name}
            </a>
          </h3>
          <CampaignProgressTable campaignId={campaign.id} rows={rows} />
        </div>
      ))}
    </section>
  );
}
