import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CampaignProgressTable } from "@/components/enforcement/campaign-progress";
import { ExportButtons } from "@/components/office/export-buttons";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { getCampaign } from "@/lib/server/enforcement/campaigns";
import { requireActor } from "../../../session";

/** A campaign's progress: inspected / target per action and district, coloured by pace. */
export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enforcement/campaigns/${id}`);
  const t = await getTranslations("enforcement");
  const c = await getCampaign(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="font-bold text-2xl">{c.name}</h1>
          <p className="text-slate-600 text-sm">{t("campaigns.period", { from: c.startsOn, to: c.endsOn })}</p>
        </div>
        {can(actor, "listExport.read") && (
          <ExportButtons endpoint={`/api/v1/campaigns/${c.id}/export`} query={{}} testId="campaign-progress" />
        )}
      </header>
      <section className="card overflow-x-auto p-3">
        <CampaignProgressTable campaignId={c.id} rows={c.progress} />
      </section>
    </div>
  );
}
