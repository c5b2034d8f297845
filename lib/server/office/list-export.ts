import "server-only";
import { db } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { type Actor, authorize, type Permission } from "../../permissions";
import { listExportFormatSchema } from "../../schemas/office";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { type ExportColumn, type TableExport, tableResponse } from "./table-export";

/** Rows asked of a list's own use case per page (its largest page). */
const LIST_PAGE_SIZE = 100;

/**
 * A list of the app as a download: its columns (Chinese headers, in the page's order) and how
 * to read one page of it. Pages are read through the list's own use case with the request's
 * filters, so the file holds exactly the rows the page lists — same scope, same filters, same
 * order — and an out-of-scope row can never appear.
 */
export type ListExport<T> = {
  /** The permission to read the list; exporting it also needs `listExport.read`. */
  permission: Permission;
  /** The audit row's entity type. */
  entityType: string;
  sheetName: string;
  /** File name without extension (Chinese) and its ASCII fallback. */
  fileName: string;
  asciiName: string;
  columns: readonly ExportColumn<T>[];
  /**
   * One page of the list (page from 1; `pageSize` for lists that take one) with the request's
   * filters; the export ends at the first empty page. A list without paging answers everything
   * for page 1 and nothing after (`unpaged`).
   */
  read: (
    actor: Actor,
    filters: Record<string, unknown>,
    page: number,
    pageSize: number,
    locale?: Locale,
  ) => Promise<readonly T[]>;
};

/**
 * `GET /api/v1/<list>/export?format=xlsx|csv&…the list's filters`: authorizes, checks the
 * filters by reading the first page before the download starts (a bad filter is a 422, not a
 * broken file), writes the audit row and answers the streamed file.
 */
export async function exportList<T>(
  list: ListExport<T>,
  actor: Actor,
  raw: Record<string, unknown>,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<Response> {
  authorize(actor, list.permission);
  authorize(actor, "listExport.read");
  const { format, ...rest } = raw;
  const { format: chosen } = parseInput(listExportFormatSchema, { format }, opts.locale);
  const filters = Object.fromEntries(Object.entries(rest).filter(([k]) => k !== "page" && k !== "pageSize"));
  const first = await list.read(actor, filters, 1, LIST_PAGE_SIZE, opts.locale);
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actorId: actor.id,
      entityType: list.entityType,
      entityId: "export",
      action: "export",
      after: { format: chosen, filters },
      requestId: opts.requestId,
    }),
  );
  async function* pages(): AsyncGenerator<readonly T[]> {
    let page = first;
    // Until an empty page: a list with its own fixed page size pages the same way.
    for (let n = 1; page.length > 0; n++) {
      yield page;
      page = await list.read(actor, filters, n + 1, LIST_PAGE_SIZE, opts.locale);
    }
  }
  const spec: TableExport<T> = { format: chosen, sheetName: list.sheetName, columns: list.columns, pages: pages() };
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return tableResponse(spec, `${list.fileName}-${day}`, `${list.asciiName}-${day}`);
}

/** For lists answered whole (no paging): everything on page 1. */
export function unpaged<T>(all: () => Promise<readonly T[]>, page: number): Promise<readonly T[]> {
  return page === 1 ? all() : Promise.resolve([]);
}

/** A calendar day ("YYYY-MM-DD") as a date cell, or an empty cell. */
export const dayCell = (d: string | null | undefined): Date | null => (d ? parseCalendarDate(d) : null);
