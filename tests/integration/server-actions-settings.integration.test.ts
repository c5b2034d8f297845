import { randomInt } from "node:crypto";
import type { Setting } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { changePasswordAction } from "@/app/(app)/account/actions";
import * as admin from "@/app/(app)/admin/actions";
import { updatePenaltyRulesAction } from "@/app/(app)/admin/penalty-rules/actions";
import { recordPenaltyPaymentAction } from "@/app/(app)/penalties/actions";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { PROBLEM_CATEGORIES } from "@/lib/domain/enums";
import type { ActionResult } from "@/lib/schemas/action-result";
import { clearSettingsCache } from "@/lib/server/settings/get-settings";
import { createUnit, DEMO_PASSWORD, uniqueSuffix } from "../factories";
import { form, type RunAs, WHO, type Who, worldWithSessions } from "../support/action-roles";
import { browserCookie, withCookie } from "../support/cookie-session";
import { createPerson, type World } from "../support/world";

/**
 * The administration pages' remaining server actions (accounts, units, rule settings, the closure
 * checklist, the penalty rules), the penalty payment and the own-password change, called as each
 * role would from a browser (a real session cookie). Who may do what is pinned here from the
 * permission table (`user.manage`, `unit.manage`, `settings.manage`, `penaltyRules.manage`: the
 * administrator; `penalty.pay`: the coordinator) and the README (everyone changes their own
 * password, the current one required, their other sessions end). An allowed call is done and
 * audited with the person's name; a refusal writes nothing; bad input names its fields and writes
 * nothing. Settings are global: the file puts back what it found.
 */
vi.unmock("@/lib/auth/next-auth");
vi.mock("next/headers", async () => (await import("../support/cookie-session")).nextHeaders);
/** The pages an action asked to refresh: a done action refreshes its pages, a refused one none. */
const refreshed = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => refreshed.push(path) }));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "zh-CN",
  getTranslations: async () => (key: string) => key,
}));

let world: World;
let as: RunAs;
let settingsBefore: Setting[];
/** The month the penalty-rule versions of this file take effect: far ahead, so no evaluation reads them. */
const RULES_FROM = "2099-12";

beforeAll(async () => {
  ({ world, as } = await worldWithSessions());
  settingsBefore = await db.setting.findMany();
});

afterAll(async () => {
  await db.setting.deleteMany({});
  if (settingsBefore.length) {
    await db.setting.createMany({
      data: settingsBefore.map(({ key, value, updatedById }) => ({ key, value: value as object, updatedById })),
    });
  }
  clearSettingsCache();
  await db.penaltyRuleVersion.deleteMany({ where: { effectiveFrom: RULES_FROM } });
});

/** What an action works on: its key, how to read everything it could change, and the audited entities. */
type Fixture = { key: string; extra?: number; state: () => Promise<unknown>; audited: () => Promise<string[]> };

type Case = {
  name: string;
  /** Who may do it, pinned from the permission table. */
  allowed: Who[];
  fixture: () => Promise<Fixture>;
  run: (f: Fixture) => Promise<ActionResult>;
  invalid: (f: Fixture) => Promise<ActionResult>;
  invalidFields: string[];
};

const ADMIN: Who[] = ["admin"];

async function account(): Promise<Fixture> {
  const p = await createPerson("VIEWER");
  return {
    key: p.user.id,
    extra: p.user.version,
    state: async () => ({
      user: await db.user.findUniqueOrThrow({
        where: { id: p.user.id },
        select: { displayName: true, role: true, phone: true, version: true },
      }),
      audit: await db.auditLog.count({ where: { entityId: p.user.id } }),
    }),
    audited: async () => [p.user.id],
  };
}

async function newAccount(): Promise<Fixture> {
  const username = `acct-${uniqueSuffix()}`;
  const made = () => db.user.findMany({ where: { username }, select: { id: true } });
  return { key: username, state: async () => (await made()).length, audited: async () => (await made()).map((u) => u.id) };
}

async function unit(): Promise<Fixture> {
  const u = await createUnit(db, { kind: "DIVISION" });
  return {
    key: u.id,
    state: async () => ({
      unit: await db.unit.findUniqueOrThrow({ where: { id: u.id }, select: { name: true, kind: true, active: true } }),
      audit: await db.auditLog.count({ where: { entityId: u.id } }),
    }),
    audited: async () => [u.id],
  };
}

