import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportAudit } from "@/app/api/v1/audit/export/route";
import { GET as getAudit } from "@/app/api/v1/audit/route";
import { POST as changePassword } from "@/app/api/v1/me/password/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { DELETE as endSession } from "@/app/api/v1/me/sessions/[id]/route";
import { GET as mySessions } from "@/app/api/v1/me/sessions/route";
import { GET as listProblems } from "@/app/api/v1/problems/route";
import { PATCH as patchSettings } from "@/app/api/v1/settings/route";
import { POST as setup } from "@/app/api/v1/setup/route";
import { DELETE as deleteUnit, PATCH as patchUnit } from "@/app/api/v1/units/[id]/route";
import { POST as createUnit } from "@/app/api/v1/units/route";
import { POST as resetPassword } from "@/app/api/v1/users/[id]/reset-password/route";
import { PATCH as patchUser } from "@/app/api/v1/users/[id]/route";
import { POST as unlockUser } from "@/app/api/v1/users/[id]/unlock/route";
import { POST as importUsers } from "@/app/api/v1/users/import/route";
import { POST as createUserRoute, GET as listUsers } from "@/app/api/v1/users/route";
import { claimAttempt } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { getAdminUser } from "@/lib/server/users/list-users";
import { createProblem, createUnit as createUnitRow, createUser, DEMO_PASSWORD, uniqueSuffix } from "../factories";
import { type ApiResult, call, errorOf, signInToken } from "../support/api";
import { createPerson, type Person } from "../support/world";

const zh = { "accept-language": "zh-CN" };
let admin: Person;
let others: Record<"leader" | "coordinator" | "head" | "officer" | "viewer", Person>;

beforeAll(async () => {
  admin = await createPerson("ADMIN");
  const unit = await createUnitRow(db, { kind: "DIVISION" });
  others = {
    leader: await createPerson("LEADER"),
    coordinator: await createPerson("COORDINATOR"),
    head: await createPerson("DIVISION_HEAD", { unitId: unit.id }),
    officer: await createPerson("FIELD_OFFICER", { unitId: unit.id }),
    viewer: await createPerson("VIEWER"),
  };
});

async function newAccount(overrides: Record<string, unknown> = {}) {
  const username = `acct-${uniqueSuffix()}`;
  const r = await call(createUserRoute, "POST", "/users", {
    token: admin.token,
    json: { username, displayName: "新同事", role: "VIEWER", ...overrides },
  });
  expect(r.status, r.text).toBe(201);
  return r.body as { user: { id: string; username: string; version: number }; oneTimePassword: string };
}

async function xlsx(rows: string[][]): Promise<Blob> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("账号");
  for (const r of rows) sheet.addRow(r);
  return new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]);
}

async function upload(token: string, blob: Blob): Promise<ApiResult> {
  const form = new FormData();
  form.set("file", blob, "accounts.xlsx");
  const { NextRequest } = await import("next/server");
  const req = new NextRequest("http://localhost/api/v1/users/import", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "accept-language": "zh-CN" },
    body: form,
  });
  const res = await importUsers(req, { params: Promise.resolve({}) as Promise<never> });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : null };
}

