"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { IncidentDto } from "@/lib/schemas/self-review";
import { IncidentForm } from "./incident-form";

/** The 编辑 button of one incident, opening its form in a dialog. */
export function IncidentEdit({
  incident,
  districts,
  enterprises,
  today,
}: {
  incident: IncidentDto;
  districts: { code: string; name: string }[];
  enterprises: { id: string; name: string; districtCode: string }[];
  today: string;
}) {
  const t = useTranslations("incidentEdit");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link text-sm" onClick={() => setOpen(true)} aria-label={`${t("edit")} ${incident.title}`}>
        {t("edit")}
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("editTitle", { title: incident.title })}
        testId="incident-dialog"
      >
        {open ? (
          <IncidentForm
            key={`${incident.id}-${incident.version}`}
            incident={incident}
            districts={districts}
            enterprises={enterprises}
            today={today}
            onDone={() => setOpen(false)}
          />
        ) : null}
      </Dialog>
    </>
  );
}
