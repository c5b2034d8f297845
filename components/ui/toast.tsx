"use client";

import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { dismissToast, extendToasts, liveToasts, pushToast, type Toast, type ToastTone } from "./toast-queue";

type ToastApi = { show: (message: string, tone?: ToastTone) => void };

const ToastContext = createContext<ToastApi | null>(null);

/** Raises a short message ("已保存") in the page's polite live region. Outside the provider it does nothing. */
export function useToast(): ToastApi {
  return useContext(ToastContext) ?? { show: () => {} };
}

const TONES: Record<ToastTone, string> = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  error: "border-red-300 bg-red-50 text-red-900",
  info: "border-slate-300 bg-white text-slate-900",
};

/**
 * Holds the toasts of the signed-in app (in the app layout, so a message survives the page's
 * refresh or the move to a new record's page). Screen readers hear each one once through a polite
 * live region; each leaves after a few seconds (not while the pointer or focus is on it), and
 * Escape or its close button dismisses it at once.
 */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const t = useTranslations("kit");
  const [queue, setQueue] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const heldSince = useRef<number | null>(null);
  const show = useCallback((message: string, tone?: ToastTone) => {
    const id = nextId.current++;
    setQueue((q) => pushToast(q, { id, message, tone }, Date.now()));
  }, []);
  useEffect(() => {
    if (queue.length === 0) return;
    const timer = window.setInterval(() => {
      if (heldSince.current !== null) return;
      setQueue((q) => {
        const live = liveToasts(q, Date.now());
        return live.length === q.length ? q : live;
      });
    }, 250);
    return () => window.clearInterval(timer);
  }, [queue.length]);
  // Escape dismisses the newest message from anywhere on the page, unless a dialog is open (Escape is the dialog's).
  useEffect(() => {
    if (queue.length === 0) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented || document.querySelector("dialog[open]")) return;
      setQueue((q) => q.slice(0, -1));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [queue.length]);
  const hold = () => {
    heldSince.current ??= Date.now();
  };
  const release = () => {
    if (heldSince.current === null) return;
    const paused = Date.now() - heldSince.current;
    heldSince.current = null;
    setQueue((q) => extendToasts(q, paused));
  };
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <section
        aria-label={t("notifications")}
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-3 sm:right-4 sm:left-auto sm:items-end"
        onMouseEnter={hold}
        onMouseLeave={release}
        onFocus={hold}
        onBlur={release}
      >
        <div role="status" aria-live="polite" className="contents" data-testid="toasts">
          {queue.map((toast) => (
            <div
              key={toast.id}
              className={`pointer-events-auto flex max-w-sm items-start gap-3 rounded-md border px-4 py-3 text-sm shadow-lg ${TONES[toast.tone]}`}
              data-testid="toast"
              data-tone={toast.tone}
            >
              <p className="flex-1 font-medium">{toast.message}</p>
              <button
                type="button"
                className="-my-1 rounded px-1 text-lg leading-none opacity-70 hover:opacity-100"
                aria-label={t("dismiss")}
                onClick={() => setQueue((q) => dismissToast(q, toast.id))}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}
