import { beforeAll, describe, expect, it } from "vitest";
import { POST as objectionRoute } from "@/app/api/v1/public/notices/[noticeId]/objections/route";
import { GET as publicNoticesRoute } from "@/app/api/v1/public/notices/route";
import { db } from "@/lib/db";
import { listPublicNotices } from "@/lib/server/closure/list-public-notices";
import { calendarDay, createProblem } from "../factories";
import { call, errorOf, leaksInternals } from "../support/api";
import { addEvidence } from "../support/closure-evidence";
import { createWorld, type World } from "../support/world";

let world: World;
let noticeId: string;
let code: string;
let seq = 0;

const ip = () => {
  seq += 1;
  return `172.16.${process.pid & 255}.${seq}`;
};

/** The fields the public may see, and nothing else. */
const PUBLIC_FIELDS = [
  "category",
  "code",
  "daysLeft",
  "districtName",
  "districtNameEn",
  "email",
  "endsOn",
  "measures",
  "noticeId",
  "phone",
  "startsOn",
  "summary",
  "target",
  "title",
];

beforeAll(async () => {
  world = await createWorld();
  const p = await createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    status: "PUBLIC_NOTICE",
    responsiblePerson: "内部责任人赵六",
    responsiblePhone: "13912345678",
    target: "年底前消除黑臭",
    colour: "RED",
    measures: [
      { description: "截污纳管", status: "DONE" },
      { description: "清淤疏浚", status: "DONE" },
    ],
  });
  code = p.code;
  await addEvidence(p.id, world.officerA.user.id, "AFTER_PHOTO");
  await db.problemTransition.create({
    data: {
      problemId: p.id,
      action: "PASS_ACCEPTANCE",
      fromStatus: "PENDING_ACCEPTANCE",
      toStatus: "PUBLIC_NOTICE",
      actorId: world.coordinator.user.id,
      comment: "内部意见：不宜外传",
    },
  });
  const notice = await db.publicNotice.create({
    data: {
      problemId: p.id,
      startsOn: calendarDay(-2),
      endsOn: calendarDay(5),
      phone: "0510-81821234",
      email: "ducha@wuxi-eeb.example",
      summary: "完成截污纳管和清淤，水质稳定达标。",
      createdById: world.coordinator.user.id,
    },
  });
  noticeId = notice.id;
});

function object(json: unknown, headers: Record<string, string> = {}, id = noticeId) {
  return call(objectionRoute, "POST", `/public/notices/${id}/objections`, {
    params: { noticeId: id },
    json,
    headers: { "x-rectify-client-address": ip(), ...headers },
  });
}

describe("GET /public/notices", () => {
  it("needs no sign-in and lists the notice with public fields only", async () => {
    const r = await call(publicNoticesRoute, "GET", "/public/notices");
    expect(r.status).toBe(200);
    const items = (r.body as { items: Record<string, unknown>[] }).items;
    const mine = items.find((i) => i.noticeId === noticeId);
    expect(mine).toBeDefined();
    expect(Object.keys(mine as object).sort()).toEqual(PUBLIC_FIELDS);
    expect(mine).toMatchObject({
      code,
      target: "年底前消除黑臭",
      daysLeft: 5,
      measures: [
        { seq: 1, description: "截污纳管", done: true },
        { seq: 2, description: "清淤疏浚", done: true },
      ],
      phone: "0510-81821234",
    });
    for (const secret of [
      "内部责任人赵六",
      "13912345678",
      world.leader.user.displayName,
      world.coordinator.user.displayName,
      "内部意见",
      "RED",
      "after_photo",
      world.divisionA.name,
    ]) {
      expect(r.text, secret).not.toContain(secret);
    }
  });

  it("leaves out notices not yet started, ended or withdrawn, and problems no longer in notice", async () => {
    const make = async (
      status: "OPEN" | "ENDED" | "WITHDRAWN",
      problemStatus: "PUBLIC_NOTICE" | "PENDING_SIGNOFF",
      starts = -1,
    ) => {
      const p = await createProblem(db, {
        districtId: world.districtA.id,
        leadUnitId: world.divisionA.id,
        status: problemStatus,
      });
      return (
        await db.publicNotice.create({
          data: {
            problemId: p.id,
            startsOn: calendarDay(starts),
            endsOn: calendarDay(starts + 7),
            phone: "1234567",
            summary: "x",
            status,
            createdById: world.coordinator.user.id,
          },
        })
      ).id;
    };
    const hidden = [
      await make("ENDED", "PUBLIC_NOTICE"),
      await make("WITHDRAWN", "PUBLIC_NOTICE"),
      await make("OPEN", "PENDING_SIGNOFF"),
      await make("OPEN", "PUBLIC_NOTICE", 2),
    ];
    const ids = (await listPublicNotices()).map((n) => n.noticeId);
    expect(ids).toContain(noticeId);
    for (const id of hidden) expect(ids).not.toContain(id);
    const notYet = hidden[3] as string;
    expect((await object({ contact: "x", text: "提前异议" }, {}, notYet)).status).toBe(422);
  });
});

