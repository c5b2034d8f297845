import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ExportButtons } from "@/components/office/export-buttons";
import { TimelineChart } from "@/components/timeline/timeline-chart";
import { type FilterGroup, TimelineFilters } from "@/components/timeline/timeline-filters";
import { TimelineLegend } from "@/components/timeline/timeline-legend";
import { TIMELINE_FILTER_KEYS } from "@/components/timeline/timeline-query";
import { TimelineTable } from "@/components/timeline/timeline-table";
import { TimelineZoom } from "@/components/timeline/timeline-zoom";
import { Notice } from "@/components/ui/notice";
import { type FieldErrors, isAppError } from "@/lib/errors";
import { type Actor, can } from "@/lib/permissions";
import type { Locale } from "@/lib/schemas/parse";
import type { Timeline } from "@/lib/schemas/timeline";
import { getTimeline } from "@/lib/server/timeline/get-timeline";
import { loadReferences } from "../problems/references";
import { pathWithQuery, requireActor } from "../session";

type SearchParams = Record<string, string | string[] | undefined>;

/** URL parameter → its filter's label key. */
const PARAM_LABELS: Record<string, string> = {
  districtCode: "district",
  leadUnitId: "leadUnit",
  leadOfficialId: "leadOfficial",
  status: "status",
  colour: "colour",
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("timeline.title")} · ${t("common.appName")}` };
}

function timelineQuery(params: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of TIMELINE_FILTER_KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value !== "") out[key] = value;
  }
  return out;
}

async function load(actor: Actor, query: Record<string, string>, locale: Locale): Promise<Timeline | { invalid: FieldErrors }> {
  try {
    return await getTimeline(actor, query, { locale });
  } catch (e) {
    if (isAppError(e) && e.code === "VALIDATION_FAILED") return { invalid: e.fields ?? {} };
    throw e;
  }
}

/** 挂图作战: the filtered problems' measures on a time axis, with a table of the same data. */
export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/timeline", params));
  const locale = (await getLocale()) as Locale;
  const query = timelineQuery(params);
  const zoom = params.zoom === "year" ? "year" : "fit";
  const [refs, result, t, te] = await Promise.all([
    loadReferences(actor, locale),
    load(actor, query, locale),
    getTranslations("timeline"),
    getTranslations("enums.unitKind"),
  ]);

  const paramLabel = (key: string) => (key in PARAM_LABELS ? t(`filters.${PARAM_LABELS[key]}`) : key);
  const unitGroups: FilterGroup[] = [];
  for (const u of refs.units) {
    if (u.kind !== "DIVISION" && u.kind !== "AGENCY") continue;
    const label = te(u.kind);
    let group = unitGroups.find((g) => g.label === label);
    if (!group) {
      group = { label, options: [] };
      unitGroups.push(group);
    }
    group.options.push({ value: u.value, label: u.label });
  }

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1 className="font-semibold text-slate-900 text-xl">{t("title")}</h1>
        {"items" in result ? (
          <p className="text-slate-600 text-sm" data-testid="timeline-total" aria-live="polite">
            {result.truncated
              ? t("truncated", { shown: result.items.length, total: result.total })
              : t("total", { total: result.total })}
          </p>
        ) : null}
        {can(actor, "listExport.read") && (
          <div className="ml-auto">
            <ExportButtons endpoint="/api/v1/timeline/export" query={query} testId="timeline" />
          </div>
        )}
      </div>
      <p className="mb-3 text-slate-600 text-sm">{t("intro")}</p>

      <TimelineFilters
        key={new URLSearchParams(query).toString()}
        values={query}
        districts={refs.districts}
        unitGroups={unitGroups}
        leaders={refs.leaders}
      />

      {"invalid" in result ? (
        <Notice title={t("invalidQuery")} tone="amber" level={2} action={{ href: "/timeline", label: t("showAll") }}>
          <ul className="list-disc pl-5">
            {Object.entries(result.invalid).map(([key, messages]) => (
              <li key={key}>{t("paramError", { field: paramLabel(key), message: messages.join(" ") })}</li>
            ))}
          </ul>
        </Notice>
      ) : result.items.length === 0 ? (
        <div className="card p-8 text-center">
          <p className="font-medium text-slate-800">{t("empty")}</p>
        </div>
      ) : (
        <>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <TimelineLegend />
            <TimelineZoom zoom={zoom} params={params} />
          </div>
          <TimelineChart items={result.items} today={result.today} locale={locale} zoom={zoom} />
          <p className="mt-1 text-slate-500 text-xs sm:hidden">{t("scrollHint")}</p>
          <TimelineTable items={result.items} />
        </>
      )}
    </div>
  );
}
