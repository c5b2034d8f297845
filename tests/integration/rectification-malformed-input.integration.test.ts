import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as decisionRoute } from "@/app/api/v1/extensions/[id]/decision/route";
import { GET as listExtensionsRoute } from "@/app/api/v1/extensions/route";
import { POST as completeRoute } from "@/app/api/v1/measures/[id]/complete/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/v1/measures/[id]/route";
import { POST as requestRoute } from "@/app/api/v1/problems/[id]/extensions/route";
import { POST as orderRoute } from "@/app/api/v1/problems/[id]/measures/order/route";
import { POST as addRoute } from "@/app/api/v1/problems/[id]/measures/route";
import { GET as listReportsRoute, POST as reportRoute } from "@/app/api/v1/problems/[id]/reports/route";
import { GET as lateRoute } from "@/app/api/v1/reports/late/route";
import { db } from "@/lib/db";
import { calendarDay, createExtension, createMeasure, createProblem } from "../factories";
import { type ApiResult, type CallOptions, call, errorOf, leaksInternals } from "../support/api";
import { createWorld, type World } from "../support/world";

/**
 * Hostile and sloppy input against every measure, report and extension route: each answer is a
 * 4xx with `{ error: { code, message, fields? } }` naming the field at fault — never a 500.
 */
let world: World;
let problemId: string;
let measureId: string;
let extensionId: string;

beforeAll(async () => {
  world = await createWorld();
  const p = await createProblem(db, {
    districtId: world.districtA.id,
    leadUnitId: world.divisionA.id,
    leadOfficialId: world.leader.user.id,
    status: "RECTIFYING",
    assignedAt: new Date(),
    deadline: calendarDay(60),
  });
  problemId = p.id;
  measureId = (await createMeasure(db, { problemId })).id;
  extensionId = (await createExtension(db, { problemId, requestedById: world.headA.user.id })).id;
});

/** Leaves no open work behind: other files read ledger-wide lists (late reporters, "My work"). */
afterAll(async () => {
  await db.problem.deleteMany({ where: { districtId: { in: [world.districtA.id, world.districtB.id] } } });
});

type Case = { name: string; status: number; field?: string; send: () => Promise<ApiResult> };

function expectCleanError(r: ApiResult, c: Pick<Case, "status" | "field">): void {
  expect(r.status, r.text).toBe(c.status);
  expect(leaksInternals(r.text), r.text).toBe(false);
  expect(Object.keys(r.body as object)).toEqual(["error"]);
  const error = errorOf(r);
  expect(error.code).toMatch(/^[A-Z_]+$/);
  expect(error.message).toEqual(expect.any(String));
  if (c.field !== undefined) {
    expect(Object.keys(error.fields ?? {}), JSON.stringify(error)).toContain(c.field);
    expect(error.fields?.[c.field]?.[0]).toMatch(/\S/);
  }
}

const LONG = "长".repeat(10_000);
type Send = (opts: CallOptions, id?: string) => () => Promise<ApiResult>;
const route =
  (handler: unknown, method: string, path: (id: string) => string, idOf: () => string, token: () => string): Send =>
  (opts, id) =>
  () => {
    const target = id ?? idOf();
    return call(handler, method, path(target), { token: token(), params: { id: target }, ...opts });
  };

const coordinator = () => world.coordinator.token;
const add = route(
  addRoute,
  "POST",
  (id) => `/problems/${id}/measures`,
  () => problemId,
  coordinator,
);
const patch = route(
  patchRoute,
  "PATCH",
  (id) => `/measures/${id}`,
  () => measureId,
  coordinator,
);
const complete = route(
  completeRoute,
  "POST",
  (id) => `/measures/${id}/complete`,
  () => measureId,
  coordinator,
);
const order = route(
  orderRoute,
  "POST",
  (id) => `/problems/${id}/measures/order`,
  () => problemId,
  coordinator,
);
const report = route(
  reportRoute,
  "POST",
  (id) => `/problems/${id}/reports`,
  () => problemId,
  coordinator,
);
const request = route(
  requestRoute,
  "POST",
  (id) => `/problems/${id}/extensions`,
  () => problemId,
  coordinator,
);
const decision = route(
  decisionRoute,
  "POST",
  (id) => `/extensions/${id}/decision`,
  () => extensionId,
  () => world.leader.token,
);
const remove = (query: string, id?: string) => () => {
  const target = id ?? measureId;
  return call(deleteRoute, "DELETE", `/measures/${encodeURIComponent(target)}${query}`, {
    token: coordinator(),
    params: { id: target },
  });
};
const get = (handler: unknown, path: string, params?: Record<string, string>) => () =>
  call(handler, "GET", path, { token: coordinator(), params });

