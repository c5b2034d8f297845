import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ItemEditDialog } from "@/components/bottom-line/item-edit-dialog";
import { AssessmentForm, DrillForm, ItemForm, ProgressForm } from "@/components/bottom-line/park-forms";
import { BottomLineTabs } from "@/components/bottom-line/tabs";
import { ColourBadge } from "@/components/problems/colour-badge";
import { NoPermission } from "@/components/ui/no-permission";
import { bureauToday, formatCalendarDate } from "@/lib/domain/calendar";
import { can } from "@/lib/permissions";
import { getPark } from "@/lib/server/parks/list-parks";
import { requireActor } from "../../../session";
import { addPreventionItemAction, recordAssessmentAction, recordDrillAction, updatePreventionItemAction } from "../../actions";
import { editPreventionItemAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("bottomLine.tabs.parks")} · ${t("common.appName")}` };
}

/** One park: its enterprises, the plan per level with pace colours, assessments and drills. */
export default async function ParkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/bottom-line/parks/${id}`);
  if (!can(actor, "park.read")) return <NoPermission />;
  const [park, t] = await Promise.all([getPark(actor, id), getTranslations("bottomLine")]);
  const today = formatCalendarDate(bureauToday());
  const mayProgress = can(actor, "park.progress");
  const mayManage = can(actor, "park.manage");
  const tf = await getTranslations("bottomLineForms.park");
  return (
    <div className="mx-auto max-w-5xl">
      <BottomLineTabs current="parks" />
      <Link href="/bottom-line/parks" className="link text-sm">
        ← {t("tabs.parks")}
      </Link>
      <h1 className="mt-1 font-semibold text-slate-900 text-xl">{park.name}</h1>
      <p className="text-slate-600 text-sm">
        {t(`parkKind.${park.kind}`)} · {park.district.name} · {t("parkDetail.enterprises", { count: park.enterprises.length })}
        {park.isDemo && <span className="ml-2 text-amber-800">{t("demo")}</span>}
      </p>
      {mayManage && (
        <p className="mt-2">
          <Link href={`/bottom-line/parks/${park.id}/edit`} className="btn-secondary" data-testid="park-edit-link">
            {tf("edit")}
          </Link>
        </p>
      )}
      <ul className="mt-3 grid gap-2 sm:grid-cols-3" aria-label={t("parkDetail.levels")}>
        {park.levels.map((l) => (
          <li key={l.level} className="card p-3">
            <div className="font-medium">{t(`preventionLevel.${l.level}`)}</div>
            {l.items === 0 ? (
              <div className="text-slate-500 text-sm">{t("parks.noItems")}</div>
            ) : (
              <div className="flex items-center gap-2">
                <span className="font-semibold text-2xl tabular-nums">{l.percent}%</span>
                {l.colour && <ColourBadge colour={l.colour} />}
                <span className="text-slate-600 text-xs">{t("parks.doneItems", { done: l.done, items: l.items })}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
      <section className="card mt-3 overflow-x-auto" aria-labelledby="plan-title">
        <h2 id="plan-title" className="p-3 font-semibold">
          {t("parkDetail.plan")}
        </h2>
        <table className="w-full text-sm" data-testid="plan-table">
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("parkDetail.level")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("parkDetail.name")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("parkDetail.quantity")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("parkDetail.deadline")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("parkDetail.status")}
              </th>
              {mayProgress && (
                <th scope="col" className="px-3 py-2">
                  {t("parkDetail.done")}
                </th>
              )}
              {mayManage && (
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{tf("editItem")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {park.items.map((i) => (
              <tr key={i.id} className="border-slate-100 border-t align-top">
                <td className="px-3 py-2 whitespace-nowrap">{t(`preventionLevel.${i.level}`)}</td>
                <td className="px-3 py-2">
                  {i.name}
                  <div className="text-slate-500 text-xs">{t(`itemKind.${i.kind}`)}</div>
                </td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                  {i.doneQty}/{i.targetQty}{" "}
                  {t(`unit.${i.kind === "EMERGENCY_POOL" ? "m3" : i.kind === "DRILL" ? "times" : "count"}`)} · {i.percent}%
                </td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{i.deadline}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {t(`itemStatus.${i.status}`)} <ColourBadge colour={i.colour} />
                </td>
                {mayProgress && (
                  <td className="px-3 py-2">
                    <ProgressForm parkId={park.id} item={i} submit={updatePreventionItemAction} />
                  </td>
                )}
                {mayManage && (
                  <td className="px-3 py-2">
                    <ItemEditDialog parkId={park.id} item={i} submit={editPreventionItemAction} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {mayManage && (
          <details className="border-slate-200 border-t p-3">
            <summary className="cursor-pointer font-medium">{t("parkDetail.addItem")}</summary>
            <div className="mt-2">
              <ItemForm parkId={park.id} today={today} submit={addPreventionItemAction} />
            </div>
          </details>
        )}
      </section>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <section className="card p-3" aria-labelledby="assessments-title">
          <h2 id="assessments-title" className="mb-2 font-semibold">
            {t("parkDetail.assessments")}
          </h2>
          <ul className="space-y-1 text-sm">
            {park.assessments.map((a) => (
              <li key={a.id}>
                <span className="tabular-nums">{a.assessedOn}</span> ·{" "}
                <span className="font-medium">{t(`assessment.${a.result}`)}</span> — {a.findings}
              </li>
            ))}
          </ul>
          {mayManage && (
            <details className="mt-2">
              <summary className="cursor-pointer font-medium text-sm">{t("parkDetail.saveAssessment")}</summary>
              <AssessmentForm parkId={park.id} today={today} submit={recordAssessmentAction} />
            </details>
          )}
        </section>
        <section className="card p-3" aria-labelledby="drills-title">
          <h2 id="drills-title" className="mb-2 font-semibold">
            {t("parkDetail.drills", { count: park.drills.length })}
          </h2>
          <ul className="space-y-1 text-sm">
            {park.drills.map((d) => (
              <li key={d.id}>
                <span className="tabular-nums">{d.heldOn}</span> · {t(`preventionLevel.${d.level}`)} · {d.scenario} ·{" "}
                {t("parkDetail.people", { count: d.participants })}
              </li>
            ))}
          </ul>
          {mayProgress && (
            <details className="mt-2">
              <summary className="cursor-pointer font-medium text-sm">{t("parkDetail.saveDrill")}</summary>
              <DrillForm
                parkId={park.id}
                today={today}
                drillItems={park.items.filter((i) => i.kind === "DRILL").map((i) => ({ id: i.id, name: i.name }))}
                submit={recordDrillAction}
              />
            </details>
          )}
        </section>
      </div>
      {park.enterprises.length > 0 && (
        <section className="card mt-3 p-3" aria-labelledby="firms-title">
          <h2 id="firms-title" className="mb-2 font-semibold">
            {t("parkDetail.enterprises", { count: park.enterprises.length })}
          </h2>
          <ul className="grid gap-1 text-sm sm:grid-cols-2">
            {park.enterprises.map((e) => (
              <li key={e.id}>
                {e.name} <span className="text-slate-500 text-xs">{e.creditCode}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
