import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as listProblems } from "@/app/api/v1/problems/route";
import { POST as signIn, DELETE as signOut } from "@/app/api/v1/session/route";
import { PATCH as patchUser } from "@/app/api/v1/users/[id]/route";
import { GET as listUsers } from "@/app/api/v1/users/route";
import { db } from "@/lib/db";
import { createUser, DEMO_PASSWORD, uniqueSuffix } from "../factories";
import { call, errorOf, signInToken } from "../support/api";
import { createPerson, type Person } from "../support/world";

let admin: Person;

beforeAll(async () => {
  admin = await createPerson("ADMIN");
});

const me = (token: string) => call(getMe, "GET", "/me", { token });

async function adminPatch(userId: string, changes: Record<string, unknown>) {
  const { version } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { version: true } });
  return call(patchUser, "PATCH", `/users/${userId}`, {
    token: admin.token,
    params: { id: userId },
    json: { ...changes, version },
  });
}

describe("sessions end on the server", () => {
  it("signing out revokes the token: replaying it gets 401", async () => {
    const user = await createUser(db, { role: "VIEWER", username: `leaving-${uniqueSuffix()}` });
    const token = await signInToken(user.username, DEMO_PASSWORD);
    expect((await me(token)).status).toBe(200);
    const out = await call(signOut, "DELETE", "/session", { token });
    expect(out.status).toBe(204);
    expect((await me(token)).status).toBe(401);
    expect((await call(listProblems, "GET", "/problems", { token })).status).toBe(401);
    expect((await call(signOut, "DELETE", "/session", { token })).status).toBe(401);
  });

  it("signing out of one token leaves the person's other sessions working", async () => {
    const user = await createUser(db, { role: "VIEWER", username: `two-devices-${uniqueSuffix()}` });
    const phone = await signInToken(user.username, DEMO_PASSWORD);
    const desk = await signInToken(user.username, DEMO_PASSWORD);
    await call(signOut, "DELETE", "/session", { token: phone });
    expect((await me(phone)).status).toBe(401);
    expect((await me(desk)).status).toBe(200);
  });

  it("deactivating a person ends every token they hold at once", async () => {
    const user = await createUser(db, { role: "FIELD_OFFICER", username: `retiring-${uniqueSuffix()}` });
    const tokens = [await signInToken(user.username, DEMO_PASSWORD), await signInToken(user.username, DEMO_PASSWORD)];
    const r = await adminPatch(user.id, { active: false });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ id: user.id, active: false });
    for (const token of tokens) expect((await me(token)).status).toBe(401);
  });

  it("a deactivated person cannot sign in, and is told exactly what a wrong password is told", async () => {
    const user = await createUser(db, { role: "VIEWER", username: `inactive-${uniqueSuffix()}` });
    await adminPatch(user.id, { active: false });
    const deactivated = await call(signIn, "POST", "/session", { json: { username: user.username, password: DEMO_PASSWORD } });
    const other = await createUser(db, { username: `active-${uniqueSuffix()}` });
    const wrongPassword = await call(signIn, "POST", "/session", { json: { username: other.username, password: "wrong-pass" } });
    expect(deactivated.status).toBe(401);
    expect(deactivated.body).toEqual(wrongPassword.body);
  });

  it("reactivating lets the person sign in again, with a new token", async () => {
    const user = await createUser(db, { role: "VIEWER", username: `back-${uniqueSuffix()}` });
    const old = await signInToken(user.username, DEMO_PASSWORD);
    await adminPatch(user.id, { active: false });
    await adminPatch(user.id, { active: true });
    expect((await me(old)).status).toBe(401);
    expect((await me(await signInToken(user.username, DEMO_PASSWORD))).status).toBe(200);
  });

  it("changing a person's role ends their sessions; a new sign-in carries the new role", async () => {
    const user = await createUser(db, { role: "LEADER", username: `demoted-${uniqueSuffix()}` });
    const token = await signInToken(user.username, DEMO_PASSWORD);
    const r = await adminPatch(user.id, { role: "VIEWER" });
    expect(r.status, r.text).toBe(200);
    expect((await me(token)).status).toBe(401);
    const fresh = await signInToken(user.username, DEMO_PASSWORD);
    expect((await me(fresh)).body).toMatchObject({ role: "VIEWER" });
  });

  it("changing only the language keeps the session", async () => {
    const user = await createUser(db, { role: "VIEWER", username: `bilingual-${uniqueSuffix()}` });
    const token = await signInToken(user.username, DEMO_PASSWORD);
    expect((await adminPatch(user.id, { locale: "en" })).status).toBe(200);
    expect((await me(token)).body).toMatchObject({ locale: "en" });
  });

  it("an administrator cannot deactivate or demote themselves", async () => {
    expect((await adminPatch(admin.user.id, { active: false })).status).toBe(403);
    expect((await adminPatch(admin.user.id, { role: "VIEWER" })).status).toBe(403);
    expect((await me(admin.token)).status).toBe(200);
  });

  it("a stale user version is refused (409) and revokes nothing", async () => {
    const user = await createUser(db, { role: "VIEWER", username: `contested-${uniqueSuffix()}` });
    const token = await signInToken(user.username, DEMO_PASSWORD);
    const r = await call(patchUser, "PATCH", `/users/${user.id}`, {
      token: admin.token,
      params: { id: user.id },
      json: { active: false, version: 5 },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r).current).toMatchObject({ id: user.id, active: true });
    expect((await me(token)).status).toBe(200);
  });

  it("non-administrators do not see deactivated accounts in the user list", async () => {
    const user = await createUser(db, { role: "LEADER", username: `gone-${uniqueSuffix()}`, active: false });
    const viewer = await createPerson("VIEWER");
    const asViewer = await call(listUsers, "GET", "/users?role=LEADER", { token: viewer.token });
    const asAdmin = await call(listUsers, "GET", "/users?role=LEADER", { token: admin.token });
    const ids = (r: typeof asViewer) => (r.body as { items: { id: string; role: string }[] }).items.map((u) => u.id);
    expect(ids(asViewer)).not.toContain(user.id);
    expect(ids(asAdmin)).toContain(user.id);
    expect((asViewer.body as { items: { role: string }[] }).items.every((u) => u.role === "LEADER")).toBe(true);
  });
});
