import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CheckForm } from "@/components/bottom-line/check-form";
import { CheckResults } from "@/components/bottom-line/check-results";
import { NoPermission } from "@/components/ui/no-permission";
import { addDays, bureauToday, formatCalendarDate } from "@/lib/domain/calendar";
import { can } from "@/lib/permissions";
import { getSweep } from "@/lib/server/sweeps/get-sweep";
import { requireActor } from "../../../../../session";
import { recordCheckAction } from "../../../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("bottomLine.check.title")} · ${t("common.appName")}` };
}

/** 现场排查: one target's checklist on a phone. */
export default async function CheckPage({ params }: { params: Promise<{ id: string; targetId: string }> }) {
  const { id, targetId } = await params;
  const actor = await requireActor(`/bottom-line/sweeps/${id}/check/${targetId}`);
  if (!can(actor, "sweep.check")) return <NoPermission />;
  const [sweep, t] = await Promise.all([getSweep(actor, id), getTranslations("bottomLine")]);
  const target = sweep.targets.find((x) => x.id === targetId);
  if (!target) notFound();
  const today = bureauToday();
  return (
    <div className="mx-auto max-w-xl">
      <Link href={`/bottom-line/sweeps/${id}`} className="link text-sm">
        ← {sweep.title}
      </Link>
      <h1 className="mt-1 font-semibold text-slate-900 text-xl">{target.name}</h1>
      <p className="mb-3 text-slate-600 text-sm">
        {target.districtName}
        {target.address && ` · ${target.address}`}
      </p>
      {target.checkedAt ? (
        <>
          <p className="card p-4 text-sm" data-testid="check-done">
            {t("check.already")}
          </p>
          <section className="card mt-3 p-4">
            <CheckResults
              items={sweep.template.items}
              results={target.results}
              place={[target.name, target.address].filter(Boolean).join(" · ")}
            />
          </section>
        </>
      ) : (
        <CheckForm
          sweepId={id}
          targetId={targetId}
          items={sweep.template.items}
          minDeadline={formatCalendarDate(today)}
          defaultDeadline={formatCalendarDate(addDays(today, 30))}
          submit={recordCheckAction}
        />
      )}
    </div>
  );
}
