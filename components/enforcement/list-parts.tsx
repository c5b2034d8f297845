import Link from "next/link";

/**
 * The parts the enforcement lists share (cases, inspections, clues, projects): a filter form's
 * select and month inputs, the table's frame and header row, and the links to the pages before
 * and after. Server components: the lists are plain GET forms and links, usable without script.
 */

const INPUT = "rounded border border-slate-300 px-2 py-1.5";

/** A select of a GET filter form: "all" (no filter) first, then the options as [value, label]. */
export function FilterSelect({
  name,
  label,
  value,
  all,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  all: string;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <label className="flex flex-col text-sm">
      <span className="text-slate-600">{label}</span>
      <select name={name} defaultValue={value} className={INPUT}>
        <option value="">{all}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A month input of a GET filter form (YYYY-MM). */
export function MonthFilter({ name, label, value }: { name: string; label: string; value: string | undefined }) {
  return (
    <label className="flex flex-col text-sm">
      <span className="text-slate-600">{label}</span>
      <input type="month" name={name} defaultValue={value} className={INPUT} />
    </label>
  );
}

/** A list's table: its frame (scrolling sideways on a phone), a caption and the header row. */
export function ListTable({
  caption,
  captionHidden = true,
  headers,
  children,
}: {
  caption: React.ReactNode;
  captionHidden?: boolean;
  headers: readonly { label: React.ReactNode; end?: boolean }[];
  children: React.ReactNode;
}) {
  return (
    <div className="card overflow-x-auto">
      <table className="w-full text-sm">
        <caption className={captionHidden ? "sr-only" : "p-2 text-left text-slate-600"}>{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {headers.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the header row is fixed by the page
              <th key={i} scope="col" className={h.end ? "p-2 text-right" : "p-2"}>
                {h.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Links to the page before and after, with "page N / M" between; nothing when there is one page. */
export function PageLinks({
  page,
  pages,
  href,
  labels,
  summary,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  labels: { prev: string; next: string; page: string };
  /** Shown at the start of the row (e.g. the total), even on a single page. */
  summary?: React.ReactNode;
}) {
  if (pages <= 1 && !summary) return null;
  return (
    <nav className="flex flex-wrap items-center justify-between gap-2 text-sm" aria-label={labels.page}>
      <span className="text-slate-600">{summary}</span>
      {pages > 1 && (
        <span className="flex items-center gap-2">
          {page > 1 && (
            <Link className="btn-secondary" href={href(page - 1)}>
              {labels.prev}
            </Link>
          )}
          <span>
            {labels.page} / {pages}
          </span>
          {page < pages && (
            <Link className="btn-secondary" href={href(page + 1)}>
              {labels.next}
            </Link>
          )}
        </span>
      )}
    </nav>
  );
}
