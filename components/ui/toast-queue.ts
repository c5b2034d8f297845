/**
 * The toasts on screen, as a pure queue: newest last, at most `MAX_TOASTS` (the oldest goes first),
 * the same message twice in a row shown once (a double click says "saved" once), each with the
 * moment it leaves. No timers here: the provider asks `expired` on a tick.
 */
export type ToastTone = "success" | "error" | "info";
export type Toast = { id: number; message: string; tone: ToastTone; until: number };

export const MAX_TOASTS = 3;
export const TOAST_MS = 5000;

export function pushToast(
  queue: readonly Toast[],
  toast: { id: number; message: string; tone?: ToastTone },
  now: number,
  ms = TOAST_MS,
): Toast[] {
  const tone = toast.tone ?? "success";
  const rest = queue.filter((t) => !(t.message === toast.message && t.tone === tone));
  return [...rest, { id: toast.id, message: toast.message, tone, until: now + ms }].slice(-MAX_TOASTS);
}

export function dismissToast(queue: readonly Toast[], id: number): Toast[] {
  return queue.filter((t) => t.id !== id);
}

/** The toasts still to show at `now`; while the pointer or focus rests on them (`held`) none leaves. */
export function liveToasts(queue: readonly Toast[], now: number, held = false): Toast[] {
  return held ? [...queue] : queue.filter((t) => t.until > now);
}

/** Holding pauses the clock: after a hold of `pausedMs`, every toast leaves that much later. */
export function extendToasts(queue: readonly Toast[], pausedMs: number): Toast[] {
  return queue.map((t) => ({ ...t, until: t.until + pausedMs }));
}
