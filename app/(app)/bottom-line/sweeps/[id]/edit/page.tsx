import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SweepForm } from "@/components/bottom-line/sweep-form";
import { BottomLineTabs } from "@/components/bottom-line/tabs";
import { NoPermission } from "@/components/ui/no-permission";
import { can } from "@/lib/permissions";
import { getSweep } from "@/lib/server/sweeps/get-sweep";
import { sweepFormOptions } from "@/lib/server/sweeps/sweep-form-options";
import { requireActor } from "../../../../session";
import { countTaggedTargetsAction, updateSweepAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("bottomLineForms.sweep.editTitle")} · ${t("common.appName")}` };
}

/** 修改排查任务: only while no target is checked — once one is, its results answer this checklist and these targets. */
export default async function EditSweepPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/bottom-line/sweeps/${id}/edit`);
  if (!can(actor, "sweep.manage")) return <NoPermission />;
  const [sweep, options, t] = await Promise.all([
    getSweep(actor, id),
    sweepFormOptions(actor),
    getTranslations("bottomLineForms.sweep"),
  ]);
  const parkIds = [...new Set(sweep.targets.flatMap((x) => (x.parkId ? [x.parkId] : [])))];
  return (
    <div className="mx-auto max-w-3xl">
      <BottomLineTabs current="sweeps" />
      <Link href={`/bottom-line/sweeps/${id}`} className="link text-sm">
        ← {sweep.title}
      </Link>
      <h1 className="mt-1 mb-3 font-semibold text-slate-900 text-xl">{t("editTitle")}</h1>
      {sweep.progress.checked > 0 ? (
        <p className="card p-4 text-sm" role="status" data-testid="sweep-locked">
          {t("locked", { checked: sweep.progress.checked })}
        </p>
      ) : (
        <SweepForm
          templates={options.templates}
          parks={options.parks}
          initial={{
            title: sweep.title,
            startsOn: sweep.startsOn,
            endsOn: sweep.endsOn,
            templateId: sweep.template.id,
            targetTags: sweep.targetTags,
            parkIds,
          }}
          submit={updateSweepAction.bind(null, id)}
          countTargets={countTaggedTargetsAction}
        />
      )}
    </div>
  );
}
