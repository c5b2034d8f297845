import "server-only";
import { db } from "../../db";
import { Conflict, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { clueDismissSchema } from "../../schemas/offsite";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { CLUE_INCLUDE, clueDto } from "./clue-dto";
import { clueScope } from "./scope";

/** Dismisses an open or assigned clue with a reason from the list (OTHER with its text). Re-imports never reopen it. */
export async function dismissClue(actor: Actor, id: string, raw: unknown, opts: { locale?: Locale; requestId?: string } = {}) {
  authorize(actor, "clue.dismiss");
  if (!isUuid(id)) throw new NotFound("Clue not found");
  const input = parseInput(clueDismissSchema, raw, opts.locale);
  return db.$transaction(async (tx) => {
    const clue = await tx.clue.findFirst({ where: { AND: [{ id }, clueScope(actor)] } });
    if (!clue) throw new NotFound("Clue not found");
    if (clue.status !== "OPEN" && clue.status !== "ASSIGNED") throw new Conflict("线索已处理（已核查关闭或已排除）");
    if (input.version !== undefined && input.version !== clue.version)
      throw new Conflict("线索已被他人修改，请刷新后重试", { version: clue.version });
    const updated = await tx.clue.updateMany({
      where: { id, version: clue.version },
      data: {
        status: "DISMISSED",
        dismissReason: input.reason,
        dismissNote: input.note ?? null,
        closedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new Conflict("线索已被他人修改，请刷新后重试");
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Clue",
      entityId: id,
      action: "clue.dismissed",
      before: { status: clue.status },
      after: { status: "DISMISSED", reason: input.reason, note: input.note ?? null },
      requestId: opts.requestId,
    });
    return clueDto(await tx.clue.findUniqueOrThrow({ where: { id }, include: CLUE_INCLUDE }));
  });
}
