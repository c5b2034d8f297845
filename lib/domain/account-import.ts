import { ROLES, type RoleName } from "./enums";

/**
 * Rows of an account import (XLSX), checked as a whole: a pure function of the rows, so where the
 * file is parsed (request, worker) does not matter. Any error → nothing is imported.
 */
export const ACCOUNT_COLUMNS = ["username", "displayName", "role", "unit", "district", "phone", "email"] as const;
export const ACCOUNT_HEADERS_ZH = ["用户名", "姓名", "角色", "单位", "属地", "电话", "电子邮箱"] as const;
export const MAX_ACCOUNT_ROWS = 200;

export type AccountRow = {
  row: number;
  username: string;
  displayName: string;
  role: RoleName;
  unitId: string | null;
  districtId: string | null;
  phone: string | null;
  email: string | null;
};
export type AccountRowError = { row: number; column: string | null; code: string; values?: Record<string, string | number> };

export type AccountImportContext = {
  /** Role codes and their Chinese labels → role. */
  roleLabels: Record<string, RoleName>;
  /** Unit code or name → id (active units only). */
  units: Map<string, string>;
  /** District code or name → id. */
  districts: Map<string, string>;
  /** Usernames already taken, lower case. */
  taken: Set<string>;
};

const USERNAME = /^[A-Za-z0-9._-]{2,50}$/;
const PHONE = /^[0-9+\-() ]{5,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FORMULA = /^[=+\-@\t\r]/;

export function parseAccountRows(
  table: readonly { row: number; cells: readonly string[] }[],
  ctx: AccountImportContext,
): { rows: AccountRow[]; errors: AccountRowError[] } {
  const errors: AccountRowError[] = [];
  const [head, ...body] = table;
  const header = (head?.cells ?? []).map((c) => c.trim());
  const matches = (names: readonly string[]) => names.every((n, i) => header[i] === n);
  if (!head || !(matches(ACCOUNT_COLUMNS) || matches(ACCOUNT_HEADERS_ZH))) {
    return { rows: [], errors: [{ row: head?.row ?? 1, column: null, code: "importHeader" }] };
  }
  const data = body.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (data.length === 0) return { rows: [], errors: [{ row: 0, column: null, code: "importEmpty" }] };
  if (data.length > MAX_ACCOUNT_ROWS) {
    return { rows: [], errors: [{ row: 0, column: null, code: "importTooMany", values: { max: MAX_ACCOUNT_ROWS } }] };
  }
  const rows: AccountRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of data) {
    const cell = (i: number) => (cells[i] ?? "").trim();
    const before = errors.length;
    cells.forEach((c, i) => {
      if (FORMULA.test(c.trim()) && !(i === 5 && PHONE.test(c.trim()))) {
        errors.push({ row, column: ACCOUNT_COLUMNS[i] ?? null, code: "importFormula" });
      }
    });
    const username = cell(0);
    if (!USERNAME.test(username)) errors.push({ row, column: "username", code: "usernameFormat" });
    else if (ctx.taken.has(username.toLowerCase())) errors.push({ row, column: "username", code: "usernameTaken" });
    else if (seen.has(username.toLowerCase())) {
      errors.push({ row, column: "username", code: "importDuplicate", values: { row: seen.get(username.toLowerCase()) ?? 0 } });
    }
    seen.set(username.toLowerCase(), seen.get(username.toLowerCase()) ?? row);
    const displayName = cell(1);
    if (!displayName || displayName.length > 50) errors.push({ row, column: "displayName", code: "required" });
    const role = ctx.roleLabels[cell(2)] ?? ((ROLES as readonly string[]).includes(cell(2)) ? (cell(2) as RoleName) : null);
    if (!role) errors.push({ row, column: "role", code: "invalidOption" });
    const unitId = cell(3) ? (ctx.units.get(cell(3)) ?? null) : null;
    if (cell(3) && !unitId) errors.push({ row, column: "unit", code: "unknownUnit" });
    const districtId = cell(4) ? (ctx.districts.get(cell(4)) ?? null) : null;
    if (cell(4) && !districtId) errors.push({ row, column: "district", code: "unknownDistrict" });
    if (role && ((role === "FIELD_OFFICER" && !unitId && !districtId) || (role === "DIVISION_HEAD" && !unitId)) && !cell(3)) {
      errors.push({ row, column: "unit", code: "roleScope" });
    }
    const phone = cell(5) || null;
    if (phone && !PHONE.test(phone)) errors.push({ row, column: "phone", code: "phone" });
    const email = cell(6) || null;
    if (email && !EMAIL.test(email)) errors.push({ row, column: "email", code: "email" });
    if (errors.length === before && role) {
      rows.push({ row, username, displayName, role, unitId, districtId, phone, email });
    }
  }
  return { rows: errors.length ? [] : rows, errors };
}