/** The body shapes every JSON route must refuse the same way. */
const bodyCases = (send: Send, valid: () => Record<string, unknown>): Case[] => [
  { name: "malformed JSON", status: 400, field: "_", send: send({ raw: '{"description": "未闭合' }) },
  { name: "text/plain content type", status: 400, send: send({ raw: "{}", contentType: "text/plain" }) },
  { name: "no content type", status: 400, send: send({ raw: "{}", contentType: null }) },
  { name: "JSON array", status: 422, field: "_", send: send({ json: [] }) },
  { name: "JSON null", status: 422, field: "_", send: send({ raw: "null" }) },
  { name: "JSON string", status: 422, field: "_", send: send({ raw: '"x"' }) },
  { name: "body over 1 MB", status: 413, send: () => send({ json: { ...valid(), extra: "x".repeat(1_100_000) } })() },
  {
    name: "a field named __proto__",
    status: 422,
    field: "__proto__",
    send: () => send({ raw: JSON.stringify(valid()).replace("{", '{"__proto__":{"x":1},') })(),
  },
  { name: "unknown uuid in path", status: 404, send: () => send({ json: valid() }, randomUUID())() },
  { name: "bad uuid in path", status: 404, send: () => send({ json: valid() }, "' OR '1'='1")() },
  { name: "path traversal in id", status: 404, send: () => send({ json: valid() }, "../../users")() },
];
const withBody = (send: Send, valid: () => Record<string, unknown>) => (changes: Record<string, unknown>) => () =>
  send({ json: { ...valid(), ...changes } })();

const validMeasure = () => ({ description: "新增措施" });
const addWith = withBody(add, validMeasure);
const ADD_CASES: Case[] = [
  ...bodyCases(add, validMeasure),
  { name: "missing description", status: 422, field: "description", send: () => add({ json: {} })() },
  { name: "blank description", status: 422, field: "description", send: addWith({ description: "   " }) },
  { name: "description as number", status: 422, field: "description", send: addWith({ description: 42 }) },
  { name: "10 000-char description", status: 422, field: "description", send: addWith({ description: LONG }) },
  { name: "NUL in description", status: 422, field: "description", send: addWith({ description: "截污\u0000纳管" }) },
  { name: "unpaired surrogate in owner", status: 422, field: "ownerPerson", send: addWith({ ownerPerson: "张\ud800" }) },
  { name: "51-char owner", status: 422, field: "ownerPerson", send: addWith({ ownerPerson: "人".repeat(51) }) },
  { name: "owner unit not a uuid", status: 422, field: "ownerUnitId", send: addWith({ ownerUnitId: "1 OR 1=1" }) },
  { name: "owner unit unknown", status: 422, field: "ownerUnitId", send: addWith({ ownerUnitId: randomUUID() }) },
  { name: "milestone 2026-02-30", status: 422, field: "milestone", send: addWith({ milestone: "2026-02-30" }) },
  { name: "milestone in another format", status: 422, field: "milestone", send: addWith({ milestone: "31/12/2026" }) },
  { name: "weight 0", status: 422, field: "weight", send: addWith({ weight: 0 }) },
  { name: "weight 101", status: 422, field: "weight", send: addWith({ weight: 101 }) },
  { name: "weight 1.5", status: 422, field: "weight", send: addWith({ weight: 1.5 }) },
  { name: "weight as text", status: 422, field: "weight", send: addWith({ weight: "heavy" }) },
  { name: "weight 1e400", status: 422, field: "weight", send: () => add({ raw: '{"description":"x","weight":1e400}' })() },
  { name: "unknown field percent", status: 422, field: "percent", send: addWith({ percent: 100 }) },
  { name: "unknown field status", status: 422, field: "status", send: addWith({ status: "DONE" }) },
  { name: "unknown field seq", status: 422, field: "seq", send: addWith({ seq: 1 }) },
  { name: "unknown field problemId", status: 422, field: "problemId", send: addWith({ problemId: randomUUID() }) },
];

