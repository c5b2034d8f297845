import { z } from "zod";
import { ROLES } from "../domain/enums";

export const roleEnum = z.enum(ROLES);

export const userListQuerySchema = z
  .strictObject({
    role: z.preprocess((v) => (v === "" ? undefined : v), roleEnum.optional()),
  })
  .meta({ id: "UserListQuery" });

export const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: roleEnum,
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    districtCode: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: "User" });
export type UserDto = z.output<typeof userSchema>;

export const meSchema = userSchema.extend({ locale: z.string() }).meta({ id: "Me" });

export const userUpdateSchema = z
  .strictObject({
    role: roleEnum.optional(),
    active: z.boolean().optional(),
    locale: z.enum(["zh-CN", "en"]).optional(),
    // Capped at the INT4 column's range: a larger number must be a 422, not a database error.
    version: z.number().int().min(1).max(2_147_483_647),
  })
  .meta({ id: "UserUpdate" });

export const localeSchema = z.strictObject({ locale: z.enum(["zh-CN", "en"]) });
