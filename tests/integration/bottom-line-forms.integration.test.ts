import type { Enterprise } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { PUT as itemPutRoute } from "@/app/api/v1/parks/[id]/items/[itemId]/route";
import { POST as itemRoute } from "@/app/api/v1/parks/[id]/items/route";
import { PUT as parkPutRoute } from "@/app/api/v1/parks/[id]/route";
import { POST as createParkRoute } from "@/app/api/v1/parks/route";
import { POST as photoRoute } from "@/app/api/v1/sweeps/[id]/checks/[targetId]/photos/route";
import { POST as checkRoute } from "@/app/api/v1/sweeps/[id]/checks/route";
import { PUT as sweepPutRoute, GET as sweepRoute } from "@/app/api/v1/sweeps/[id]/route";
import { POST as createSweepRoute } from "@/app/api/v1/sweeps/route";
import { db } from "@/lib/db";
import { Forbidden, Invalid } from "@/lib/errors";
import { countTaggedTargets } from "@/lib/server/sweeps/sweep-form-options";
import { calendarDay } from "../factories";
import { upsertEnterprise } from "../factories/bottom-line";
import { call, errorOf } from "../support/api";
import { callMultipart, jpegWithExif, multipart } from "../support/evidence-files";
import { createWorld, type Person, type World } from "../support/world";

let world: World;
let firmA: Enterprise;
let firmB: Enterprise;

const day = (offset: number) => calendarDay(offset).toISOString().slice(0, 10);
const zh = { "accept-language": "zh-CN" };
type Role = "admin" | "leader" | "coordinator" | "headA" | "officerA" | "officerB" | "viewer";
const NOT_COORDINATOR: Role[] = ["admin", "leader", "headA", "officerA", "officerB", "viewer"];
const person = (r: Role): Person => world[r];

beforeAll(async () => {
  world = await createWorld();
  firmA = await upsertEnterprise(db, {
    name: `表单甲电镀${world.tag}`,
    districtId: world.districtA.id,
    tags: ["HEAVY_METAL"],
    isDemo: false,
  });
  firmB = await upsertEnterprise(db, {
    name: `表单乙化工${world.tag}`,
    districtId: world.districtB.id,
    tags: ["CHEMICAL"],
    isDemo: false,
  });
});

