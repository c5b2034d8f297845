import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getHistory } from "@/app/api/v1/problems/[id]/history/route";
import { GET as getProblem, PATCH as patchProblem } from "@/app/api/v1/problems/[id]/route";
import { POST as createProblem, GET as listProblems } from "@/app/api/v1/problems/route";
import { POST as signIn } from "@/app/api/v1/session/route";
import { PATCH as patchUser } from "@/app/api/v1/users/[id]/route";
import { db } from "@/lib/db";
import { createProblem as createProblemRow, createUser } from "../factories";
import { type ApiResult, type CallOptions, call, errorOf, leaksInternals } from "../support/api";
import { createWorld, problemInput, type World } from "../support/world";

/**
 * Hostile and sloppy input against every write and the ledger query: each must be a 4xx with
 * `{ error: { code, message, fields? } }`, naming the field at fault, never a 500 or an internal.
 */
let world: World;
let targetId: string;

beforeAll(async () => {
  world = await createWorld();
  targetId = (await createProblemRow(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id })).id;
});

type Case = {
  name: string;
  status: number;
  /** The field the error must name (`_` for the body as a whole); omitted where no field is at fault. */
  field?: string;
  send: () => Promise<ApiResult>;
};

function expectCleanError(r: ApiResult, c: Pick<Case, "status" | "field">): void {
  expect(r.status, r.text).toBe(c.status);
  expect(leaksInternals(r.text), r.text).toBe(false);
  const body = r.body as { error?: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(["error"]);
  const error = errorOf(r);
  expect(error.code).toMatch(/^[A-Z_]+$/);
  expect(error.message).toEqual(expect.any(String));
  expect(Object.keys(error).every((k) => ["code", "message", "fields", "current"].includes(k))).toBe(true);
  if (c.field !== undefined) {
    expect(Object.keys(error.fields ?? {}), JSON.stringify(error)).toContain(c.field);
    expect(error.fields?.[c.field]?.[0]).toMatch(/\S/);
  }
}

/** Bodies are built when the case runs: the world exists only after beforeAll. */
type Body = CallOptions | (() => CallOptions);
const build = (body: Body): CallOptions => (typeof body === "function" ? body() : body);
const post = (body: Body) => () => call(createProblem, "POST", "/problems", { token: world.coordinator.token, ...build(body) });
const postWith = (overrides: Record<string, unknown>) => post(() => ({ json: problemInput(world, overrides) }));
const patch = (body: CallOptions, pathId?: string) => () => {
  const id = pathId ?? targetId;
  return call(patchProblem, "PATCH", `/problems/${id}`, { token: world.coordinator.token, params: { id }, ...body });
};
const patchWith = (changes: Record<string, unknown>) => patch({ json: { version: 1, ...changes } });
const session = (body: CallOptions) => () => call(signIn, "POST", "/session", body);
const list = (query: string) => () => call(listProblems, "GET", `/problems?${query}`, { token: world.coordinator.token });

const LONG = "长".repeat(10_000);

const POST_CASES: Case[] = [
  { name: "malformed JSON", status: 400, field: "_", send: post({ raw: '{"title": "未闭合' }) },
  { name: "empty body", status: 400, field: "_", send: post({ raw: "" }) },
  { name: "text/plain content type", status: 400, send: post({ raw: "{}", contentType: "text/plain" }) },
  {
    name: "form-encoded content type",
    status: 400,
    send: post({ raw: "title=x", contentType: "application/x-www-form-urlencoded" }),
  },
  { name: "no content type", status: 400, send: post({ raw: "{}", contentType: null }) },
  { name: "JSON array", status: 422, field: "_", send: post({ json: [] }) },
  { name: "JSON null", status: 422, field: "_", send: post({ raw: "null" }) },
  { name: "JSON number", status: 422, field: "_", send: post({ raw: "42" }) },
  { name: "JSON string", status: 422, field: "_", send: post({ raw: '"problem"' }) },
  { name: "deeply nested arrays", status: 422, field: "_", send: post({ raw: `${"[".repeat(5000)}${"]".repeat(5000)}` }) },
  // Too large is 413 (counted in bytes while the body streams in), not a malformed request.
  { name: "body over 1 MB", status: 413, send: postWith({ description: "x".repeat(1_100_000) }) },
  { name: "body over 1 MB in bytes, under 1 M characters", status: 413, send: postWith({ description: "长".repeat(400_000) }) },
  { name: "unknown field status", status: 422, field: "status", send: postWith({ status: "CLOSED" }) },
  { name: "unknown field id", status: 422, field: "id", send: postWith({ id: randomUUID() }) },
  { name: "unknown field version", status: 422, field: "version", send: postWith({ version: 99 }) },
  { name: "unknown field progress", status: 422, field: "progress", send: postWith({ progress: 100 }) },
  { name: "unknown field createdById", status: 422, field: "createdById", send: postWith({ createdById: randomUUID() }) },
  {
    name: "a field named __proto__",
    status: 422,
    field: "__proto__",
    send: post(() => ({ raw: JSON.stringify(problemInput(world)).replace("{", '{"__proto__":{"status":"CLOSED"},') })),
  },
  { name: "title of wrong type", status: 422, field: "title", send: postWith({ title: 12345 }) },
  { name: "title as object", status: 422, field: "title", send: postWith({ title: { $ne: "" } }) },
  { name: "source of wrong type", status: 422, field: "source", send: postWith({ source: ["PETITION"] }) },
  { name: "districtCode as number", status: 422, field: "districtCode", send: postWith({ districtCode: 320213 }) },
  { name: "coUnitIds as string", status: 422, field: "coUnitIds", send: postWith({ coUnitIds: "all" }) },
  { name: "lat as text", status: 422, field: "lat", send: postWith({ lat: "north", lng: 120 }) },
  { name: "lat as boolean", status: 422, field: "lat", send: postWith({ lat: true, lng: 120 }) },
  { name: "lat out of range", status: 422, field: "lat", send: postWith({ lat: 91, lng: 120 }) },
  {
    name: "lat overflowing to Infinity",
    status: 422,
    field: "lat",
    send: post(() => ({ raw: JSON.stringify(problemInput(world, { lng: 120 })).replace(/}$/, ',"lat":1e400}') })),
  },
  { name: "lat without lng", status: 422, field: "lng", send: postWith({ lat: 31.5 }) },
  { name: "lng without lat", status: 422, field: "lat", send: postWith({ lng: 120.3 }) },
  { name: "10 000-char title", status: 422, field: "title", send: postWith({ title: LONG }) },
  { name: "10 000-char description", status: 422, field: "description", send: postWith({ description: LONG }) },
  { name: "10 000-char target", status: 422, field: "target", send: postWith({ target: LONG }) },
  { name: "10 000-char code", status: 422, field: "code", send: postWith({ code: "A".repeat(10_000) }) },
  { name: "NUL character in title", status: 422, field: "title", send: postWith({ title: "排口\u0000溢流" }) },
  { name: "NUL character in target", status: 422, field: "target", send: postWith({ target: "\u0000" }) },
  { name: "unpaired surrogate in description", status: 422, field: "description", send: postWith({ description: "水\ud800" }) },
  { name: "invalid date 2026-02-30", status: 422, field: "deadline", send: postWith({ deadline: "2026-02-30" }) },
  { name: "deadline in another format", status: 422, field: "deadline", send: postWith({ deadline: "31/12/2026" }) },
  { name: "bounded band without deadline", status: 422, field: "deadline", send: postWith({ deadline: null }) },
  { name: "ONGOING with a deadline", status: 422, field: "deadline", send: postWith({ deadlineBand: "ONGOING" }) },
  { name: "lead unit not a uuid", status: 422, field: "leadUnitId", send: postWith({ leadUnitId: "1 OR 1=1" }) },
  { name: "lead unit unknown", status: 422, field: "leadUnitId", send: postWith({ leadUnitId: randomUUID() }) },
  { name: "co-unit unknown", status: 422, field: "coUnitIds", send: postWith({ coUnitIds: [randomUUID()] }) },
  { name: "district unknown", status: 422, field: "districtCode", send: postWith({ districtCode: "000000" }) },
  {
    name: "lead official not a leader",
    status: 422,
    field: "leadOfficialId",
    send: () => postWith({ leadOfficialId: world.viewer.user.id })(),
  },
  { name: "phone with markup", status: 422, field: "responsiblePhone", send: postWith({ responsiblePhone: "<script>" }) },
  { name: "code with SQL", status: 422, field: "code", send: postWith({ code: 'X\'; DROP TABLE "Problem"; --' }) },
];

