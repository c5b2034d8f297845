"use client";

import { useEffect, useId, useRef } from "react";

/**
 * A modal dialog (the native `<dialog>`: focus moves in, Escape closes, the page behind is inert,
 * and on close the browser puts focus back on the button that opened it). `open` is controlled by the caller.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
      data-testid={testId}
    >
      {open ? (
        <div className="p-4">
          <h2 id={titleId} className="mb-3 font-semibold text-base text-slate-900">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
