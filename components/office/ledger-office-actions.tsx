import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * The ledger's office buttons: download the list as it is filtered (XLSX or CSV) and, for the
 * ledger keeper, bring a spreadsheet in. Plain links: the download works without scripts.
 */
export async function LedgerOfficeActions({ query, canImport }: { query: Record<string, string>; canImport: boolean }) {
  const t = await getTranslations("officeUi");
  const filters = new URLSearchParams(query);
  filters.delete("page");
  filters.delete("pageSize");
  const href = (format: string) => {
    const q = new URLSearchParams(filters);
    q.set("format", format);
    return `/api/v1/problems/export?${q}`;
  };
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden" data-print="hide">
      <a href={href("xlsx")} className="btn-secondary" data-testid="ledger-export-xlsx" download>
        {t("exportXlsx")}
      </a>
      <a href={href("csv")} className="btn-secondary" data-testid="ledger-export-csv" download>
        {t("exportCsv")}
      </a>
      {canImport ? (
        <Link href="/problems/import" className="btn-secondary" data-testid="ledger-import">
          {t("import")}
        </Link>
      ) : null}
    </div>
  );
}
