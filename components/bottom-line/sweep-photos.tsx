"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { formatBureauDateTime } from "@/lib/i18n/labels";

export type SweepPhoto = {
  id: string;
  originalName: string;
  mime: string;
  hasThumb: boolean;
  capturedAt: string | null;
  latitude: number | null;
  longitude: number | null;
  uploadedAt: string;
  /** The checklist item the photo was stored with. */
  itemTitle: string;
};

const fileUrl = (id: string, thumb = false) => `/api/v1/bottom-line-files/${id}${thumb ? "?variant=thumb" : ""}`;

/** When and where a photo was taken (EXIF time and GPS when it carries them), when it was uploaded, and its file. */
export function PhotoFacts({ photo, place }: { photo: SweepPhoto; place: string }) {
  const t = useTranslations("bottomLineForms.photos");
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-slate-600">{t("captured")}</dt>
      <dd data-testid="photo-captured">{photo.capturedAt ? formatBureauDateTime(photo.capturedAt) : t("capturedUnknown")}</dd>
      <dt className="text-slate-600">{t("uploaded")}</dt>
      <dd>{formatBureauDateTime(photo.uploadedAt)}</dd>
      <dt className="text-slate-600">{t("place")}</dt>
      <dd>{place}</dd>
      <dt className="text-slate-600">{t("gps")}</dt>
      <dd data-testid="photo-gps">
        {photo.latitude !== null && photo.longitude !== null
          ? t("coordinates", { lat: photo.latitude.toFixed(5), lng: photo.longitude.toFixed(5) })
          : t("gpsUnknown")}
      </dd>
      <dt className="text-slate-600">{t("file")}</dt>
      <dd className="break-all">
        <a href={fileUrl(photo.id)} className="link">
          {photo.originalName}
        </a>
      </dd>
    </dl>
  );
}

/**
 * The photos of a check as thumbnails; one opens large in a dialog with when it was taken (EXIF,
 * else unknown), when it was uploaded and where (the checked target), and steps to the next one.
 * Files that are not images are listed as downloads.
 */
export function SweepPhotos({ photos, place }: { photos: SweepPhoto[]; place: string }) {
  const t = useTranslations("bottomLineForms.photos");
  const [open, setOpen] = useState<number | null>(null);
  if (photos.length === 0) return null;
  const shown = open === null ? null : photos[open];
  return (
    <div>
      <ul className="flex flex-wrap gap-2" aria-label={t("list", { count: photos.length })}>
        {photos.map((p, i) => (
          <li key={p.id}>
            {p.mime.startsWith("image/") ? (
              <button
                type="button"
                className="block h-20 w-20 overflow-hidden rounded border border-slate-300 bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700"
                onClick={() => setOpen(i)}
                aria-label={t("open", { name: p.originalName, item: p.itemTitle })}
                data-testid="sweep-photo"
              >
                {/* biome-ignore lint/performance/noImgElement: served by the scoped file route, not optimisable */}
                <img
                  src={fileUrl(p.id, p.hasThumb)}
                  alt={t("alt", { item: p.itemTitle })}
                  className="h-full w-full object-cover"
                  loading="lazy"
                />
              </button>
            ) : (
              <a href={fileUrl(p.id)} className="link text-sm">
                {p.originalName}
              </a>
            )}
          </li>
        ))}
      </ul>
      <Dialog
        open={shown !== null && shown !== undefined}
        onClose={() => setOpen(null)}
        title={shown?.itemTitle ?? ""}
        testId="photo-viewer"
      >
        {shown && open !== null && (
          <div className="space-y-2">
            {/* biome-ignore lint/performance/noImgElement: served by the scoped file route, not optimisable */}
            <img
              src={fileUrl(shown.id)}
              alt={t("alt", { item: shown.itemTitle })}
              className="max-h-[60vh] w-full object-contain"
            />
            <PhotoFacts photo={shown} place={place} />
            <div className="flex flex-wrap justify-between gap-2">
              <div className="flex gap-2">
                <button type="button" className="btn-secondary" disabled={open === 0} onClick={() => setOpen(open - 1)}>
                  {t("previous")}
                </button>
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={open === photos.length - 1}
                  onClick={() => setOpen(open + 1)}
                >
                  {t("next")}
                </button>
              </div>
              <span className="self-center text-slate-600 text-sm">{t("position", { n: open + 1, count: photos.length })}</span>
              <button type="button" className="btn-primary" onClick={() => setOpen(null)}>
                {t("close")}
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
