import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as markRead } from "@/app/api/v1/notifications/[id]/read/route";
import { POST as readAll } from "@/app/api/v1/notifications/read-all/route";
import { GET as listNotifications } from "@/app/api/v1/notifications/route";
import { db } from "@/lib/db";
import { notify } from "@/lib/server/notifications/notify";
import {
  bureauHeads,
  coordinators,
  divisionHeadsOf,
  leadOfficialOf,
  unitStaffOf,
  unitStaffOfUnits,
} from "@/lib/server/notifications/recipients";
import { createProblem, createUnit, createUser, uniqueSuffix } from "../factories";
import { call, errorOf, leaksInternals } from "../support/api";
import { createPerson, createWorld, type World } from "../support/world";

type Page = {
  items: {
    id: string;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    problemId: string | null;
    readAt: string | null;
    createdAt: string;
  }[];
  unreadCount: number;
  total: number;
  page: number;
  pageSize: number;
};

let world: World;

beforeAll(async () => {
  world = await createWorld();
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.WEBHOOK_URL;
});

const zhEn = (zh: string, en: string) => (locale: "zh-CN" | "en") =>
  locale === "en" ? { title: en, body: `${en} body` } : { title: zh, body: `${zh}正文` };

async function send(recipients: string[], key = uniqueSuffix(), opts: { kind?: string; problemId?: string } = {}) {
  return db.$transaction((tx) =>
    notify(tx, {
      recipients,
      kind: opts.kind ?? "test.notice",
      problemId: opts.problemId,
      link: opts.problemId ? `/problems/${opts.problemId}` : undefined,
      dedupeKey: `test:${key}`,
      text: zhEn(`测试通知${key}`, `Test notice ${key}`),
    }),
  );
}

function list(token: string, query = "") {
  return call(listNotifications, "GET", `/notifications${query}`, { token });
}

describe("notify: one notification per active recipient, in their language, once", () => {
  it("stores one row per recipient with the text in the recipient's locale", async () => {
    const en = await createUser(db, { role: "DIVISION_HEAD", unitId: world.divisionA.id, locale: "en" });
    const key = uniqueSuffix();
    expect(await send([world.headA.user.id, en.id], key)).toBe(2);
    const rows = await db.notification.findMany({ where: { dedupeKey: { startsWith: `test:${key}:` } } });
    expect(rows.map((r) => [r.userId, r.title]).sort()).toEqual(
      [
        [world.headA.user.id, `测试通知${key}`],
        [en.id, `Test notice ${key}`],
      ].sort(),
    );
  });

  it("sends nothing the second time for the same dedupe key, and skips duplicates in the list", async () => {
    const key = uniqueSuffix();
    expect(await send([world.headB.user.id, world.headB.user.id], key)).toBe(1);
    expect(await send([world.headB.user.id], key)).toBe(0);
    expect(await db.notification.count({ where: { dedupeKey: { startsWith: `test:${key}:` } } })).toBe(1);
  });

  it("leaves out deactivated accounts and unknown ids", async () => {
    const gone = await createUser(db, { role: "DIVISION_HEAD", unitId: world.divisionA.id, active: false });
    const key = uniqueSuffix();
    expect(await send([gone.id, "00000000-0000-4000-8000-000000000000", world.headA.user.id], key)).toBe(1);
    expect(await db.notification.count({ where: { userId: gone.id } })).toBe(0);
  });

  it("is written in the caller's transaction: a failure afterwards leaves no notification", async () => {
    const key = uniqueSuffix();
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, {
          recipients: [world.headA.user.id],
          kind: "test",
          dedupeKey: `test:${key}`,
          text: zhEn("回滚", "rollback"),
        });
        throw new Error("fault after the notice");
      }),
    ).rejects.toThrow("fault after the notice");
    expect(await db.notification.count({ where: { dedupeKey: { startsWith: `test:${key}` } } })).toBe(0);
  });

  it("adds no outgoing copies when neither SMTP nor a webhook is configured", async () => {
    const key = uniqueSuffix();
    await send([world.headA.user.id], key);
    const n = await db.notification.findUniqueOrThrow({
      where: { dedupeKey: `test:${key}:${world.headA.user.id}` },
      include: { deliveries: true },
    });
    expect(n.deliveries).toEqual([]);
  });

  it("with SMTP: an e-mail copy per recipient that has an address; with a webhook: one message per notice", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    process.env.WEBHOOK_URL = "http://127.0.0.1:1/robot";
    const withMail = await createUser(db, { role: "DIVISION_HEAD", unitId: world.divisionA.id, email: "head@example.test" });
    const withoutMail = await createUser(db, { role: "DIVISION_HEAD", unitId: world.divisionA.id, email: null });
    const key = uniqueSuffix();
    expect(await send([withMail.id, withoutMail.id], key)).toBe(2);
    const deliveries = await db.notificationDelivery.findMany({
      where: { notification: { dedupeKey: { startsWith: `test:${key}:` } } },
      include: { notification: { select: { userId: true } } },
    });
    const email = deliveries.filter((d) => d.channel === "EMAIL");
    const webhook = deliveries.filter((d) => d.channel === "WEBHOOK");
    expect(email.map((d) => [d.notification.userId, d.target])).toEqual([[withMail.id, "head@example.test"]]);
    expect(webhook).toHaveLength(1);
    expect(webhook[0]?.target).toBe("http://127.0.0.1:1/robot");
    expect(deliveries.every((d) => d.status === "PENDING" && d.attempts === 0)).toBe(true);
  });
});

