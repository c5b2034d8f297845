import "server-only";
import ExcelJS from "exceljs";
import { hashPassword } from "../../auth/password";
import { db } from "../../db";
import { ACCOUNT_COLUMNS, ACCOUNT_HEADERS_ZH, type AccountRowError, parseAccountRows } from "../../domain/account-import";
import { ROLES, type RoleName } from "../../domain/enums";
import { oneTimePassword } from "../../domain/password-policy";
import { Invalid } from "../../errors";
import { adminText, anyText } from "../../i18n/admin-text";
import { type Actor, authorize } from "../../permissions";
import type { Locale } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import type { CodeSheet } from "../office/import-template";
import { parseXlsxInWorker, XlsxRefused } from "../office/parse-xlsx";

export const MAX_ACCOUNT_FILE_BYTES = 2 * 1024 * 1024;

/**
 * The first sheet as rows of cell texts with their row numbers; formulas are kept as text, never
 * evaluated. Read off the request loop with limits on entries, unpacked size and rows; null when
 * the file is no readable workbook or exceeds them.
 */
export async function readAccountSheet(bytes: Uint8Array): Promise<{ row: number; cells: string[] }[] | null> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  try {
    const sheet = await parseXlsxInWorker(bytes, { maxRows: 1_000, maxUnpackedBytes: 20 * 1024 * 1024 });
    return sheet.rows.map((cells, i) => ({ row: sheet.rowNumbers[i] ?? i + 1, cells }));
  } catch (e) {
    if (e instanceof XlsxRefused) return null;
    throw e;
  }
}

export type ImportedAccount = { username: string; displayName: string; oneTimePassword: string };

function errorText(e: AccountRowError, locale: Locale): string {
  const values = { ...e.values, columns: ACCOUNT_HEADERS_ZH.join("、") };
  const text =
    anyText(locale, `validation.${e.code}`) ??
    anyText(locale, `adminValidation.${e.code}`) ??
    adminText(locale, `adminErrors.${e.code}`, values);
  if (e.row <= 0) return text;
  const column = e.column ? (locale === "en" ? ` (${e.column})` : `（${e.column}）`) : "";
  return locale === "en" ? `Row ${e.row}${column}: ${text}` : `第 ${e.row} 行${column}：${text}`;
}

/**
 * An administrator imports accounts from an XLSX sheet (`username, displayName, role, unit,
 * district, phone, email`, or the Chinese headers of the template). All or nothing: any bad row →
 * 422 listing every row's errors in the caller's language. Each new account gets a one-time
 * password (returned once) and must choose its own at first sign-in.
 */