describe("only an administrator manages accounts, units and reads the audit log", () => {
  it("every other role gets 403, anonymous 401, the administrator succeeds", async () => {
    const target = await createUser(db, { role: "VIEWER" });
    const unit = await createUnitRow(db, { kind: "DIVISION" });
    const actions: [string, (token: string | null) => Promise<ApiResult>, number][] = [
      [
        "create account",
        (token) =>
          call(createUserRoute, "POST", "/users", {
            token,
            json: { username: `m-${uniqueSuffix()}`, displayName: "甲", role: "VIEWER" },
          }),
        201,
      ],
      [
        "edit account",
        async (token) => {
          const { version } = await db.user.findUniqueOrThrow({ where: { id: target.id } });
          return call(patchUser, "PATCH", `/users/${target.id}`, {
            token,
            params: { id: target.id },
            json: { displayName: `改名${uniqueSuffix()}`, version },
          });
        },
        200,
      ],
      ["reset password", (token) => call(resetPassword, "POST", "/x", { token, params: { id: target.id } }), 200],
      ["unlock", (token) => call(unlockUser, "POST", "/x", { token, params: { id: target.id } }), 200],
      [
        "create unit",
        (token) =>
          call(createUnit, "POST", "/units", {
            token,
            json: { code: `U-${uniqueSuffix()}`, name: "新处室", kind: "DIVISION" },
          }),
        201,
      ],
      [
        "edit unit",
        (token) => call(patchUnit, "PATCH", "/x", { token, params: { id: unit.id }, json: { name: `处室${uniqueSuffix()}` } }),
        200,
      ],
      ["audit log", (token) => call(getAudit, "GET", "/audit", { token }), 200],
      ["search accounts", (token) => call(listUsers, "GET", "/users?q=a", { token }), 200],
    ];
    for (const [name, act, ok] of actions) {
      expect((await act(null)).status, `${name} anonymous`).toBe(401);
      for (const [role, person] of Object.entries(others)) {
        const r = await act(person.token);
        expect(r.status, `${name} as ${role}: ${r.text}`).toBe(403);
      }
      const r = await act(admin.token);
      expect(r.status, `${name} as admin: ${r.text}`).toBe(ok);
    }
  });

  it("mass assignment is refused: a new account cannot bring its own password or id", async () => {
    const r = await call(createUserRoute, "POST", "/users", {
      token: admin.token,
      headers: zh,
      json: { username: `x-${uniqueSuffix()}`, displayName: "乙", role: "VIEWER", passwordHash: "x", id: crypto.randomUUID() },
    });
    expect(r.status).toBe(422);
    expect(Object.keys(errorOf(r).fields ?? {})).toEqual(expect.arrayContaining(["passwordHash", "id"]));
  });
});

describe("one-time passwords and the forced change", () => {
  it("a new account signs in once with its one-time password and must choose a new one before anything else", async () => {
    const { user, oneTimePassword } = await newAccount();
    const token = await signInToken(user.username, oneTimePassword);
    const blocked = await call(listProblems, "GET", "/problems", { token });
    expect(blocked.status).toBe(403);
    expect(errorOf(blocked).code).toBe("PASSWORD_CHANGE_REQUIRED");
    const me = await call(getMe, "GET", "/me", { token });
    expect(me.body).toMatchObject({ mustChangePassword: true });

    const weak = await call(changePassword, "POST", "/me/password", {
      token,
      headers: zh,
      json: { currentPassword: oneTimePassword, newPassword: "abc" },
    });
    expect(weak.status).toBe(422);
    expect(errorOf(weak).fields?.newPassword?.join()).toContain("至少 8 个字符");

    const ok = await call(changePassword, "POST", "/me/password", {
      token,
      json: { currentPassword: oneTimePassword, newPassword: "Qingshan#2026" },
    });
    expect(ok.status, ok.text).toBe(200);
    expect((await call(listProblems, "GET", "/problems", { token })).status).toBe(200);
    // The one-time password works once: it is gone now.
    const again = await call((await import("@/app/api/v1/session/route")).POST, "POST", "/session", {
      json: { username: user.username, password: oneTimePassword },
    });
    expect(again.status).toBe(401);
    await signInToken(user.username, "Qingshan#2026");
  });

  it("a reset ends the person's sessions, replaces the password and forces a change again", async () => {
    const person = await createUser(db, { role: "VIEWER", username: `forgot-${uniqueSuffix()}` });
    const oldToken = await signInToken(person.username, DEMO_PASSWORD);
    const r = await call(resetPassword, "POST", "/x", { token: admin.token, params: { id: person.id } });
    expect(r.status, r.text).toBe(200);
    const { oneTimePassword } = r.body as { oneTimePassword: string };
    expect(oneTimePassword).toHaveLength(12);
    expect((await call(getMe, "GET", "/me", { token: oldToken })).status).toBe(401);
    const token = await signInToken(person.username, oneTimePassword);
    expect(errorOf(await call(listProblems, "GET", "/problems", { token })).code).toBe("PASSWORD_CHANGE_REQUIRED");
    const stored = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(stored.mustChangePassword).toBe(true);
    expect(stored.passwordHash).not.toContain(oneTimePassword);
    const audit = await db.auditLog.findFirst({ where: { entityId: person.id, action: "reset-password" } });
    expect(audit?.after).toMatchObject({ mustChangePassword: true, sessionsRevoked: 1 });
    expect(JSON.stringify([audit?.before, audit?.after])).not.toContain(oneTimePassword);
  });

  it("changing one's own password needs the current one and ends one's other sessions", async () => {
    const person = await createUser(db, { role: "VIEWER", username: `self-${uniqueSuffix()}` });
    const desk = await signInToken(person.username, DEMO_PASSWORD);
    const phone = await signInToken(person.username, DEMO_PASSWORD);
    const wrong = await call(changePassword, "POST", "/me/password", {
      token: desk,
      headers: zh,
      json: { currentPassword: "wrong-password", newPassword: "Taihu@Lake2026" },
    });
    expect(wrong.status).toBe(422);
    expect(errorOf(wrong).fields?.currentPassword?.[0]).toBe("当前密码不正确");
    const ok = await call(changePassword, "POST", "/me/password", {
      token: desk,
      json: { currentPassword: DEMO_PASSWORD, newPassword: "Taihu@Lake2026" },
    });
    expect(ok.status, ok.text).toBe(200);
    expect((await call(getMe, "GET", "/me", { token: desk })).status).toBe(200);
    expect((await call(getMe, "GET", "/me", { token: phone })).status).toBe(401);
  });
});

