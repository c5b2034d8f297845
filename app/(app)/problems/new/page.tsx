import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ProblemForm } from "@/components/forms/problem-form";
import { NoPermission } from "@/components/ui/no-permission";
import { can } from "@/lib/permissions";
import type { Locale } from "@/lib/schemas/parse";
import { requireActor } from "../../session";
import { createProblemAction } from "../actions";
import { loadReferences } from "../references";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("form.createTitle")} · ${t("common.appName")}` };
}

export default async function NewProblemPage() {
  const actor = await requireActor("/problems/new");
  if (!can(actor, "problem.create")) return <NoPermission />;
  const locale = (await getLocale()) as Locale;
  const [refs, t] = await Promise.all([loadReferences(actor, locale), getTranslations("form")]);
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="font-semibold text-slate-900 text-xl">{t("createTitle")}</h1>
      <p className="mt-1 mb-4 text-slate-600 text-sm">{t("createIntro")}</p>
      <ProblemForm
        mode="create"
        editable="all"
        districts={refs.districts}
        units={refs.units}
        leaders={refs.leaders}
        names={refs.names}
        action={createProblemAction}
        cancelHref="/problems"
      />
    </div>
  );
}
