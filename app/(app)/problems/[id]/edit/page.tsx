import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ProblemForm } from "@/components/forms/problem-form";
import { editAccess } from "@/components/problems/edit-access";
import { NoPermission } from "@/components/ui/no-permission";
import { Notice } from "@/components/ui/notice";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { Locale } from "@/lib/schemas/parse";
import type { ProblemDto } from "@/lib/schemas/problem";
import { getProblem } from "@/lib/server/problems/get-problem";
import { requireActor } from "../../../session";
import { updateProblemAction } from "../../actions";
import { loadReferences } from "../../references";

type Params = { params: Promise<{ id: string }> };

async function loadProblem(actor: Actor, id: string): Promise<ProblemDto> {
  try {
    return await getProblem(actor, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("form.editTitle")} · ${t("common.appName")}` };
}

export default async function EditProblemPage({ params }: Params) {
  const { id } = await params;
  const actor = await requireActor(`/problems/${encodeURIComponent(id)}/edit`);
  const locale = (await getLocale()) as Locale;
  const [problem, refs, t] = await Promise.all([loadProblem(actor, id), loadReferences(actor, locale), getTranslations("form")]);
  const access = editAccess(actor, problem);
  if (access.kind === "none") {
    if (access.reason === "forbidden") return <NoPermission />;
    return (
      <Notice
        title={t("editTitle")}
        tone="amber"
        action={{ href: `/problems/${problem.id}`, label: (await getTranslations("common"))("back") }}
      >
        <p>{t(access.reason === "closed" ? "closedReadOnly" : "notLeadDivision")}</p>
      </Notice>
    );
  }
  return (
    <div className="mx-auto max-w-4xl">
      <p className="font-mono text-slate-500 text-sm">{problem.code}</p>
      <h1 className="font-semibold text-slate-900 text-xl">{t("editTitle")}</h1>
      <p className="mt-1 mb-4 text-slate-600 text-sm">{access.kind === "limited" ? t("limitedIntro") : t("editIntro")}</p>
      <ProblemForm
        mode="edit"
        problem={problem}
        editable={access.kind === "limited" ? access.fields : "all"}
        districts={refs.districts}
        units={refs.units}
        leaders={refs.leaders}
        names={refs.names}
        action={updateProblemAction.bind(null, problem.id)}
        cancelHref={`/problems/${problem.id}`}
      />
    </div>
  );
}
