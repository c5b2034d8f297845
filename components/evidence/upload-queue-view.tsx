"use client";

import { useTranslations } from "next-intl";
import { useUploads } from "./upload-provider";
import { isUnfinished, type UploadItem } from "./upload-queue";

/* The queue as people see it: each file's progress and state, what was refused and why, and a summary line. */
export function statusText(item: UploadItem, t: ReturnType<typeof useTranslations>): string {
  switch (item.state) {
    case "QUEUED":
      return item.attempts > 0 ? t("state.retrying", { attempt: item.attempts + 1 }) : t("state.queued");
    case "SENDING":
      return t("state.sending", { percent: Math.round(item.progress * 100) });
    case "STALLED":
      return item.lastStatus === 0 ? t("state.stalledNetwork") : t("state.stalledServer");
    case "REFUSED":
      return t("state.refused");
    case "DONE":
      return item.duplicate ? t("state.duplicate") : t("state.done");
  }
}

export function refusalMessages(item: UploadItem, t: ReturnType<typeof useTranslations>, maxBytes: number): string[] {
  if (item.state !== "REFUSED") return [];
  const own = item.lastStatus === undefined ? (item.messages ?? []) : [];
  if (own.length) return own;
  const server = item.messages ?? [];
  switch (item.lastStatus) {
    case 413:
      return [t("refused.TOO_BIG_SERVER", { max: Math.floor(maxBytes / 1048576) })];
    case 415:
      return [t("refused.TYPE_SERVER")];
    case 422:
      return server.length ? server : [t("refused.invalid")];
    case 401:
      return [t("refused.signedOut")];
    case 403:
      return [t("refused.forbidden")];
    case 404:
      return [t("refused.notFound")];
    case 409:
      return server.length ? server : [t("refused.conflict")];
    default:
      return server.length ? server : [t("refused.other", { status: item.lastStatus ?? 0 })];
  }
}

/** The files of this page's queue: name, kind, a progress bar, what happens next, retry / dismiss. */
export function UploadQueue() {
  const t = useTranslations("evidenceUi.uploader");
  const te = useTranslations("enums.evidenceKind");
  const { items, retry, dismiss, maxBytes } = useUploads();
  if (items.length === 0) return null;
  const unfinished = items.filter(isUnfinished).length;
  return (
    <section aria-label={t("queueTitle")} className="space-y-2" data-testid="upload-queue">
      <p className="text-slate-600 text-xs" aria-live="polite">
        {unfinished ? t("unfinished", { count: unfinished }) : t("allSent")}
      </p>
      <ul className="space-y-2">
        {items.map((item) => {
          const messages = refusalMessages(item, t, maxBytes);
          const tone =
            item.state === "DONE"
              ? "border-emerald-300 bg-emerald-50"
              : item.state === "REFUSED" || item.state === "STALLED"
                ? "border-red-300 bg-red-50"
                : "border-slate-200 bg-white";
          return (
            <li
              key={item.id}
              className={`rounded-md border p-2 text-sm ${tone}`}
              data-testid="upload-item"
              data-state={item.state}
            >
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="truncate font-medium text-slate-900">{item.name}</p>
                  <p className="text-slate-600 text-xs">
                    {te(item.kind)}
                    {item.supersedesId ? ` · ${t("correction")}` : ""} · <span aria-live="polite">{statusText(item, t)}</span>
                  </p>
                </div>
                <div className="flex shrink-0 gap-1">
                  {item.state === "STALLED" ? (
                    <button type="button" className="btn-primary" onClick={() => retry(item.id)}>
                      {t("retry")}
                    </button>
                  ) : null}
                  {item.state === "DONE" || item.state === "REFUSED" || item.state === "STALLED" ? (
                    <button
                      type="button"
                      className="btn-secondary px-3"
                      onClick={() => dismiss(item.id)}
                      aria-label={t("dismiss", { name: item.name })}
                    >
                      ×
                    </button>
                  ) : null}
                </div>
              </div>
              {item.state === "SENDING" || item.state === "QUEUED" ? (
                <div
                  className="mt-1.5 h-2 overflow-hidden rounded-full bg-slate-200"
                  role="progressbar"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(item.progress * 100)}
                  aria-label={t("progress", { name: item.name })}
                >
                  <div
                    className="h-full rounded-full bg-blue-600 transition-[width]"
                    style={{ width: `${item.progress * 100}%` }}
                  />
                </div>
              ) : null}
              {messages.length ? (
                <ul className="mt-1 text-red-800 text-xs" role="alert">
                  {messages.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** One line above the camera buttons on a phone: how the queue stands, linking to it. */
export function UploadSummary({ queueHref }: { queueHref: string }) {
  const t = useTranslations("evidenceUi.uploader.summary");
  const { items } = useUploads();
  const sending = items.find((i) => i.state === "SENDING");
  const waiting = items.filter((i) => i.state === "QUEUED").length;
  const trouble = items.filter((i) => i.state === "STALLED" || i.state === "REFUSED").length;
  const done = items.filter((i) => i.state === "DONE").length;
  if (items.length === 0) return null;
  const text = sending
    ? t("sending", { count: waiting + 1, percent: Math.round(sending.progress * 100) })
    : waiting
      ? t("waiting", { count: waiting })
      : trouble
        ? t("trouble", { count: trouble })
        : t("done", { count: done });
  return (
    <a
      href={queueHref}
      className={`mb-1.5 block truncate text-center text-sm ${trouble ? "font-medium text-red-800" : "text-slate-700"}`}
      aria-live="polite"
      data-testid="upload-summary"
    >
      {text}
    </a>
  );
}