const validPatch = () => ({ percent: 10, version: 1 });
const patchWith = (changes: Record<string, unknown>) => patch({ json: { version: 1, ...changes } });
const PATCH_CASES: Case[] = [
  ...bodyCases(patch, validPatch),
  { name: "missing version", status: 422, field: "version", send: patch({ json: { percent: 10 } }) },
  { name: "version 0", status: 422, field: "version", send: patchWith({ percent: 10, version: 0 }) },
  { name: "version as word", status: 422, field: "version", send: patchWith({ percent: 10, version: "one" }) },
  { name: "version beyond INT4", status: 422, field: "version", send: patchWith({ percent: 10, version: 2_147_483_648 }) },
  { name: "nothing to change", status: 422, field: "_", send: patchWith({}) },
  { name: "percent -1", status: 422, field: "percent", send: patchWith({ percent: -1 }) },
  { name: "percent 101", status: 422, field: "percent", send: patchWith({ percent: 101 }) },
  { name: "percent 50.5", status: 422, field: "percent", send: patchWith({ percent: 50.5 }) },
  { name: "percent as boolean", status: 422, field: "percent", send: patchWith({ percent: true }) },
  { name: "percent as array", status: 422, field: "percent", send: patchWith({ percent: [50] }) },
  { name: "percent null", status: 422, field: "percent", send: patchWith({ percent: null }) },
  { name: "description emptied", status: 422, field: "description", send: patchWith({ description: "" }) },
  { name: "description null", status: 422, field: "description", send: patchWith({ description: null }) },
  { name: "weight -3", status: 422, field: "weight", send: patchWith({ weight: -3 }) },
  { name: "milestone nonsense", status: 422, field: "milestone", send: patchWith({ milestone: "next week" }) },
  { name: "unknown field status", status: 422, field: "status", send: patchWith({ status: "DONE" }) },
  { name: "unknown field completedAt", status: 422, field: "completedAt", send: patchWith({ completedAt: "2026-01-01" }) },
  { name: "unknown field problemId", status: 422, field: "problemId", send: patchWith({ problemId: randomUUID() }) },
];

const COMPLETE_CASES: Case[] = [
  ...bodyCases(complete, () => ({ version: 1 })),
  { name: "missing version", status: 422, field: "version", send: complete({ json: {} }) },
  { name: "version -1", status: 422, field: "version", send: complete({ json: { version: -1 } }) },
  { name: "unknown field percent", status: 422, field: "percent", send: complete({ json: { version: 1, percent: 100 } }) },
];

const DELETE_CASES: Case[] = [
  { name: "no version", status: 422, field: "version", send: remove("") },
  { name: "version=abc", status: 422, field: "version", send: remove("?version=abc") },
  { name: "version=0", status: 422, field: "version", send: remove("?version=0") },
  { name: "version=1e12", status: 422, field: "version", send: remove("?version=1e12") },
  { name: "unknown parameter", status: 422, field: "force", send: remove("?version=1&force=true") },
  { name: "bad uuid in path", status: 404, send: remove("?version=1", "not-a-uuid") },
  { name: "unknown uuid in path", status: 404, send: remove("?version=1", randomUUID()) },
];

