"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/** One click for the monthly dispatch briefing (调度简报, .docx) of the month chosen. */
export function BriefingDownload({ defaultMonth }: { defaultMonth: string }) {
  const t = useTranslations("officeUi");
  const [month, setMonth] = useState(defaultMonth);
  const id = useId();
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden" data-testid="briefing-download">
      <label htmlFor={id} className="text-slate-600 text-sm">
        {t("briefingMonth")}
      </label>
      <input
        id={id}
        type="month"
        value={month}
        max={defaultMonth}
        onChange={(e) => setMonth(e.target.value)}
        className="rounded border border-slate-300 px-2 py-1 text-sm"
      />
      {valid ? (
        <a href={`/api/v1/reports/briefing?month=${month}`} className="btn-primary" download data-testid="briefing-link">
          {t("briefing")}
        </a>
      ) : (
        <span className="text-red-700 text-sm" role="alert">
          {t("briefingPickMonth")}
        </span>
      )}
    </div>
  );
}
