import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClueActions } from "@/components/offsite/clue-actions";
import { ClueStatusBadge, RuleBadge } from "@/components/offsite/clue-badges";
import { ClueChart } from "@/components/offsite/clue-chart";
import { Badge } from "@/components/ui/badge";
import { NoPermission } from "@/components/ui/no-permission";
import { isAppError } from "@/lib/errors";
import { shanghaiMinute } from "@/lib/i18n/format-time";
import { can } from "@/lib/permissions";
import { getClue } from "@/lib/server/clues/get-clue";
import { requireActor } from "../../../session";
import { assignClueAction, dismissClueAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("offsiteClues.title")} · ${t("common.appName")}` };
}

/** One clue: its window, its readings drawn against the limit, assign / dismiss, and its history. */
export default async function CluePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enforcement/clues/${id}`);
  if (!can(actor, "clue.read")) return <NoPermission />;
  const data = await getClue(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, tr] = await Promise.all([getTranslations("offsiteClues"), getTranslations("offsiteEnums.dismissReason")]);
  const c = data.clue;
  const open = c.status === "OPEN" || c.status === "ASSIGNED";
  const actionLabel = (action: string) => {
    const key = `actions.${action.replace(".", "_")}` as "actions.clue_assigned";
    return t.has(key) ? t(key) : action;
  };
  const names = { value: t("chartValue"), limit: t("chartLimit"), window: t("chartWindow") };

  return (
    <div className="space-y-4">
      <Link href="/enforcement/clues" className="link text-sm">
        {t("back")}
      </Link>
      <header className="space-y-1">
        <h1 className="font-bold text-2xl">
          {t("detailTitle", { enterprise: c.enterprise.name, outlet: c.outletCode, pollutant: c.pollutant })}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <RuleBadge rule={c.rule} />
          <ClueStatusBadge status={c.status} />
          {c.enterprise.isDemo && <Badge tone="amber">{t("demo")}</Badge>}
          <span className="text-slate-600">
            {c.district.name} · {c.enterprise.creditCode} · {t("raisedAt", { at: shanghaiMinute(c.createdAt) })}
          </span>
        </p>
      </header>

      <dl className="grid grid-cols-2 gap-3 rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200 sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t("window")}</dt>
          <dd className="tabular-nums" data-testid="clue-window">
            {shanghaiMinute(c.windowStart)} – {shanghaiMinute(c.windowEnd)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("hours")}</dt>
          <dd className="tabular-nums">{t("hoursValue", { hours: c.hours })}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{c.rule === "FLATLINE" ? t("flatValue") : t("peak")}</dt>
          <dd className="tabular-nums">
            {c.peak === null ? "—" : `${c.peak}${c.limit !== null ? ` / ${c.limit}` : ""} ${c.unit}`}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("assignee")}</dt>
          <dd>{c.assignee?.displayName ?? t("none")}</dd>
        </div>
      </dl>

      {c.status === "DISMISSED" && c.dismissReason && (
        <p className="rounded bg-slate-100 p-3 text-sm" data-testid="clue-dismissed">
          {t("dismissedBecause", { reason: tr(c.dismissReason) })}
          {c.dismissNote ? `：${c.dismissNote}` : ""}
        </p>
      )}
      {c.status === "CLOSED" && <p className="rounded bg-emerald-50 p-3 text-sm">{t("closedBy")}</p>}

      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <ClueChart
          readings={data.readings}
          windowStart={c.windowStart}
          windowEnd={c.windowEnd}
          unit={c.unit}
          names={names}
          label={t("chartLabel", { pollutant: c.pollutant, unit: c.unit })}
        />
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-700">{t("readings", { count: data.readings.length })}</summary>
          <div className="max-h-80 overflow-y-auto">
            <table className="mt-2 w-full">
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="p-1">
                    {t("hour")}
                  </th>
                  <th scope="col" className="p-1 text-right">
                    {t("value")}
                  </th>
                  <th scope="col" className="p-1 text-right">
                    {t("limit")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.readings.map((r) => (
                  <tr key={r.hour} className={r.value > r.limit ? "bg-red-50" : undefined}>
                    <td className="p-1 tabular-nums">{shanghaiMinute(r.hour)}</td>
                    <td className="p-1 text-right tabular-nums">{r.value}</td>
                    <td className="p-1 text-right tabular-nums">{r.limit}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      {open && (can(actor, "clue.assign") || can(actor, "clue.dismiss")) && (
        <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-label={t("assign")}>
          <ClueActions
            clueId={c.id}
            version={c.version}
            assignees={data.assignees}
            currentAssigneeId={c.assignee?.id ?? null}
            canAssign={can(actor, "clue.assign")}
            canDismiss={can(actor, "clue.dismiss")}
            assignAction={assignClueAction}
            dismissAction={dismissClueAction}
          />
        </section>
      )}

      <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-2 font-semibold">{t("history")}</h2>
        {data.history.length === 0 ? (
          <p className="text-slate-600 text-sm">{t("historyEmpty")}</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {data.history.map((h) => (
              <li key={h.id}>
                <span className="tabular-nums text-slate-600">{shanghaiMinute(h.at)}</span> {h.actorName ?? "—"} ·{" "}
                {actionLabel(h.action)}
                {h.action === "clue.assigned" && (h.after as { assigneeName?: string } | null)?.assigneeName
                  ? ` → ${(h.after as { assigneeName: string }).assigneeName}`
                  : ""}
                {h.action === "clue.dismissed" && (h.after as { reason?: string } | null)?.reason
                  ? `（${tr((h.after as { reason: "OTHER" }).reason)}${(h.after as { note?: string }).note ? `：${(h.after as { note: string }).note}` : ""}）`
                  : ""}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
