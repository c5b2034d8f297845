import { z } from "zod";
import { kindError, optionalText, requiredOr, strictNumberInput } from "./common";
import { indicatorEnum } from "./indicator";

const choice = { error: requiredOr("v.invalidOption") };
const period = z.string({ error: requiredOr("v.invalidPeriod") }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, "v.invalidPeriod");
/** JSON booleans, or "true"/"false" from a form or a query string. */
const bool = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "v.invalidOption" }));

export const publishedListKindEnum = z.enum(["BEST", "WORST"], choice);
export const publishedListScopeEnum = z.enum(["PROVINCE_CITIES", "PROVINCE_COUNTIES"], choice);

export const publishedListEntryInputSchema = z.strictObject({
  /** The name as printed (宜兴市, 宜兴, 南京市鼓楼区); a six-digit code is accepted too. */
  name: z
    .string({ error: requiredOr("v.required") })
    .trim()
    .min(1, "v.required")
    .max(50),
  /** Optional division code, checked against the name. */
  code: z
    .string()
    .regex(/^\d{6}$/, "v.invalidOption")
    .optional(),
  printedRank: z.preprocess(
    strictNumberInput,
    z
      .number({ error: kindError("v.invalidNumber") })
      .int("v.invalidNumber")
      .min(1, "v.invalidNumber")
      .max(999, "v.invalidNumber"),
  ),
});

/**
 * A published list as printed: the names either as `entries` (API) or as `text` pasted from the
 * document, one printed place a line ("9 江阴市", several names on a line or "并列" for a tie).
 */
export const publishedListInputSchema = z
  .strictObject({
    indicator: indicatorEnum,
    period,
    cumulative: bool,
    kind: publishedListKindEnum,
    scope: publishedListScopeEnum.default("PROVINCE_COUNTIES"),
    size: z.preprocess(
      strictNumberInput,
      z
        .number({ error: kindError("v.invalidNumber") })
        .int("v.invalidNumber")
        .min(1, "v.invalidNumber")
        .max(100, "v.invalidNumber"),
    ),
    source: optionalText(200),
    text: optionalText(20_000),
    entries: z.array(publishedListEntryInputSchema).min(1, "v.required").max(200).optional(),
    /** Replace a list already imported for the same indicator, period, kind and scope (a wrong import). */
    replace: bool.default(false),
  })
  .refine((v) => (v.text === undefined) !== (v.entries === undefined), { path: ["text"], message: "v.required" })
  .meta({ id: "PublishedListInput" });

export const publishedListQuerySchema = z
  .strictObject({
    indicator: indicatorEnum.optional(),
    period: period.optional(),
    cumulative: bool.optional(),
    kind: publishedListKindEnum.optional(),
    scope: publishedListScopeEnum.optional(),
  })
  .meta({ id: "PublishedListQuery" });

export const publishedListSchema = z
  .object({
    id: z.string(),
    indicator: indicatorEnum,
    period: z.string(),
    cumulative: z.boolean(),
    kind: publishedListKindEnum,
    scope: publishedListScopeEnum,
    size: z.number().int(),
    source: z.string().nullable(),
    importedBy: z.object({ id: z.string(), name: z.string().nullable() }),
    createdAt: z.string(),
    entries: z.array(
      z.object({
        position: z.number().int(),
        printedRank: z.number().int(),
        tied: z.boolean(),
        unitCode: z.string(),
        unitName: z.string(),
        printedName: z.string(),
      }),
    ),
  })
  .meta({ id: "PublishedList" });
