import { z } from "zod";
import { UNIT_KINDS } from "../domain/enums";
import { clearableText, emptyToUndefined, isStorableText, requiredOr, requiredText, strictNumberInput } from "./common";
import { roleEnum, userSchema } from "./user";

export { userUpdateSchema as userAdminUpdateSchema } from "./user";

const PHONE = /^[0-9+\-() ]{5,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const trimmedOrNull = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : v);

export const usernameSchema = z
  .string({ error: requiredOr("v.invalidOption") })
  .trim()
  .min(1, "v.required")
  .regex(/^[A-Za-z0-9._-]{2,50}$/, "v.usernameFormat");

const clearablePhone = z.preprocess(trimmedOrNull, z.string().regex(PHONE, "v.phone").nullable().optional());
const clearableEmail = z.preprocess(trimmedOrNull, z.string().max(200).regex(EMAIL, "v.email").nullable().optional());
const clearableId = z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: "v.invalidOption" }).nullable().optional());
const role = z.enum(roleEnum.options, { error: requiredOr("v.invalidOption") });

/** A new account; the one-time password is made by the server and shown once. */
export const userCreateSchema = z
  .strictObject({
    username: usernameSchema,
    displayName: requiredText(50),
    role,
    unitId: clearableId,
    districtId: clearableId,
    phone: clearablePhone,
    email: clearableEmail,
  })
  .meta({ id: "UserCreate" });
export type UserCreateInput = z.output<typeof userCreateSchema>;

/** An account as administrators see it. */
export const adminUserSchema = userSchema
  .extend({
    districtId: z.uuid().nullable(),
    districtName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    mustChangePassword: z.boolean(),
    locked: z.boolean(),
    lastSignInAt: z.string().nullable().meta({ format: "date-time" }),
    createdAt: z.string().meta({ format: "date-time" }),
    version: z.number().int(),
  })
  .meta({ id: "AdminUser" });
export type AdminUserDto = z.output<typeof adminUserSchema>;

export const userSearchQuerySchema = z
  .strictObject({
    q: z.preprocess(emptyToUndefined, z.string().trim().max(50).optional()),
    role: z.preprocess(emptyToUndefined, roleEnum.optional()),
    active: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
    unitId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  })
  .meta({ id: "UserSearchQuery" });

/** The one-time password of a new or reset account: shown once, never stored in clear. */
export const oneTimePasswordSchema = z
  .object({ user: adminUserSchema, oneTimePassword: z.string() })
  .meta({ id: "UserWithOneTimePassword" });

export const passwordChangeSchema = z
  .strictObject({
    currentPassword: z.string().min(1, "v.required").max(128),
    newPassword: z.string().min(1, "v.required").max(512),
  })
  .meta({ id: "PasswordChange" });

export const mySessionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["WEB", "API"]),
    createdAt: z.string().meta({ format: "date-time" }),
    lastSeenAt: z.string().meta({ format: "date-time" }),
    expiresAt: z.string().meta({ format: "date-time" }),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: "MySession" });
export type MySessionDto = z.output<typeof mySessionSchema>;

const unitKind = z.enum(UNIT_KINDS, { error: requiredOr("v.invalidOption") });
const unitCode = z
  .string({ error: requiredOr("v.invalidOption") })
  .trim()
  .min(1, "v.required")
  .regex(/^[A-Za-z0-9_-]{2,40}$/, "v.unitCode");

export const unitCreateSchema = z
  .strictObject({
    code: unitCode,
    name: requiredText(100),
    nameEn: z.preprocess(trimmedOrNull, z.string().max(200).refine(isStorableText, "v.invalidText").nullable().optional()),
    kind: unitKind,
    parentId: clearableId,
    districtId: clearableId,
  })
  .meta({ id: "UnitCreate" });

export const unitUpdateSchema = z
  .strictObject({
    name: requiredText(100).optional(),
    nameEn: clearableText(200),
    kind: unitKind.optional(),
    parentId: clearableId,
    districtId: clearableId,
    active: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "v.nothingToChange" })
  .meta({ id: "UnitUpdate" });

export const adminUnitSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    kind: unitKind,
    parentId: z.uuid().nullable(),
    districtId: z.uuid().nullable(),
    active: z.boolean(),
  })
  .meta({ id: "AdminUnit" });
export type AdminUnitDto = z.output<typeof adminUnitSchema>;

/** A functional zone (功能区, e.g. a development zone) added as a district of its own. */
export const districtCreateSchema = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "v.districtCode"),
    name: requiredText(50),
    nameEn: z.preprocess(trimmedOrNull, z.string().max(100).nullable().optional()),
  })
  .meta({ id: "DistrictCreate" });

const dateTime = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}/.test(s), "v.invalidDate")
    .optional(),
);

export const auditQuerySchema = z
  .strictObject({
    /** Username or display name of the person who acted. */
    actor: z.preprocess(emptyToUndefined, z.string().trim().max(50).optional()),
    /** `Type` or `Type:id`, or a problem code. */
    entity: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
    action: z.preprocess(emptyToUndefined, z.string().trim().max(50).optional()),
    /** From this day or instant on (a date is a day in Asia/Shanghai). */
    from: dateTime,
    /** Up to the end of this day or this instant. */
    to: dateTime,
    page: z.preprocess(strictNumberInput, z.number().int().min(1).max(100_000).default(1)),
    pageSize: z.preprocess(strictNumberInput, z.number().int().min(1).max(200).default(50)),
  })
  .meta({ id: "AuditQuery" });
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string().meta({ format: "date-time" }),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    entityType: z.string(),
    entityId: z.string(),
    entityLabel: z.string(),
    action: z.string(),
    changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })),
  })
  .meta({ id: "AuditLogEntry" });
export type AuditEntryDto = z.output<typeof auditEntrySchema>;

export const setupSchema = z
  .strictObject({
    token: z.string().min(1, "v.required").max(200),
    username: usernameSchema,
    displayName: requiredText(50),
    password: z.string().min(1, "v.required").max(512),
  })
  .meta({ id: "Setup" });
