import type { z } from "zod";
import { settingsSchema } from "../domain/settings";

export { settingsSchema };

/** Any subset of the settings, at least one; unknown keys are refused. */
export const settingsPatchSchema = settingsSchema
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "v.nothingToChange" })
  .meta({ id: "SettingsPatch" });
export type SettingsPatch = z.output<typeof settingsPatchSchema>;
