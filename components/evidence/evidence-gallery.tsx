"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { EVIDENCE_KINDS, type ReviewStatusName } from "@/lib/domain/enums";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import type { EvidenceDto } from "@/lib/schemas/evidence";
import { Badge, type BadgeTone } from "../ui/badge";
import { CorrectionButton } from "./capture";
import { ConfirmFakeButton } from "./confirm-fake";
import { listEvidence, verifyEvidence } from "./evidence-api";
import { chains } from "./evidence-chains";
import { PhotoSignalChips } from "./photo-signals";
import { ReviewControls } from "./review-controls";
import { useCanUpload, useUploadRevision } from "./upload-provider";

/** Beyond this distance from the problem's location a photo is flagged as possibly not on site. */
export const FAR_FROM_SITE_METRES = 500;

const REVIEW_TONES: Record<ReviewStatusName, BadgeTone> = { PENDING: "amber", ACCEPTED: "emerald", RETURNED: "red" };

export function ReviewBadge({ status }: { status: ReviewStatusName }) {
  const t = useTranslations("enums.reviewStatus");
  return (
    <span data-testid="review-status" data-status={status}>
      <Badge tone={REVIEW_TONES[status]}>{t(status)}</Badge>
    </span>
  );
}

/** 已确认为虚假材料: the evidence a standing finding confirmed as fake. */
export function FakeBadge({ e }: { e: EvidenceDto }) {
  const t = useTranslations("findings.confirmFake");
  return e.fakeFindingId ? (
    <span data-testid="evidence-fake">
      <Badge tone="red">{t("confirmed")}</Badge>
    </span>
  ) : null;
}

function metres(m: number, t: ReturnType<typeof useTranslations>): string {
  return m >= 1000 ? t("km", { km: (m / 1000).toFixed(1) }) : t("m", { m });
}

/** Where and when it was taken, and how far from the site — for photos and videos; a document has no such lines. */
export function CaptureFacts({ e }: { e: EvidenceDto }) {
  const t = useTranslations("evidenceUi.item");
  const far = e.distanceMeters !== null && e.distanceMeters > FAR_FROM_SITE_METRES;
  if (!e.mime.startsWith("image/") && !e.mime.startsWith("video/")) return null;
  return (
    <>
      <p className="text-slate-700 text-xs" data-testid="evidence-captured">
        {e.capturedAt
          ? t("captured", {
              at: formatBureauDateTime(e.capturedAt),
              source: t(`source.${e.capturedAtSource ?? "DEVICE"}`),
            })
          : t("capturedUnknown")}
      </p>
      <p className={`text-xs ${far ? "font-medium text-amber-900" : "text-slate-700"}`} data-testid="evidence-distance">
        {e.distanceMeters !== null
          ? far
            ? t("farFromSite", { distance: metres(e.distanceMeters, t) })
            : t("distance", { distance: metres(e.distanceMeters, t), source: t(`source.${e.gpsSource ?? "DEVICE"}`) })
          : e.lat !== null && e.lng !== null
            ? t("noSiteLocation")
            : t("noLocation")}
      </p>
    </>
  );
}

/** The file's fingerprint in short with a copy button, and the integrity check on demand. */
function Integrity({ e }: { e: EvidenceDto }) {
  const t = useTranslations("evidenceUi.item");
  const [copied, setCopied] = useState(false);
  const [check, setCheck] = useState<{ ok: boolean; at: string } | null>(
    e.verifiedAt && e.verifiedOk !== null ? { ok: e.verifiedOk, at: e.verifiedAt } : null,
  );
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
      <span className="text-slate-600">SHA-256</span>
      <code className="rounded bg-slate-100 px-1 font-mono text-slate-800" title={e.sha256}>
        {e.sha256.slice(0, 12)}…
      </code>
      <button
        type="button"
        className="link min-h-8 px-1"
        onClick={() => {
          void navigator.clipboard
            ?.writeText(e.sha256)
            .then(() => setCopied(true))
            .catch(() => setCopied(false));
        }}
        aria-label={t("copyHash")}
      >
        {copied ? t("copied") : t("copy")}
      </button>
      {/* Re-reading the file is for reviewers and leaders (POST, rate-limited); everyone sees the last result. */}
      {e.canVerify ? (
        <button
          type="button"
          className="link min-h-8 px-1"
          disabled={busy}
          data-testid="evidence-verify"
          onClick={async () => {
            setBusy(true);
            setFailed(false);
            const answer = await verifyEvidence(e.id);
            setBusy(false);
            if (answer.ok) setCheck({ ok: answer.data.ok, at: answer.data.verifiedAt });
            else setFailed(true);
          }}
        >
          {busy ? t("verifying") : t("verify")}
        </button>
      ) : null}
      <span aria-live="polite" data-testid="evidence-verified">
        {failed ? (
          <span className="text-red-800">{t("verifyFailed")}</span>
        ) : check ? (
          check.ok ? (
            <span className="font-medium text-emerald-800">{t("intact", { at: formatBureauDateTime(check.at) })}</span>
          ) : (
            <span className="font-semibold text-red-700">{t("tampered", { at: formatBureauDateTime(check.at) })}</span>
          )
        ) : (
          <span className="text-slate-500">{t("notVerified")}</span>
        )}
      </span>
    </div>
  );
}

