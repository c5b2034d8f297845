"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { nextSort, type SortDirection, type SortValue, sortRows } from "./data-table-sort";

export type Column<T> = {
  key: string;
  header: React.ReactNode;
  cell: (row: T) => React.ReactNode;
  /** Given, the header becomes a sort button and the rows sort by this value. */
  sortValue?: (row: T) => SortValue;
  align?: "start" | "end";
  /** The row's header cell (`<th scope="row">`), usually the name or code. */
  rowHeader?: boolean;
  className?: string;
};

/**
 * An accessible table: a caption (visible or for screen readers only), header cells with scope,
 * optional sorting by column (`aria-sort`, a button in the header), a row saying the list is
 * empty, and a horizontal scroll of its own on a narrow screen instead of a page that scrolls sideways.
 */
export function DataTable<T>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
  initialSort = null,
  onRowClick,
  testId,
}: {
  caption: React.ReactNode;
  captionHidden?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty?: React.ReactNode;
  initialSort?: { key: string; direction: SortDirection } | null;
  onRowClick?: (row: T) => void;
  testId?: string;
}) {
  const t = useTranslations("kit");
  const [sort, setSort] = useState(initialSort);
  const sortColumn = sort ? columns.find((c) => c.key === sort.key && c.sortValue) : undefined;
  const shown = sortColumn?.sortValue && sort ? sortRows(rows, sortColumn.sortValue, sort.direction) : rows;
  const align = (c: Column<T>) => (c.align === "end" ? "text-right" : "text-left");
  return (
    <div className="overflow-x-auto" data-testid={testId}>
      <table className="w-full border-collapse text-sm">
        <caption className={captionHidden ? "sr-only" : "mb-2 text-left font-medium text-slate-700"}>{caption}</caption>
        <thead>
          <tr className="border-slate-200 border-b text-slate-600 text-xs">
            {columns.map((c) => {
              const sorted = sort?.key === c.key ? sort.direction : null;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={`px-2 py-2 font-medium ${align(c)}`}
                  aria-sort={
                    c.sortValue ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined
                  }
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 hover:text-slate-900"
                      onClick={() => setSort(nextSort(sort, c.key))}
                      title={t("sortBy")}
                    >
                      {c.header}
                      <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length} className="px-2 py-6 text-center text-slate-600">
                {empty}
              </td>
            </tr>
          ) : null}
          {shown.map((row) => (
            <tr
              key={rowKey(row)}
              className={`border-slate-100 border-b align-top ${onRowClick ? "cursor-pointer hover:bg-slate-50" : ""}`}
              onClick={onRowClick ? () => onRowClick(row) : undefined}
            >
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={`px-2 py-2 font-medium ${align(c)} ${c.className ?? ""}`}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={`px-2 py-2 ${align(c)} ${c.className ?? ""}`}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