describe("the password policy names the rule it refuses", () => {
  const cases: [string, string, string][] = [
    ["Ab1!xyz", "至少 8 个字符", "length"],
    ["abcdefgh12", "至少 3 类", "classes"],
    ["{u}-Secure-1", "不能包含用户名", "username"],
    ["{r}-Secure-1", "倒写的用户名", "reversed"],
  ];
  for (const [pattern, words, rule] of cases) {
    it(`refuses a password breaking the ${rule} rule`, async () => {
      const username = `pol${uniqueSuffix()
        .replace(/[^a-z0-9]/gi, "")
        .slice(0, 8)}`;
      const person = await createUser(db, { role: "VIEWER", username });
      const token = await signInToken(username, DEMO_PASSWORD);
      const password = pattern.replace("{u}", username).replace("{r}", [...username].reverse().join(""));
      const r = await call(changePassword, "POST", "/me/password", {
        token,
        headers: zh,
        json: { currentPassword: DEMO_PASSWORD, newPassword: password },
      });
      expect(r.status, r.text).toBe(422);
      expect(errorOf(r).fields?.newPassword?.join("；")).toContain(words);
      expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash).toBe(person.passwordHash);
    });
  }
});

describe("accounts: edit, deactivate, unlock, sessions, import", () => {
  it("deactivation ends every session at once; replaying the token answers 401", async () => {
    const { user, oneTimePassword } = await newAccount();
    const token = await signInToken(user.username, oneTimePassword);
    const r = await call(patchUser, "PATCH", "/x", {
      token: admin.token,
      params: { id: user.id },
      json: { active: false, version: user.version },
    });
    expect(r.status, r.text).toBe(200);
    expect((await call(getMe, "GET", "/me", { token })).status).toBe(401);
    const audit = await db.auditLog.findFirst({ where: { entityId: user.id, action: "deactivate" } });
    expect(audit?.after).toMatchObject({ active: false, sessionsRevoked: 1 });
  });

  it("a field officer needs a unit or district; an unknown unit is named", async () => {
    const r = await call(createUserRoute, "POST", "/users", {
      token: admin.token,
      headers: zh,
      json: { username: `fo-${uniqueSuffix()}`, displayName: "丙", role: "FIELD_OFFICER" },
    });
    expect(r.status).toBe(422);
    expect(errorOf(r).fields?.unitId?.[0]).toContain("派出机构人员须指定单位或属地");
    const taken = await call(createUserRoute, "POST", "/users", {
      token: admin.token,
      headers: zh,
      json: { username: admin.user.username.toUpperCase(), displayName: "丁", role: "VIEWER" },
    });
    expect(errorOf(taken).fields?.username?.[0]).toBe("用户名已存在");
  });

  it("the account page's read: an administrator sees the account; anyone else is refused; a bad id is not found", async () => {
    const person = await createUser(db, { role: "VIEWER", username: `page-${uniqueSuffix()}` });
    expect(await getAdminUser(admin.actor, person.id)).toMatchObject({ id: person.id, username: person.username });
    const viewer = await createPerson("VIEWER");
    await expect(getAdminUser(viewer.actor, person.id)).rejects.toMatchObject({ status: 403 });
    await expect(getAdminUser(admin.actor, "not-a-uuid")).rejects.toMatchObject({ status: 404 });
    await expect(getAdminUser(admin.actor, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ status: 404 });
  });

  it("unlock lifts a sign-in lock", async () => {
    const person = await createUser(db, { role: "VIEWER", username: `locked-${uniqueSuffix()}` });
    for (let i = 0; i < 12; i++) await claimAttempt(person.username, "203.0.113.9").catch(() => undefined);
    const list = await call(listUsers, "GET", `/users?q=${person.username}`, { token: admin.token });
    expect((list.body as { items: { locked: boolean }[] }).items[0]?.locked).toBe(true);
    const r = await call(unlockUser, "POST", "/x", { token: admin.token, params: { id: person.id } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ locked: false });
    expect(await db.loginThrottle.count({ where: { key: { startsWith: `${person.username}|` } } })).toBe(0);
  });

  it("a person sees their own sessions and ends one; someone else's answers 404", async () => {
    const person = await createUser(db, { role: "VIEWER", username: `sess-${uniqueSuffix()}` });
    const a = await signInToken(person.username, DEMO_PASSWORD);
    const b = await signInToken(person.username, DEMO_PASSWORD);
    const list = (await call(mySessions, "GET", "/me/sessions", { token: a })).body as {
      items: { id: string; current: boolean }[];
    };
    expect(list.items).toHaveLength(2);
    const other = list.items.find((s) => !s.current);
    expect(other).toBeDefined();
    expect((await call(endSession, "DELETE", "/x", { token: admin.token, params: { id: other?.id ?? "" } })).status).toBe(404);
    expect((await call(endSession, "DELETE", "/x", { token: a, params: { id: other?.id ?? "" } })).status).toBe(204);
    expect((await call(getMe, "GET", "/me", { token: b })).status).toBe(401);
    expect((await call(getMe, "GET", "/me", { token: a })).status).toBe(200);
  });

  it("an import is all or nothing, with every bad row named in Chinese", async () => {
    const unit = await createUnitRow(db, { kind: "AGENCY" });
    const s = uniqueSuffix();
    const bad = await upload(
      admin.token,
      await xlsx([
        ["用户名", "姓名", "角色", "单位", "属地", "电话", "电子邮箱"],
        [`imp-a-${s}`, "甲", "只读", "", "", "", ""],
        [`imp-a-${s}`, "乙", "局长", unit.code, "", "=1+1", "not-mail"],
      ]),
    );
    expect(bad.status, bad.text).toBe(422);
    const text = JSON.stringify(bad.body);
    expect(text).toContain("第 3 行");
    expect(text).toContain("与第 2 行的用户名重复");
    expect(text).toContain("请输入有效的电子邮箱");
    expect(await db.user.count({ where: { username: `imp-a-${s}` } })).toBe(0);

    const good = await upload(
      admin.token,
      await xlsx([
        ["用户名", "姓名", "角色", "单位", "属地", "电话", "电子邮箱"],
        [`imp-b-${s}`, "戊", "派出机构", unit.code, "", "0510-12345678", ""],
        [`imp-c-${s}`, "己", "VIEWER", "", "", "", "ji@example.gov.cn"],
      ]),
    );
    expect(good.status, good.text).toBe(201);
    const created = (good.body as { created: { username: string; oneTimePassword: string }[] }).created;
    expect(created.map((c) => c.username)).toEqual([`imp-b-${s}`, `imp-c-${s}`]);
    const stored = await db.user.findUniqueOrThrow({ where: { username: `imp-b-${s}` } });
    expect(stored).toMatchObject({ role: "FIELD_OFFICER", unitId: unit.id, mustChangePassword: true });
    await signInToken(`imp-b-${s}`, created[0]?.oneTimePassword ?? "");
  });
});

