"use client";

/** Prints the page (the print style sheet hides navigation and buttons and keeps tables whole). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-secondary print:hidden" onClick={() => window.print()}>
      {label}
    </button>
  );
}
