import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { DocumentPicker, PhotoButtons } from "@/components/evidence/capture";
import { EvidenceGallery } from "@/components/evidence/evidence-gallery";
import { acceptsEvidence } from "@/components/evidence/evidence-panel";
import { UploadProvider } from "@/components/evidence/upload-provider";
import { UploadQueue, UploadSummary } from "@/components/evidence/upload-queue-view";
import { DeadlineText, ProgressBar } from "@/components/problems/badges";
import { CardHeading } from "@/components/problems/card-heading";
import { ReportForm } from "@/components/workflow/report-form";
import { mayUpdateMeasure, measuresEditable } from "@/lib/domain/measure-rules";
import { reportable } from "@/lib/domain/reporting";
import { isAppError } from "@/lib/errors";
import { type Actor, can } from "@/lib/permissions";
import type { Locale } from "@/lib/schemas/parse";
import { getClosureChecklist } from "@/lib/server/closure/get-closure-checklist";
import { getProblem } from "@/lib/server/problems/get-problem";
import { readSettings } from "@/lib/server/settings/get-settings";
import { createReportAction } from "../../problems/[id]/actions";
import { loadReferences } from "../../problems/references";
import { requireActor } from "../../session";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (actor: Actor, id: string) => {
  try {
    const [problem, checklist, settings] = await Promise.all([
      getProblem(actor, id, { locale: (await getLocale()) as Locale }),
      getClosureChecklist(actor, id),
      readSettings(actor),
    ]);
    return { problem, checklist, settings };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const actor = await requireActor(`/field/${encodeURIComponent(id)}`);
  const { problem } = await load(actor, id);
  const t = await getTranslations("common");
  return { title: `${problem.code} ${problem.title} · ${t("appName")}` };
}

/** A map link that works on a phone (opens the map app when installed) for a WGS-84 position. */
function mapLink(lat: number, lng: number, name: string): string {
  const qs = new URLSearchParams({ position: `${lng},${lat}`, name, coordinate: "wgs84", callnative: "1" });
  return `https://uri.amap.com/marker?${qs}`;
}

/** 现场取证 for one problem: where to go, what to do, camera buttons for proof, a progress report and the evidence so far. */
export default async function FieldProblemPage({ params }: Params) {
  const { id } = await params;
  const actor = await requireActor(`/field/${encodeURIComponent(id)}`);
  const locale = (await getLocale()) as Locale;
  const [{ problem: p, checklist, settings }, refs] = await Promise.all([load(actor, id), loadReferences(actor, locale)]);
  const t = await getTranslations("field.detail");
  const te = await getTranslations("enums");
  const tc = await getTranslations("common");
  const measures = p.measures ?? [];
  const measureProblem = { leadUnitId: p.leadUnitId, districtId: refs.districtIds[p.districtCode] ?? "" };
  const updatable = measuresEditable(p.status)
    ? measures.filter((m) => mayUpdateMeasure(actor, measureProblem, m, can(actor, "measure.update")))
    : [];
  const mayReport = can(actor, "report.create") && reportable(p.status);
  const mayUpload = can(actor, "evidence.upload") && acceptsEvidence(p);
  const missing = p.status === "CLOSED" || p.status === "ONGOING" ? [] : checklist.missing;
  const hasPosition = p.lat !== null && p.lng !== null;

  const body = (
    <article className={`mx-auto max-w-3xl space-y-3 ${mayUpload ? "pb-28 md:pb-0" : ""}`}>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/field" className="link inline-flex min-h-10 items-center">
          ← {t("back")}
        </Link>
      </nav>

      <header className="card p-3">
        <CardHeading problem={p} />
        <h1 className="mt-1 font-semibold text-lg text-slate-900 leading-snug" data-testid="field-problem-title">
          {p.title}
        </h1>
        <div className="mt-2 flex flex-wrap items-end justify-between gap-2">
          <DeadlineText deadline={p.deadline} band={p.deadlineBand} overdue={p.overdue} />
          <ProgressBar percent={p.progress} className="w-36" />
        </div>
        {missing.length ? (
          <p className="mt-2 rounded-md bg-red-50 p-2 text-red-900 text-sm" data-testid="field-missing">
            {t("stillMissing", { kinds: missing.map((k) => te(`evidenceKind.${k}`)).join("、") })}
          </p>
        ) : checklist.items.length && p.status !== "CLOSED" ? (
          <p className="mt-2 rounded-md bg-emerald-50 p-2 text-emerald-900 text-sm">{t("checklistComplete")}</p>
        ) : null}
      </header>

      <section aria-labelledby="f-site" className="card p-3">
        <h2 id="f-site" className="font-semibold text-base text-slate-900">
          {t("site")}
        </h2>
        <p className="mt-1 text-slate-900 text-sm">
          {p.districtName}
          {p.locationText ? ` · ${p.locationText}` : ""}
        </p>
        {hasPosition ? (
          <p className="mt-2 flex flex-wrap items-center gap-2">
            <a
              href={mapLink(p.lat as number, p.lng as number, p.title)}
              className="btn-secondary"
              target="_blank"
              rel="noopener noreferrer"
              data-testid="field-navigate"
            >
              {t("navigate")}
            </a>
            <a href={`geo:${p.lat},${p.lng}`} className="link text-sm">
              {t("openInMapApp")}
            </a>
            <span className="text-slate-500 text-xs tabular-nums">
              {t("coordinates", { lat: String(p.lat), lng: String(p.lng) })}
            </span>
          </p>
        ) : (
          <p className="mt-1 text-slate-500 text-xs">{t("noCoordinates")}</p>
        )}
        <details className="mt-2 text-sm">
          <summary className="min-h-10 cursor-pointer py-2 text-blue-800">{t("description")}</summary>
          <p className="whitespace-pre-wrap text-slate-800">{p.description}</p>
        </details>
        <h3 className="mt-2 font-medium text-slate-800 text-sm">{t("target")}</h3>
        <p className="whitespace-pre-wrap text-slate-900 text-sm">{p.target ?? tc("none")}</p>
        {p.responsiblePerson ? (
          <p className="mt-2 text-slate-700 text-sm">
            {t("responsible")}: {p.responsiblePerson}
            {p.responsiblePhone ? (
              <>
                {" · "}
                <a href={`tel:${p.responsiblePhone.replace(/[^0-9+]/g, "")}`} className="link tabular-nums">
                  {p.responsiblePhone}
                </a>
              </>
            ) : null}
          </p>
        ) : null}
      </section>

      {measures.length ? (
        <section aria-labelledby="f-measures" className="card p-3">
          <h2 id="f-measures" className="mb-2 font-semibold text-base text-slate-900">
            {t("measures")}
          </h2>
          <ol className="space-y-2">
            {measures.map((m) => (
              <li key={m.id} className="text-sm">
                <p className="text-slate-900">
                  {m.seq}. {m.description}
                </p>
                <div className="mt-0.5 flex flex-wrap items-center justify-between gap-2 text-slate-600 text-xs">
                  <span>
                    {te(`measureStatus.${m.status}`)}
                    {m.milestone ? ` · ${t("milestone", { date: m.milestone })}` : ""}
                  </span>
                  <ProgressBar percent={m.percent} className="w-32" />
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {mayUpload ? (
        <section aria-labelledby="f-upload" className="card space-y-3 p-3">
          <h2 id="f-upload" className="font-semibold text-base text-slate-900">
            {t("upload")}
          </h2>
          <p className="text-slate-600 text-xs">{t("uploadHint")}</p>
          <UploadQueue />
          <DocumentPicker />
        </section>
      ) : null}

      {mayReport ? (
        <section aria-labelledby="f-report" className="card p-3">
          <h2 id="f-report" className="mb-2 font-semibold text-base text-slate-900">
            {t("report")}
          </h2>
          <p className="mb-2 text-slate-600 text-xs">{t("reportHint")}</p>
          <ReportForm
            measures={updatable.map((m) => ({ id: m.id, seq: m.seq, description: m.description, percent: m.percent }))}
            problemProgress={p.progress}
            create={createReportAction.bind(null, p.id)}
          />
        </section>
      ) : null}

      <section aria-labelledby="f-evidence" className="card p-3">
        <h2 id="f-evidence" className="mb-2 font-semibold text-base text-slate-900">
          {t("evidence")}
        </h2>
        <EvidenceGallery problemId={p.id} grouped={false} />
      </section>

      <p className="text-sm">
        <Link href={`/problems/${p.id}`} className="link">
          {t("fullRecord")}
        </Link>
      </p>

      {mayUpload ? (
        <div
          className="fixed inset-x-0 bottom-0 z-20 border-slate-200 border-t bg-white/95 p-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] shadow-[0_-2px_8px_rgba(0,0,0,0.08)] backdrop-blur md:static md:rounded-lg md:border md:p-3 md:shadow-sm"
          data-testid="field-camera-bar"
        >
          <div className="mx-auto max-w-3xl">
            <UploadSummary queueHref="#f-upload" />
            <PhotoButtons />
          </div>
        </div>
      ) : null}
    </article>
  );

  return mayUpload ? (
    <UploadProvider
      problemId={p.id}
      maxBytes={settings.evidenceMaxBytes}
      measures={measures.map((m) => ({ id: m.id, seq: m.seq, description: m.description }))}
    >
      {body}
    </UploadProvider>
  ) : (
    body
  );
}
