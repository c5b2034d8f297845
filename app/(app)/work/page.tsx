import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MyCampaignProgress } from "@/components/enforcement/my-campaigns";
import { WORK_SECTIONS, WorkList } from "@/components/work/work-list";
import { shanghaiMinute } from "@/lib/i18n/format-time";
import type { Locale } from "@/lib/schemas/parse";
import { previousSignIn } from "@/lib/server/account/my-sessions";
import { getMyCampaignProgress } from "@/lib/server/enforcement/campaigns";
import { getMyWork } from "@/lib/server/work/get-my-work";
import { requireActor } from "../session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("work.title")} · ${t("common.appName")}` };
}

/** 我的工作: the home page — what needs the signed-in person today, by role. */
export default async function WorkPage() {
  const actor = await requireActor("/work");
  const locale = (await getLocale()) as Locale;
  const [work, t, ta, last] = await Promise.all([
    getMyWork(actor, { locale }),
    getTranslations("work"),
    getTranslations("account"),
    previousSignIn(actor),
  ]);
  const campaigns = await getMyCampaignProgress(actor);
  const hasSections = WORK_SECTIONS.some((s) => work[s] !== undefined);
  const open = WORK_SECTIONS.reduce((n, s) => n + (work[s]?.total ?? 0), 0);

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="font-semibold text-slate-900 text-xl">{t("title")}</h1>
          <p className="mt-0.5 text-slate-600 text-sm" data-testid="work-summary">
            {hasSections
              ? t("summary", { name: actor.displayName, date: work.today, count: open })
              : t("greeting", { name: actor.displayName, date: work.today })}
          </p>
          <p className="text-slate-500 text-xs" data-testid="last-sign-in">
            {last
              ? ta(last.ip ? "lastSignIn" : "lastSignInNoIp", { at: shanghaiMinute(last.at), ip: last.ip ?? "" })
              : ta("firstSignIn")}
          </p>
        </div>
        <nav aria-label={t("shortcuts")} className="flex flex-wrap gap-2">
          <Link href="/problems" className="btn-secondary">
            {t("toLedger")}
          </Link>
          <Link href="/timeline" className="btn-secondary">
            {t("toTimeline")}
          </Link>
        </nav>
      </div>
      {hasSections ? (
        <WorkList work={work} />
      ) : (
        <div className="card p-6 text-slate-700 text-sm" data-testid="work-nothing">
          <p>{t("nothingForRole")}</p>
        </div>
      )}
      <MyCampaignProgress items={campaigns} />
    </div>
  );
}
