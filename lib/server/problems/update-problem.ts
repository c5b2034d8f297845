import "server-only";
import { db, type Tx } from "../../db";
import { parseCalendarDate } from "../../domain/calendar";
import { disallowedFields, editAccess } from "../../domain/problem-edit";
import { deadlineProblem } from "../../domain/problem-rules";
import { Conflict, Forbidden, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { type ProblemDto, type ProblemUpdateInput, problemUpdateSchema } from "../../schemas/problem";
import { diffFields, writeAudit } from "../audit/write-audit";
import { getSettings } from "../settings/get-settings";
import { refreshDerived } from "../workflow/refresh-derived";
import { isUniqueViolation } from "./create-problem";
import { auditSnapshot, problemWithMeasuresInclude, toProblemDto } from "./problem-dto";
import { resolveReferences } from "./resolve-references";
import { problemScope } from "./scope";

/**
 * Edits a ledger row with optimistic locking: the caller sends the version they saw; a stale
 * version → 409 carrying the current record, so the UI can show both and lose nothing.
 */
export async function updateProblem(
  actor: Actor,
  id: string,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<ProblemDto> {
  authorize(actor, "problem.update");
  const locale = opts.locale ?? "en";
  const input = parseInput(problemUpdateSchema, raw, locale);
  if (!isUuid(id)) throw new NotFound("Problem not found");
  if (Object.entries(input).every(([k, v]) => k === "version" || v === undefined)) {
    throw new Invalid({ _: [localizeMessage("v.nothingToChange", locale)] });
  }

  const edit = db.$transaction((tx) => updateProblemInTx(tx, actor, id, input, locale, opts.requestId));
  return edit.catch((e: unknown) => {
    // A new code already taken by another problem is the caller's mistake, not a server error.
    if (isUniqueViolation(e, "code")) throw new Invalid({ code: [localizeMessage("v.duplicateCode", locale)] });
    throw e;
  });
}

/**
 * The edit inside the caller's transaction: scope, edit rights, version check, the write, derived
 * colour and the audit diff. Shared by the form, the API and the ledger import.
 */
export async function updateProblemInTx(
  tx: Tx,
  actor: Actor,
  id: string,
  input: ProblemUpdateInput,
  locale: Locale,
  requestId?: string,
): Promise<ProblemDto> {
  const { version, ...changes } = input;
  const changed = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
  const current = await tx.problem.findFirst({
    where: { AND: [{ id }, problemScope(actor)] },
    include: problemWithMeasuresInclude,
  });
  if (!current) throw new NotFound("Problem not found");
  const access = editAccess(actor, current, true);
  if (access.kind === "none") {
    throw new Forbidden(
      access.reason === "closed"
        ? "A closed problem is read-only; a look-back reopens it"
        : "Only the lead division may edit this problem",
    );
  }
  const notAllowed = disallowedFields(access, changed);
  if (notAllowed.length) throw new Forbidden(`You may not change: ${notAllowed.join(", ")}`);
  if (current.version !== version) {
    throw new Conflict(
      "This problem was changed by someone else; review the current record",
      toProblemDto(current, undefined, { actor, settings: await getSettings(tx), locale }),
    );
  }
  const band = changes.deadlineBand ?? current.deadlineBand;
  const deadline =
    changes.deadline !== undefined ? (changes.deadline ? parseCalendarDate(changes.deadline) : null) : current.deadline;
  const deadlineIssue = deadlineProblem(band, deadline);
  if (deadlineIssue) throw new Invalid({ deadline: [localizeMessage(`v.${deadlineIssue}`, locale)] });
  if ((changes.lat === undefined) !== (changes.lng === undefined)) {
    throw new Invalid({ lat: [localizeMessage("v.latLngPair", locale)] });
  }
  const { districtId } = await resolveReferences(tx, changes, locale, {
    leadUnitId: current.leadUnitId,
    coUnitIds: current.coUnits.map((c) => c.unitId),
  });

  // The version check and the write are one statement, so two editors of the same version cannot both win.
  const updated = await tx.problem.updateMany({
    where: { id, version },
    data: {
      ...(changes.code !== undefined && { code: changes.code }),
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.source !== undefined && { source: changes.source }),
      ...(changes.round !== undefined && { round: changes.round }),
      ...(changes.category !== undefined && { category: changes.category }),
      ...(districtId !== undefined && { districtId }),
      ...(changes.locationText !== undefined && { locationText: changes.locationText }),
      ...(changes.lat !== undefined && { lat: changes.lat, lng: changes.lng }),
      ...(changes.leadOfficialId !== undefined && { leadOfficialId: changes.leadOfficialId }),
      ...(changes.leadUnitId !== undefined && { leadUnitId: changes.leadUnitId }),
      ...(changes.acceptanceUnitId !== undefined && { acceptanceUnitId: changes.acceptanceUnitId }),
      ...(changes.responsiblePerson !== undefined && { responsiblePerson: changes.responsiblePerson }),
      ...(changes.responsiblePhone !== undefined && { responsiblePhone: changes.responsiblePhone }),
      ...(changes.target !== undefined && { target: changes.target }),
      ...(changes.deadlineBand !== undefined && { deadlineBand: changes.deadlineBand }),
      ...(changes.deadline !== undefined && { deadline }),
      // A new deadline re-arms the escalation ladder (reminder, yellow, red) for that date.
      ...(changes.deadline !== undefined &&
        deadline?.getTime() !== current.deadline?.getTime() && { escalation: "NONE" as const }),
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) {
    const latest = await tx.problem.findUniqueOrThrow({ where: { id }, include: problemWithMeasuresInclude });
    throw new Conflict(
      "This problem was changed by someone else; review the current record",
      toProblemDto(latest, undefined, { actor, settings: await getSettings(tx), locale }),
    );
  }
  if (changes.coUnitIds !== undefined) {
    await tx.problemCoUnit.deleteMany({ where: { problemId: id } });
    await tx.problemCoUnit.createMany({ data: changes.coUnitIds.map((unitId) => ({ problemId: id, unitId })) });
  }
  // A new deadline (or band) changes the planned pace and maybe the colour.
  await refreshDerived(tx, id);
  const after = await tx.problem.findUniqueOrThrow({ where: { id }, include: problemWithMeasuresInclude });
  const diff = diffFields(auditSnapshot(current), auditSnapshot(after));
  await writeAudit(tx, {
    actorId: actor.id,
    entityType: "Problem",
    entityId: id,
    action: "update",
    before: diff.before,
    after: diff.after,
    requestId,
  });
  return toProblemDto(after, undefined, { actor, settings: await getSettings(tx), locale });
}