/** The settings as stored; each run sets `noticeDays` to a value it has not had yet. */
let noticeDays = 8;
async function settings(): Promise<Fixture> {
  noticeDays = noticeDays >= 30 ? 8 : noticeDays + 1;
  return {
    key: String(noticeDays),
    state: async () => ({
      rows: await db.setting.findMany({ orderBy: { key: "asc" }, select: { key: true, value: true, updatedById: true } }),
      audit: await db.auditLog.count({ where: { entityType: "Setting" } }),
    }),
    audited: async () => ["settings", "closureChecklist"],
  };
}

/** A proposal confirmed into an unpaid decision (demo figures, not real monitoring data). */
async function unpaidDecision(): Promise<Fixture> {
  const seq = randomInt(100_000, 999_999);
  const proposal = await db.penaltyProposal.create({
    data: {
      districtId: world.districtA.id,
      trigger: "PM25",
      episodeKey: `PM25:actions:${uniqueSuffix()}`,
      year: 2099,
      month: 1,
      evaluatedAt: "2099-01",
      amount: 3_000_000,
      status: "CONFIRMED",
      figures: { note: "测试数据，非真实监测数据" },
    },
  });
  const d = await db.penaltyDecision.create({
    data: {
      proposalId: proposal.id,
      districtId: world.districtA.id,
      year: 2099,
      seq,
      number: `锡环惩〔2099〕${seq}号`,
      proposedAmount: 3_000_000,
      amount: 3_000_000,
      capped: false,
      decidedOn: new Date(Date.UTC(2099, 1, 1)),
    },
  });
  return {
    key: d.id,
    state: async () => ({
      decision: await db.penaltyDecision.findUniqueOrThrow({
        where: { id: d.id },
        select: { paymentStatus: true, paidOn: true, paidRecordedById: true, version: true },
      }),
      audit: await db.auditLog.count({ where: { entityId: d.id } }),
    }),
    audited: async () => [d.id],
  };
}

async function ruleVersions(): Promise<Fixture> {
  const rows = () => db.penaltyRuleVersion.findMany({ where: { effectiveFrom: RULES_FROM }, select: { id: true } });
  return { key: RULES_FROM, state: async () => (await rows()).length, audited: async () => (await rows()).map((r) => r.id) };
}

/** The closure checklist form: one checkbox per category and evidence kind, as the page posts it. */
function checklistForm(kinds: Record<string, string[]>): FormData {
  const f = new FormData();
  for (const [category, list] of Object.entries(kinds)) for (const kind of list) f.set(`${category}:${kind}`, "on");
  return f;
}

const CASES: Case[] = [
  {
    name: "createUserAction",
    allowed: ADMIN,
    fixture: newAccount,
    run: (f) =>
      admin.createUserAction(form({ username: f.key, displayName: "新来的同事", role: "VIEWER", unitId: "", districtId: "" })),
    invalid: (f) => admin.createUserAction(form({ username: `${f.key} 空格`, displayName: "新来的同事", role: "KING" })),
    invalidFields: ["username", "role"],
  },
  {
    name: "updateUserAction",
    allowed: ADMIN,
    fixture: account,
    run: (f) =>
      admin.updateUserAction(f.key, form({ displayName: "改名后的同事", phone: "13800001111", version: String(f.extra) })),
    invalid: (f) => admin.updateUserAction(f.key, form({ role: "KING", phone: "打电话", version: String(f.extra) })),
    invalidFields: ["role", "phone"],
  },
  {
    name: "updateUnitAction",
    allowed: ADMIN,
    fixture: unit,
    run: (f) => admin.updateUnitAction(f.key, form({ name: `改名处室${uniqueSuffix()}` })),
    invalid: (f) => admin.updateUnitAction(f.key, form({ name: "", kind: "EMPIRE" })),
    invalidFields: ["name", "kind"],
  },
  {
    name: "saveSettingsAction",
    allowed: ADMIN,
    fixture: settings,
    run: (f) => admin.saveSettingsAction(form({ noticeDays: f.key })),
    invalid: () => admin.saveSettingsAction(form({ noticeDays: "-1", colourOfTheDay: "3" })),
    invalidFields: ["noticeDays", "colourOfTheDay"],
  },
  {
    name: "saveChecklistAction (the closure checklist)",
    allowed: ADMIN,
    fixture: settings,
    // Each run asks for a different set for WATER, so an allowed run always changes the stored checklist.
    run: (f) =>
      admin.saveChecklistAction(
        PROBLEM_CATEGORIES,
        checklistForm({ WATER: Number(f.key) % 2 ? ["AFTER_PHOTO"] : ["BEFORE_PHOTO", "AFTER_PHOTO"], OTHER: ["AFTER_PHOTO"] }),
      ),
    invalid: () => admin.saveChecklistAction(PROBLEM_CATEGORIES, checklistForm({ WATER: ["SELFIE"] })),
    invalidFields: ["WATER.0"],
  },
  {
    name: "updatePenaltyRulesAction",
    allowed: ADMIN,
    fixture: ruleVersions,
    run: () =>
      updatePenaltyRulesAction({ effectiveFrom: RULES_FROM, rules: { airFee: 2_000_000 }, reason: "测试：调整空气惩戒金" }),
    invalid: () => updatePenaltyRulesAction({ effectiveFrom: "2099-13", rules: { airFee: -1 }, reason: "" }),
    invalidFields: ["effectiveFrom", "rules.airFee", "reason"],
  },
  {
    name: "recordPenaltyPaymentAction",
    allowed: ["coordinator"],
    fixture: unpaidDecision,
    run: (f) => recordPenaltyPaymentAction(f.key, { paidOn: "2099-03-01" }),
    invalid: (f) => recordPenaltyPaymentAction(f.key, { paidOn: "2099-02-30" }),
    invalidFields: ["paidOn"],
  },
];

