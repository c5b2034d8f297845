import "server-only";
import { db } from "../../db";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { clueAssignSchema } from "../../schemas/offsite";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { CLUE_INCLUDE, clueDto } from "./clue-dto";
import { clueScope } from "./scope";

/**
 * Assigns an open (or re-assigns an assigned) clue to an enforcement person: a field officer of
 * the clue's district, a division head or the coordinator. OPEN → ASSIGNED.
 */
export async function assignClue(actor: Actor, id: string, raw: unknown, opts: { locale?: Locale; requestId?: string } = {}) {
  authorize(actor, "clue.assign");
  if (!isUuid(id)) throw new NotFound("Clue not found");
  const input = parseInput(clueAssignSchema, raw, opts.locale);
  return db.$transaction(async (tx) => {
    const clue = await tx.clue.findFirst({ where: { AND: [{ id }, clueScope(actor)] } });
    if (!clue) throw new NotFound("Clue not found");
    if (clue.status !== "OPEN" && clue.status !== "ASSIGNED") throw new Conflict("线索已处理（已核查关闭或已排除），不能再分派");
    if (input.version !== undefined && input.version !== clue.version)
      throw new Conflict("线索已被他人修改，请刷新后重试", { version: clue.version });
    const person = await tx.user.findFirst({
      where: { id: input.assigneeId, active: true },
      select: { id: true, displayName: true, role: true, districtId: true },
    });
    const eligible =
      person &&
      ((person.role === "FIELD_OFFICER" && person.districtId === clue.districtId) ||
        person.role === "DIVISION_HEAD" ||
        person.role === "COORDINATOR");
    if (!eligible) throw new Invalid({ assigneeId: ["只能分派给线索所在属地的执法人员、处室负责人或统筹人员"] });
    const updated = await tx.clue.updateMany({
      where: { id, version: clue.version },
      data: { status: "ASSIGNED", assigneeId: person.id, assignedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new Conflict("线索已被他人修改，请刷新后重试");
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Clue",
      entityId: id,
      action: "clue.assigned",
      before: { status: clue.status, assigneeId: clue.assigneeId },
      after: { status: "ASSIGNED", assigneeId: person.id, assigneeName: person.displayName },
      requestId: opts.requestId,
    });
    return clueDto(await tx.clue.findUniqueOrThrow({ where: { id }, include: CLUE_INCLUDE }));
  });
}