async function newPark(name: string, districtId: string, enterpriseIds: string[] = []) {
  const res = await call(createParkRoute, "POST", "/parks", {
    token: world.coordinator.token,
    json: { name, kind: "CHEMICAL_PARK", districtId, enterpriseIds },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; enterprises: { id: string }[] };
}

describe("editing a sweep before anyone checks it", () => {
  it("only coordinators edit; the checklist and the targets are chosen afresh in one audited step", async () => {
    const park = await newPark(`表单园区${world.tag}`, world.districtB.id);
    const created = await call(createSweepRoute, "POST", "/sweeps", {
      token: world.coordinator.token,
      json: {
        title: `表单排查${world.tag}`,
        startsOn: day(-1),
        endsOn: day(30),
        template: { name: `表单清单${world.tag}`, items: [{ title: "废水是否分流" }, { title: "危废是否规范" }] },
        targetTags: ["HEAVY_METAL"],
      },
    });
    expect(created.status).toBe(201);
    const sweep = created.body as { id: string; template: { id: string } };
    const put = (p: Person | null, json: unknown, id = sweep.id) =>
      call(sweepPutRoute, "PUT", `/sweeps/${id}`, { token: p?.token ?? null, json, params: { id }, headers: zh });
    const edit = {
      title: `表单排查（改）${world.tag}`,
      startsOn: day(-1),
      endsOn: day(45),
      template: {
        name: `表单清单二${world.tag}`,
        items: [{ title: "应急池", guidance: "量容积" }, { title: "闸阀" }, { title: "演练" }],
      },
      targetTags: [],
      parkIds: [park.id],
    };
    for (const r of NOT_COORDINATOR) expect((await put(person(r), edit)).status, r).toBe(403);
    expect((await put(null, edit)).status).toBe(401);
    expect((await put(world.coordinator, edit, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await put(world.coordinator, edit, "not-a-uuid")).status).toBe(404);

    const bad = await put(world.coordinator, { ...edit, title: "", parkIds: [], endsOn: day(-5), templateId: sweep.template.id });
    expect(bad.status).toBe(422);
    expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(["endsOn", "targetTags", "templateId", "title"]);
    const taken = await put(world.coordinator, { ...edit, template: { ...edit.template, name: `表单清单${world.tag}` } });
    expect(taken.status).toBe(422);
    expect(errorOf(taken).fields?.["template.name"]?.[0]).toBe("已有同名排查清单，请直接选用或换个名称");

    const ok = await put(world.coordinator, edit);
    expect(ok.status).toBe(200);
    const after = ok.body as { title: string; endsOn: string; targetTags: string[]; template: { items: { title: string }[] } };
    expect(after).toMatchObject({ title: edit.title, endsOn: edit.endsOn, targetTags: [] });
    expect(after.template.items.map((i) => i.title)).toEqual(["应急池", "闸阀", "演练"]);
    const targets = await db.sweepTarget.findMany({ where: { sweepId: sweep.id } });
    expect(targets.map((t) => [t.parkId, t.enterpriseId, t.districtId])).toEqual([[park.id, null, world.districtB.id]]);
    const audit = await db.auditLog.findFirst({ where: { entityType: "Sweep", entityId: sweep.id, action: "update" } });
    expect(audit?.actorId).toBe(world.coordinator.user.id);
    expect(audit?.before).toMatchObject({ title: `表单排查${world.tag}`, targetTags: ["HEAVY_METAL"] });
    expect(audit?.after).toMatchObject({ title: edit.title, parks: 1, enterprises: 0 });

    // Keeping the chosen template by id keeps it (no copy is made).
    const keep = await put(world.coordinator, {
      ...edit,
      template: undefined,
      templateId: (await db.sweep.findUniqueOrThrow({ where: { id: sweep.id } })).templateId,
      targetTags: ["HEAVY_METAL"],
      parkIds: [],
    });
    expect(keep.status).toBe(200);
    const kept = await db.sweepTarget.findMany({ where: { sweepId: sweep.id } });
    expect(kept.some((t) => t.enterpriseId === firmA.id)).toBe(true);
    expect(kept.some((t) => t.parkId === park.id)).toBe(false);

    // Once a target is checked the sweep is fixed, and says why.
    const full = (
      await call(sweepRoute, "GET", `/sweeps/${sweep.id}`, {
        token: world.coordinator.token,
        params: { id: sweep.id },
      })
    ).body as { template: { items: { id: string }[] }; targets: { id: string; enterpriseId: string | null }[] };
    const target = full.targets.find((t) => t.enterpriseId === firmA.id) as { id: string };
    const checked = await call(checkRoute, "POST", `/sweeps/${sweep.id}/checks`, {
      token: world.officerA.token,
      params: { id: sweep.id },
      json: { targetId: target.id, results: full.template.items.map((i) => ({ itemId: i.id, verdict: "PASS" })) },
    });
    expect(checked.status).toBe(201);
    const refused = await put(world.coordinator, edit);
    expect(refused.status).toBe(409);
    expect(errorOf(refused).message).toBe("已有对象完成现场排查，排查任务不能再修改");
    expect(await db.sweepTarget.count({ where: { sweepId: sweep.id, id: target.id } })).toBe(1);
    expect(await db.sweepTarget.count({ where: { sweepId: sweep.id, parkId: park.id } })).toBe(0);

    // The photo of a checked item is listed with its EXIF time and GPS and its upload time, for the viewer.
    const form = multipart([
      { name: "itemId", value: (full.template.items[0] as { id: string }).id },
      {
        name: "file",
        filename: "现场.jpg",
        bytes: await jpegWithExif({
          dateTimeOriginal: "2026:06:01 09:30:00",
          lat: 31.5689,
          lng: 120.2986,
          width: 64,
          height: 48,
        }),
        contentType: "image/jpeg",
      },
    ]);
    const up = await callMultipart(photoRoute, `/sweeps/${sweep.id}/checks/${target.id}/photos`, {
      token: world.officerA.token,
      params: { id: sweep.id, targetId: target.id },
      body: form.body,
      contentType: form.contentType,
    });
    expect(up.status).toBe(201);
    type Photo = {
      id: string;
      mime: string;
      uploadedAt: string;
      capturedAt: string | null;
      latitude: number | null;
      longitude: number | null;
    };
    const read = async (p: Person) =>
      (
        (await call(sweepRoute, "GET", `/sweeps/${sweep.id}`, { token: p.token, params: { id: sweep.id } })).body as {
          targets: { id: string; results: { files: Photo[] }[] }[];
        }
      ).targets.find((t) => t.id === target.id);
    const files = (await read(world.officerA))?.results.flatMap((r) => r.files) ?? [];
    expect(files).toHaveLength(1);
    expect(files[0]?.mime).toBe("image/jpeg");
    expect(files[0]?.capturedAt).toBe("2026-06-01T01:30:00.000Z");
    expect(files[0]?.latitude).toBeCloseTo(31.5689, 3);
    expect(files[0]?.longitude).toBeCloseTo(120.2986, 3);
    expect(Number.isNaN(Date.parse(files[0]?.uploadedAt ?? ""))).toBe(false);
    // Another district's officer does not see the target, so not its photos.
    expect(await read(world.officerB)).toBeUndefined();
  });

  it("the live count of tag targets is the coordinator's, and counts operating or stopped firms with any tag", async () => {
    const expected = await db.enterprise.count({
      where: { tags: { hasSome: ["HEAVY_METAL", "CHEMICAL"] }, status: { in: ["OPERATING", "STOPPED"] } },
    });
    expect(await countTaggedTargets(world.coordinator.actor, { targetTags: ["HEAVY_METAL", "CHEMICAL"] })).toBe(expected);
    expect(expected).toBeGreaterThanOrEqual(2);
    expect(await countTaggedTargets(world.coordinator.actor, { targetTags: [] })).toBe(0);
    await expect(countTaggedTargets(world.officerA.actor, { targetTags: ["CHEMICAL"] })).rejects.toBeInstanceOf(Forbidden);
    await expect(countTaggedTargets(world.coordinator.actor, { targetTags: ["NOPE"] })).rejects.toBeInstanceOf(Invalid);
  });
});

describe("editing a park and its plan items", () => {
  it("only coordinators edit a park; the enterprises listed are the park's afterwards; audited", async () => {
    const park = await newPark(`编辑园区${world.tag}`, world.districtA.id, [firmA.id]);
    await newPark(`另一园区${world.tag}`, world.districtB.id);
    const put = (p: Person | null, json: unknown, id = park.id) =>
      call(parkPutRoute, "PUT", `/parks/${id}`, { token: p?.token ?? null, json, params: { id }, headers: zh });
    const edit = {
      name: `编辑园区（改）${world.tag}`,
      kind: "HEAVY_METAL_PARK",
      districtId: world.districtB.id,
      enterpriseIds: [firmB.id],
    };
    for (const r of NOT_COORDINATOR) expect((await put(person(r), edit)).status, r).toBe(403);
    expect((await put(null, edit)).status).toBe(401);
    expect((await put(world.coordinator, edit, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const taken = await put(world.coordinator, { ...edit, name: `另一园区${world.tag}` });
    expect(taken.status).toBe(422);
    expect(errorOf(taken).fields).toEqual({ name: ["已有同名园区"] });
    const bad = await put(world.coordinator, { ...edit, kind: "ZOO", districtId: "x", enterpriseIds: ["y"], isDemo: true });
    expect(bad.status).toBe(422);
    expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(["districtId", "enterpriseIds.0", "isDemo", "kind"]);

    const ok = await put(world.coordinator, edit);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: edit.name, kind: "HEAVY_METAL_PARK", district: { id: world.districtB.id } });
    expect((ok.body as { enterprises: { id: string }[] }).enterprises.map((e) => e.id)).toEqual([firmB.id]);
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: firmA.id } })).parkId).toBeNull();
    const audit = await db.auditLog.findFirst({ where: { entityType: "Park", entityId: park.id, action: "update" } });
    expect(audit?.actorId).toBe(world.coordinator.user.id);
    expect(audit?.before).toMatchObject({ kind: "CHEMICAL_PARK", enterpriseIds: [firmA.id] });
    expect(audit?.after).toMatchObject({ kind: "HEAVY_METAL_PARK", enterpriseIds: [firmB.id] });
    // Saving the same again keeps the name (it is its own) and changes nothing more.
    expect((await put(world.coordinator, edit)).status).toBe(200);
  });

  it("a plan item is edited whole with the version seen; stale is 409; errors per field; audited", async () => {
    const park = await newPark(`计划园区${world.tag}`, world.districtA.id);
    const added = await call(itemRoute, "POST", `/parks/${park.id}/items`, {
      token: world.coordinator.token,
      params: { id: park.id },
      json: { level: "PARK", kind: "DRILL", name: "年度演练", targetQty: 2, startOn: day(-30), deadline: day(100) },
    });
    expect(added.status).toBe(201);
    const item = (added.body as { items: { id: string; version: number }[] }).items[0] as { id: string; version: number };
    const put = (p: Person | null, json: unknown, itemId = item.id) =>
      call(itemPutRoute, "PUT", `/parks/${park.id}/items/${itemId}`, {
        token: p?.token ?? null,
        json,
        params: { id: park.id, itemId },
        headers: zh,
      });
    const edit = {
      level: "PARK",
      kind: "DRILL",
      name: "年度综合演练",
      targetQty: 3,
      doneQty: 1,
      deadline: day(120),
      version: item.version,
    };
    for (const r of NOT_COORDINATOR) expect((await put(person(r), edit)).status, r).toBe(403);
    expect((await put(world.coordinator, edit, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const bad = await put(world.coordinator, { ...edit, targetQty: "0x10", doneQty: -1 });
    expect(bad.status).toBe(422);
    expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(["doneQty", "targetQty"]);
    const early = await put(world.coordinator, { ...edit, deadline: day(-40) });
    expect(early.status).toBe(422);
    expect(errorOf(early).fields).toEqual({ deadline: ["完成期限不能早于开始日期"] });

    const ok = await put(world.coordinator, edit);
    expect(ok.status).toBe(200);
    const row = await db.preventionItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ name: "年度综合演练", targetQty: 3, doneQty: 1, version: item.version + 1 });
    expect(row.startOn.toISOString().slice(0, 10)).toBe(day(-30));
    expect((await put(world.coordinator, edit)).status).toBe(409);
    const audit = await db.auditLog.findFirst({ where: { entityType: "PreventionItem", entityId: item.id, action: "update" } });
    expect(audit?.before).toMatchObject({ name: "年度演练", targetQty: 2, doneQty: 0 });
    expect(audit?.after).toMatchObject({ name: "年度综合演练", targetQty: 3, doneQty: 1 });

    // A drill counted towards it keeps the item a DRILL.
    await db.parkDrill.create({
      data: { parkId: park.id, itemId: item.id, level: "PARK", heldOn: calendarDay(-1), scenario: "泄漏", participants: 10 },
    });
    const kind = await put(world.coordinator, { ...edit, kind: "CLOSURE_VALVE", version: row.version });
    expect(kind.status).toBe(422);
    expect(errorOf(kind).fields).toEqual({ kind: ["已有演练计入此项，不能改为其他类型"] });
  });
});