async function expectDone(c: Case, who: Who, f: Fixture, before: unknown, result: ActionResult) {
  expect(result.ok, `${c.name} as ${who}: ${JSON.stringify(result)}`).toBe(true);
  expect(await f.state()).not.toEqual(before);
  expect(
    await db.auditLog.count({ where: { entityId: { in: await f.audited() }, actorId: world[who].user.id } }),
  ).toBeGreaterThan(0);
}

async function expectRefused(c: Case, who: Who | "nobody", f: Fixture, before: unknown, result: ActionResult) {
  expect(result.ok, `${c.name} as ${who}: ${JSON.stringify(result)}`).toBe(false);
  if (!result.ok) {
    expect(result.message ?? "", JSON.stringify(result)).toMatch(who === "nobody" ? /^signedOut$/ : /^(forbidden|notFound)$/);
    expect(result.fields).toEqual({});
  }
  expect(await f.state()).toEqual(before);
}

describe("administration, settings and penalty-payment server actions: role × action", () => {
  for (const c of CASES) {
    for (const who of WHO) {
      const allowed = c.allowed.includes(who);
      it(`${c.name} as ${who} → ${allowed ? "done, audited with their name" : "refused, nothing written"}`, async () => {
        const f = await c.fixture();
        const before = await f.state();
        refreshed.length = 0;
        const result = await as(who, () => c.run(f));
        if (allowed) await expectDone(c, who, f, before, result);
        else await expectRefused(c, who, f, before, result);
        expect(refreshed.length > 0, refreshed.join()).toBe(allowed);
      });
    }
  }

  it("without a session every action refuses and writes nothing", async () => {
    for (const c of CASES) {
      const f = await c.fixture();
      const before = await f.state();
      await expectRefused(c, "nobody", f, before, await withCookie("", () => c.run(f)));
    }
  });

  for (const c of CASES) {
    it(`${c.name} with bad input: field errors, nothing written; a refused role is refused before its input is read`, async () => {
      const f = await c.fixture();
      const before = await f.state();
      const result = await as(c.allowed[0] as Who, () => c.invalid(f));
      expect(result.ok, JSON.stringify(result)).toBe(false);
      if (!result.ok) expect(Object.keys(result.fields).sort(), JSON.stringify(result)).toEqual([...c.invalidFields].sort());
      expect(await f.state()).toEqual(before);
      expect(await as("viewer", () => c.invalid(f))).toMatchObject({ ok: false, message: "forbidden", fields: {} });
      expect(await f.state()).toEqual(before);
    });
  }

  it("the administrator cannot take away their own role (the account would lose its administrator)", async () => {
    const me = world.admin.user.id;
    const before = await db.user.findUniqueOrThrow({ where: { id: me }, select: { role: true, version: true } });
    const result = await as("admin", () => admin.updateUserAction(me, form({ role: "VIEWER", version: String(before.version) })));
    expect(result.ok).toBe(false);
    expect(await db.user.findUniqueOrThrow({ where: { id: me }, select: { role: true, version: true } })).toEqual(before);
  });

  it("a payment already recorded is not recorded again", async () => {
    const f = await unpaidDecision();
    expect(await as("coordinator", () => recordPenaltyPaymentAction(f.key, { paidOn: "2099-03-01" }))).toMatchObject({
      ok: true,
    });
    const paid = await f.state();
    expect(await as("coordinator", () => recordPenaltyPaymentAction(f.key, { paidOn: "2099-04-01" }))).toMatchObject({
      ok: false,
    });
    expect(await f.state()).toEqual(paid);
  });
});