describe("units", () => {
  it("a unit that records point to cannot be deleted (409 naming them); an unused one can", async () => {
    const unit = await createUnitRow(db, { kind: "DIVISION" });
    await createUser(db, { role: "DIVISION_HEAD", unitId: unit.id });
    await createProblem(db, { leadUnitId: unit.id });
    const r = await call(deleteUnit, "DELETE", "/x", { token: admin.token, headers: zh, params: { id: unit.id } });
    expect(r.status).toBe(409);
    expect(errorOf(r).message).toContain("1 个账号");
    expect(errorOf(r).message).toContain("1 个问题（牵头单位）");
    expect(await db.unit.count({ where: { id: unit.id } })).toBe(1);

    const spare = await createUnitRow(db, { kind: "DIVISION" });
    expect((await call(deleteUnit, "DELETE", "/x", { token: admin.token, params: { id: spare.id } })).status).toBe(204);
  });

  it("create, rename, move and deactivate; a unit cannot move under itself", async () => {
    const s = uniqueSuffix();
    const parent = await call(createUnit, "POST", "/units", {
      token: admin.token,
      json: { code: `P-${s}`, name: "上级", kind: "BUREAU" },
    });
    const child = await call(createUnit, "POST", "/units", {
      token: admin.token,
      json: { code: `C-${s}`, name: "下级", kind: "DIVISION", parentId: (parent.body as { id: string }).id },
    });
    expect(child.status, child.text).toBe(201);
    const parentId = (parent.body as { id: string }).id;
    const childId = (child.body as { id: string }).id;
    const cycle = await call(patchUnit, "PATCH", "/x", {
      token: admin.token,
      headers: zh,
      params: { id: parentId },
      json: { parentId: childId },
    });
    expect(cycle.status).toBe(422);
    expect(errorOf(cycle).fields?.parentId?.[0]).toContain("不能是本单位或其下级单位");
    const busy = await call(patchUnit, "PATCH", "/x", { token: admin.token, params: { id: parentId }, json: { active: false } });
    expect(busy.status).toBe(409);
    const renamed = await call(patchUnit, "PATCH", "/x", {
      token: admin.token,
      params: { id: childId },
      json: { name: "改名后", parentId: null, active: false },
    });
    expect(renamed.body).toMatchObject({ name: "改名后", parentId: null, active: false });
    const audit = await call(getAudit, "GET", `/audit?entity=Unit:${childId}`, { token: admin.token, headers: zh });
    const items = (audit.body as { items: { action: string; changes: { label: string; before: string; after: string }[] }[] })
      .items;
    expect(items[0]?.action).toBe("停用");
    expect(items[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: "name", label: "名称", before: "下级", after: "改名后" },
        { field: "parentId", label: "上级单位", before: "上级", after: "（空）" },
      ]),
    );
  });
});

