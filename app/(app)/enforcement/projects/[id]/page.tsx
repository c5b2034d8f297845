import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChecklistForm, ReviewForm } from "@/components/offsite/project-forms";
import { Badge } from "@/components/ui/badge";
import { NoPermission } from "@/components/ui/no-permission";
import { isAppError } from "@/lib/errors";
import { shanghaiMinute } from "@/lib/i18n/format-time";
import { can } from "@/lib/permissions";
import { getProject } from "@/lib/server/projects/get-project";
import { requireActor } from "../../../session";
import { reviewProjectAction, saveChecklistAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("offsiteProjects.title")} · ${t("common.appName")}` };
}

/** One project: its checklist (editable until it passes), the review, and its history. */
export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enforcement/projects/${id}`);
  if (!can(actor, "project.read")) return <NoPermission />;
  const p = await getProject(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, ts, tf] = await Promise.all([
    getTranslations("offsiteProjects"),
    getTranslations("offsiteEnums.projectStatus"),
    getTranslations("offsiteEnums.reportForm"),
  ]);
  const actionLabel = (action: string) => {
    const key = `actions.${action.replace(".", "_")}` as "actions.project_passed";
    return t.has(key) ? t(key) : action;
  };
  const canCheck = can(actor, "project.check") && p.status !== "PASSED";
  const canReview = can(actor, "project.review") && p.status === "SUBMITTED";

  return (
    <div className="space-y-4">
      <Link href="/enforcement/projects" className="link text-sm">
        {t("back")}
      </Link>
      <header className="space-y-1">
        <h1 className="font-bold text-2xl">{p.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-slate-600 text-sm">
          <Badge tone={p.status === "PASSED" ? "emerald" : p.status === "REFUSED" ? "orange" : "amber"}>{ts(p.status)}</Badge>
          <span>
            {p.district.name}
            {p.enterprise ? ` · ${p.enterprise.name}` : ""} · {tf(p.reportForm)} · {p.stage}
          </span>
          <span>
            {t("submittedBy")} {p.submittedBy.displayName} · {shanghaiMinute(p.createdAt)}
          </span>
        </p>
      </header>

      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="checklist-title">
        <h2 id="checklist-title" className="mb-2 font-semibold">
          {t("checklist")}
        </h2>
        <ChecklistForm
          projectId={p.id}
          version={p.version}
          initial={p.checklist}
          readOnly={!canCheck}
          action={saveChecklistAction}
        />
      </section>

      {canReview && (
        <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="review-title">
          <h2 id="review-title" className="mb-2 font-semibold">
            {t("review")}
          </h2>
          {p.submittedBy.id === actor.id ? (
            <p className="text-slate-600 text-sm">{t("reviewSelf")}</p>
          ) : (
            <ReviewForm projectId={p.id} version={p.version} action={reviewProjectAction} />
          )}
        </section>
      )}

      {p.reviews.length > 0 && (
        <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <h2 className="mb-2 font-semibold">{t("reviews")}</h2>
          <ol className="space-y-2 text-sm">
            {p.reviews.map((r) => (
              <li key={r.id}>
                <Badge tone={r.passed ? "emerald" : "orange"}>{r.passed ? t("reviewPass") : t("reviewRefuse")}</Badge>{" "}
                <span className="text-slate-600">
                  {t("reviewBy", { name: r.reviewer.displayName, at: shanghaiMinute(r.at) })}
                </span>
                {r.comment && <p className="mt-1">{r.comment}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}

      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-2 font-semibold">{t("history")}</h2>
        <ol className="space-y-1 text-sm">
          {p.history.map((h) => (
            <li key={h.id}>
              <span className="tabular-nums text-slate-600">{shanghaiMinute(h.at)}</span> {h.actorName ?? "—"} ·{" "}
              {actionLabel(h.action)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
