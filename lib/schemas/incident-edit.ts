import { z } from "zod";
import { kindError, strictNumberInput } from "./common";
import { incidentCreateSchema } from "./self-review";

/** An edit of an incident: every field as the form shows it, at the version the editor read. */
export const incidentUpdateSchema = incidentCreateSchema
  .extend({
    version: z.preprocess(
      strictNumberInput,
      z
        .number({ error: kindError("v.invalidNumber") })
        .int()
        .min(1),
    ),
  })
  .meta({ id: "IncidentUpdate" });
export type IncidentUpdateInput = z.output<typeof incidentUpdateSchema>;

export const linkableProblemSchema = z
  .object({ id: z.uuid(), code: z.string(), title: z.string() })
  .meta({ id: "LinkableProblem" });
export type LinkableProblem = z.output<typeof linkableProblemSchema>;
