import { z } from "zod";
import { ROLES } from "../domain/enums";
import { requiredText } from "./common";

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

export const meSchema = userSchema.extend({ locale: z.string(), mustChangePassword: z.boolean() }).meta({ id: "Me" });

const trimmedOrNull = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : v);
const clearablePhone = z.preprocess(
  trimmedOrNull,
  z
    .string()
    .regex(/^[0-9+\-() ]{5,20}$/, "v.phone")
    .nullable()
    .optional(),
);
const clearableEmail = z.preprocess(
  trimmedOrNull,
  z
    .string()
    .max(200)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "v.email")
    .nullable()
    .optional(),
);
const clearableId = z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: "v.invalidOption" }).nullable().optional());

/** What an administrator may change of an account; `version` guards against lost updates. */
export const userUpdateSchema = z
  .strictObject({
    displayName: requiredText(50).optional(),
    role: roleEnum.optional(),
    unitId: clearableId,
    districtId: clearableId,
    phone: clearablePhone,
    email: clearableEmail,
    active: z.boolean().optional(),
    locale: z.enum(["zh-CN", "en"]).optional(),
    // Capped at the INT4 column's range: a larger number must be a 422, not a database error.
    version: z.number().int().min(1).max(2_147_483_647),
  })
  .meta({ id: "UserUpdate" });
export type UserUpdateInput = z.output<typeof userUpdateSchema>;

export const localeSchema = z.strictObject({ locale: z.enum(["zh-CN", "en"]) });
