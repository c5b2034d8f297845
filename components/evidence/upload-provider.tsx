"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useToast } from "@/components/ui/toast";
import { loadPending, type PendingFile, removePending, savePending } from "./pending-store";
import {
  checkFile,
  type LocalRefusal,
  nextToSend,
  nextWakeUp,
  type QueueEvent,
  reduceQueue,
  type UploadItem,
  type UploadTarget,
  uploadFields,
} from "./upload-queue";
import {
  devicePosition,
  errorMessages,
  type MeasureChoice,
  POSITION_MAX_AGE_MS,
  type Position,
  sendOnce,
} from "./upload-transport";

/* The page's upload queue: files kept on the device until the server has them, retried with backoff, one at a time. */
export type FileMeta = { blob: Blob; type: string; lastModified: number };

export type Uploads = {
  items: UploadItem[];
  maxBytes: number;
  measures: MeasureChoice[];
  /** Goes up each time a file arrives on the server, so lists of evidence reload. */
  revision: number;
  enqueue: (files: readonly File[], target: Omit<UploadTarget, "problemId">) => void;
  retry: (id: string) => void;
  dismiss: (id: string) => void;
};

export const UploadContext = createContext<Uploads | null>(null);

/** The upload revision of the surrounding provider (0 without one): a list reloads when it changes. */
export function useUploadRevision(): number {
  return useContext(UploadContext)?.revision ?? 0;
}

/** Whether this part of the page may upload (it sits inside an <UploadProvider>). */
export function useCanUpload(): boolean {
  return useContext(UploadContext) !== null;
}

export function useUploads(): Uploads {
  const ctx = useContext(UploadContext);
  if (!ctx) throw new Error("Evidence upload controls need an <UploadProvider>");
  return ctx;
}

export function newId(): string {
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
