import "server-only";
import type { Prisma } from "@prisma/client";
import { db, type Tx } from "../../db";
import { Conflict, Invalid, NotFound } from "../../errors";
import { adminText } from "../../i18n/admin-text";
import { type Actor, authorize } from "../../permissions";
import { type AdminUnitDto, districtCreateSchema, unitCreateSchema, unitUpdateSchema } from "../../schemas/admin";
import { isUuid } from "../../schemas/common";
import { type Locale, parseInput } from "../../schemas/parse";
import { diffFields, writeAudit } from "../audit/write-audit";

type Opts = { locale?: Locale; requestId?: string };

const unitSelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  kind: true,
  parentId: true,
  districtId: true,
  active: true,
} satisfies Prisma.UnitSelect;

/** Every unit, active or not, for the administration page (tree order is built by the page). */
export async function listAllUnits(actor: Actor): Promise<AdminUnitDto[]> {
  authorize(actor, "unit.manage");
  return db.unit.findMany({ orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { code: "asc" }], select: unitSelect });
}

async function checkReferences(
  tx: Tx,
  input: { parentId?: string | null; districtId?: string | null },
  locale: Locale | undefined,
  self?: string,
): Promise<void> {
  const fields: Record<string, string[]> = {};
  if (input.parentId) {
    const parent = await tx.unit.findUnique({ where: { id: input.parentId }, select: { id: true } });
    if (!parent) fields.parentId = [adminText(locale, "adminErrors.unknownUnit")];
    else if (self) {
      // Walk up from the new parent: meeting the unit itself would make a cycle.
      let cursor: string | null = input.parentId;
      for (let depth = 0; cursor && depth < 100; depth++) {
        if (cursor === self) {
          fields.parentId = [adminText(locale, "adminErrors.unitParentCycle")];
          break;
        }
        cursor = (await tx.unit.findUnique({ where: { id: cursor }, select: { parentId: true } }))?.parentId ?? null;
      }
    }
  }
  if (input.districtId) {
    const d = await tx.district.findUnique({ where: { id: input.districtId }, select: { id: true } });
    if (!d) fields.districtId = [adminText(locale, "adminErrors.unknownDistrict")];
  }
  if (Object.keys(fields).length) throw new Invalid(fields);
}

export async function createUnit(actor: Actor, raw: unknown, opts: Opts = {}): Promise<AdminUnitDto> {
  authorize(actor, "unit.manage");
  const input = parseInput(unitCreateSchema, raw, opts.locale);
  return db.$transaction(async (tx) => {
    await checkReferences(tx, input, opts.locale);
    if (await tx.unit.findUnique({ where: { code: input.code }, select: { id: true } })) {
      throw new Invalid({ code: [adminText(opts.locale, "adminErrors.unitCodeTaken")] });
    }
    const unit = await tx.unit.create({
      data: {
        code: input.code,
        name: input.name,
        nameEn: input.nameEn ?? input.name,
        kind: input.kind,
        parentId: input.parentId ?? null,
        districtId: input.districtId ?? null,
        sortOrder: 500,
      },
      select: unitSelect,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Unit",
      entityId: unit.id,
      action: "create",
      after: unit,
      requestId: opts.requestId,
    });
    return unit;
  });
}

/** Rename, move (new parent), change kind or district, deactivate or reactivate a unit. */
export async function updateUnit(actor: Actor, id: string, raw: unknown, opts: Opts = {}): Promise<AdminUnitDto> {
  authorize(actor, "unit.manage");
  const input = parseInput(unitUpdateSchema, raw, opts.locale);
  if (!isUuid(id)) throw new NotFound("Unit not found");
  return db.$transaction(async (tx) => {
    const current = await tx.unit.findUnique({ where: { id }, select: unitSelect });
    if (!current) throw new NotFound("Unit not found");
    await checkReferences(tx, input, opts.locale, id);
    if (input.active === false && current.active) {
      const activeChildren = await tx.unit.count({ where: { parentId: id, active: true } });
      if (activeChildren > 0) throw new Conflict(adminText(opts.locale, "adminErrors.unitHasActiveChildren"));
    }
    const after = await tx.unit.update({
      where: { id },
      data: {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.nameEn !== undefined && { nameEn: input.nameEn ?? input.name ?? current.name }),
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.parentId !== undefined && { parentId: input.parentId }),
        ...(input.districtId !== undefined && { districtId: input.districtId }),
        ...(input.active !== undefined && { active: input.active }),
      },
      select: unitSelect,
    });
    const diff = diffFields(current, after);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Unit",
      entityId: id,
      action: current.active !== after.active ? (after.active ? "reactivate" : "deactivate") : "update",
      before: diff.before,
      after: diff.after,
      requestId: opts.requestId,
    });
    return after;
  });
}

/**
 * Deletes a unit nothing points to (one created by mistake). A unit that people, problems,
 * measures, reports, acceptances or sub-units point to answers 409 naming them: deactivate it.
 */
export async function deleteUnit(actor: Actor, id: string, opts: Opts = {}): Promise<void> {
  authorize(actor, "unit.manage");
  if (!isUuid(id)) throw new NotFound("Unit not found");
  await db.$transaction(async (tx) => {
    const current = await tx.unit.findUnique({ where: { id }, select: unitSelect });
    if (!current) throw new NotFound("Unit not found");
    const counts = {
      users: await tx.user.count({ where: { unitId: id } }),
      children: await tx.unit.count({ where: { parentId: id } }),
      problemsLead: await tx.problem.count({ where: { leadUnitId: id } }),
      problemsAcceptance: await tx.problem.count({ where: { acceptanceUnitId: id } }),
      problemsCo: await tx.problemCoUnit.count({ where: { unitId: id } }),
      measures: await tx.measure.count({ where: { ownerUnitId: id } }),
      reports: await tx.progressReport.count({ where: { unitId: id } }),
      acceptances: await tx.acceptance.count({ where: { acceptanceUnitId: id } }),
    };
    const what = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => adminText(opts.locale, `adminRefs.${k}`, { count: n }));
    if (what.length) throw new Conflict(adminText(opts.locale, "adminErrors.unitInUse", { what: what.join("、") }));
    await tx.unit.delete({ where: { id } });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Unit",
      entityId: id,
      action: "delete",
      before: current,
      requestId: opts.requestId,
    });
  });
}

/**
 * Adds a district that is not in the national division list — a functional zone such as a
 * development zone (经开区) — under a six-digit code the bureau chooses (e.g. the city's xx99).
 */
export async function createDistrict(
  actor: Actor,
  raw: unknown,
  opts: Opts = {},
): Promise<{ id: string; code: string; name: string; nameEn: string }> {
  authorize(actor, "unit.manage");
  const input = parseInput(districtCreateSchema, raw, opts.locale);
  return db.$transaction(async (tx) => {
    if (await tx.district.findUnique({ where: { code: input.code }, select: { id: true } })) {
      throw new Invalid({ code: [adminText(opts.locale, "adminErrors.districtCodeTaken")] });
    }
    const d = await tx.district.create({
      data: { code: input.code, name: input.name, nameEn: input.nameEn ?? input.name, sortOrder: Number(input.code) },
      select: { id: true, code: true, name: true, nameEn: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "District",
      entityId: d.id,
      action: "create",
      after: d,
      requestId: opts.requestId,
    });
    return d;
  });
}
