/** The ledger's URL parameters, shared by the server page and the client filter form. */
export const FILTER_KEYS = [
  "q",
  "districtCode",
  "status",
  "source",
  "category",
  "deadlineBand",
  "overdue",
  "leadOfficialId",
  "leadUnitId",
] as const;
export const LEDGER_SORTS = [
  "deadline",
  "-deadline",
  "-updatedAt",
  "updatedAt",
  "-createdAt",
  "createdAt",
  "code",
  "-code",
  "progress",
  "-progress",
  "district",
  "-district",
] as const;
export const PAGE_SIZES = [20, 50, 100] as const;