const ORDER_CASES: Case[] = [
  ...bodyCases(order, () => ({ ids: [measureId] })),
  { name: "missing ids", status: 422, field: "ids", send: order({ json: {} }) },
  { name: "ids as text", status: 422, field: "ids", send: order({ json: { ids: "all" } }) },
  { name: "ids empty", status: 422, field: "ids", send: order({ json: { ids: [] } }) },
  { name: "id not a uuid", status: 422, field: "ids.0", send: order({ json: { ids: ["1; DROP TABLE"] } }) },
  { name: "201 ids", status: 422, field: "ids", send: order({ json: { ids: Array.from({ length: 201 }, () => randomUUID()) } }) },
  { name: "another problem's measure", status: 422, field: "ids", send: () => order({ json: { ids: [randomUUID()] } })() },
  {
    name: "unknown field version",
    status: 422,
    field: "version",
    send: () => order({ json: { ids: [measureId], version: 1 } })(),
  },
];

const validReport = () => ({ text: "本旬进展", percent: 30 });
const reportWith = withBody(report, validReport);
const REPORT_CASES: Case[] = [
  ...bodyCases(report, validReport),
  { name: "missing text", status: 422, field: "text", send: report({ json: { percent: 10 } }) },
  { name: "2001-char text", status: 422, field: "text", send: reportWith({ text: "字".repeat(2001) }) },
  { name: "NUL in text", status: 422, field: "text", send: reportWith({ text: "\u0000" }) },
  { name: "missing percent", status: 422, field: "percent", send: report({ json: { text: "进展" } }) },
  { name: "percent 150", status: 422, field: "percent", send: reportWith({ percent: 150 }) },
  { name: "percent as text", status: 422, field: "percent", send: reportWith({ percent: "half" }) },
  { name: "measureId not a uuid", status: 422, field: "measureId", send: reportWith({ measureId: "m-1" }) },
  { name: "measureId unknown", status: 422, field: "measureId", send: reportWith({ measureId: randomUUID() }) },
  { name: "unknown field unitId", status: 422, field: "unitId", send: reportWith({ unitId: randomUUID() }) },
  { name: "unknown field reporterId", status: 422, field: "reporterId", send: reportWith({ reporterId: randomUUID() }) },
  { name: "unknown field createdAt", status: 422, field: "createdAt", send: reportWith({ createdAt: "2020-01-01T00:00:00Z" }) },
];

const validRequest = () => ({ newDeadline: "2099-12-31", reason: "需要更多时间" });
const requestWith = withBody(request, validRequest);
const REQUEST_CASES: Case[] = [
  ...bodyCases(request, validRequest),
  { name: "missing newDeadline", status: 422, field: "newDeadline", send: request({ json: { reason: "理由" } }) },
  { name: "newDeadline 2026-02-30", status: 422, field: "newDeadline", send: requestWith({ newDeadline: "2026-02-30" }) },
  { name: "newDeadline as timestamp", status: 422, field: "newDeadline", send: requestWith({ newDeadline: 1_900_000_000 }) },
  {
    name: "newDeadline with time",
    status: 422,
    field: "newDeadline",
    send: requestWith({ newDeadline: "2099-12-31T00:00:00Z" }),
  },
  { name: "missing reason", status: 422, field: "reason", send: request({ json: { newDeadline: "2099-12-31" } }) },
  { name: "1001-char reason", status: 422, field: "reason", send: requestWith({ reason: "因".repeat(1001) }) },
  { name: "reason as object", status: 422, field: "reason", send: requestWith({ reason: { $ne: "" } }) },
  { name: "unknown field oldDeadline", status: 422, field: "oldDeadline", send: requestWith({ oldDeadline: "2020-01-01" }) },
  { name: "unknown field status", status: 422, field: "status", send: requestWith({ status: "APPROVED" }) },
];

const validDecision = () => ({ decision: "APPROVE", version: 1 });
const decisionWith = withBody(decision, validDecision);
const DECISION_CASES: Case[] = [
  ...bodyCases(decision, validDecision),
  { name: "missing decision", status: 422, field: "decision", send: decision({ json: { version: 1 } }) },
  { name: "decision MAYBE", status: 422, field: "decision", send: decisionWith({ decision: "MAYBE" }) },
  { name: "decision lower case", status: 422, field: "decision", send: decisionWith({ decision: "approve" }) },
  { name: "missing version", status: 422, field: "version", send: decision({ json: { decision: "APPROVE" } }) },
  { name: "REJECT without comment", status: 422, field: "comment", send: decisionWith({ decision: "REJECT" }) },
  { name: "1001-char comment", status: 422, field: "comment", send: decisionWith({ comment: "意".repeat(1001) }) },
  { name: "unknown field newDeadline", status: 422, field: "newDeadline", send: decisionWith({ newDeadline: "2099-01-01" }) },
  { name: "unknown field decidedById", status: 422, field: "decidedById", send: decisionWith({ decidedById: randomUUID() }) },
];

