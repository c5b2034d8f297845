import { z } from "zod";
import { INDICATOR_CODES } from "../domain/indicators";
import { strictNumberInput } from "./common";

export const indicatorEnum = z.enum(INDICATOR_CODES, { error: "v.invalidOption" });
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "v.invalidPeriod");
const boolText = z.enum(["true", "false"]).transform((v) => v === "true");

export const rankingQuerySchema = z
  .strictObject({
    scope: z.enum(["PROVINCE_CITIES", "CITY_DISTRICTS"]),
    indicator: indicatorEnum,
    period,
    cumulative: boolText.default(true),
  })
  .meta({ id: "RankingQuery" });

export const rankingSchema = z
  .object({
    scope: z.enum(["PROVINCE_CITIES", "CITY_DISTRICTS"]),
    indicator: indicatorEnum,
    period: z.string(),
    cumulative: z.boolean(),
    provincialAverage: z.string().nullable(),
    items: z.array(
      z.object({
        unitCode: z.string(),
        unitName: z.string(),
        value: z.string().nullable(),
        rank: z.number().int().nullable(),
        tied: z.boolean(),
        aboveProvincialAverage: z.boolean().nullable(),
        topThree: z.boolean(),
        named: z.boolean(),
      }),
    ),
  })
  .meta({ id: "Ranking" });

export const penaltyQuerySchema = z
  .strictObject({
    year: z.preprocess(strictNumberInput, z.number().int().min(2000).max(2100)),
    month: z.preprocess(strictNumberInput, z.number().int().min(1).max(12)),
  })
  .meta({ id: "PenaltyQuery" });

export const importResultSchema = z
  .object({
    imported: z.number().int(),
    replaced: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() })),
  })
  .meta({ id: "IndicatorImportResult" });