const PATCH_CASES: Case[] = [
  { name: "malformed JSON", status: 400, field: "_", send: patch({ raw: "{version:1}" }) },
  { name: "text/plain content type", status: 400, send: patch({ raw: '{"version":1}', contentType: "text/plain" }) },
  { name: "JSON array", status: 422, field: "_", send: patch({ json: [{ version: 1 }] }) },
  { name: "JSON null", status: 422, field: "_", send: patch({ raw: "null" }) },
  { name: "JSON number", status: 422, field: "_", send: patch({ raw: "1" }) },
  { name: "missing version", status: 422, field: "version", send: patch({ json: { target: "x" } }) },
  { name: "version as text", status: 422, field: "version", send: patchWith({ target: "x", version: "one" }) },
  { name: "version zero", status: 422, field: "version", send: patchWith({ target: "x", version: 0 }) },
  { name: "nothing to change", status: 422, field: "_", send: patchWith({}) },
  { name: "unknown field status", status: 422, field: "status", send: patchWith({ status: "CLOSED" }) },
  { name: "unknown field id", status: 422, field: "id", send: patchWith({ id: randomUUID() }) },
  { name: "unknown field progress", status: 422, field: "progress", send: patchWith({ progress: 100 }) },
  { name: "unknown field createdById", status: 422, field: "createdById", send: patchWith({ createdById: randomUUID() }) },
  { name: "title of wrong type", status: 422, field: "title", send: patchWith({ title: 7 }) },
  { name: "title null", status: 422, field: "title", send: patchWith({ title: null }) },
  { name: "10 000-char title", status: 422, field: "title", send: patchWith({ title: LONG }) },
  { name: "NUL character in target", status: 422, field: "target", send: patchWith({ target: "a\u0000" }) },
  { name: "invalid date 2026-02-30", status: 422, field: "deadline", send: patchWith({ deadline: "2026-02-30" }) },
  { name: "lat without lng", status: 422, field: "lng", send: patchWith({ lat: 31.2 }) },
  {
    name: "switch to ONGOING keeping the deadline",
    status: 422,
    field: "deadline",
    send: patchWith({ deadlineBand: "ONGOING" }),
  },
  { name: "lead unit unknown", status: 422, field: "leadUnitId", send: patchWith({ leadUnitId: randomUUID() }) },
  { name: "bad uuid in path", status: 404, send: patch({ json: { target: "x", version: 1 } }, "not-a-uuid") },
  { name: "path traversal in id", status: 404, send: patch({ json: { target: "x", version: 1 } }, "../../users") },
  { name: "SQL in id", status: 404, send: patch({ json: { target: "x", version: 1 } }, "' OR '1'='1") },
  { name: "unknown uuid in path", status: 404, send: patch({ json: { target: "x", version: 1 } }, randomUUID()) },
];