function FileIcon({ mime }: { mime: string }) {
  const label = mime.includes("pdf")
    ? "PDF"
    : mime.includes("word")
      ? "DOCX"
      : mime.includes("sheet")
        ? "XLSX"
        : mime.startsWith("video/")
          ? "MP4"
          : "FILE";
  return (
    <span aria-hidden className="flex h-full w-full items-center justify-center bg-slate-100 font-bold text-slate-600 text-sm">
      {label}
    </span>
  );
}

/**
 * The thumbnail: an image opens large in the page, anything else downloads. Every image shows a
 * picture: its small thumbnail, or the file itself where no thumbnail was made.
 */
export function Thumb({ e, onOpen }: { e: EvidenceDto; onOpen: (e: EvidenceDto) => void }) {
  const t = useTranslations("evidenceUi.item");
  const image = e.mime.startsWith("image/");
  const box = "block h-20 w-20 shrink-0 overflow-hidden rounded-md border border-slate-200 sm:h-24 sm:w-24";
  const src = e.thumbUrl ?? e.fileUrl;
  if (image && src) {
    return (
      <button type="button" className={box} onClick={() => onOpen(e)} aria-label={t("openImage", { name: e.originalName })}>
        {/* biome-ignore lint/performance/noImgElement: evidence thumbnails come from the authenticated API, not the image optimizer. */}
        <img src={src} alt="" loading="lazy" className="h-full w-full object-cover" data-testid="evidence-thumb" />
      </button>
    );
  }
  return (
    <a href={e.fileUrl} className={box} aria-label={t("download", { name: e.originalName })} download>
      <FileIcon mime={e.mime} />
    </a>
  );
}

export function Lightbox({ item, onClose }: { item: EvidenceDto | null; onClose: () => void }) {
  const t = useTranslations("evidenceUi.item");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (item && !d.open) d.showModal();
    if (!item && d.open) d.close();
  }, [item]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-label={item?.originalName ?? ""}
      className="m-auto max-h-[95vh] w-[min(64rem,calc(100vw-1rem))] rounded-lg bg-slate-900 p-0 backdrop:bg-slate-900/70"
      data-testid="evidence-lightbox"
    >
      {item ? (
        <div className="flex flex-col">
          <div className="flex items-center justify-between gap-2 p-2 text-white">
            <p className="min-w-0 truncate text-sm">{item.originalName}</p>
            <div className="flex shrink-0 gap-2">
              <a href={item.fileUrl} className="btn-secondary" download>
                {t("downloadOriginal")}
              </a>
              <button type="button" className="btn-secondary" onClick={onClose}>
                {t("close")}
              </button>
            </div>
          </div>
          {/* biome-ignore lint/performance/noImgElement: the original evidence image, served inline by the API. */}
          <img
            src={`${item.fileUrl}${item.fileUrl.includes("?") ? "&" : "?"}inline=1`}
            alt={item.originalName}
            className="max-h-[85vh] w-full object-contain"
          />
        </div>
      ) : null}
    </dialog>
  );
}

