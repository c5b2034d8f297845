import Link from "next/link";

export type ProgressBarRow = { key: string; label: string; checked: number; total: number; percent: number; href?: string };

/** Horizontal bars of checked against total (one per district), each labelled with its numbers, never colour alone. */
export function ProgressBars({ rows, caption }: { rows: readonly ProgressBarRow[]; caption: string }) {
  return (
    <figure>
      <figcaption className="mb-1 font-medium text-slate-800 text-sm">{caption}</figcaption>
      <ul className="space-y-1.5">
        {rows.map((r) => (
          <li key={r.key} className="grid grid-cols-[6rem_1fr_5.5rem] items-center gap-2 text-sm">
            {r.href ? (
              <Link href={r.href} className="truncate text-blue-800 hover:underline">
                {r.label}
              </Link>
            ) : (
              <span className="truncate">{r.label}</span>
            )}
            <span
              className="h-3 overflow-hidden rounded bg-slate-100"
              role="progressbar"
              aria-label={r.label}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={r.percent}
            >
              <span className="block h-full rounded bg-blue-700" style={{ width: `${r.percent}%` }} />
            </span>
            <span className="text-right text-slate-700 tabular-nums">
              {r.checked}/{r.total} · {r.percent}%
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
