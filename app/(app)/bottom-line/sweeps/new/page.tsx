import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SweepForm } from "@/components/bottom-line/sweep-form";
import { BottomLineTabs } from "@/components/bottom-line/tabs";
import { NoPermission } from "@/components/ui/no-permission";
import { can } from "@/lib/permissions";
import { sweepFormOptions } from "@/lib/server/sweeps/sweep-form-options";
import { requireActor } from "../../../session";
import { countTaggedTargetsAction, createSweepAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("bottomLineForms.sweep.newTitle")} · ${t("common.appName")}` };
}

/** 发起隐患排查: a coordinator opens a sweep without touching the API. */
export default async function NewSweepPage() {
  const actor = await requireActor("/bottom-line/sweeps/new");
  if (!can(actor, "sweep.manage")) return <NoPermission />;
  const [options, t] = await Promise.all([sweepFormOptions(actor), getTranslations("bottomLineForms.sweep")]);
  return (
    <div className="mx-auto max-w-3xl">
      <BottomLineTabs current="sweeps" />
      <Link href="/bottom-line/sweeps" className="link text-sm">
        ← {t("back")}
      </Link>
      <h1 className="mt-1 mb-3 font-semibold text-slate-900 text-xl">{t("newTitle")}</h1>
      <SweepForm
        templates={options.templates}
        parks={options.parks}
        submit={createSweepAction}
        countTargets={countTaggedTargetsAction}
      />
    </div>
  );
}
