import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DistrictMap } from "@/components/map/district-map";
import { LedgerOfficeActions } from "@/components/office/ledger-office-actions";
import { ColourLegend } from "@/components/problems/colour-reason";
import { LedgerFilters, type UnitGroup } from "@/components/problems/ledger-filters";
import { LedgerList } from "@/components/problems/ledger-list";
import { FILTER_KEYS } from "@/components/problems/ledger-query";
import { Pagination } from "@/components/problems/pagination";
import { Notice } from "@/components/ui/notice";
import { RED_RETURN_COUNT } from "@/lib/domain/colour";
import { type FieldErrors, isAppError } from "@/lib/errors";
import { type Actor, can } from "@/lib/permissions";
import type { Locale } from "@/lib/schemas/parse";
import { getDistrictMap } from "@/lib/server/map/get-district-map";
import { listProblems, type ProblemPage } from "@/lib/server/problems/list-problems";
import { readSettings } from "@/lib/server/settings/get-settings";
import { pathWithQuery, requireActor } from "../session";
import { loadReferences } from "./references";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("ledger.title")} · ${t("common.appName")}` };
}

const QUERY_KEYS = [...FILTER_KEYS, "sort", "page", "pageSize"] as const;
type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The ledger's own parameters from the URL (first value of each; the colour grades, a multiple
 * choice, joined by commas); anything else in the URL is ignored.
 */
function ledgerQuery(params: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of QUERY_KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? (key === "colour" ? raw.join(",") : raw[0]) : raw;
    if (value !== undefined && value !== "") out[key] = value;
  }
  return out;
}

/** One page of the ledger, or the per-parameter messages when the URL holds values the ledger does not accept. */
async function loadPage(
  actor: Actor,
  query: Record<string, string>,
  locale: Locale,
): Promise<{ page: ProblemPage } | { invalid: FieldErrors }> {
  try {
    return { page: await listProblems(actor, query, { locale }) };
  } catch (e) {
    if (isAppError(e) && e.code === "VALIDATION_FAILED") return { invalid: e.fields ?? {} };
    throw e;
  }
}

export default async function ProblemsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requireActor(pathWithQuery("/problems", params));
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("ledger");
  const te = await getTranslations("enums");
  const tn = await getTranslations("nav");
  const tx = await getTranslations("colourExplain");
  const tm = await getTranslations("battleMap");
  const query = ledgerQuery(params);

  const [refs, outcome, settings] = await Promise.all([
    loadReferences(actor, locale),
    loadPage(actor, query, locale),
    readSettings(actor),
  ]);
  const page = "page" in outcome ? outcome.page : null;
  // The battle map beside the ledger (?view=map), over the same filters.
  const showMap = params.view === "map";
  const map = showMap && page ? await getDistrictMap(actor, query, { locale }) : null;
  const mapToggle = new URLSearchParams(query);
  if (!showMap) mapToggle.set("view", "map");
  const tf = await getTranslations("problem.fields");
  const paramLabel = (key: string) => {
    if (key === "q") return t("search");
    if (key === "sort") return t("sort");
    if (key === "pageSize") return t("pageSize");
    if (key === "colour") return tx("filterLegend");
    if (key === "page") return t("pagination");
    return tf.has(key) ? tf(key) : key;
  };

  const firstPage = new URLSearchParams(query);
  firstPage.delete("page");
  const firstPageHref = firstPage.size ? `/problems?${firstPage}` : "/problems";

  const unitGroups: UnitGroup[] = [];
  for (const u of refs.units) {
    const label = te(`unitKind.${u.kind}`);
    let group = unitGroups.find((g) => g.label === label);
    if (!group) {
      group = { label, units: [] };
      unitGroups.push(group);
    }
    group.units.push({ value: u.value, label: u.label });
  }

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
        <div className="flex items-baseline gap-3">
          <h1 className="font-semibold text-slate-900 text-xl">{t("title")}</h1>
          {page ? (
            <p className="text-slate-600 text-sm" data-testid="ledger-total" data-total={page.total} aria-live="polite">
              {t("total", { total: page.total })}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <LedgerOfficeActions query={query} canImport={can(actor, "problem.import")} />
          <Link
            href={mapToggle.size ? `/problems?${mapToggle}` : "/problems"}
            className="btn-secondary"
            data-testid="ledger-map-toggle"
          >
            {showMap ? tm("hideMap") : tm("showMap")}
          </Link>
          {can(actor, "problem.create") ? (
            <Link href="/problems/new" className="btn-primary print:hidden">
              + {tn("newProblem")}
            </Link>
          ) : null}
        </div>
      </div>

      <LedgerFilters
        key={new URLSearchParams(query).toString()}
        values={query}
        districts={refs.districts}
        leaders={refs.leaders}
        unitGroups={unitGroups}
      />

      <ColourLegend
        className="mb-3"
        paceMarginPct={settings.paceMarginPct}
        dueSoonDays={settings.dueSoonDays}
        returnLimit={RED_RETURN_COUNT}
      />
      {map ? (
        <div className="mb-3">
          <DistrictMap data={map} ledgerQuery={{ ...query, view: "map" }} compact />
        </div>
      ) : null}

      {"invalid" in outcome ? (
        <Notice title={t("invalidQuery")} tone="amber" level={2} action={{ href: "/problems", label: t("showAll") }}>
          <ul className="list-disc pl-5">
            {Object.entries(outcome.invalid).map(([key, messages]) => (
              <li key={key}>{t("paramError", { field: paramLabel(key), message: messages.join(" ") })}</li>
            ))}
          </ul>
        </Notice>
      ) : page && page.items.length === 0 && page.total > 0 ? (
        <Notice title={t("pageOutOfRange")} level={2} action={{ href: firstPageHref, label: t("firstPage") }} />
      ) : page && page.items.length === 0 ? (
        <div className="card p-8 text-center">
          <p className="font-medium text-slate-800">{t("empty")}</p>
          <p className="mt-1 text-slate-600 text-sm">{t("emptyHint")}</p>
          <p className="mt-4">
            <Link href="/problems" className="btn-secondary">
              {t("clear")}
            </Link>
          </p>
        </div>
      ) : page ? (
        <>
          <LedgerList items={page.items} names={refs.names} total={page.total} page={page.page} />
          <Pagination page={page.page} pageSize={page.pageSize} total={page.total} query={query} />
        </>
      ) : null}
    </div>
  );
}
