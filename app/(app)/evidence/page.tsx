import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { mayOpenReviewQueue } from "@/components/evidence/access";
import { ReviewQueueList } from "@/components/evidence/review-queue";
import { ReviewStats } from "@/components/evidence/review-stats";
import { SuspectFilter } from "@/components/evidence/suspect-filter";
import { NoPermission } from "@/components/ui/no-permission";
import { bureauToday } from "@/lib/domain/calendar";
import { can } from "@/lib/permissions";
import type { Locale } from "@/lib/schemas/parse";
import { getReviewStats } from "@/lib/server/evidence/review-stats";
import { listReviewQueue } from "@/lib/server/field/list-review-queue";
import { requireActor } from "../session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("evidenceUi.queue.title")} · ${t("common.appName")}` };
}

/** 佐证审核: evidence awaiting review across problems, and why proof gets sent back. */
export default async function EvidenceReviewPage({ searchParams }: { searchParams: Promise<{ suspect?: string }> }) {
  const actor = await requireActor("/evidence");
  const signals = can(actor, "evidence.signals.read");
  const suspectOnly = signals && (await searchParams).suspect === "1";
  if (!mayOpenReviewQueue(actor)) return <NoPermission />;
  const locale = (await getLocale()) as Locale;
  // This year's returns: what the bureau is asked about, and a bounded read however old the ledger grows.
  const year = bureauToday().getUTCFullYear();
  const [queue, stats, t] = await Promise.all([
    listReviewQueue(actor, { suspect: suspectOnly }),
    getReviewStats(actor, { from: `${year}-01-01` }, { locale }),
    getTranslations("evidenceUi.queue"),
  ]);
  const shownTotal = suspectOnly ? queue.suspect : queue.total;
  return (
    <div className="grid gap-4 lg:grid-cols-5">
      <div className="lg:col-span-3">
        <h1 className="font-semibold text-slate-900 text-xl">{t("title")}</h1>
        <p className="mt-0.5 mb-3 text-slate-600 text-sm" data-testid="review-queue-total">
          {shownTotal > queue.items.length
            ? t("summaryMore", { total: shownTotal, shown: queue.items.length })
            : t("summary", { total: shownTotal })}
        </p>
        {signals ? <SuspectFilter suspectOnly={suspectOnly} total={queue.total} suspect={queue.suspect} /> : null}
        <ReviewQueueList items={queue.items} />
      </div>
      <section aria-labelledby="review-stats-title" className="card h-fit p-4 lg:col-span-2">
        <h2 id="review-stats-title" className="mb-3 font-semibold text-base text-slate-900">
          {t("statsTitle")}
        </h2>
        <p className="-mt-2 mb-3 text-slate-600 text-xs">{t("statsPeriod", { year })}</p>
        <ReviewStats stats={stats} />
      </section>
    </div>
  );
}