const SESSION_CASES: Case[] = [
  { name: "malformed JSON", status: 400, field: "_", send: session({ raw: "{'username':'a'}" }) },
  {
    name: "form-encoded content type",
    status: 400,
    send: session({ raw: "username=a&password=b", contentType: "application/x-www-form-urlencoded" }),
  },
  { name: "JSON array", status: 422, field: "_", send: session({ json: ["admin", "password"] }) },
  { name: "JSON null", status: 422, field: "_", send: session({ raw: "null" }) },
  { name: "JSON number", status: 422, field: "_", send: session({ raw: "0" }) },
  { name: "missing password", status: 422, field: "password", send: session({ json: { username: "someone" } }) },
  {
    name: "password of wrong type",
    status: 422,
    field: "password",
    send: session({ json: { username: "a", password: 12345678 } }),
  },
  {
    name: "username as object",
    status: 422,
    field: "username",
    send: session({ json: { username: { $gt: "" }, password: "x" } }),
  },
  {
    name: "unknown field role",
    status: 422,
    field: "role",
    send: session({ json: { username: "a", password: "b", role: "ADMIN" } }),
  },
  {
    name: "300-char username",
    status: 422,
    field: "username",
    send: session({ json: { username: "u".repeat(300), password: "x" } }),
  },
  // A sign-in body is small: over 8 KB it is refused before it is parsed.
  { name: "10 000-char username", status: 413, send: session({ json: { username: LONG, password: "x" } }) },
  {
    name: "129-char password",
    status: 422,
    field: "password",
    send: session({ json: { username: "a", password: "p".repeat(129) } }),
  },
  {
    name: "NUL character in username",
    status: 422,
    field: "username",
    send: session({ json: { username: "admin\u0000", password: "x" } }),
  },
  { name: "SQL in username", status: 401, send: session({ json: { username: "' OR 1=1 --", password: "whatever-1" } }) },
];

