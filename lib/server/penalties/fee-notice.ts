import "server-only";
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { db } from "../../db";
import { contentDisposition } from "../../domain/evidence";
import { describePenalty, formatYuan, type PenaltyFigures } from "../../domain/penalty-text";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { SUSPENSION_LABELS } from "./suspensions";

const BODY_FONT = "仿宋_GB2312";
const TITLE_FONT = "方正小标宋简体";
/** 三号 (16 pt) body, 二号 (22 pt) title, in half-points. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;

const run = (text: string, opts: { font?: string; size?: number; bold?: boolean } = {}) =>
  new TextRun({
    text,
    font: { ascii: opts.font ?? BODY_FONT, eastAsia: opts.font ?? BODY_FONT, hAnsi: opts.font ?? BODY_FONT },
    size: opts.size ?? BODY_SIZE,
    bold: opts.bold,
  });
const body = (text: string) =>
  new Paragraph({
    children: [run(text)],
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    alignment: AlignmentType.JUSTIFIED,
  });

function chineseDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/**
 * `GET /api/v1/penalties/decisions/{id}/notice`: the fee notice (缴款通知书) of a decision as a Word
 * document in the official layout: 仿宋 body at 三号, the number under the title, the district,
 * the trigger with its figures, the amount (and what the cap took off), the suspensions, the date.
 */
export async function feeNotice(actor: Actor, id: string): Promise<{ fileName: string; bytes: Buffer }> {
  authorize(actor, "penalty.read");
  if (!isUuid(id)) throw new NotFound("Penalty decision not found");
  const d = await db.penaltyDecision.findUnique({
    where: { id },
    include: { district: { select: { name: true } }, proposal: true, suspensions: { orderBy: { kind: "asc" } } },
  });
  if (!d) throw new NotFound("Penalty decision not found");
  const p = d.proposal;
  const paragraphs = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run("无锡市生态环境局", { font: TITLE_FONT, size: TITLE_SIZE })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [run("生态环境惩戒金缴款通知书", { font: TITLE_FONT, size: TITLE_SIZE })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(d.number)] }),
    new Paragraph({ spacing: { line: 560 }, children: [run(`${d.district.name}人民政府：`)] }),
    body(
      `根据《无锡市生态环境质量目标惩戒办法》，经认定，你地区${p.year}年${p.month}月存在以下情形：${describePenalty(p.trigger, p.figures as PenaltyFigures)}。`,
    ),
    body(
      d.capped
        ? `按规定应缴惩戒金${formatYuan(d.proposedAmount)}；因单次收缴不超过上限，核减${formatYuan(d.proposedAmount - d.amount)}，本次应缴惩戒金人民币${formatYuan(d.amount)}（${d.amount}元）。`
        : `本次应缴惩戒金人民币${formatYuan(d.amount)}（${d.amount}元）。`,
    ),
    ...(d.suspensions.length
      ? [
          body(
            `自${chineseDate(d.suspensions[0]?.startsOn as Date)}起至${chineseDate(d.suspensions[0]?.endsOn as Date)}止，暂停你地区：${d.suspensions.map((s) => SUSPENSION_LABELS[s.kind]).join("；")}。`,
          ),
        ]
      : []),
    body("请按规定及时缴纳，并将缴款情况报我局。"),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 600, line: 560 }, children: [run("无锡市生态环境局")] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: 560 }, children: [run(chineseDate(d.decidedOn))] }),
  ];
  const doc = new Document({
    creator: "无锡市生态环境局",
    title: `缴款通知书 ${d.number}`,
    sections: [
      {
        // A4 with the official margins (top 3.7 cm, bottom 3.5 cm, left 2.8 cm, right 2.6 cm), in twips.
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } },
        },
        children: paragraphs,
      },
    ],
  });
  return { fileName: `缴款通知书-${d.number}.docx`, bytes: await Packer.toBuffer(doc) };
}

export function feeNoticeResponse(notice: { fileName: string; bytes: Buffer }): Response {
  return new Response(new Uint8Array(notice.bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": contentDisposition(notice.fileName),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