export async function importUsers(
  actor: Actor,
  file: { bytes: Uint8Array },
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<{ created: ImportedAccount[] }> {
  return (await readOrImport(actor, file, opts, false)) as { created: ImportedAccount[] };
}

/** The same checks as `importUsers`, writing nothing: the accounts as they would be created (no passwords). */
export async function previewUserImport(
  actor: Actor,
  file: { bytes: Uint8Array },
  opts: { locale?: Locale } = {},
): Promise<AccountPreview> {
  return (await readOrImport(actor, file, opts, true)) as AccountPreview;
}

async function readOrImport(
  actor: Actor,
  file: { bytes: Uint8Array },
  opts: { locale?: Locale; requestId?: string },
  preview: boolean,
): Promise<{ created: ImportedAccount[] } | AccountPreview> {
  authorize(actor, "user.manage");
  const locale = opts.locale ?? "zh-CN";
  const table = await readAccountSheet(file.bytes);
  if (!table) throw new Invalid({ file: [adminText(locale, "adminErrors.importFile")] });
  const [units, districts, users] = await Promise.all([
    db.unit.findMany({ where: { active: true }, select: { id: true, code: true, name: true } }),
    db.district.findMany({ select: { id: true, code: true, name: true } }),
    db.user.findMany({ select: { username: true } }),
  ]);
  const roleLabels: Record<string, RoleName> = {};
  for (const r of ROLES) {
    for (const l of ["zh-CN", "en"] as const) {
      const label = anyText(l, `enums.role.${r}`);
      if (label) roleLabels[label] = r;
    }
  }
  const { rows, errors } = parseAccountRows(table, {
    roleLabels,
    units: new Map(units.flatMap((u) => [[u.code, u.id] as const, [u.name, u.id] as const])),
    districts: new Map(districts.flatMap((d) => [[d.code, d.id] as const, [d.name, d.id] as const])),
    taken: new Set(users.map((u) => u.username.toLowerCase())),
  });
  if (errors.length) {
    const fields: Record<string, string[]> = {};
    for (const e of errors) {
      const key = e.row > 0 ? `row${e.row}` : "file";
      fields[key] = [...(fields[key] ?? []), errorText(e, locale)];
    }
    throw new Invalid(fields, errorText(errors[0] as AccountRowError, locale));
  }
  if (preview) {
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const districtName = new Map(districts.map((d) => [d.id, d.name]));
    return {
      preview: true,
      rows: rows.length,
      imported: rows.length,
      replaced: 0,
      errors: [],
      sample: rows.slice(0, 20).map((r) => ({
        username: r.username,
        displayName: r.displayName,
        role: anyText(locale, `enums.role.${r.role}`) ?? r.role,
        unit: r.unitId ? (unitName.get(r.unitId) ?? null) : null,
        district: r.districtId ? (districtName.get(r.districtId) ?? null) : null,
        phone: r.phone,
        email: r.email,
      })),
    };
  }
  const prepared = await Promise.all(
    rows.map(async (r) => {
      const password = oneTimePassword();
      return { r, password, hash: await hashPassword(password) };
    }),
  );
  await db.$transaction(
    async (tx) => {
      for (const { r, hash } of prepared) {
        const u = await tx.user.create({
          data: {
            username: r.username,
            displayName: r.displayName,
            role: r.role,
            unitId: r.unitId,
            districtId: r.districtId,
            phone: r.phone,
            email: r.email,
            passwordHash: hash,
            mustChangePassword: true,
          },
          select: { id: true },
        });
        await writeAudit(tx, {
          actorId: actor.id,
          entityType: "User",
          entityId: u.id,
          action: "import",
          after: { username: r.username, displayName: r.displayName, role: r.role, unitId: r.unitId, districtId: r.districtId },
          requestId: opts.requestId,
        });
      }
    },
    { timeout: 60_000 },
  );
  return {
    created: prepared.map(({ r, password }) => ({ username: r.username, displayName: r.displayName, oneTimePassword: password })),
  };
}

/** A checked account file before anything is created: how many accounts, and the first rows as they will be read. */
export type AccountPreview = {
  preview: true;
  rows: number;
  imported: number;
  replaced: 0;
  errors: [];
  sample: Record<string, string | null>[];
};

/** The valid codes of an account file: roles, active units and districts (what the 角色/单位/属地 columns accept). */
export async function accountImportCodes(actor: Actor): Promise<CodeSheet[]> {
  authorize(actor, "user.manage");
  const [units, districts] = await Promise.all([
    db.unit.findMany({ where: { active: true }, select: { code: true, name: true }, orderBy: { code: "asc" } }),
    db.district.findMany({ select: { code: true, name: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
  ]);
  return [
    { name: "角色", header: ["角色", "代码"], rows: ROLES.map((r) => [anyText("zh-CN", `enums.role.${r}`) ?? r, r]) },
    { name: "单位", header: ["编码", "名称"], rows: units.map((u) => [u.code, u.name]) },
    { name: "属地", header: ["代码", "名称"], rows: districts.map((d) => [d.code, d.name]) },
  ];
}

/** The template to fill in: the Chinese headers, one example row, and the role labels on a second sheet. */
export async function accountTemplate(codeSheets: readonly CodeSheet[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("账号");
  sheet.addRow([...ACCOUNT_HEADERS_ZH]);
  sheet.addRow(["zhang.san", "张三", "派出机构", "AG-320281", "320281", "0510-86860000", "zhangsan@example.gov.cn"]);
  sheet.columns.forEach((c) => {
    c.width = 20;
  });
  const help = wb.addWorksheet("说明");
  help.addRow(["列", "说明"]);
  help.addRow(["用户名", "字母、数字、点、下划线、连字符，2–50 个字符，不能重复"]);
  help.addRow(["角色", ROLES.map((r) => anyText("zh-CN", `enums.role.${r}`)).join("、")]);
  help.addRow(["单位", "单位编码或名称（派出机构、处室负责人必填）"]);
  help.addRow(["属地", "属地代码或名称（可空）"]);
  help.addRow(["英文表头", ACCOUNT_COLUMNS.join(", ")]);
  for (const cs of codeSheets) {
    const sheet = wb.addWorksheet(cs.name);
    sheet.addRow([...cs.header]).font = { bold: true };
    for (const r of cs.rows) sheet.addRow([...r]);
    sheet.getColumn(1).width = 18;
    sheet.getColumn(2).width = 36;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
