import { beforeAll, describe, expect, it, vi } from "vitest";
import { endSessionAction } from "@/app/(app)/account/actions";
import { markAllReadAction, markReadAction, openNotificationAction } from "@/app/(app)/notifications/actions";
import {
  decideObjectionAction,
  dismissObjectionsAction,
  endNoticeAction,
  lookbackAction,
  recordAcceptanceAction,
  signOffAction,
} from "@/app/(app)/problems/[id]/closure-actions";
import { db } from "@/lib/db";
import { formatCalendarDate } from "@/lib/domain/calendar";
import { calendarDay, createProblem } from "../factories";
import { type RunAs, WHO, type Who, worldWithSessions } from "../support/action-roles";
import { completeChecklist } from "../support/closure-evidence";
import { browserCookie, withCookie } from "../support/cookie-session";
import type { Person, World } from "../support/world";

/**
 * The closure steps', the notifications' and the account sessions' server actions, called as each role would from a
 * browser (a real session cookie): who may take each step is the permission table's and the
 * workflow's (pinned here, not read from the code), a refusal writes nothing. The foreign-Origin
 * refusal of every action is in tests/unit/server/server-actions-inventory.test.ts.
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
const person = (w: Who): Person => world[w];

type Status = "PENDING_ACCEPTANCE" | "PUBLIC_NOTICE" | "PENDING_SIGNOFF" | "CLOSED";
type Setup = { id: string; version: number; objectionIds: string[] };

async function problemIn(status: Status, notice?: "open" | "over"): Promise<Setup> {
  const p = await createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    status,
    measures: [{ status: "DONE" }],
  });
  const objectionIds: string[] = [];
  if (notice) {
    const n = await db.publicNotice.create({
      data: {
        problemId: p.id,
        startsOn: calendarDay(-6),
        endsOn: notice === "open" ? calendarDay(5) : calendarDay(-1),
        phone: "0510-81821234",
        summary: "整改完成，公示中。",
        createdById: world.coordinator.user.id,
      },
    });
    if (notice === "open") {
      for (const text of ["广告：低价代办", "广告：低价代办（重复）"]) {
        const o = await db.objection.create({
          data: { noticeId: n.id, problemId: p.id, contact: "13800001111", text, senderHash: "spam" },
        });
        objectionIds.push(o.id);
      }
    }
  }
  return { id: p.id, version: p.version, objectionIds };
}

/** Everything a closure step writes changes one of these. */
async function footprint(s: Setup) {
  const p = await db.problem.findUniqueOrThrow({ where: { id: s.id }, select: { version: true, status: true } });
  return {
    ...p,
    objections: (
      await db.objection.findMany({ where: { problemId: s.id }, orderBy: { text: "asc" }, select: { status: true } })
    ).map((o) => o.status),
    acceptances: await db.acceptance.count({ where: { problemId: s.id } }),
    notices: (await db.publicNotice.findMany({ where: { problemId: s.id }, select: { status: true } })).map((n) => n.status),
    audit: await db.auditLog.count({ where: { entityId: { in: [s.id, ...s.objectionIds] } } }),
  };
}

type Step = {
  name: string;
  /** Who may take the step (permission table + workflow parties), pinned. */
  allowed: Who[];
  setup: () => Promise<Setup>;
  run: (s: Setup) => Promise<{ ok: boolean; message?: string | null }>;
};

const STEPS: Step[] = [
  {
    name: "recordAcceptanceAction",
    allowed: ["coordinator"],
    setup: async () => {
      const s = await problemIn("PENDING_ACCEPTANCE");
      await completeChecklist(s.id, world.officerA.user.id);
      return s;
    },
    run: (s) =>
      recordAcceptanceAction(s.id, {
        result: "FAILED",
        acceptedOn: formatCalendarDate(calendarDay(0)),
        onSiteCheck: true,
        opinion: "现场核查发现仍有渗漏，验收不通过",
        signers: ["王敏"],
        version: s.version,
      }),
  },
  {
    name: "endNoticeAction",
    allowed: ["coordinator"],
    setup: () => problemIn("PUBLIC_NOTICE", "over"),
    run: (s) => endNoticeAction(s.id, { version: s.version }),
  },
  {
    name: "decideObjectionAction",
    allowed: ["coordinator"],
    setup: () => problemIn("PUBLIC_NOTICE", "open"),
    run: (s) =>
      decideObjectionAction(s.id, s.objectionIds[0] as string, { decision: "DISMISS", note: "广告信息", version: s.version }),
  },
  {
    name: "dismissObjectionsAction",
    allowed: ["coordinator"],
    setup: () => problemIn("PUBLIC_NOTICE", "open"),
    run: (s) => dismissObjectionsAction(s.id, { objectionIds: s.objectionIds, note: "刷屏，批量不予采纳", version: s.version }),
  },
  {
    name: "signOffAction",
    allowed: ["leader"],
    setup: () => problemIn("PENDING_SIGNOFF"),
    run: (s) => signOffAction(s.id, { decision: "SIGN", comment: "同意销号", version: s.version }),
  },
  {
    name: "lookbackAction",
    allowed: ["coordinator"],
    setup: () => problemIn("CLOSED"),
    run: (s) => lookbackAction(s.id, { reason: "回头看发现河道再次出现黑臭", version: s.version }),
  },
];

