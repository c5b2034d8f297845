import { z } from "zod";
import { COLOUR_RULES, COLOURS } from "../domain/colour";

/**
 * Why a problem has its colour (`explainColour`): the rule that decided it and the numbers it
 * compared. Clients show it in their own words; `rule` is a stable machine code.
 */
export const colourReasonSchema = z
  .object({
    colour: z
      .enum(COLOURS)
      .meta({ description: "The colour these rules give today (the stored `colour` is refreshed on every change and nightly)." }),
    rule: z.enum(COLOUR_RULES).meta({
      description:
        "The deciding rule: RED — OVERDUE, RETURNED_TWICE; YELLOW — BEHIND_PACE (progress below planned pace by more than paceMarginPct), DUE_SOON (deadline within dueSoonDays with open measures); GREEN — ON_PACE, NO_PACE (not assigned or no deadline), ONGOING; BLUE — CLOSED.",
    }),
    rules: z.array(z.enum(COLOUR_RULES)).meta({ description: "Every rule that fired at the deciding level." }),
    progress: z.number().int(),
    plannedPercent: z.number().int().nullable(),
    behindPoints: z
      .number()
      .int()
      .nullable()
      .meta({ description: "plannedPercent − progress; positive = behind the planned pace." }),
    paceMarginPct: z.number().int(),
    deadline: z.string().nullable().meta({ format: "date" }),
    daysLeft: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Days to the deadline, negative once overdue; null without a running deadline." }),
    overdueDays: z.number().int(),
    dueSoonDays: z.number().int(),
    returnCount: z.number().int(),
    returnLimit: z.number().int(),
    openMeasures: z.number().int(),
  })
  .meta({ id: "ColourReason" });
export type ColourReasonDto = z.output<typeof colourReasonSchema>;