describe("POST /public/notices/{noticeId}/objections: bad input never lands", () => {
  it.each([
    ["no contact", { text: "异议" }, "contact"],
    ["a blank contact", { contact: "   ", text: "异议" }, "contact"],
    ["no text", { contact: "13800001111" }, "text"],
    ["a huge text", { contact: "13800001111", text: "长".repeat(2001) }, "text"],
    ["a huge name", { name: "名".repeat(51), contact: "1", text: "异议" }, "name"],
    ["a huge contact", { contact: "1".repeat(101), text: "异议" }, "contact"],
    ["a NUL character", { contact: "1", text: "a\u0000b" }, "text"],
    ["the wrong type", { contact: 13800001111, text: "异议" }, "contact"],
    ["an unknown field", { contact: "1", text: "异议", status: "UPHELD" }, "status"],
    ["the trap field filled in", { contact: "1", text: "异议", website: "http://spam.example" }, "website"],
  ])("%s → 422 on the field", async (_name, json, field) => {
    const before = await db.objection.count({ where: { noticeId } });
    const r = await object(json);
    expect(r.status, r.text).toBe(422);
    expect(errorOf(r).fields?.[field]).toBeDefined();
    expect(leaksInternals(r.text)).toBe(false);
    expect(await db.objection.count({ where: { noticeId } })).toBe(before);
  });

  it("malformed JSON → 400, an unknown or non-uuid notice → 404, an array → 422", async () => {
    const bad = await call(objectionRoute, "POST", "/x", {
      params: { noticeId },
      raw: "{contact:",
      headers: { "x-rectify-client-address": ip() },
    });
    expect(bad.status).toBe(400);
    expect((await object({ contact: "1", text: "x" }, {}, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await object({ contact: "1", text: "x" }, {}, "../etc")).status).toBe(404);
    expect((await object([])).status).toBe(422);
  });

  it("HTML and SQL metacharacters are stored as plain text", async () => {
    const text = `<script>alert("x")</script> '; DROP TABLE "Objection"; --`;
    const r = await object({ name: "<b>王</b>", contact: "a@b.c", text });
    expect(r.status, r.text).toBe(201);
    const stored = await db.objection.findFirstOrThrow({ where: { noticeId, contact: "a@b.c" } });
    expect(stored).toMatchObject({ text, name: "<b>王</b>", status: "PENDING" });
  });

  it("a browser post from another site is refused (CSRF)", async () => {
    for (const origin of ["https://evil.example", "null"]) {
      const r = await object({ contact: "1", text: "跨站" }, { origin });
      expect(r.status).toBe(403);
    }
    const sameSite = await object({ contact: "1", text: "同站" }, { origin: "http://localhost", host: "localhost" });
    expect(sameSite.status, sameSite.text).toBe(201);
  });
});
