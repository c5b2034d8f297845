"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { EVIDENCE_KINDS, type EvidenceKindName } from "@/lib/domain/enums";
import { useUploads } from "./upload-provider";
import { DOCUMENT_ACCEPT } from "./upload-queue";

/* Capture: the camera buttons, the document picker and the corrected-version button that put files in the queue. */
export function pickFiles(e: React.ChangeEvent<HTMLInputElement>): File[] {
  const list = Array.from(e.target.files ?? []);
  // The same photo may be chosen again after a refusal: clear the input.
  e.target.value = "";
  return list;
}

export function CameraIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-7 w-7 shrink-0" fill="none" stroke="currentColor" strokeWidth={2}>
      <path d="M3 8a2 2 0 0 1 2-2h2l2-2h6l2 2h2a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
      <circle cx="12" cy="13" r="3.5" />
    </svg>
  );
}

/**
 * A big camera button for one photo kind: on a phone it opens the rear camera (`capture`), on a
 * desktop a file chooser. The input is inside the label, so the whole button is the touch target.
 */
export function PhotoButton({ kind, measureId }: { kind: EvidenceKindName; measureId?: string }) {
  const t = useTranslations("evidenceUi.uploader");
  const te = useTranslations("enums.evidenceKind");
  const { enqueue } = useUploads();
  const tone = kind === "AFTER_PHOTO" ? "bg-emerald-700 hover:bg-emerald-800" : "bg-blue-700 hover:bg-blue-800";
  return (
    <label
      className={`flex min-h-16 cursor-pointer items-center justify-center gap-2 rounded-lg px-3 py-3 font-semibold text-base text-white shadow focus-within:outline-2 focus-within:outline-blue-600 focus-within:outline-offset-2 ${tone}`}
    >
      <CameraIcon />
      <span className="text-center leading-tight">
        {t("takePhoto")}
        <span className="block font-normal text-sm opacity-90">{te(kind)}</span>
      </span>
      <input
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        className="sr-only"
        data-testid={`photo-input-${kind}`}
        onChange={(e) => enqueue(pickFiles(e), { kind, measureId })}
      />
    </label>
  );
}

/** Before / after photo buttons side by side, thumb-sized. */
export function PhotoButtons({ measureId }: { measureId?: string }) {
  return (
    <div className="grid grid-cols-2 gap-2">
      <PhotoButton kind="BEFORE_PHOTO" measureId={measureId} />
      <PhotoButton kind="AFTER_PHOTO" measureId={measureId} />
    </div>
  );
}

/** Documents, video or any kind of evidence from the device: choose the kind and (optionally) a measure first. */
export function DocumentPicker({ defaultKind = "MONITORING_REPORT" }: { defaultKind?: EvidenceKindName }) {
  const t = useTranslations("evidenceUi.uploader");
  const te = useTranslations("enums.evidenceKind");
  const { enqueue, measures, maxBytes } = useUploads();
  const [kind, setKind] = useState<EvidenceKindName>(defaultKind);
  const [measureId, setMeasureId] = useState("");
  const id = useId();
  return (
    <fieldset className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid="document-picker">
      <legend className="px-1 font-medium text-slate-800 text-sm">{t("documents")}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-kind`} className="field-label">
            {t("kind")}
          </label>
          <select
            id={`${id}-kind`}
            className="field-input"
            value={kind}
            onChange={(e) => setKind(e.target.value as EvidenceKindName)}
          >
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {te(k)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-measure`} className="field-label">
            {t("measure")}
          </label>
          <select id={`${id}-measure`} className="field-input" value={measureId} onChange={(e) => setMeasureId(e.target.value)}>
            <option value="">{t("measureNone")}</option>
            {measures.map((m) => (
              <option key={m.id} value={m.id}>
                {m.seq}. {m.description}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label className="btn-secondary w-full cursor-pointer focus-within:outline-2 focus-within:outline-blue-600 focus-within:outline-offset-2">
        {t("chooseFiles")}
        <input
          type="file"
          multiple
          accept={kind === "BEFORE_PHOTO" || kind === "AFTER_PHOTO" ? "image/*" : DOCUMENT_ACCEPT}
          className="sr-only"
          data-testid="document-input"
          onChange={(e) => enqueue(pickFiles(e), { kind, measureId: measureId || undefined })}
        />
      </label>
      <p className="text-slate-600 text-xs">{t("documentHint", { max: Math.floor(maxBytes / 1048576) })}</p>
    </fieldset>
  );
}

/** "Upload a corrected version" of a returned item: same kind and measure, linked to the one it replaces. */
export function CorrectionButton({
  evidenceId,
  kind,
  measureId,
}: {
  evidenceId: string;
  kind: EvidenceKindName;
  measureId: string | null;
}) {
  const t = useTranslations("evidenceUi.uploader");
  const { enqueue } = useUploads();
  const photo = kind === "BEFORE_PHOTO" || kind === "AFTER_PHOTO";
  return (
    <label className="btn-primary cursor-pointer focus-within:outline-2 focus-within:outline-blue-600 focus-within:outline-offset-2">
      {t("uploadCorrection")}
      <input
        type="file"
        accept={photo ? "image/*" : DOCUMENT_ACCEPT}
        {...(photo ? { capture: "environment" as const } : {})}
        className="sr-only"
        data-testid={`correction-input-${evidenceId}`}
        onChange={(e) => enqueue(pickFiles(e).slice(0, 1), { kind, measureId: measureId ?? undefined, supersedesId: evidenceId })}
      />
    </label>
  );
}
