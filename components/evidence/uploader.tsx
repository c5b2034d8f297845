"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useReducer, useRef, useState } from "react";
import { useToast } from "@/components/ui/toast";
import { EVIDENCE_KINDS, type EvidenceKindName } from "@/lib/domain/enums";
import { loadPending, type PendingFile, removePending, savePending } from "./pending-store";
import {
  checkFile,
  DOCUMENT_ACCEPT,
  isUnfinished,
  type LocalRefusal,
  nextToSend,
  nextWakeUp,
  type QueueEvent,
  reduceQueue,
  type UploadItem,
  type UploadTarget,
  uploadFields,
} from "./upload-queue";

export type MeasureChoice = { id: string; seq: number; description: string };

type Position = { lat: number; lng: number };

/** How long an upload waits for the device's position before it goes without one. */
const POSITION_WAIT_MS = 4_000;
/** A position younger than this is reused for the next photo. */
const POSITION_MAX_AGE_MS = 120_000;

/**
 * The device's position if the person allows it, or null; never waits longer than
 * POSITION_WAIT_MS, so a refused or slow GPS does not hold an upload back.
 */
function devicePosition(): Promise<Position | null> {
  if (typeof navigator === "undefined" || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), POSITION_WAIT_MS);
    try {
      navigator.geolocation.getCurrentPosition(
        (p) => {
          clearTimeout(timer);
          resolve({ lat: p.coords.latitude, lng: p.coords.longitude });
        },
        () => {
          clearTimeout(timer);
          resolve(null);
        },
        { enableHighAccuracy: true, timeout: POSITION_WAIT_MS, maximumAge: POSITION_MAX_AGE_MS },
      );
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
}

type Answer = { status: number; body: unknown };

/** One attempt as an XHR (fetch cannot report upload progress). Status 0: no answer (network, aborted). */
function sendOnce(
  url: string,
  form: FormData,
  headers: Record<string, string>,
  onProgress: (share: number) => void,
): Promise<Answer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.ontimeout = () => resolve({ status: 0, body: null });
    xhr.onabort = () => resolve({ status: 0, body: null });
    xhr.send(form);
  });
}

/** The messages of an API error body `{error: {message, fields}}`. */
function errorMessages(body: unknown): string[] {
  const error = (body as { error?: { message?: unknown; fields?: Record<string, unknown> } } | null)?.error;
  if (!error) return [];
  const fields = Object.values(error.fields ?? {}).flatMap((v) => (Array.isArray(v) ? v.map(String) : []));
  return fields.length ? fields : typeof error.message === "string" ? [error.message] : [];
}

type FileMeta = { blob: Blob; type: string; lastModified: number };

type Uploads = {
  items: UploadItem[];
  maxBytes: number;
  measures: MeasureChoice[];
  /** Goes up each time a file arrives on the server, so lists of evidence reload. */
  revision: number;
  enqueue: (files: readonly File[], target: Omit<UploadTarget, "problemId">) => void;
  retry: (id: string) => void;
  dismiss: (id: string) => void;
};

const UploadContext = createContext<Uploads | null>(null);

/** The upload revision of the surrounding provider (0 without one): a list reloads when it changes. */
export function useUploadRevision(): number {
  return useContext(UploadContext)?.revision ?? 0;
}

/** Whether this part of the page may upload (it sits inside an <UploadProvider>). */
export function useCanUpload(): boolean {
  return useContext(UploadContext) !== null;
}

function useUploads(): Uploads {
  const ctx = useContext(UploadContext);
  if (!ctx) throw new Error("Evidence upload controls need an <UploadProvider>");
  return ctx;
}

function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/**
 * The upload queue of one problem: every control inside it (photo buttons, document picker,
 * "upload a correction") adds to the same queue, files go one at a time with progress, network
 * and server failures are retried with backoff under the same idempotency key, and unfinished
 * files are kept in the browser so a reload resumes them. The page refreshes once the queue is idle
 * after something arrived.
 */
