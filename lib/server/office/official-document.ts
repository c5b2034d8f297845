import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";

/**
 * Word documents in the layout of Chinese official documents (GB/T 9704-2012 党政机关公文格式):
 * A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 2号 (22 pt) 小标宋
 * (黑体 where it is missing), body in 3号 (16 pt) 仿宋_GB2312, 28 lines a page (exact line
 * spacing), headings 黑体 / 楷体 by level, page numbers "— 1 —" in 4号 宋体 at the bottom
 * outside edge (right on odd pages, left on even ones). Word substitutes a font the reader's
 * machine lacks; each run names the Western font too (Times New Roman).
 */
const MM = 1440 / 25.4; // twips per millimetre
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
};
/** Text area width in twips (for tables and images). */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** 28 lines on the 225 mm text height. */
const LINE = Math.floor((PAGE.height - PAGE.margin.top - PAGE.margin.bottom) / 28);

export const FONTS = {
  title: "方正小标宋简体",
  titleFallback: "黑体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  table: "仿宋_GB2312",
  number: "宋体",
};
const SIZE = { title: 44, body: 32, table: 24, number: 28 }; // half-points: 2号, 3号, 小4号, 4号

function run(text: string, font: string, size: number, bold = false): TextRun {
  return new TextRun({ text, font: { eastAsia: font, ascii: "Times New Roman", hAnsi: "Times New Roman" }, size, bold });
}

const exact = { line: LINE, lineRule: LineRuleType.EXACT };

export function title(text: string): Paragraph[] {
  return text.split("\n").map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: Math.round(LINE * 1.2), lineRule: LineRuleType.EXACT },
        children: [run(line, FONTS.title, SIZE.title)],
      }),
  );
}

/** A centred line under the title (issuer and date, 期号). */
export function subtitle(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(text, FONTS.body, SIZE.body)] });
}

export function blank(): Paragraph {
  return new Paragraph({ spacing: exact, children: [run("", FONTS.body, SIZE.body)] });
}

/** Level 1 "一、…" in 黑体, level 2 "（一）…" in 楷体; both indented two characters like the body. */
export function heading(text: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({
    spacing: exact,
    indent: { firstLine: 640 },
    children: [run(text, level === 1 ? FONTS.heading1 : FONTS.heading2, SIZE.body)],
  });
}

/** A body paragraph: first line indented two characters. Parts may be bold (e.g. figures). */
export function body(...parts: (string | { bold: string })[]): Paragraph {
  return new Paragraph({
    spacing: exact,
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
    children: parts.map((p) =>
      typeof p === "string" ? run(p, FONTS.body, SIZE.body) : run(p.bold, FONTS.body, SIZE.body, true),
    ),
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

function cell(text: string, width: number, opts: { header?: boolean; align?: "left" | "center" } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60 },
    children: text.split("\n").map(
      (line) =>
        new Paragraph({
          alignment: opts.align === "left" ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(line, opts.header ? FONTS.heading1 : FONTS.table, SIZE.table)],
        }),
    ),
  });
}

/** A table over the text width; `weights` share it between the columns; the header row repeats on each page and rows do not split. */
export function table(
  headers: string[],
  rows: string[][],
  weights: number[] = headers.map(() => 1),
  leftColumns: number[] = [],
): Table {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => cell(h, widths[i] ?? 0, { header: true })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((t, i) => cell(t, widths[i] ?? 0, { align: leftColumns.includes(i) ? "left" : "center" })),
          }),
      ),
    ],
  });
}

/** A form (审批表): label cells on the left, the filled-in text on the right; rows never split across pages. */
export function formTable(rows: [string, string][], weights: [number, number] = [1, 4]): Table {
  const sum = weights[0] + weights[1];
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / sum)) as [number, number];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          height: { value: 700, rule: "atLeast" },
          children: [cell(label, widths[0], { header: true }), cell(value, widths[1], { align: "left" })],
        }),
    ),
  });
}

/** A chart image centred on the text width (`png` at 2× of `width`×`height` CSS pixels). */
export function image(png: Buffer, width: number, height: number): Paragraph {
  const maxPx = Math.floor(TEXT_WIDTH / 15); // 15 twips per pixel at 96 dpi
  const scale = Math.min(1, maxPx / width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: "png",
        data: png,
        transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
      }),
    ],
  });
}

function pageNumber(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: { eastAsia: FONTS.number, ascii: FONTS.number },
            size: SIZE.number,
          }),
        ],
      }),
    ],
  });
}

/** The document with GB/T 9704 page setup; `children` are paragraphs and tables in order. */
export async function officialDocx(meta: { title: string; creator: string }, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    title: meta.title,
    creator: meta.creator,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: { eastAsia: FONTS.body, ascii: "Times New Roman" }, size: SIZE.body } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, footer: Math.round(28 * MM - 7 * MM) },
          },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function docxResponse(bytes: Buffer, fileName: string, asciiName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": DOCX_TYPE,
      "Content-Disposition": `attachment; filename="${asciiName}.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}.docx`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
