"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ImportFlow } from "@/components/import/import-flow";

/**
 * Readings from a CSV or XLSX file on the Taihu page: checked first (every bad row listed with its
 * column and reason, nothing written), then imported all at once on confirmation; the board refreshes.
 */
export function ReadingsUpload() {
  const t = useTranslations("taihuUpload");
  const router = useRouter();
  const columns = [
    "pointCode",
    "day",
    "algaeDensity",
    "bloomArea",
    "blackBloom",
    "blackBloomArea",
    "sourceStatus",
    "note",
    "file",
  ] as const;
  return (
    <section className="space-y-2" aria-labelledby="readings-upload-title">
      <h2 id="readings-upload-title" className="font-semibold text-lg">
        {t("title")}
      </h2>
      <ImportFlow
        inputId="readings-file"
        fileLabel={t("file")}
        help={
          <p>
            {t("help")}{" "}
            <a href="/api/v1/taihu/readings/import/template" className="text-blue-700 underline" download>
              {t("template")}
            </a>
          </p>
        }
        previewUrl="/api/v1/taihu/readings/import?preview=true"
        commitUrl="/api/v1/taihu/readings/import"
        columnLabels={Object.fromEntries(columns.map((c) => [c, t(`columns.${c}`)]))}
        previewText={(a) => t("previewOk", { rows: a.rows ?? 0, imported: a.imported ?? 0, replaced: a.replaced ?? 0 })}
        doneText={(a) =>
          t("done", { saved: (a as { saved?: number }).saved ?? 0, imported: a.imported ?? 0, replaced: a.replaced ?? 0 })
        }
        onDone={() => router.refresh()}
      />
    </section>
  );
}