export function UploadProvider({
  problemId,
  maxBytes,
  measures = [],
  children,
}: {
  problemId: string;
  maxBytes: number;
  measures?: MeasureChoice[];
  children: React.ReactNode;
}) {
  const router = useRouter();
  const toast = useToast();
  const feedback = useTranslations("feedback");
  const locale = useLocale();
  const t = useTranslations("evidenceUi.uploader");
  const [items, dispatch] = useReducer(reduceQueue, []);
  const files = useRef(new Map<string, FileMeta>());
  const position = useRef<{ at: number; value: Promise<Position | null> } | null>(null);
  const arrived = useRef(false);
  const [tick, setTick] = useState(0);
  const [revision, setRevision] = useState(0);

  const positionNow = useCallback(() => {
    const cached = position.current;
    if (cached && Date.now() - cached.at < POSITION_MAX_AGE_MS) return cached.value;
    const value = devicePosition();
    position.current = { at: Date.now(), value };
    return value;
  }, []);

  const refusalText = useCallback(
    (code: LocalRefusal) =>
      code === "TOO_BIG" ? t("refused.tooBig", { max: Math.floor(maxBytes / 1048576) }) : t(`refused.${code}`),
    [maxBytes, t],
  );

  const enqueue = useCallback(
    (picked: readonly File[], target: Omit<UploadTarget, "problemId">) => {
      // Ask for the position as the photo is taken, not when its turn to upload comes.
      if (picked.length) void positionNow();
      for (const file of picked) {
        const id = newId();
        const base = { id, idempotencyKey: newId(), name: file.name || "file", size: file.size, problemId, ...target };
        const refusal = checkFile(file, target.kind, maxBytes);
        if (refusal) {
          dispatch({ type: "ADD", item: { ...base, state: "REFUSED", messages: [refusalText(refusal)] } });
          continue;
        }
        files.current.set(id, { blob: file, type: file.type, lastModified: file.lastModified });
        dispatch({ type: "ADD", item: base });
        const pending: PendingFile = {
          ...base,
          type: file.type,
          lastModified: file.lastModified,
          blob: file,
          queuedAt: Date.now(),
        };
        void savePending(pending);
      }
    },
    [maxBytes, positionNow, problemId, refusalText],
  );

  // A reload resumes what the last page left unsent, under the same idempotency keys.
  useEffect(() => {
    let cancelled = false;
    void loadPending(problemId).then((rows) => {
      if (cancelled) return;
      for (const row of rows) {
        if (files.current.has(row.id)) continue;
        files.current.set(row.id, { blob: row.blob, type: row.type, lastModified: row.lastModified });
        dispatch({
          type: "ADD",
          item: {
            id: row.id,
            idempotencyKey: row.idempotencyKey,
            name: row.name,
            size: row.blob.size,
            problemId: row.problemId,
            kind: row.kind,
            measureId: row.measureId,
            supersedesId: row.supersedesId,
          },
        });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [problemId]);

  // Coming back online wakes the queue at once instead of waiting out the backoff.
  useEffect(() => {
    const wake = () => setTick((n) => n + 1);
    window.addEventListener("online", wake);
    return () => window.removeEventListener("online", wake);
  }, []);

  const send = useCallback(
    async (item: UploadItem) => {
      const meta = files.current.get(item.id);
      if (!meta) return;
      const event = (e: QueueEvent) => dispatch(e);
      event({ type: "START", id: item.id });
      const pos = await positionNow();
      const form = new FormData();
      for (const [k, v] of uploadFields(item, {
        capturedAt: meta.lastModified ? new Date(meta.lastModified).toISOString() : undefined,
        lat: pos?.lat,
        lng: pos?.lng,
      }))
        form.append(k, v);
      form.append("file", meta.blob, item.name);
      const answer = await sendOnce(
        `/api/v1/problems/${encodeURIComponent(problemId)}/evidence`,
        form,
        { "Idempotency-Key": item.idempotencyKey, Accept: "application/json", "Accept-Language": locale },
        (share) => event({ type: "PROGRESS", id: item.id, progress: share }),
      );
      const evidenceId = (answer.body as { id?: unknown } | null)?.id;
      event({
        type: "ANSWER",
        id: item.id,
        status: answer.status,
        now: Date.now(),
        evidenceId: typeof evidenceId === "string" ? evidenceId : undefined,
        messages: errorMessages(answer.body),
      });
      if (answer.status === 200 || answer.status === 201) {
        arrived.current = true;
        setRevision((r) => r + 1);
      }
      if (answer.status !== 0 && answer.status < 500 && answer.status !== 408 && answer.status !== 429) {
        files.current.delete(item.id);
        void removePending(item.id);
      }
    },
    [locale, positionNow, problemId],
  );

  // The pump: start the next due file, or sleep until the next backoff ends.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` wakes the pump after a backoff or when back online.
  useEffect(() => {
    const now = Date.now();
    const next = nextToSend(items, now);
    if (next) {
      void send(next);
      return;
    }
    if (items.some((i) => i.state === "SENDING")) return;
    const wake = nextWakeUp(items);
    if (wake !== null) {
      const timer = setTimeout(() => setTick((n) => n + 1), Math.max(0, wake - now));
      return () => clearTimeout(timer);
    }
    if (arrived.current) {
      arrived.current = false;
      toast.show(feedback("uploaded"));
      router.refresh();
    }
  }, [items, send, tick, router, toast, feedback]);

  const value = useMemo<Uploads>(
    () => ({
      items,
      maxBytes,
      measures,
      revision,
      enqueue,
      retry: (id) => dispatch({ type: "RETRY", id }),
      dismiss: (id) => {
        files.current.delete(id);
        void removePending(id);
        dispatch({ type: "DISMISS", id });
      },
    }),
    [items, maxBytes, measures, revision, enqueue],
  );
  return <UploadContext.Provider value={value}>{children}</UploadContext.Provider>;
}

function pickFiles(e: React.ChangeEvent<HTMLInputElement>): File[] {
  const list = Array.from(e.target.files ?? []);
  // The same photo may be chosen again after a refusal: clear the input.
  e.target.value = "";
  return list;
}

function CameraIcon() {
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
function PhotoButton({ kind, measureId }: { kind: EvidenceKindName; measureId?: string }) {
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

function statusText(item: UploadItem, t: ReturnType<typeof useTranslations>): string {
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

function refusalMessages(item: UploadItem, t: ReturnType<typeof useTranslations>, maxBytes: number): string[] {
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
