import { z } from "zod";
import { INDICATOR_CODES } from "../domain/indicators";

export const indicatorEnum = z.enum(INDICATOR_CODES, { error: "v.invalidOption" });
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "v.invalidPeriod");
const boolText = z.enum(["true", "false"]).transform((v) => v === "true");

export const rankingQuerySchema = z
  .strictObject({
    scope: z.enum(["PROVINCE_CITIES", "PROVINCE_COUNTIES", "CITY_DISTRICTS"]),
    indicator: indicatorEnum,
    period,
    cumulative: boolText.default(true),
  })
  .meta({ id: "RankingQuery" });

export const rankingSchema = z
  .object({
    scope: z.enum(["PROVINCE_CITIES", "PROVINCE_COUNTIES", "CITY_DISTRICTS"]),
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
        /** Strictly better than the province (direction-aware). */
        aboveProvincialAverage: z.boolean().nullable(),
        versusProvincialAverage: z.enum(["BETTER", "EQUAL", "WORSE"]).nullable(),
        topThree: z.boolean(),
        /** In the province's worst list; false = a list covers the unit and does not name it; null = unknown (no list, or not covered). */
        named: z.boolean().nullable(),
        namedBy: z
          .object({
            listId: z.string().nullable(),
            kind: z.enum(["BEST", "WORST"]),
            basis: z.enum(["PRINTED_LIST", "PROVINCE_TABLE"]),
            printedRank: z.number().int(),
            tied: z.boolean(),
            size: z.number().int(),
            source: z.string().nullable(),
          })
          .nullable(),
      }),
    ),
  })
  .meta({ id: "Ranking" });

export const importResultSchema = z
  .object({
    imported: z.number().int(),
    replaced: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() })),
  })
  .meta({ id: "IndicatorImportResult" });
