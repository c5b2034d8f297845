import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CampaignForm } from "@/components/enforcement/campaign-form";
import { bureauToday } from "@/lib/domain/calendar";
import { ACTION_TYPES } from "@/lib/domain/enforcement";
import { ENTERPRISE_TAGS } from "@/lib/domain/enums";
import { can } from "@/lib/permissions";
import { listCampaigns } from "@/lib/server/enforcement/campaigns";
import { requireActor } from "../../session";

/** 专项行动: the campaigns, newest first; coordinators create them. */
export default async function CampaignsPage() {
  const actor = await requireActor("/enforcement/campaigns");
  const t = await getTranslations("enforcement");
  const campaigns = await listCampaigns(actor, {});
  return (
    <div className="space-y-4">
      <header>
        <h1 className="font-bold text-2xl">{t("campaigns.title")}</h1>
        <p className="max-w-3xl text-slate-600 text-sm">{t("campaigns.intro")}</p>
      </header>
      {can(actor, "campaign.manage") && (
        <CampaignForm actionTypes={ACTION_TYPES} tags={ENTERPRISE_TAGS} year={bureauToday().getUTCFullYear()} />
      )}
      {campaigns.length === 0 ? (
        <p className="card p-4 text-slate-600 text-sm">{t("common.none")}</p>
      ) : (
        <ul className="space-y-2">
          {campaigns.map((c) => (
            <li key={c.id} className="card p-3">
              <Link className="link font-medium" href={`/enforcement/campaigns/${c.id}`}>
                {c.name}
              </Link>
              <p className="text-slate-600 text-sm">
                {t("campaigns.period", { from: c.startsOn, to: c.endsOn })} ·{" "}
                {c.actions.map((a) => t(`actions.${a.type}` as "actions.NONE")).join("、")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
