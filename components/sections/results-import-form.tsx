"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ImportFlow } from "@/components/import/import-flow";

/** Checks a results file (preview), shows what it would change, and imports it only on confirmation. */
export function ResultsImportForm() {
  const t = useTranslations("sectionImport");
  const tk = useTranslations("importKit");
  return (
    <ImportFlow
      inputId="results-file"
      fileLabel={t("file")}
      help={
        <p>
          {t("help")}{" "}
          <a href="/api/v1/sections/import/template?format=xlsx" className="text-blue-700 underline" download>
            {tk("template")}
          </a>
        </p>
      }
      previewUrl="/api/v1/sections/import"
      commitUrl="/api/v1/sections/import?commit=true"
      columnLabels={{
        sectionCode: t("section"),
        period: t("period"),
        classLabel: t("class"),
        keyPollutants: t("keyPollutant"),
        section_code: t("section"),
        class: t("class"),
        key_pollutant: t("keyPollutant"),
      }}
      previewText={(a) => t("previewOk", { rows: a.rows ?? 0, imported: a.imported ?? 0, replaced: a.replaced ?? 0 })}
      doneText={(a) => (
        <>
          {t("done", { imported: a.imported ?? 0, replaced: a.replaced ?? 0 })}{" "}
          <Link href="/sections" className="font-medium underline">
            {t("toList")}
          </Link>
        </>
      )}
    />
  );
}