describe("audit log search", () => {
  it("finds by person, record and action, in words and Shanghai time order", async () => {
    const { user } = await newAccount({ role: "LEADER" });
    const r = await call(getAudit, "GET", `/audit?actor=${admin.user.username}&entity=User:${user.id}&action=create`, {
      token: admin.token,
      headers: zh,
    });
    expect(r.status, r.text).toBe(200);
    const body = r.body as { total: number; items: { actorName: string; changes: { label: string; after: string }[] }[] };
    expect(body.total).toBe(1);
    expect(body.items[0]?.actorName).toContain(admin.user.username);
    expect(body.items[0]?.changes).toEqual(expect.arrayContaining([expect.objectContaining({ label: "角色", after: "局领导" })]));
    const bad = await call(getAudit, "GET", "/audit?from=yesterday", { token: admin.token });
    expect(bad.status).toBe(422);
  });
});

describe("session and password policy", () => {
  it("a session idle longer than sessionIdleMinutes ends (401) and stays ended", async () => {
    const person = await createUser(db, { role: "VIEWER", username: `idle-${uniqueSuffix()}` });
    const token = await signInToken(person.username, DEMO_PASSWORD);
    const fresh = await signInToken(person.username, DEMO_PASSWORD);
    const [idle] = await db.session.findMany({ where: { userId: person.id }, orderBy: { createdAt: "asc" }, take: 1 });
    await db.session.update({ where: { id: idle?.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await call(getMe, "GET", "/me", { token })).status).toBe(401);
    expect((await db.session.findUniqueOrThrow({ where: { id: idle?.id } })).revokedAt).not.toBeNull();
    expect((await call(getMe, "GET", "/me", { token: fresh })).status).toBe(200);
  });

  it("with passwordExpiryDays set, an older password must be changed before anything else", async () => {
    const person = await createUser(db, {
      role: "VIEWER",
      username: `old-${uniqueSuffix()}`,
      passwordChangedAt: new Date(Date.now() - 100 * 86_400_000),
    });
    const token = await signInToken(person.username, DEMO_PASSWORD);
    expect((await call(listProblems, "GET", "/problems", { token })).status).toBe(200);
    const set = await call(patchSettings, "PATCH", "/settings", { token: admin.token, json: { passwordExpiryDays: 90 } });
    expect(set.status, set.text).toBe(200);
    try {
      expect(errorOf(await call(listProblems, "GET", "/problems", { token })).code).toBe("PASSWORD_CHANGE_REQUIRED");
      const ok = await call(changePassword, "POST", "/me/password", {
        token,
        json: { currentPassword: DEMO_PASSWORD, newPassword: "Xishan#Hill2026" },
      });
      expect(ok.status, ok.text).toBe(200);
      expect((await call(listProblems, "GET", "/problems", { token })).status).toBe(200);
    } finally {
      await call(patchSettings, "PATCH", "/settings", { token: admin.token, json: { passwordExpiryDays: 0 } });
    }
  });

  it("a stricter policy setting is applied to the next password", async () => {
    const person = await createUser(db, { role: "VIEWER", username: `strict-${uniqueSuffix()}` });
    const token = await signInToken(person.username, DEMO_PASSWORD);
    await call(patchSettings, "PATCH", "/settings", {
      token: admin.token,
      json: { passwordMinLength: 14, passwordMinClasses: 4 },
    });
    try {
      const r = await call(changePassword, "POST", "/me/password", {
        token,
        headers: zh,
        json: { currentPassword: DEMO_PASSWORD, newPassword: "Taihu2026Lake" },
      });
      expect(r.status).toBe(422);
      expect(errorOf(r).fields?.newPassword).toEqual([
        "密码至少 14 个字符",
        "密码须包含大写字母、小写字母、数字、符号中的至少 4 类",
      ]);
    } finally {
      await call(patchSettings, "PATCH", "/settings", {
        token: admin.token,
        json: { passwordMinLength: 8, passwordMinClasses: 3 },
      });
    }
  });
});

describe("audit export", () => {
  it("exports the filtered log as XLSX in words, and the export is itself audited", async () => {
    const { user } = await newAccount({ displayName: '=HYPERLINK("http://x")' });
    const r = await call(exportAudit, "GET", `/audit/export?entity=User:${user.id}`, { token: admin.token, headers: zh });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("spreadsheetml");
    expect((await call(exportAudit, "GET", "/audit/export", { token: others.coordinator.token })).status).toBe(403);
    const res = await exportAudit(
      new (await import("next/server")).NextRequest(`http://localhost/api/v1/audit/export?entity=User:${user.id}`, {
        headers: { authorization: `Bearer ${admin.token}`, "accept-language": "zh-CN" },
      }),
      { params: Promise.resolve({}) as Promise<never> },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const rows = (wb.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1)).toEqual(["时间（北京时间）", "操作人", "操作", "对象", "变更内容"]);
    expect(rows).toHaveLength(2);
    const cells = (rows[1] ?? []).slice(1).map(String);
    expect(cells[2]).toBe("新建");
    // The record is named by the account's name, not its id.
    expect(cells[3]).toContain("=HYPERLINK");
    expect(cells[3]).not.toContain(user.id);
    expect(await db.auditLog.count({ where: { entityType: "AuditLog", actorId: admin.user.id } })).toBeGreaterThanOrEqual(2);
  });
});

describe("first run", () => {
  it("setup is refused once anyone exists (409)", async () => {
    const r = await call(setup, "POST", "/setup", {
      headers: zh,
      json: { token: "whatever", username: "boss", displayName: "局管理员", password: "Rectify#2026x" },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r).message).toBe("系统已完成初始化，不能再次初始化");
  });
});
