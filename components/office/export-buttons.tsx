import { getTranslations } from "next-intl/server";

/**
 * A list's download buttons (XLSX and CSV) for a page header: the list's `export` route with the
 * page's current filters (paging dropped: the download holds every row the page would list).
 * Plain links, so the download works without scripts and from a keyboard.
 */
export async function ExportButtons({
  endpoint,
  query,
  testId,
}: {
  /** The list's export route, e.g. `/api/v1/cases/export`. */
  endpoint: string;
  query: Record<string, string | undefined>;
  testId: string;
}) {
  const t = await getTranslations("officeUi");
  const filters = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v && k !== "page" && k !== "pageSize") filters.set(k, v);
  const href = (format: string) => {
    const q = new URLSearchParams(filters);
    q.set("format", format);
    return `${endpoint}?${q}`;
  };
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden" data-print="hide">
      <a href={href("xlsx")} className="btn-secondary" data-testid={`${testId}-export-xlsx`} download>
        {t("exportXlsx")}
      </a>
      <a href={href("csv")} className="btn-secondary" data-testid={`${testId}-export-csv`} download>
        {t("exportCsv")}
      </a>
    </div>
  );
}