function EvidenceCard({
  e,
  older,
  onOpen,
  onChanged,
  mayCorrect,
}: {
  e: EvidenceDto;
  older: EvidenceDto[];
  onOpen: (e: EvidenceDto) => void;
  onChanged: () => void;
  mayCorrect: boolean;
}) {
  const t = useTranslations("evidenceUi.item");
  const te = useTranslations("enums.evidenceKind");
  const tr = useTranslations("enums.returnReason");
  const review = e.lastReview;
  return (
    <li
      className={`rounded-md border p-2 ${e.reviewStatus === "RETURNED" ? "border-red-300 bg-red-50/60" : "border-slate-200 bg-white"}`}
      data-testid="evidence-item"
      data-kind={e.kind}
      data-status={e.reviewStatus}
      data-id={e.id}
      id={`evidence-${e.id}`}
    >
      <div className="flex gap-3">
        <Thumb e={e} onOpen={onOpen} />
        <div className="min-w-0 flex-1 space-y-0.5">
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="font-medium text-slate-900 text-sm">{te(e.kind)}</span>
            <ReviewBadge status={e.reviewStatus} />
            {e.supersedesId ? <Badge tone="sky">{t("correction")}</Badge> : null}
            <FakeBadge e={e} />
          </div>
          <p className="truncate text-slate-600 text-xs" title={e.originalName}>
            {e.originalName}
          </p>
          <CaptureFacts e={e} />
          <p className="text-slate-600 text-xs">
            {t("uploaded", { name: e.uploadedBy.displayName, at: formatBureauDateTime(e.uploadedAt) })}
          </p>
        </div>
      </div>
      <div className="mt-1.5 space-y-1.5">
        <PhotoSignalChips signals={e.signals} problemId={e.problemId} />
        <Integrity e={e} />
        {review && e.reviewStatus === "RETURNED" ? (
          <div className="rounded border border-red-200 bg-white p-2 text-red-900 text-sm" data-testid="evidence-return-reason">
            <p className="font-medium">{review.reasonCode ? tr(review.reasonCode) : t("returned")}</p>
            {review.reason ? <p className="whitespace-pre-wrap">{review.reason}</p> : null}
            <p className="mt-0.5 text-red-800 text-xs">
              {t("reviewedBy", { name: review.reviewer.displayName, at: formatBureauDateTime(review.at) })}
            </p>
          </div>
        ) : review && e.reviewStatus === "ACCEPTED" ? (
          <p className="text-emerald-800 text-xs">
            {t("acceptedBy", { name: review.reviewer.displayName, at: formatBureauDateTime(review.at) })}
          </p>
        ) : null}
        {e.reviewStatus === "RETURNED" && mayCorrect && !e.supersededById ? (
          <CorrectionButton evidenceId={e.id} kind={e.kind} measureId={e.measureId} />
        ) : null}
        {e.canReview && e.reviewStatus === "PENDING" ? (
          <ReviewControls evidenceId={e.id} version={e.version} label={`${te(e.kind)} ${e.originalName}`} onDone={onChanged} />
        ) : null}
        {e.canConfirmFake ? (
          <ConfirmFakeButton evidenceId={e.id} label={`${te(e.kind)} ${e.originalName}`} onDone={onChanged} />
        ) : null}
      </div>
      {older.length ? (
        <ul className="mt-2 space-y-1 border-slate-200 border-t pt-2" aria-label={t("earlierVersions")}>
          {older.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center gap-2 text-slate-500 text-xs" data-testid="evidence-superseded">
              <span className="line-through">
                {o.originalName} · {formatBureauDateTime(o.uploadedAt)}
              </span>
              <ReviewBadge status={o.reviewStatus} />
              {o.lastReview?.reasonCode ? <span>{tr(o.lastReview.reasonCode)}</span> : null}
              <a href={o.fileUrl} className="link" download>
                {t("downloadShort")}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The evidence of one problem, read from the API: grouped by kind (or in one list, newest first),
 * each with its thumbnail, capture facts, fingerprint and review; corrections show the versions
 * they replaced struck through beneath them. Reloads when an upload arrives or a decision is made.
 */
export function EvidenceGallery({ problemId, grouped = true }: { problemId: string; grouped?: boolean }) {
  const t = useTranslations("evidenceUi.gallery");
  const te = useTranslations("enums.evidenceKind");
  const router = useRouter();
  const revision = useUploadRevision();
  const mayCorrect = useCanUpload();
  const [items, setItems] = useState<EvidenceDto[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<EvidenceDto | null>(null);
  const [reload, setReload] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` and `reload` are the triggers to read again.
  useEffect(() => {
    let cancelled = false;
    void listEvidence(problemId).then((answer) => {
      if (cancelled) return;
      if (answer.ok) {
        setItems(answer.data.items);
        setFailed(false);
      } else setFailed(true);
    });
    return () => {
      cancelled = true;
    };
  }, [problemId, revision, reload]);

  const changed = useCallback(() => {
    setReload((n) => n + 1);
    router.refresh();
  }, [router]);

  if (items === null) {
    return failed ? (
      <p role="alert" className="text-red-800 text-sm">
        {t("loadFailed")}{" "}
        <button type="button" className="link" onClick={() => setReload((n) => n + 1)}>
          {t("reload")}
        </button>
      </p>
    ) : (
      <p className="text-slate-500 text-sm" aria-busy>
        {t("loading")}
      </p>
    );
  }
  const all = chains(items);
  if (all.length === 0)
    return (
      <p className="text-slate-600 text-sm" data-testid="evidence-empty">
        {t("empty")}
      </p>
    );
  const groups = grouped
    ? EVIDENCE_KINDS.map((kind) => ({ kind, chains: all.filter((c) => c.current.kind === kind) })).filter((g) => g.chains.length)
    : [{ kind: null, chains: all }];
  return (
    <div className="space-y-4" data-testid="evidence-gallery">
      {groups.map((g) => (
        <section key={g.kind ?? "all"} aria-label={g.kind ? te(g.kind) : t("all")}>
          {g.kind ? (
            <h3 className="mb-1.5 font-medium text-slate-800 text-sm">
              {te(g.kind)} <span className="text-slate-500 tabular-nums">({g.chains.length})</span>
            </h3>
          ) : null}
          <ul className="grid gap-2 xl:grid-cols-2">
            {g.chains.map((c) => (
              <EvidenceCard
                key={c.current.id}
                e={c.current}
                older={c.older}
                onOpen={setOpen}
                onChanged={changed}
                mayCorrect={mayCorrect}
              />
            ))}
          </ul>
        </section>
      ))}
      <Lightbox item={open} onClose={() => setOpen(null)} />
    </div>
  );
}