describe("recipients", () => {
  it("division heads: the active DIVISION_HEAD accounts of the unit", async () => {
    const unit = await createUnit(db, { kind: "DIVISION" });
    const a = await createUser(db, { role: "DIVISION_HEAD", unitId: unit.id });
    await createUser(db, { role: "DIVISION_HEAD", unitId: unit.id, active: false });
    await createUser(db, { role: "VIEWER", unitId: unit.id });
    expect(await divisionHeadsOf(db, unit.id)).toEqual([a.id]);
  });

  it("unit staff: an agency's field officers count as its heads", async () => {
    const agency = await createUnit(db, { kind: "AGENCY", districtId: world.districtA.id });
    const officer = await createUser(db, { role: "FIELD_OFFICER", unitId: agency.id, districtId: world.districtA.id });
    expect(await unitStaffOf(db, agency.id)).toEqual([officer.id]);
    expect(await divisionHeadsOf(db, agency.id)).toEqual([]);
  });

  it("unit staff of many units at once: unit → its active heads and officers", async () => {
    const division = await createUnit(db, { kind: "DIVISION" });
    const agency = await createUnit(db, { kind: "AGENCY", districtId: world.districtB.id });
    const head = await createUser(db, { role: "DIVISION_HEAD", unitId: division.id });
    const officer = await createUser(db, { role: "FIELD_OFFICER", unitId: agency.id, districtId: world.districtB.id });
    await createUser(db, { role: "FIELD_OFFICER", unitId: agency.id, active: false });
    const staff = await unitStaffOfUnits(db, [division.id, agency.id, division.id]);
    expect(Object.fromEntries(staff)).toEqual({ [division.id]: [head.id], [agency.id]: [officer.id] });
  });

  it("lead official: the problem's, or nobody", () => {
    expect(leadOfficialOf({ leadOfficialId: world.leader.user.id })).toEqual([world.leader.user.id]);
    expect(leadOfficialOf({ leadOfficialId: null })).toEqual([]);
  });

  it("bureau heads: active leaders of the BUREAU unit only; coordinators: active COORDINATOR accounts", async () => {
    const bureau = await createUnit(db, { kind: "BUREAU" });
    const head = await createUser(db, { role: "LEADER", unitId: bureau.id });
    const retired = await createUser(db, { role: "LEADER", unitId: bureau.id, active: false });
    const heads = await bureauHeads(db);
    expect(heads).toContain(head.id);
    expect(heads).not.toContain(retired.id);
    expect(heads).not.toContain(world.leader.user.id); // a leader outside the bureau unit
    const office = await coordinators(db);
    expect(office).toContain(world.coordinator.user.id);
    expect(office).not.toContain(world.headA.user.id);
  });
});

describe("GET /notifications", () => {
  it("lists only my own, newest first, with the unread count", async () => {
    const me = await createPerson("DIVISION_HEAD", { unitId: world.divisionA.id });
    const other = await createPerson("DIVISION_HEAD", { unitId: world.divisionA.id });
    const problem = await createProblem(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id });
    const firstKey = uniqueSuffix();
    await send([me.user.id], firstKey);
    // An hour older, so "newest first" does not hang on two inserts in the same millisecond.
    await db.notification.update({
      where: { dedupeKey: `test:${firstKey}:${me.user.id}` },
      data: { createdAt: new Date(Date.now() - 3_600_000) },
    });
    await send([me.user.id, other.user.id], uniqueSuffix(), { kind: "escalation.RED", problemId: problem.id });
    const r = await list(me.token);
    expect(r.status, r.text).toBe(200);
    const page = r.body as Page;
    expect(page.total).toBe(2);
    expect(page.unreadCount).toBe(2);
    expect(page.items.map((i) => i.kind)).toEqual(["escalation.RED", "test.notice"]);
    expect(page.items[0]).toMatchObject({ problemId: problem.id, link: `/problems/${problem.id}`, readAt: null });
    expect(new Date(page.items[0]?.createdAt ?? 0).getTime()).toBeGreaterThanOrEqual(
      new Date(page.items[1]?.createdAt ?? 0).getTime(),
    );
    const theirs = (await list(other.token)).body as Page;
    expect(theirs.total).toBe(1);
    expect(theirs.items.map((i) => i.id)).not.toContain(page.items[1]?.id);
  });

  it("pages, and filters to unread while unreadCount stays the overall count", async () => {
    const me = await createPerson("FIELD_OFFICER", { unitId: world.agencyA.id, districtId: world.districtA.id });
    for (let i = 0; i < 5; i++) await send([me.user.id]);
    const all = (await list(me.token, "?pageSize=2&page=3")).body as Page;
    expect(all).toMatchObject({ total: 5, page: 3, pageSize: 2, unreadCount: 5 });
    expect(all.items).toHaveLength(1);
    const firstId = ((await list(me.token, "?pageSize=1")).body as Page).items[0]?.id as string;
    expect(
      (await call(markRead, "POST", `/notifications/${firstId}/read`, { token: me.token, params: { id: firstId } })).status,
    ).toBe(200);
    const unread = (await list(me.token, "?unread=true")).body as Page;
    expect(unread.total).toBe(4);
    expect(unread.unreadCount).toBe(4);
    expect(unread.items.map((i) => i.id)).not.toContain(firstId);
    const everything = (await list(me.token, "?unread=false")).body as Page;
    expect(everything.total).toBe(5);
  });

  it("every role may read their own notifications", async () => {
    for (const person of [world.admin, world.leader, world.coordinator, world.headA, world.officerA, world.viewer]) {
      expect((await list(person.token)).status).toBe(200);
    }
  });

  it.each([
    ["?unread=maybe", "unread"],
    ["?page=0", "page"],
    ["?pageSize=1000", "pageSize"],
    ["?page=abc", "page"],
    ["?userId=00000000-0000-4000-8000-000000000000", "userId"],
  ])("answers %s with 422 naming the field", async (query, field) => {
    const r = await list(world.headA.token, query);
    expect(r.status).toBe(422);
    expect(errorOf(r).fields?.[field]).toBeDefined();
    expect(leaksInternals(r.text)).toBe(false);
  });

  it("refuses the anonymous and a bad token with 401", async () => {
    expect((await list(null as unknown as string)).status).toBe(401);
    expect((await list("not-a-token-000000000000000000000000000")).status).toBe(401);
  });
});