const QUERY_CASES: Case[] = [
  { name: "pageSize=1000", status: 422, field: "pageSize", send: list("pageSize=1000") },
  { name: "pageSize=0", status: 422, field: "pageSize", send: list("pageSize=0") },
  { name: "page=-1", status: 422, field: "page", send: list("page=-1") },
  { name: "page=abc", status: 422, field: "page", send: list("page=abc") },
  { name: "page=1e9", status: 422, field: "page", send: list("page=1e9") },
  { name: "sort=nonsense", status: 422, field: "sort", send: list("sort=nonsense") },
  { name: "sort=title;DROP", status: 422, field: "sort", send: list("sort=title%3BDROP") },
  { name: "status=unknown", status: 422, field: "status", send: list("status=FIXED") },
  { name: "overdue=maybe", status: 422, field: "overdue", send: list("overdue=maybe") },
  { name: "districtCode=abc", status: 422, field: "districtCode", send: list("districtCode=abc") },
  { name: "leadUnitId=not-a-uuid", status: 422, field: "leadUnitId", send: list("leadUnitId=not-a-uuid") },
  { name: "leadOfficialId=SQL", status: 422, field: "leadOfficialId", send: list("leadOfficialId=1%27%20OR%201%3D1") },
  { name: "unknown parameter", status: 422, field: "color", send: list("color=RED") },
  { name: "colour=PURPLE", status: 422, field: "colour.0", send: list("colour=PURPLE") },
  { name: "q of 101 chars", status: 422, field: "q", send: list(`q=${"字".repeat(101)}`) },
  { name: "q with a NUL", status: 422, field: "q", send: list("q=a%00b") },
];

const read = (handler: unknown, id: string) => () =>
  call(handler, "GET", `/problems/${encodeURIComponent(id)}`, { token: world.coordinator.token, params: { id } });
const BAD_IDS = ["not-a-uuid", "../../users", "' OR '1'='1", "00000000-0000-0000-0000-00000000000g", "１２３", ""];
const READ_CASES: Case[] = BAD_IDS.flatMap((id) => [
  { name: `GET /problems/${JSON.stringify(id)}`, status: 404, send: read(getProblem, id) },
  { name: `GET /problems/${JSON.stringify(id)}/history`, status: 404, send: read(getHistory, id) },
]);

describe.each([
  ["GET /problems/{id} and /history with bad ids", READ_CASES],
  ["POST /problems", POST_CASES],
  ["PATCH /problems/{id}", PATCH_CASES],
  ["POST /session", SESSION_CASES],
  ["GET /problems", QUERY_CASES],
])("%s", (_route, cases) => {
  it.each(cases)("$name → $status", async (c) => {
    expectCleanError(await c.send(), c);
  });
});

describe("nothing malformed got through", () => {
  it("the target problem is untouched by every refused edit", async () => {
    const p = await db.problem.findUniqueOrThrow({ where: { id: targetId } });
    expect(p.version).toBe(1);
    expect(p.status).toBe("REGISTERED");
    expect(p.target).toBeNull();
  });

  it("no problem was registered by a refused POST", async () => {
    expect(await db.problem.count({ where: { createdById: world.coordinator.user.id } })).toBe(0);
  });
});

