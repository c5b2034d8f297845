import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CheckResults } from "@/components/bottom-line/check-results";
import { ProgressBars } from "@/components/bottom-line/progress-bars";
import { BottomLineTabs } from "@/components/bottom-line/tabs";
import { ExportButtons } from "@/components/office/export-buttons";
import { NoPermission } from "@/components/ui/no-permission";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import { can } from "@/lib/permissions";
import { getSweep } from "@/lib/server/sweeps/get-sweep";
import { requireActor } from "../../../session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("bottomLine.tabs.sweeps")} · ${t("common.appName")}` };
}

/** One sweep: its checklist, progress per district and its targets (unchecked first), each to be checked on site. */
export default async function SweepPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/bottom-line/sweeps/${id}`);
  if (!can(actor, "sweep.read")) return <NoPermission />;
  const [sweep, t] = await Promise.all([getSweep(actor, id), getTranslations("bottomLine")]);
  const mayCheck = can(actor, "sweep.check");
  const tf = await getTranslations("bottomLineForms.sweep");
  const editable = can(actor, "sweep.manage") && sweep.progress.checked === 0;
  return (
    <div className="mx-auto max-w-4xl">
      <BottomLineTabs current="sweeps" />
      <h1 className="font-semibold text-slate-900 text-xl">{sweep.title}</h1>
      <p className="text-slate-600 text-sm">
        {t("sweeps.window", { from: sweep.startsOn, to: sweep.endsOn })} · {sweep.template.name}
        {sweep.isDemo && <span className="ml-2 text-amber-800">{t("demo")}</span>}
      </p>
      {can(actor, "sweep.manage") && (
        <p className="mt-2 text-sm">
          {editable ? (
            <Link href={`/bottom-line/sweeps/${sweep.id}/edit`} className="btn-secondary" data-testid="sweep-edit-link">
              {tf("edit")}
            </Link>
          ) : (
            <span className="text-slate-600">{tf("lockedShort")}</span>
          )}
        </p>
      )}
      <section className="card mt-3 p-4">
        <ProgressBars
          caption={t("sweeps.progress", {
            checked: sweep.progress.checked,
            total: sweep.progress.total,
            percent: sweep.progress.percent,
          })}
          rows={sweep.progress.byDistrict.map((d) => ({
            key: d.districtId,
            label: d.districtName,
            checked: d.checked,
            total: d.total,
            percent: d.percent,
          }))}
        />
      </section>
      <details className="card mt-3 p-4">
        <summary className="cursor-pointer font-medium">{t("sweeps.checklist", { count: sweep.template.items.length })}</summary>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
          {sweep.template.items.map((i) => (
            <li key={i.id}>
              <span className="font-medium">{i.title}</span>
              {i.guidance && <span className="text-slate-600"> — {i.guidance}</span>}
            </li>
          ))}
        </ol>
      </details>
      <div className="mt-4 mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold text-lg">{t("sweeps.targets", { count: sweep.targets.length })}</h2>
        {can(actor, "listExport.read") && (
          <ExportButtons endpoint={`/api/v1/sweeps/${sweep.id}/export`} query={{}} testId="sweep-targets" />
        )}
      </div>
      <ul className="space-y-2">
        {sweep.targets.map((target) => (
          <li key={target.id} className="card flex flex-wrap items-center justify-between gap-2 p-3" data-testid="sweep-target">
            <div>
              <div className="font-medium">{target.name}</div>
              <div className="text-slate-600 text-sm">
                {target.districtName}
                {target.checkedAt
                  ? ` · ${t("sweeps.checkedAt", { at: formatBureauDateTime(target.checkedAt) })} · ${t("sweeps.hazardCount", { count: target.hazards })}`
                  : ` · ${t("sweeps.unchecked")}`}
              </div>
            </div>
            {target.checkedAt && target.results.length > 0 && (
              <details className="w-full">
                <summary className="cursor-pointer text-sm">
                  {tf("results", { photos: target.results.reduce((n, r) => n + r.files.length, 0) })}
                </summary>
                <div className="mt-2">
                  <CheckResults
                    items={sweep.template.items}
                    results={target.results}
                    place={[target.name, target.address].filter(Boolean).join(" · ")}
                  />
                </div>
              </details>
            )}
            {!target.checkedAt && mayCheck && (
              <Link
                href={`/bottom-line/sweeps/${sweep.id}/check/${target.id}`}
                className="btn-primary"
                data-testid="sweep-check-link"
              >
                {t("sweeps.check")}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
