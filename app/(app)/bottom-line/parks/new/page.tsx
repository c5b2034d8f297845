import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ParkRegisterForm } from "@/components/bottom-line/park-register-form";
import { BottomLineTabs } from "@/components/bottom-line/tabs";
import { NoPermission } from "@/components/ui/no-permission";
import { can } from "@/lib/permissions";
import { parkFormOptions } from "@/lib/server/parks/park-form-options";
import { requireActor } from "../../../session";
import { createParkAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("bottomLineForms.park.newTitle")} · ${t("common.appName")}` };
}

/** 登记园区: a coordinator registers a park and its enterprises. */
export default async function NewParkPage() {
  const actor = await requireActor("/bottom-line/parks/new");
  if (!can(actor, "park.manage")) return <NoPermission />;
  const [options, t] = await Promise.all([parkFormOptions(actor), getTranslations("bottomLineForms.park")]);
  return (
    <div className="mx-auto max-w-3xl">
      <BottomLineTabs current="parks" />
      <Link href="/bottom-line/parks" className="link text-sm">
        ← {t("back")}
      </Link>
      <h1 className="mt-1 mb-3 font-semibold text-slate-900 text-xl">{t("newTitle")}</h1>
      <ParkRegisterForm districts={options.districts} enterprises={options.enterprises} submit={createParkAction} />
    </div>
  );
}
