"use client";

import { useTranslations } from "next-intl";
import { spanParts } from "@/lib/domain/photo-signals";
import type { PhotoSignalDto } from "@/lib/schemas/findings";

const thumbOf = (evidenceId: string) => `/api/v1/evidence/${encodeURIComponent(evidenceId)}/file?variant=thumb`;

/** The matching photo, small, linking to where it belongs (its card on this page, or the other problem). */
function MatchThumb({ href, evidenceId, label }: { href: string; evidenceId: string; label: string }) {
  return (
    <a href={href} className="inline-flex shrink-0 items-center" aria-label={label} title={label}>
      {/* biome-ignore lint/performance/noImgElement: evidence thumbnails come from the authenticated API. */}
      <img
        src={thumbOf(evidenceId)}
        alt=""
        loading="lazy"
        className="h-8 w-8 rounded border border-amber-300 object-cover"
        onError={(e) => {
          e.currentTarget.style.display = "none";
        }}
      />
    </a>
  );
}

/**
 * Warning chips for a photo's signals of false rectification, each in words with its figures and,
 * for a similar photo, a thumbnail linking to it. Nothing when there are none (or the person's
 * role is not shown them: `signals` is null).
 */
export function PhotoSignalChips({ signals, problemId }: { signals: PhotoSignalDto[] | null; problemId: string }) {
  const t = useTranslations("photoSignals");
  if (!signals?.length) return null;
  const span = (hours: number | undefined) => {
    const p = spanParts(hours ?? 0);
    return t(p.unit, { value: p.value });
  };
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={t("listLabel")} data-testid="photo-signals">
      {signals.map((s, i) => {
        let text: string;
        let match: { href: string; evidenceId: string } | null = null;
        switch (s.kind) {
          case "SAME_AS_BEFORE":
            text = t("SAME_AS_BEFORE", { distance: s.distance ?? 0 });
            if (s.evidenceId) match = { href: `/problems/${problemId}#evidence-${s.evidenceId}`, evidenceId: s.evidenceId };
            break;
          case "REUSED_PHOTO":
            text = t("REUSED_PHOTO", { code: s.problemCode ?? "", distance: s.distance ?? 0 });
            if (s.evidenceId && s.problemId)
              match = { href: `/problems/${s.problemId}#evidence-${s.evidenceId}`, evidenceId: s.evidenceId };
            break;
          case "CAPTURED_BEFORE_REGISTRATION":
            text = t("CAPTURED_BEFORE_REGISTRATION", { span: span(s.hours) });
            break;
          case "CAMERA_TIME_FAR_FROM_UPLOAD":
            text = t("CAMERA_TIME_FAR_FROM_UPLOAD", { span: span(s.hours) });
            break;
          case "EDITING_SOFTWARE":
            text = t("EDITING_SOFTWARE", { software: s.software ?? s.editor ?? "" });
            break;
        }
        return (
          <li
            key={`${s.kind}-${s.evidenceId ?? i}`}
            className="inline-flex max-w-full items-center gap-1.5 rounded-md bg-amber-50 px-2 py-1 text-amber-950 text-xs ring-1 ring-amber-400 ring-inset"
            data-testid="photo-signal"
            data-kind={s.kind}
            data-match={s.evidenceId}
          >
            <span aria-hidden className="font-bold text-amber-700">
              ⚠
            </span>
            <span className="break-words">{text}</span>
            {match ? <MatchThumb href={match.href} evidenceId={match.evidenceId} label={t("matchLink")} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
