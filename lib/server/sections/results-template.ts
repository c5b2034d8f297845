import "server-only";
import { db } from "../../db";
import {
  CLASS_SPELLINGS,
  classLabel,
  SECTION_COLUMN_NOTES,
  SECTION_IMPORT_COLUMNS,
  sectionTemplateCsv,
} from "../../domain/water-sections";
import { type Actor, authorize } from "../../permissions";
import { buildImportTemplate, type CodeSheet } from "../office/import-template";
import { latestResultPeriod } from "./list-sections";
import { periodText } from "./section-dto";

/** The results template as a CSV download, one example row per active section for the month after the latest results. */
export async function sectionResultsTemplate(actor: Actor): Promise<Response> {
  authorize(actor, "section.manage");
  const at = await latestResultPeriod();
  const next = at.month === 12 ? { year: at.year + 1, month: 1 } : { year: at.year, month: at.month + 1 };
  const sections = await db.waterSection.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { code: true } });
  const csv = sectionTemplateCsv(sections.map((s) => ({ code: s.code, period: periodText(next.year, next.month) })));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="section-results-template.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The valid codes of a results file: the active sections, and how a class may be written. */
export async function sectionImportCodes(actor: Actor): Promise<CodeSheet[]> {
  authorize(actor, "section.manage");
  const sections = await db.waterSection.findMany({
    where: { active: true },
    orderBy: { code: "asc" },
    select: { code: true, name: true, waterBody: true, targetClass: true, district: { select: { name: true } } },
  });
  return [
    {
      name: "断面编码",
      header: ["section_code", "断面名称", "水体", "属地", "目标类别"],
      rows: sections.map((s) => [s.code, s.name, s.waterBody, s.district.name, classLabel(s.targetClass)]),
    },
    { name: "水质类别", header: ["class", "含义"], rows: CLASS_SPELLINGS },
  ];
}

/** The results template as XLSX: the parser's columns, one example row per active section, the valid codes. */
export async function sectionResultsTemplateXlsx(actor: Actor): Promise<Buffer> {
  const codeSheets = await sectionImportCodes(actor);
  const at = await latestResultPeriod();
  const next = at.month === 12 ? { year: at.year + 1, month: 1 } : { year: at.year, month: at.month + 1 };
  const codes = codeSheets[0]?.rows.map((r) => r[0] ?? "") ?? [];
  const examples = (codes.length ? codes : ["SECTION-01"]).map((code, i) => [
    code,
    periodText(next.year, next.month),
    ["Ⅱ", "Ⅲ", "Ⅳ", "劣Ⅴ"][i % 4] ?? "Ⅲ",
    i % 2 ? "总磷" : "",
  ]);
  return buildImportTemplate({
    sheetName: "断面监测结果",
    columns: SECTION_IMPORT_COLUMNS,
    notes: SECTION_IMPORT_COLUMNS.map((c) => SECTION_COLUMN_NOTES[c]),
    examples,
    codeSheets,
  });
}
