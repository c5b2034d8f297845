import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { OverdueBadge, ProgressBar, RelapseBadge, StatusBadge } from "@/components/problems/badges";
import { editAccess } from "@/components/problems/edit-access";
import { MeasuresTable } from "@/components/problems/measures-table";
import { ProblemHistory } from "@/components/problems/problem-history";
import { isAppError } from "@/lib/errors";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import type { Actor } from "@/lib/permissions";
import type { Locale } from "@/lib/schemas/parse";
import type { ProblemDto } from "@/lib/schemas/problem";
import { getProblem } from "@/lib/server/problems/get-problem";
import { getProblemHistory, type HistoryEntry } from "@/lib/server/problems/get-problem-history";
import { requireActor } from "../../session";
import { loadReferences } from "../references";

type Params = { params: Promise<{ id: string }> };

/**
 * The problem and its history, or Next's 404 page when it is unknown or outside the person's scope.
 * Cached for the request: the page title and the page body read the same record once.
 */
const loadProblem = cache(async (actor: Actor, id: string): Promise<{ problem: ProblemDto; history: HistoryEntry[] }> => {
  try {
    const [problem, history] = await Promise.all([getProblem(actor, id), getProblemHistory(actor, id)]);
    return { problem, history };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const actor = await requireActor(`/problems/${encodeURIComponent(id)}`);
  const { problem } = await loadProblem(actor, id);
  const t = await getTranslations("common");
  return { title: `${problem.code} ${problem.title} · ${t("appName")}` };
}

function Field({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : ""}>
      <dt className="text-slate-500 text-xs">{label}</dt>
      <dd className="mt-0.5 break-words text-slate-900 text-sm">{children}</dd>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="card p-4">
      <h2 id={id} className="mb-3 font-semibold text-base text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function ProblemPage({ params }: Params) {
  const { id } = await params;
  const actor = await requireActor(`/problems/${encodeURIComponent(id)}`);
  const locale = (await getLocale()) as Locale;
  const [{ problem: p, history }, refs] = await Promise.all([loadProblem(actor, id), loadReferences(actor, locale)]);
  const t = await getTranslations("problem");
  const tf = await getTranslations("problem.fields");
  const te = await getTranslations("enums");
  const tc = await getTranslations("common");
  const tl = await getTranslations("ledger");
  const none = tc("none");
  const unitName = (unitId: string | null) => (unitId ? (refs.names.units[unitId] ?? unitId) : none);
  const access = editAccess(actor, p);

  return (
    <article className="space-y-4">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600">
          <li>
            <Link href="/problems" className="link">
              {tl("title")}
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li aria-current="page" className="font-mono text-xs">
            {p.code}
          </li>
        </ol>
      </nav>

      <header className="card flex flex-wrap items-start justify-between gap-3 p-4">
        <div className="min-w-0">
          <p className="font-mono text-slate-500 text-sm">{p.code}</p>
          <h1 className="mt-0.5 font-semibold text-slate-900 text-xl leading-snug" data-testid="problem-title">
            {p.title}
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-1.5">
            <StatusBadge status={p.status} />
            {p.overdue ? <OverdueBadge days={p.overdueDays} /> : null}
            {p.relapse ? <RelapseBadge className="" /> : null}
            <span className="text-slate-500 text-xs">{t("versionValue", { version: p.version })}</span>
          </div>
        </div>
        {access.kind !== "none" ? (
          <Link href={`/problems/${p.id}/edit`} className="btn-primary">
            {tc("edit")}
          </Link>
        ) : null}
      </header>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Section id="s-description" title={t("sections.description")}>
            <p className="whitespace-pre-wrap text-slate-900 text-sm leading-relaxed" data-testid="problem-description">
              {p.description}
            </p>
          </Section>

          <Section id="s-basic" title={t("sections.basic")}>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
              <Field label={tf("code")}>
                <span className="font-mono">{p.code}</span>
              </Field>
              <Field label={tf("source")}>{te(`source.${p.source}`)}</Field>
              <Field label={tf("round")}>{p.round ?? none}</Field>
              <Field label={tf("districtCode")}>{refs.names.districts[p.districtCode] ?? p.districtName}</Field>
              <Field label={tf("category")}>{te(`category.${p.category}`)}</Field>
              <Field label={tf("locationText")}>{p.locationText ?? none}</Field>
              <Field label={tf("coordinates")}>
                {p.lat !== null && p.lng !== null ? (
                  <span className="tabular-nums">{t("coordinatesValue", { lat: String(p.lat), lng: String(p.lng) })}</span>
                ) : (
                  none
                )}
              </Field>
            </dl>
          </Section>

          <Section id="s-responsibility" title={t("sections.responsibility")}>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
              <Field label={tf("leadOfficialId")}>{p.leadOfficialName ?? none}</Field>
              <Field label={tf("leadUnitId")}>{refs.names.units[p.leadUnitId] ?? p.leadUnitName}</Field>
              <Field label={tf("coUnitIds")} wide>
                {p.coUnitIds.length ? p.coUnitIds.map((u) => unitName(u)).join("、") : none}
              </Field>
              <Field label={tf("acceptanceUnitId")}>{unitName(p.acceptanceUnitId)}</Field>
              <Field label={tf("responsible")}>
                {p.responsiblePerson ?? none}
                {p.responsiblePhone ? (
                  <>
                    {" · "}
                    <a href={`tel:${p.responsiblePhone.replace(/[^0-9+]/g, "")}`} className="link tabular-nums">
                      {p.responsiblePhone}
                    </a>
                  </>
                ) : null}
              </Field>
            </dl>
          </Section>
        </div>

        <div className="space-y-4">
          <Section id="s-rectification" title={t("sections.rectification")}>
            <dl className="grid gap-y-3">
              <Field label={tf("target")}>
                <span className="whitespace-pre-wrap">{p.target ?? none}</span>
              </Field>
              <Field label={tf("deadline")}>
                <span className={`tabular-nums ${p.overdue ? "font-semibold text-red-700" : ""}`}>
                  {p.deadline ?? t("noDeadline")}
                </span>
                <span className="ml-2 text-slate-600 text-xs">{te(`band.${p.deadlineBand}`)}</span>
              </Field>
              <Field label={tf("status")}>
                <StatusBadge status={p.status} />
              </Field>
              <Field label={tf("progress")}>
                <ProgressBar percent={p.progress} />
              </Field>
              <Field label={tf("overdue")}>
                {p.overdue ? <OverdueBadge days={p.overdueDays} /> : <span className="text-slate-700">{t("notOverdue")}</span>}
              </Field>
              <Field label={tf("relapse")}>{p.relapse ? <RelapseBadge className="" /> : t("noRelapse")}</Field>
            </dl>
          </Section>

          <Section id="s-record" title={t("sections.record")}>
            <dl className="grid gap-y-3">
              <Field label={tf("version")}>{t("versionValue", { version: p.version })}</Field>
              <Field label={tf("createdAt")}>
                <time dateTime={p.createdAt} className="tabular-nums">
                  {formatBureauDateTime(p.createdAt)}
                </time>
              </Field>
              <Field label={tf("updatedAt")}>
                <time dateTime={p.updatedAt} className="tabular-nums">
                  {formatBureauDateTime(p.updatedAt)}
                </time>
              </Field>
            </dl>
          </Section>
        </div>
      </div>

      <Section id="s-measures" title={t("sections.measures")}>
        <MeasuresTable measures={p.measures ?? []} unitNames={refs.names.units} />
      </Section>

      <Section id="s-history" title={t("sections.history")}>
        <ProblemHistory entries={history} names={refs.names} />
      </Section>
    </article>
  );
}
