"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ImportFlow } from "@/components/import/import-flow";
import { IMPORT_COLUMNS } from "@/lib/domain/indicator-import";

/** The indicator import: check the file (every bad row in Chinese, or a preview), then import on confirmation. */
export function IndicatorImportForm() {
  const t = useTranslations("indicatorImport");
  const tk = useTranslations("importKit");
  return (
    <ImportFlow
      inputId="indicator-file"
      fileLabel={t("file")}
      help={
        <p>
          {t("help")}{" "}
          <a href="/api/v1/indicators/import/template" className="text-blue-700 underline" download>
            {tk("template")}
          </a>
        </p>
      }
      previewUrl="/api/v1/indicators/import?preview=true"
      commitUrl="/api/v1/indicators/import"
      columnLabels={Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, tk(`indicatorColumns.${c}`)]))}
      previewText={(a) => tk("previewCounts", { rows: a.rows ?? 0, imported: a.imported ?? 0, replaced: a.replaced ?? 0 })}
      doneText={(a) => (
        <>
          {t("done", { imported: a.imported ?? 0, replaced: a.replaced ?? 0 })}{" "}
          <Link href="/dashboard" className="font-medium underline">
            {t("toDashboard")}
          </Link>
        </>
      )}
    />
  );
}
