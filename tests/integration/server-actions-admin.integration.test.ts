import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  createDistrictAction,
  createUnitAction,
  deleteUnitAction,
  resetPasswordAction,
  setActiveAction,
  unlockUserAction,
} from "@/app/(app)/admin/actions";
import { decidePenaltyAction } from "@/app/(app)/penalties/actions";
import { db } from "@/lib/db";
import { createUnit, uniqueSuffix } from "../factories";
import { form, type RunAs, WHO, worldWithSessions } from "../support/action-roles";
import { withCookie } from "../support/cookie-session";
import { createPerson, type World } from "../support/world";

/**
 * The administration pages' server actions, called as each role would from a browser (a real
 * session cookie): only the administrator (permission `user.manage` / `unit.manage`, pinned here)
 * manages accounts, units and districts; every other role is refused and nothing changes. And the
 * penalty decision, the leader's alone (`penalty.decide`).
 */
vi.unmock("@/lib/auth/next-auth");
vi.mock("next/headers", async () => (await import("../support/cookie-session")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "zh-CN",
  getTranslations: async () => (key: string) => key,
}));

let world: World;
let as: RunAs;
beforeAll(async () => {
  ({ world, as } = await worldWithSessions());
});

type Case = {
  name: string;
  /** Makes what the action works on; returns its id (or a key) and how to read what it changes. */
  setup: () => Promise<{ key: string; state: () => Promise<unknown> }>;
  run: (key: string) => Promise<{ ok: boolean }>;
};

const someone = async () => {
  const p = await createPerson("VIEWER");
  return {
    key: p.user.id,
    state: async () =>
      db.user.findUniqueOrThrow({ where: { id: p.user.id }, select: { active: true, passwordHash: true, version: true } }),
  };
};

const CASES: Case[] = [
  {
    name: "setActiveAction",
    setup: someone,
    run: async (id) => {
      const u = await db.user.findUniqueOrThrow({ where: { id } });
      return setActiveAction(id, u.version, false);
    },
  },
  { name: "resetPasswordAction", setup: someone, run: (id) => resetPasswordAction(id) },
  {
    name: "unlockUserAction",
    setup: async () => {
      const s = await someone();
      return { key: s.key, state: async () => db.auditLog.count({ where: { entityId: s.key } }) };
    },
    run: (id) => unlockUserAction(id),
  },
  {
    name: "createUnitAction",
    setup: async () => {
      const code = `AU-${uniqueSuffix()}`;
      return { key: code, state: async () => db.unit.count({ where: { code } }) };
    },
    run: (code) =>
      createUnitAction(form({ code, name: `管理测试单位${code}`, nameEn: `Admin test unit ${code}`, kind: "DIVISION" })),
  },
  {
    name: "deleteUnitAction",
    setup: async () => {
      const u = await createUnit(db);
      return { key: u.id, state: async () => db.unit.count({ where: { id: u.id } }) };
    },
    run: (id) => deleteUnitAction(id),
  },
  {
    name: "createDistrictAction",
    setup: async () => {
      const code = String(randomInt(980_000, 990_000));
      return { key: code, state: async () => db.district.count({ where: { code } }) };
    },
    run: (code) => createDistrictAction(form({ code, name: `测试新区${code}`, nameEn: `New district ${code}` })),
  },
];

describe("administration server actions: only the administrator", () => {
  for (const c of CASES) {
    for (const who of WHO) {
      const allowed = who === "admin";
      it(`${c.name} as ${who} → ${allowed ? "done" : "refused, nothing changes"}`, async () => {
        const { key, state } = await c.setup();
        const before = await state();
        const result = await as(who, () => c.run(key));
        expect(result.ok, JSON.stringify(result)).toBe(allowed);
        if (allowed) expect(await state()).not.toEqual(before);
        else expect(await state()).toEqual(before);
      });
    }
  }

  it("without a session every administration action refuses and changes nothing", async () => {
    for (const c of CASES) {
      const { key, state } = await c.setup();
      const before = await state();
      expect((await withCookie("", () => c.run(key))).ok, c.name).toBe(false);
      expect(await state(), c.name).toEqual(before);
    }
  });
});

describe("penalty decision: only the leader", () => {
  for (const who of WHO) {
    const allowed = who === "leader";
    it(`decidePenaltyAction as ${who} → ${allowed ? "confirmed" : "refused, nothing changes"}`, async () => {
      const proposal = await db.penaltyProposal.create({
        data: {
          districtId: world.districtA.id,
          trigger: "PM25",
          episodeKey: `PM25:test:${uniqueSuffix()}`,
          year: 2026,
          month: 11,
          evaluatedAt: "2026-11",
          amount: 500_000,
          figures: { note: "测试数据，非真实监测数据" },
        },
      });
      const state = async () =>
        db.penaltyProposal.findUniqueOrThrow({ where: { id: proposal.id }, select: { status: true, decidedById: true } });
      const before = await state();
      const result = await as(who, () => decidePenaltyAction(proposal.id, { decision: "CONFIRM", version: proposal.version }));
      expect(result.ok, JSON.stringify(result)).toBe(allowed);
      if (allowed) expect(await state()).toMatchObject({ decidedById: world.leader.user.id });
      else expect(await state()).toEqual(before);
    });
  }
});
