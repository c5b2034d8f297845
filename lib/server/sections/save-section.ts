import "server-only";
import { db, type Tx } from "../../db";
import { Conflict, Invalid, NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { type Locale, localizeMessage, parseInput } from "../../schemas/parse";
import { sectionCreateSchema, sectionUpdateSchema } from "../../schemas/sections";
import { diffFields, writeAudit } from "../audit/write-audit";
import { isUniqueViolation } from "../problems/create-problem";
import { latestResultPeriod } from "./list-sections";
import { auditSnapshot, monthsEnding, type SectionDto, toSectionDto } from "./section-dto";
import { sectionText } from "./texts";

type Opts = { locale?: Locale; requestId?: string };

async function districtIdOf(tx: Tx, code: string, locale: Locale): Promise<string> {
  const d = await tx.district.findUnique({ where: { code }, select: { id: true } });
  if (!d) throw new Invalid({ districtCode: [sectionText("unknownDistrict", locale)] });
  return d.id;
}

async function dto(tx: Tx, id: string): Promise<SectionDto> {
  const at = await latestResultPeriod();
  const s = await tx.waterSection.findUniqueOrThrow({
    where: { id },
    include: { district: { select: { code: true, name: true } }, results: { where: { year: { gte: at.year - 2 } } } },
  });
  return toSectionDto(s, monthsEnding(at.year, at.month));
}

function duplicateCode(e: unknown, locale: Locale): never {
  if (isUniqueViolation(e, "code")) throw new Invalid({ code: [sectionText("duplicateCode", locale)] });
  throw e;
}

/** `POST /api/v1/sections`: registers a section (coordinator, admin); audited. */
export async function createSection(actor: Actor, raw: unknown, opts: Opts = {}): Promise<SectionDto> {
  authorize(actor, "section.manage");
  const locale = opts.locale ?? "en";
  const input = parseInput(sectionCreateSchema, raw, locale);
  return db
    .$transaction(async (tx) => {
      const districtId = await districtIdOf(tx, input.districtCode, locale);
      if (await tx.waterSection.findUnique({ where: { code: input.code }, select: { id: true } })) {
        throw new Invalid({ code: [sectionText("duplicateCode", locale)] });
      }
      const created = await tx.waterSection.create({
        data: {
          code: input.code,
          name: input.name,
          waterBody: input.waterBody,
          districtId,
          level: input.level,
          targetClass: input.targetClass,
          active: input.active,
        },
        include: { district: { select: { code: true } } },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "WaterSection",
        entityId: created.id,
        action: "create",
        after: auditSnapshot(created),
        requestId: opts.requestId,
      });
      return dto(tx, created.id);
    })
    .catch((e: unknown) => duplicateCode(e, locale));
}

/** `PATCH /api/v1/sections/{id}`: version-checked edit; a stale version → 409 with the current section. */
export async function updateSection(actor: Actor, id: string, raw: unknown, opts: Opts = {}): Promise<SectionDto> {
  authorize(actor, "section.manage");
  const locale = opts.locale ?? "en";
  const input = parseInput(sectionUpdateSchema, raw, locale);
  if (!isUuid(id)) throw new NotFound("Section not found");
  const { version, districtCode, ...changes } = input;
  const changed = Object.entries({ districtCode, ...changes }).filter(([, v]) => v !== undefined);
  if (changed.length === 0) throw new Invalid({ _: [localizeMessage("v.nothingToChange", locale)] });
  return db
    .$transaction(async (tx) => {
      const current = await tx.waterSection.findUnique({ where: { id }, include: { district: { select: { code: true } } } });
      if (!current) throw new NotFound("Section not found");
      const conflict = async () =>
        new Conflict("This section was changed by someone else; review the current record", await dto(tx, id));
      if (current.version !== version) throw await conflict();
      if (changes.code !== undefined && changes.code !== current.code) {
        if (await tx.waterSection.findUnique({ where: { code: changes.code }, select: { id: true } })) {
          throw new Invalid({ code: [sectionText("duplicateCode", locale)] });
        }
      }
      const districtId = districtCode === undefined ? undefined : await districtIdOf(tx, districtCode, locale);
      // The version check and the write are one statement, so two editors of the same version cannot both win.
      const updated = await tx.waterSection.updateMany({
        where: { id, version },
        data: {
          ...(changes.code !== undefined && { code: changes.code }),
          ...(changes.name !== undefined && { name: changes.name }),
          ...(changes.waterBody !== undefined && { waterBody: changes.waterBody }),
          ...(districtId !== undefined && { districtId }),
          ...(changes.level !== undefined && { level: changes.level }),
          ...(changes.targetClass !== undefined && { targetClass: changes.targetClass }),
          ...(changes.active !== undefined && { active: changes.active }),
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw await conflict();
      const after = await tx.waterSection.findUniqueOrThrow({ where: { id }, include: { district: { select: { code: true } } } });
      const diff = diffFields(auditSnapshot(current), auditSnapshot(after));
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "WaterSection",
        entityId: id,
        action: "update",
        before: diff.before,
        after: diff.after,
        requestId: opts.requestId,
      });
      return dto(tx, id);
    })
    .catch((e: unknown) => duplicateCode(e, locale));
}
