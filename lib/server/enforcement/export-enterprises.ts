import "server-only";
import { IMPORT_COLUMNS, STATUS_LABELS, TAG_LABELS } from "../../domain/enterprise-import";
import { dayCell, type ListExport } from "../office/list-export";
import type { ExportColumn } from "../office/table-export";
import type { EnterpriseDto } from "./enterprise-dto";
import { listEnterprises } from "./list-enterprises";

type Key = (typeof IMPORT_COLUMNS)[number]["key"];
const header = (key: Key) => IMPORT_COLUMNS.find((c) => c.key === key)?.zh ?? key;

/**
 * The import's columns, in its order and under its headers, each written the way the import
 * reads it back (district by code, tags and status by their Chinese labels, the closing day as
 * a date): an exported file, edited or not, imports again by credit code.
 */
const importColumns: Record<Key, ExportColumn<EnterpriseDto>> = {
  creditCode: { header: header("creditCode"), width: 22, value: (e) => e.creditCode },
  name: { header: header("name"), width: 36, value: (e) => e.name },
  district: { header: header("district"), width: 10, value: (e) => e.districtCode },
  address: { header: header("address"), width: 40, value: (e) => e.address },
  lat: { header: header("lat"), width: 12, kind: "int", value: (e) => e.lat },
  lng: { header: header("lng"), width: 12, kind: "int", value: (e) => e.lng },
  industry: { header: header("industry"), width: 16, value: (e) => e.industry },
  tags: {
    header: header("tags"),
    width: 30,
    value: (e) => e.tags.map((t) => TAG_LABELS[t as keyof typeof TAG_LABELS] ?? t).join("、"),
  },
  status: { header: header("status"), width: 8, value: (e) => STATUS_LABELS[e.status as keyof typeof STATUS_LABELS] ?? e.status },
  closedOn: { header: header("closedOn"), width: 12, kind: "date", value: (e) => dayCell(e.closedOn) },
};

/**
 * 企业库 as the register page lists it (search, district, tag, status; the person's scope; by
 * district and name), in the import's columns plus two the import ignores (the district's name,
 * demo data), so the file reads well and re-imports unchanged.
 */
export const enterpriseExport: ListExport<EnterpriseDto> = {
  permission: "enterprise.read",
  entityType: "Enterprise",
  sheetName: "企业库",
  fileName: "企业库",
  asciiName: "enterprises",
  columns: [
    ...IMPORT_COLUMNS.map((c) => importColumns[c.key]),
    { header: "属地名称", width: 10, value: (e) => e.districtName },
    { header: "演示数据", width: 8, value: (e) => (e.isDemo ? "是" : "") },
  ],
  // The register pages like its page, at the largest page size, until an empty page.
  read: async (actor, filters, page, pageSize, locale) =>
    (await listEnterprises(actor, { ...filters, page, pageSize }, { locale })).items,
};
