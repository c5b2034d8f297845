import "server-only";
import { db } from "../../db";
import { INDICATORS, type IndicatorCodeName } from "../../domain/indicators";
import { isValidDecimal } from "../../domain/ranking";
import type { FieldErrors } from "../../errors";
import { Invalid } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { type Locale, parseInput } from "../../schemas/parse";
import { targetsPutSchema, targetsQuerySchema } from "../../schemas/sections";
import { writeAudit } from "../audit/write-audit";
import { sectionText } from "../sections/texts";
import { targetUnits } from "./target-units";

export type AnnualTargets = {
  year: number;
  units: { code: string; name: string }[];
  targets: { unitCode: string; indicator: IndicatorCodeName; value: string }[];
};

/** `GET /api/v1/targets?year=`: every target of the year for the city and its districts. */
export async function getTargets(actor: Actor, raw: unknown, opts: { locale?: Locale } = {}): Promise<AnnualTargets> {
  authorize(actor, "indicator.read");
  const { year } = parseInput(targetsQuerySchema, raw, opts.locale);
  return readTargets(year);
}

async function readTargets(year: number): Promise<AnnualTargets> {
  const [units, rows] = await Promise.all([
    targetUnits(),
    db.annualTarget.findMany({ where: { year }, select: { unitCode: true, indicator: true, valueText: true } }),
  ]);
  const known = new Set(units.map((u) => u.code));
  return {
    year,
    units,
    targets: rows
      .filter((r) => known.has(r.unitCode))
      .map((r) => ({ unitCode: r.unitCode, indicator: r.indicator, value: r.valueText }))
      .sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.indicator.localeCompare(b.indicator)),
  };
}

/** A target value at most at the indicator's published precision and within its range; null when fine. */
export function targetValueProblem(indicator: IndicatorCodeName, value: string, locale: Locale): string | null {
  const meta = INDICATORS[indicator];
  if (!isValidDecimal(value)) return sectionText("targetNotNumber", locale);
  const n = Number(value);
  if (n < meta.min || n > meta.max) return sectionText("targetRange", locale, { min: meta.min, max: meta.max });
  const decimals = value.includes(".") ? (value.split(".")[1]?.length ?? 0) : 0;
  if (decimals > meta.precision) return sectionText("targetPrecision", locale, { precision: meta.precision });
  return null;
}

/**
 * `PUT /api/v1/targets`: sets (or, with null, removes) the given cells of a year; coordinator or
 * admin. Every cell is checked first (unit, range, precision — errors under `targets.<i>.value`);
 * all cells are written in one transaction with one audit row listing each change.
 */
export async function putTargets(
  actor: Actor,
  raw: unknown,
  opts: { locale?: Locale; requestId?: string } = {},
): Promise<AnnualTargets & { changed: number }> {
  authorize(actor, "target.manage");
  const locale = opts.locale ?? "en";
  const input = parseInput(targetsPutSchema, raw, locale);
  const units = new Set((await targetUnits()).map((u) => u.code));
  const fields: FieldErrors = {};
  const seen = new Set<string>();
  input.targets.forEach((t, i) => {
    const key = `${t.unitCode}|${t.indicator}`;
    if (!units.has(t.unitCode)) fields[`targets.${i}.unitCode`] = [sectionText("unitNotTargeted", locale)];
    else if (seen.has(key)) fields[`targets.${i}.indicator`] = [sectionText("targetDuplicate", locale)];
    seen.add(key);
    const problem = t.value === null || t.value === "" ? null : targetValueProblem(t.indicator, t.value, locale);
    if (problem) fields[`targets.${i}.value`] = [problem];
  });
  if (Object.keys(fields).length) throw new Invalid(fields);

  const changed = await db.$transaction(async (tx) => {
    const current = await tx.annualTarget.findMany({ where: { year: input.year } });
    const byKey = new Map(current.map((c) => [`${c.unitCode}|${c.indicator}`, c]));
    const changes: { unitCode: string; indicator: string; before: string | null; after: string | null }[] = [];
    for (const t of input.targets) {
      const before = byKey.get(`${t.unitCode}|${t.indicator}`) ?? null;
      const value = t.value === null || t.value === "" ? null : t.value;
      if ((before?.valueText ?? null) === value) continue;
      if (value === null) await tx.annualTarget.delete({ where: { id: (before as { id: string }).id } });
      else
        await tx.annualTarget.upsert({
          where: { unitCode_indicator_year: { unitCode: t.unitCode, indicator: t.indicator, year: input.year } },
          create: { unitCode: t.unitCode, indicator: t.indicator, year: input.year, valueText: value, updatedById: actor.id },
          update: { valueText: value, updatedById: actor.id },
        });
      changes.push({ unitCode: t.unitCode, indicator: t.indicator, before: before?.valueText ?? null, after: value });
    }
    if (changes.length) {
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "AnnualTarget",
        entityId: String(input.year),
        action: "update",
        before: changes.map(({ unitCode, indicator, before }) => ({ unitCode, indicator, value: before })),
        after: changes.map(({ unitCode, indicator, after }) => ({ unitCode, indicator, value: after })),
        requestId: opts.requestId,
      });
    }
    return changes.length;
  });
  return { ...(await readTargets(input.year)), changed };
}