describe("POST /notifications/{id}/read", () => {
  it("marks my notification read once, with an audit row; a second call changes nothing", async () => {
    const me = await createPerson("DIVISION_HEAD", { unitId: world.divisionB.id });
    await send([me.user.id]);
    const id = ((await list(me.token)).body as Page).items[0]?.id as string;
    const first = await call(markRead, "POST", `/notifications/${id}/read`, { token: me.token, params: { id } });
    expect(first.status, first.text).toBe(200);
    const readAt = (first.body as Page["items"][number]).readAt;
    expect(readAt).not.toBeNull();
    const again = await call(markRead, "POST", `/notifications/${id}/read`, { token: me.token, params: { id } });
    expect(again.status).toBe(200);
    expect((again.body as Page["items"][number]).readAt).toBe(readAt);
    expect(
      await db.auditLog.count({ where: { entityType: "Notification", entityId: id, action: "read", actorId: me.user.id } }),
    ).toBe(1);
    expect(((await list(me.token)).body as Page).unreadCount).toBe(0);
  });

  it("someone else's notification answers 404 and stays unread", async () => {
    const owner = await createPerson("DIVISION_HEAD", { unitId: world.divisionB.id });
    await send([owner.user.id]);
    const id = ((await list(owner.token)).body as Page).items[0]?.id as string;
    for (const intruder of [world.headA, world.leader, world.admin]) {
      const r = await call(markRead, "POST", `/notifications/${id}/read`, { token: intruder.token, params: { id } });
      expect(r.status).toBe(404);
    }
    expect((await db.notification.findUniqueOrThrow({ where: { id } })).readAt).toBeNull();
  });

  it("an unknown or malformed id answers 404; no token 401", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "1' OR '1'='1"]) {
      const r = await call(markRead, "POST", `/notifications/${encodeURIComponent(id)}/read`, {
        token: world.headA.token,
        params: { id },
      });
      expect(r.status).toBe(404);
      expect(leaksInternals(r.text)).toBe(false);
    }
    const r = await call(markRead, "POST", "/notifications/x/read", { params: { id: "x" } });
    expect(r.status).toBe(401);
  });
});

describe("POST /notifications/read-all", () => {
  it("marks all of mine read and nobody else's", async () => {
    const me = await createPerson("DIVISION_HEAD", { unitId: world.divisionB.id });
    const other = await createPerson("DIVISION_HEAD", { unitId: world.divisionB.id });
    await send([me.user.id, other.user.id]);
    await send([me.user.id]);
    const r = await call(readAll, "POST", "/notifications/read-all", { token: me.token });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ marked: 2, unreadCount: 0 });
    expect(((await list(me.token)).body as Page).unreadCount).toBe(0);
    expect(((await list(other.token)).body as Page).unreadCount).toBe(1);
    expect(await db.auditLog.count({ where: { entityType: "Notification", action: "readAll", actorId: me.user.id } })).toBe(1);
    const again = await call(readAll, "POST", "/notifications/read-all", { token: me.token });
    expect(again.body).toEqual({ marked: 0, unreadCount: 0 });
    expect(await db.auditLog.count({ where: { entityType: "Notification", action: "readAll", actorId: me.user.id } })).toBe(1);
  });

  it("needs a sign-in", async () => {
    expect((await call(readAll, "POST", "/notifications/read-all")).status).toBe(401);
  });
});
