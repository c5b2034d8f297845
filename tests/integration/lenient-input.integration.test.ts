import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as dashboardSummary } from "@/app/api/v1/dashboard/summary/route";
import { POST as requestExtension } from "@/app/api/v1/problems/[id]/extensions/route";
import { POST as createReport } from "@/app/api/v1/problems/[id]/reports/route";
import { PATCH as patchProblem } from "@/app/api/v1/problems/[id]/route";
import { POST as createProblem } from "@/app/api/v1/problems/route";
import { db } from "@/lib/db";
import { createProblem as createProblemRow } from "../factories";
import { type ApiResult, call, errorOf, leaksInternals } from "../support/api";
import { createWorld, problemInput, type World } from "../support/world";

/** Input the probe found accepted: each must now be a clean 4xx naming the field, nothing written. */
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const rectifying = () =>
  createProblemRow(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id, status: "RECTIFYING" });

function refused(r: ApiResult, status: number, field?: string) {
  expect(r.status, r.text).toBe(status);
  expect(leaksInternals(r.text)).toBe(false);
  if (field) expect(Object.keys(errorOf(r).fields ?? {}), r.text).toContain(field);
}

describe("lenient input is refused", () => {
  it("invalid UTF-8 in a JSON body → 400, not silently replaced", async () => {
    const p = await rectifying();
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"title":"'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('","version":1}'),
    ]);
    const req = new NextRequest(`http://localhost/api/v1/problems/${p.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${world.coordinator.token}`, "content-type": "application/json" },
      body: bytes,
    });
    const res = await patchProblem(req, { params: Promise.resolve({ id: p.id }) });
    expect(res.status).toBe(400);
    expect((await db.problem.findUniqueOrThrow({ where: { id: p.id } })).version).toBe(p.version);
  });

  it.each([["0100-01-01"], ["1999-12-31"], ["2101-01-01"], ["9999-12-31"]])(
    "a deadline of %s → 422 naming the range",
    async (deadline) => {
      const r = await call(createProblem, "POST", "/problems", {
        token: world.coordinator.token,
        json: problemInput(world, { deadline }),
        headers: { "accept-language": "zh-CN" },
      });
      refused(r, 422, "deadline");
      expect(errorOf(r).fields?.deadline?.[0]).toBe("日期须在 2000-01-01 至 2100-12-31 之间");
    },
  );

  it("an extension to 9999-12-31 cannot even be requested (so it cannot be approved)", async () => {
    const p = await rectifying();
    const r = await call(requestExtension, "POST", `/problems/${p.id}/extensions`, {
      token: world.headA.token,
      params: { id: p.id },
      json: { newDeadline: "9999-12-31", reason: "需要更多时间" },
    });
    refused(r, 422, "newDeadline");
    expect(await db.extension.count({ where: { problemId: p.id } })).toBe(0);
  });

  it.each([
    ["version: [2]", { version: [2] }, "version"],
    ['version: "0x1"', { version: "0x1" }, "version"],
    ['version: "1e0"', { version: "1e0" }, "version"],
  ])("%s → 422", async (_label, body, field) => {
    const p = await rectifying();
    const r = await call(patchProblem, "PATCH", `/problems/${p.id}`, {
      token: world.coordinator.token,
      params: { id: p.id },
      json: { title: "改过的标题", ...body },
    });
    refused(r, 422, field);
    expect((await db.problem.findUniqueOrThrow({ where: { id: p.id } })).title).toBe(p.title);
  });

  it.each([
    ['"0x10"', "0x10"],
    ['"1e2"', "1e2"],
    ["[50]", [50]],
    ['" 50x"', " 50x"],
  ])("percent %s → 422", async (_l, percent) => {
    const p = await rectifying();
    const r = await call(createReport, "POST", `/problems/${p.id}/reports`, {
      token: world.headA.token,
      params: { id: p.id },
      json: { text: "本周完成清淤", percent },
    });
    refused(r, 422, "percent");
    expect(await db.progressReport.count({ where: { problemId: p.id } })).toBe(0);
  });

  it('a plain decimal string percent ("50") is still accepted, as forms send it', async () => {
    const p = await rectifying();
    const r = await call(createReport, "POST", `/problems/${p.id}/reports`, {
      token: world.headA.token,
      params: { id: p.id },
      json: { text: "本周完成清淤", percent: "50" },
    });
    expect(r.status, r.text).toBe(201);
  });

  it("the lead unit cannot also be a co-unit: on registration and on an edit", async () => {
    const created = await call(createProblem, "POST", "/problems", {
      token: world.coordinator.token,
      json: problemInput(world, { coUnitIds: [world.divisionA.id] }),
    });
    refused(created, 422, "coUnitIds");
    const p = await rectifying();
    const edited = await call(patchProblem, "PATCH", `/problems/${p.id}`, {
      token: world.coordinator.token,
      params: { id: p.id },
      json: { coUnitIds: [world.divisionA.id], version: p.version },
    });
    refused(edited, 422, "coUnitIds");
  });

  it.each([
    ["a right-to-left override", "河道\u202e黑臭"],
    ["a left-to-right isolate", "\u2066河道黑臭"],
    ["an Arabic letter mark", "河道\u061c黑臭"],
    ["a right-to-left mark", "\u200f河道黑臭"],
  ])("%s in a title → 422", async (_label, title) => {
    const r = await call(createProblem, "POST", "/problems", {
      token: world.coordinator.token,
      json: problemInput(world, { title }),
    });
    refused(r, 422, "title");
  });

  it("a title of zero-width characters only → 422", async () => {
    const r = await call(createProblem, "POST", "/problems", {
      token: world.coordinator.token,
      json: problemInput(world, { title: "\u200b\u200c\u200d\ufeff" }),
    });
    refused(r, 422, "title");
  });

  it("the dashboard summary refuses parameters it does not take", async () => {
    refused(await call(dashboardSummary, "GET", "/dashboard/summary?district=%00&year=abc", { token: world.leader.token }), 422);
    expect((await call(dashboardSummary, "GET", "/dashboard/summary", { token: world.leader.token })).status).toBe(200);
  });
});
