/** The ledger's URL parameters, shared by the server page and the client filter form. */
export const FILTER_KEYS = [
  "q",
  "districtCode",
  "status",
  "source",
  "category",
  "deadlineBand",
  "overdue",
  "colour",
  "leadOfficialId",
  "leadUnitId",
] as const;
export { DEFAULT_PROBLEM_SORT, PROBLEM_SORTS as LEDGER_SORTS } from "@/lib/schemas/problem";
export const PAGE_SIZES = [20, 50, 100] as const;