describe("metacharacters are data, stored and returned verbatim", () => {
  const HOSTILE = [
    `'; DROP TABLE "Problem"; --`,
    `<script>alert("xss")</script><img src=x onerror=alert(1)>`,
    "%_\\ LIKE wildcards and a backslash",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
    "${7*7} {{7*7}} `rm -rf /`",
    "Robert'); SELECT pg_sleep(0); --",
    "emoji 🌊 and 中文全角（）“”",
  ];

  it.each(HOSTILE)("%s", async (text) => {
    const created = await call(createProblem, "POST", "/problems", {
      token: world.coordinator.token,
      json: problemInput(world, { title: text, description: text, target: text, locationText: text }),
    });
    expect(created.status, created.text).toBe(201);
    const id = (created.body as { id: string }).id;
    const read = await call(getProblem, "GET", `/problems/${id}`, { token: world.viewer.token, params: { id } });
    expect(read.body).toMatchObject({ title: text, description: text, target: text, locationText: text });
    expect(read.headers.get("content-type")).toMatch(/^application\/json/);

    const searched = await call(
      listProblems,
      "GET",
      `/problems?q=${encodeURIComponent(text)}&districtCode=${world.districtA.code}`,
      {
        token: world.coordinator.token,
      },
    );
    expect(searched.status).toBe(200);
    expect((searched.body as { items: { id: string }[] }).items.map((p) => p.id)).toContain(id);
  });

  it("a LIKE wildcard in the search matches itself, not everything", async () => {
    await createProblemRow(db, { districtId: world.districtB.id, leadUnitId: world.divisionB.id, title: "无通配符的问题" });
    const search = (q: string) =>
      call(listProblems, "GET", `/problems?q=${encodeURIComponent(q)}&districtCode=${world.districtB.code}`, {
        token: world.coordinator.token,
      });
    expect(((await search("无通配符")).body as { total: number }).total).toBe(1);
    for (const wildcard of ["%", "_", "%%"]) {
      const r = await search(wildcard);
      expect(r.status).toBe(200);
      expect((r.body as { total: number }).total).toBe(0);
    }
  });
});

describe("other malformed writes", () => {
  it("PATCH /users with a version beyond the database's integer range is a 422, not a 500", async () => {
    const user = await createUser(db);
    const r = await call(patchUser, "PATCH", `/users/${user.id}`, {
      token: world.admin.token,
      params: { id: user.id },
      json: { locale: "en", version: 2_147_483_648 },
    });
    expectCleanError(r, { status: 422, field: "version" });
  });

  it("PATCH /users rejects fields an admin may not set this way", async () => {
    const user = await createUser(db);
    for (const extra of [{ passwordHash: "x" }, { username: "root" }, { id: randomUUID() }]) {
      const r = await call(patchUser, "PATCH", `/users/${user.id}`, {
        token: world.admin.token,
        params: { id: user.id },
        json: { version: 1, ...extra },
      });
      expectCleanError(r, { status: 422, field: Object.keys(extra)[0] });
    }
  });

  it("changing a problem's code to one already taken is a 422 on the code, not a 500", async () => {
    const a = await createProblemRow(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id });
    const b = await createProblemRow(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id });
    const r = await call(patchProblem, "PATCH", `/problems/${b.id}`, {
      token: world.coordinator.token,
      params: { id: b.id },
      json: { code: a.code, version: 1 },
    });
    expectCleanError(r, { status: 422, field: "code" });
    expect((await db.problem.findUniqueOrThrow({ where: { id: b.id } })).version).toBe(1);
  });

  it("registering with a code already taken is a 422 on the code", async () => {
    const a = await createProblemRow(db, { districtId: world.districtA.id, leadUnitId: world.divisionA.id });
    expectCleanError(await postWith({ code: a.code })(), { status: 422, field: "code" });
  });

  it("field messages follow the caller's language", async () => {
    const r = await call(createProblem, "POST", "/problems", {
      token: world.coordinator.token,
      json: problemInput(world, { deadline: "2026-02-30", status: "CLOSED" }),
      headers: { "accept-language": "zh-CN,zh;q=0.9" },
    });
    expect(r.status).toBe(422);
    expect(errorOf(r).fields).toMatchObject({ deadline: ["请输入有效日期（YYYY-MM-DD）"], status: ["不允许的字段"] });
  });
});