describe("closure server actions: role × action", () => {
  for (const step of STEPS) {
    for (const who of WHO) {
      const allowed = step.allowed.includes(who);
      it(`${step.name} as ${who} → ${allowed ? "takes the step" : "refused, nothing written"}`, async () => {
        const s = await step.setup();
        const before = await footprint(s);
        const result = await as(who, () => step.run(s));
        if (allowed) {
          expect(result.ok, JSON.stringify(result)).toBe(true);
          const after = await footprint(s);
          // Dismissing objections changes them, not the problem (its version stays).
          const handlesObjections = step.name === "decideObjectionAction" || step.name === "dismissObjectionsAction";
          expect(after.version).toBe(before.version + (handlesObjections ? 0 : 1));
          if (handlesObjections) expect(after.objections).toContain("DISMISSED");
          expect(after.audit).toBeGreaterThan(before.audit);
        } else {
          expect(result.ok, JSON.stringify(result)).toBe(false);
          expect(result.message ?? "", JSON.stringify(result)).not.toMatch(/^unexpected|conflict/);
          expect(await footprint(s)).toEqual(before);
        }
      });
    }
  }

  it("without a session every closure action refuses and writes nothing", async () => {
    for (const step of STEPS) {
      const s = await step.setup();
      const before = await footprint(s);
      const result = await withCookie("", () => step.run(s));
      expect(result.ok, step.name).toBe(false);
      expect(await footprint(s), step.name).toEqual(before);
    }
  });
});

describe("notification server actions: everyone reads only their own", () => {
  async function notificationFor(p: Person, link: string | null = null) {
    return db.notification.create({
      data: {
        userId: p.user.id,
        kind: "test",
        title: "测试通知",
        body: "正文",
        link,
        dedupeKey: `test-${p.user.id}-${Math.random()}`,
      },
    });
  }
  const readAt = async (id: string) => (await db.notification.findUniqueOrThrow({ where: { id } })).readAt;
  /** What next/navigation's redirect() threw: its target. */
  async function redirectOf(work: () => Promise<unknown>): Promise<string> {
    try {
      await work();
    } catch (e) {
      const digest = String((e as { digest?: string }).digest ?? "");
      if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? "";
      throw e;
    }
    throw new Error("no redirect");
  }

  for (const who of WHO) {
    it(`as ${who}: marks own notifications read, never someone else's`, async () => {
      const other = who === "headB" ? world.headA : world.headB;
      const own = await notificationFor(person(who));
      const theirs = await notificationFor(other);
      await as(who, () => markReadAction(own.id));
      await as(who, () => markReadAction(theirs.id));
      expect(await readAt(own.id)).not.toBeNull();
      expect(await readAt(theirs.id)).toBeNull();

      const own2 = await notificationFor(person(who));
      await as(who, () => markAllReadAction());
      expect(await readAt(own2.id)).not.toBeNull();
      expect(await readAt(theirs.id)).toBeNull();

      const linked = await notificationFor(person(who), "/problems/00000000-0000-4000-8000-000000000000");
      expect(await redirectOf(() => as(who, () => openNotificationAction(linked.id)))).toBe(
        "/problems/00000000-0000-4000-8000-000000000000",
      );
      expect(await readAt(linked.id)).not.toBeNull();
      const offsite = await notificationFor(person(who), "//evil.example/x");
      expect(await redirectOf(() => as(who, () => openNotificationAction(offsite.id)))).toBe("/notifications");
      expect(await redirectOf(() => as(who, () => openNotificationAction(theirs.id)))).toBe("/notifications");
      expect(await readAt(theirs.id)).toBeNull();
    });
  }

  it("without a session: sent to sign in, nothing marked", async () => {
    const theirs = await notificationFor(world.viewer);
    expect(await redirectOf(() => withCookie("", () => markReadAction(theirs.id)))).toMatch(/^\/login/);
    expect(await redirectOf(() => withCookie("", () => markAllReadAction()))).toMatch(/^\/login/);
    expect(await redirectOf(() => withCookie("", () => openNotificationAction(theirs.id)))).toMatch(/^\/login/);
    expect(await readAt(theirs.id)).toBeNull();
  });
});

describe("ending a session from the account page: one's own only", () => {
  const revoked = async (id: string) => (await db.session.findUniqueOrThrow({ where: { id } })).revokedAt !== null;
  for (const who of WHO) {
    it(`as ${who}: ends another session of one's own, never someone else's`, async () => {
      const other = who === "headB" ? world.headA : world.headB;
      const own = await browserCookie(person(who).user.id);
      const theirs = await browserCookie(other.user.id);
      const refused = await as(who, () => endSessionAction(theirs.sessionId));
      expect(refused).toMatchObject({ ok: false });
      expect(await revoked(theirs.sessionId)).toBe(false);
      expect(await as(who, () => endSessionAction(own.sessionId))).toMatchObject({ ok: true });
      expect(await revoked(own.sessionId)).toBe(true);
      expect(
        await db.auditLog.count({ where: { entityId: own.sessionId, action: "end-session", actorId: person(who).user.id } }),
      ).toBe(1);
    });
  }

  it("without a session: refused, nothing ended", async () => {
    const theirs = await browserCookie(world.viewer.user.id);
    expect(await withCookie("", () => endSessionAction(theirs.sessionId))).toMatchObject({ ok: false });
    expect(await revoked(theirs.sessionId)).toBe(false);
  });
});
