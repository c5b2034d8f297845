"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import type { EvidenceDto } from "@/lib/schemas/evidence";
import type { ReviewQueueItem } from "@/lib/server/field/list-review-queue";
import { ConfirmFakeButton } from "./confirm-fake";
import { CaptureFacts, FakeBadge, Lightbox, Thumb } from "./evidence-gallery";
import { PhotoSignalChips } from "./photo-signals";
import { ReviewControls } from "./review-controls";

/** Evidence awaiting review across problems, newest first, each decided in place. */
export function ReviewQueueList({ items }: { items: ReviewQueueItem[] }) {
  const t = useTranslations("evidenceUi.queue");
  const ti = useTranslations("evidenceUi.item");
  const te = useTranslations("enums.evidenceKind");
  const router = useRouter();
  const [open, setOpen] = useState<EvidenceDto | null>(null);
  if (items.length === 0)
    return (
      <p className="card p-6 text-slate-700 text-sm" data-testid="review-queue-empty">
        {t("empty")}
      </p>
    );
  return (
    <>
      <ul className="space-y-2" data-testid="review-queue">
        {items.map(({ evidence: e, problem }) => (
          <li key={e.id} className="card p-3" data-testid="review-queue-item" data-id={e.id} data-kind={e.kind}>
            <div className="flex gap-3">
              <Thumb e={e} onOpen={setOpen} />
              <div className="min-w-0 flex-1 space-y-0.5">
                <p className="text-sm">
                  <span className="font-medium text-slate-900">{te(e.kind)}</span>
                  {e.supersedesId ? <span className="ml-1 text-sky-800 text-xs">{ti("correction")}</span> : null}{" "}
                  <FakeBadge e={e} />
                </p>
                <p className="text-sm">
                  <Link href={`/problems/${problem.id}#s-evidence`} className="link">
                    <span className="font-mono text-xs">{problem.code}</span> {problem.title}
                  </Link>
                </p>
                <p className="text-slate-600 text-xs">
                  {problem.districtName} · {problem.leadUnitName}
                </p>
                <p className="truncate text-slate-600 text-xs" title={e.originalName}>
                  {e.originalName}
                </p>
                <CaptureFacts e={e} />
                <p className="text-slate-600 text-xs">
                  {ti("uploaded", { name: e.uploadedBy.displayName, at: formatBureauDateTime(e.uploadedAt) })}
                </p>
              </div>
            </div>
            {e.signals?.length ? (
              <div className="mt-2">
                <PhotoSignalChips signals={e.signals} problemId={problem.id} />
              </div>
            ) : null}
            {e.canReview ? (
              <div className="mt-2 space-y-2">
                <ReviewControls
                  evidenceId={e.id}
                  version={e.version}
                  label={`${problem.code} ${te(e.kind)} ${e.originalName}`}
                  onDone={() => router.refresh()}
                />
                {e.canConfirmFake ? (
                  <ConfirmFakeButton
                    evidenceId={e.id}
                    label={`${problem.code} ${te(e.kind)} ${e.originalName}`}
                    onDone={() => router.refresh()}
                  />
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <Lightbox item={open} onClose={() => setOpen(null)} />
    </>
  );
}