const QUERY_CASES: Case[] = [
  {
    name: "reports pageSize=1000",
    status: 422,
    field: "pageSize",
    send: () => get(listReportsRoute, "/x?pageSize=1000", { id: problemId })(),
  },
  { name: "reports page=0", status: 422, field: "page", send: () => get(listReportsRoute, "/x?page=0", { id: problemId })() },
  {
    name: "reports unknown parameter",
    status: 422,
    field: "sort",
    send: () => get(listReportsRoute, "/x?sort=x", { id: problemId })(),
  },
  { name: "reports of a bad id", status: 404, send: get(listReportsRoute, "/x", { id: "../../x" }) },
  { name: "late districtCode=abc", status: 422, field: "districtCode", send: get(lateRoute, "/reports/late?districtCode=abc") },
  { name: "late unknown parameter", status: 422, field: "now", send: get(lateRoute, "/reports/late?now=2030-01-01") },
  { name: "extensions status=FOO", status: 422, field: "status", send: get(listExtensionsRoute, "/extensions?status=FOO") },
  {
    name: "extensions districtCode=1 OR 1",
    status: 422,
    field: "districtCode",
    send: get(listExtensionsRoute, "/extensions?districtCode=1%20OR%201"),
  },
  {
    name: "extensions leadOfficialId=x",
    status: 422,
    field: "leadOfficialId",
    send: get(listExtensionsRoute, "/extensions?leadOfficialId=x"),
  },
  { name: "extensions pageSize=0", status: 422, field: "pageSize", send: get(listExtensionsRoute, "/extensions?pageSize=0") },
  {
    name: "extensions unknown parameter",
    status: 422,
    field: "problemId",
    send: get(listExtensionsRoute, `/extensions?problemId=${randomUUID()}`),
  },
];

describe.each([
  ["POST /problems/{id}/measures", ADD_CASES],
  ["PATCH /measures/{id}", PATCH_CASES],
  ["POST /measures/{id}/complete", COMPLETE_CASES],
  ["DELETE /measures/{id}", DELETE_CASES],
  ["POST /problems/{id}/measures/order", ORDER_CASES],
  ["POST /problems/{id}/reports", REPORT_CASES],
  ["POST /problems/{id}/extensions", REQUEST_CASES],
  ["POST /extensions/{id}/decision", DECISION_CASES],
  ["GET queries", QUERY_CASES],
])("%s", (_route, cases) => {
  it.each(cases)("$name → $status", async (c) => {
    expectCleanError(await c.send(), c);
  });
});

describe("nothing malformed got through", () => {
  it("the problem, its measure and its extension are as they were", async () => {
    expect(await db.problem.findUniqueOrThrow({ where: { id: problemId } })).toMatchObject({ version: 1, progress: 0 });
    expect(await db.measure.findMany({ where: { problemId } })).toEqual([
      expect.objectContaining({ id: measureId, version: 1, percent: 0, seq: 1 }),
    ]);
    expect(await db.progressReport.count({ where: { problemId } })).toBe(0);
    expect(await db.extension.findMany({ where: { problemId } })).toEqual([
      expect.objectContaining({ id: extensionId, status: "PENDING", version: 1 }),
    ]);
  });

  it("field messages follow the caller's language", async () => {
    const r = await call(reportRoute, "POST", "/x", {
      token: world.coordinator.token,
      params: { id: problemId },
      json: { text: "进展", percent: 101, unitId: randomUUID() },
      headers: { "accept-language": "zh-CN" },
    });
    expect(errorOf(r).fields).toMatchObject({ percent: ["请输入 0–100 的整数"], unitId: ["不允许的字段"] });
  });
});