describe("changing one's own password: everyone, only their own", () => {
  const NEW_PASSWORD = "Huanbao#2027q";
  const hashOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).passwordHash;
  const passwordForm = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
    form({ currentPassword, newPassword, confirmPassword });

  for (const who of WHO) {
    it(`as ${who}: a wrong current password is refused; the right one changes it and ends their other sessions`, async () => {
      const me = world[who].user;
      const other = who === "viewer" ? world.admin.user : world.viewer.user;
      const otherHash = await hashOf(other.id);
      const otherSession = await browserCookie(me.id);
      const hash = await hashOf(me.id);
      const audit = () => db.auditLog.count({ where: { entityId: me.id, action: "change-password", actorId: me.id } });

      const wrong = await as(who, () => changePasswordAction(passwordForm("Wrong#Password1", NEW_PASSWORD)));
      expect(wrong.ok).toBe(false);
      if (!wrong.ok) expect(Object.keys(wrong.fields)).toEqual(["currentPassword"]);
      const mismatch = await as(who, () => changePasswordAction(passwordForm(DEMO_PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}x`)));
      if (!mismatch.ok) expect(Object.keys(mismatch.fields)).toEqual(["confirmPassword"]);
      const weak = await as(who, () => changePasswordAction(passwordForm(DEMO_PASSWORD, "short")));
      if (!weak.ok) expect(Object.keys(weak.fields)).toEqual(["newPassword"]);
      expect([mismatch.ok, weak.ok]).toEqual([false, false]);
      expect(await hashOf(me.id)).toBe(hash);
      expect(await audit()).toBe(0);

      // A field naming someone else is not read: the password changed is always the caller's own.
      const f = passwordForm(DEMO_PASSWORD, NEW_PASSWORD);
      f.set("userId", other.id);
      expect(await as(who, () => changePasswordAction(f))).toMatchObject({ ok: true });
      expect(await verifyPassword(await hashOf(me.id), NEW_PASSWORD)).toBe(true);
      expect(await hashOf(other.id)).toBe(otherHash);
      expect(await audit()).toBe(1);
      // Their other session ended; the one they used stays signed in (the next call is answered, not "signed out").
      expect((await db.session.findUniqueOrThrow({ where: { id: otherSession.sessionId } })).revokedAt).not.toBeNull();
      const again = await as(who, () => changePasswordAction(passwordForm("Wrong#Password1", "Another#Pass2027")));
      expect(again.ok).toBe(false);
      if (!again.ok) expect(Object.keys(again.fields)).toEqual(["currentPassword"]);
    });
  }

  it("someone who must change their password can do that and nothing else until they have", async () => {
    const p = await createPerson("COORDINATOR");
    await db.user.update({ where: { id: p.user.id }, data: { mustChangePassword: true } });
    const cookie = (await browserCookie(p.user.id)).cookie;
    const f = await unpaidDecision();
    const before = await f.state();
    const pay = () => withCookie(cookie, () => recordPenaltyPaymentAction(f.key, { paidOn: "2099-03-01" }));
    expect(await pay()).toMatchObject({ ok: false, message: "changeRequired" });
    expect(await f.state()).toEqual(before);
    expect(await withCookie(cookie, () => changePasswordAction(passwordForm(DEMO_PASSWORD, NEW_PASSWORD)))).toMatchObject({
      ok: true,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: p.user.id } })).mustChangePassword).toBe(false);
    expect(await pay()).toMatchObject({ ok: true });
  });

  it("without a session: refused, no password changed", async () => {
    const hash = await hashOf(world.viewer.user.id);
    expect(await withCookie("", () => changePasswordAction(passwordForm(NEW_PASSWORD, "Another#Pass2027")))).toMatchObject({
      ok: false,
      message: "signedOut",
    });
    expect(await hashOf(world.viewer.user.id)).toBe(hash);
  });
});
