import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { hashPassword } from "../../auth/password";
import type { Tx } from "../../db";
import { HOME_CITY_CODE } from "../../domain/indicators";
import { oneTimePassword } from "../../domain/password-policy";
import { Conflict, Forbidden } from "../../errors";
import { adminText } from "../../i18n/admin-text";
import { setupSchema } from "../../schemas/admin";
import { type Locale, parseInput } from "../../schemas/parse";
import { writeAudit } from "../audit/write-audit";
import { assertAcceptablePassword } from "../users/password-rules";
import { loadCityReference } from "./load-reference";

/** A setup link is good for a day; a new start of the server prints a new one while nobody is set up. */
const SETUP_TOKEN_TTL_MS = 24 * 3600 * 1000;
// One installation at a time, even with two setup attempts racing.
const SETUP_LOCK = 1_515_015;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Installed = some account exists (the demo's or the first administrator's). */
export async function isInstalled(db: PrismaClient | Tx): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/** On an empty installation: a new one-time setup token (only its hash is stored), or null when already set up. */
export async function issueSetupToken(db: PrismaClient): Promise<string | null> {
  if (await isInstalled(db)) return null;
  const token = randomBytes(32).toString("base64url");
  await db.setupToken.create({ data: { tokenHash: sha256(token), expiresAt: new Date(Date.now() + SETUP_TOKEN_TTL_MS) } });
  return token;
}

async function lockAndCheck(tx: Tx, locale: Locale | undefined): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
  if (await isInstalled(tx)) throw new Conflict(adminText(locale, "adminErrors.alreadySetUp"));
}

export type SetupResult = { userId: string; username: string; cityName: string; districts: number; units: number };

/**
 * The setup page: with a valid one-time token, creates the first administrator (a password of
 * their own choosing, under the password policy) and loads the configured city's reference data.
 * Refused with 409 once anyone exists.
 */
export async function completeSetup(
  db: PrismaClient,
  raw: unknown,
  opts: { locale?: Locale; cityCode?: string; ip?: string | null } = {},
): Promise<SetupResult> {
  const input = parseInput(setupSchema, raw, opts.locale);
  if (await isInstalled(db)) throw new Conflict(adminText(opts.locale, "adminErrors.alreadySetUp"));
  await assertAcceptablePassword(input.password, input.username, { locale: opts.locale, tx: db });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(
    async (tx) => {
      await lockAndCheck(tx, opts.locale);
      const token = await tx.setupToken.findUnique({ where: { tokenHash: sha256(input.token) } });
      if (!token || token.usedAt || token.expiresAt <= new Date()) {
        throw new Forbidden(adminText(opts.locale, "adminErrors.setupTokenInvalid"));
      }
      await tx.setupToken.update({ where: { id: token.id }, data: { usedAt: new Date() } });
      return install(tx, {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        mustChangePassword: false,
        cityCode: opts.cityCode ?? HOME_CITY_CODE,
        via: "setup-link",
        ip: opts.ip ?? null,
      });
    },
    { timeout: 60_000 },
  );
}

/**
 * `npm run setup -- --admin NAME`: the same installation from the command line. The administrator
 * gets a one-time password (returned, printed once) and must choose their own at first sign-in.
 */
export async function setupFromCommandLine(
  db: PrismaClient,
  input: { username: string; displayName?: string; cityCode?: string },
): Promise<SetupResult & { oneTimePassword: string }> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const result = await db.$transaction(
    async (tx) => {
      await lockAndCheck(tx, "zh-CN");
      return install(tx, {
        username: input.username,
        displayName: input.displayName ?? input.username,
        passwordHash,
        mustChangePassword: true,
        cityCode: input.cityCode ?? HOME_CITY_CODE,
        via: "command-line",
        ip: null,
      });
    },
    { timeout: 60_000 },
  );
  return { ...result, oneTimePassword: password };
}

async function install(
  tx: Tx,
  a: {
    username: string;
    displayName: string;
    passwordHash: string;
    mustChangePassword: boolean;
    cityCode: string;
    via: string;
    ip: string | null;
  },
): Promise<SetupResult> {
  const loaded = await loadCityReference(tx, a.cityCode);
  const office = await tx.unit.findUnique({ where: { code: "DIV-OFFICE" }, select: { id: true } });
  const user = await tx.user.create({
    data: {
      username: a.username,
      displayName: a.displayName,
      role: "ADMIN",
      unitId: office?.id ?? null,
      passwordHash: a.passwordHash,
      mustChangePassword: a.mustChangePassword,
    },
    select: { id: true, username: true },
  });
  await writeAudit(tx, {
    actorId: user.id,
    entityType: "User",
    entityId: user.id,
    action: "setup",
    after: { username: user.username, role: "ADMIN", cityCode: a.cityCode, city: loaded.city.name, via: a.via, ip: a.ip },
  });
  return {
    userId: user.id,
    username: user.username,
    cityName: loaded.city.name,
    districts: loaded.districts,
    units: loaded.units,
  };
}
