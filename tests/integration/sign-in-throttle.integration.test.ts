import { describe, expect, it } from "vitest";
import { POST as signIn } from "@/app/api/v1/session/route";
import { LOCK_SECONDS, MAX_FAILURES } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { createUser, DEMO_PASSWORD, uniqueSuffix } from "../factories";
import { call } from "../support/api";

function attempt(username: string, password: string, headers?: Record<string, string>) {
  return call(signIn, "POST", "/session", { json: { username, password }, headers });
}

describe("sign-in throttling", () => {
  it(`locks an account after ${MAX_FAILURES} failures: 429 with Retry-After, even for the right password`, async () => {
    const user = await createUser(db, { username: `locked-${uniqueSuffix()}` });
    for (let i = 0; i < MAX_FAILURES; i++) {
      const r = await attempt(user.username, `wrong-password-${i}`);
      expect(r.status, `attempt ${i + 1}`).toBe(401);
    }
    const next = await attempt(user.username, "wrong-password-again");
    expect(next.status).toBe(429);
    const retryAfter = Number(next.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOCK_SECONDS);
    expect(next.body).toMatchObject({ error: { code: "TOO_MANY_REQUESTS" } });

    const right = await attempt(user.username, DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("an unknown user and a wrong password get the same status and body", async () => {
    const user = await createUser(db, { username: `known-${uniqueSuffix()}` });
    const wrong = await attempt(user.username, "not-the-password");
    const unknown = await attempt(`nobody-${uniqueSuffix()}`, "not-the-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
  });

  it("unknown usernames are throttled like real ones, so the lock does not reveal which exist", async () => {
    const ghost = `ghost-${uniqueSuffix()}`;
    for (let i = 0; i < MAX_FAILURES; i++) expect((await attempt(ghost, "guess-1234")).status).toBe(401);
    expect((await attempt(ghost, "guess-1234")).status).toBe(429);
  });

  it("a lock on one account does not stop another", async () => {
    const victim = await createUser(db, { username: `victim-${uniqueSuffix()}` });
    const colleague = await createUser(db, { username: `colleague-${uniqueSuffix()}` });
    for (let i = 0; i < MAX_FAILURES; i++) await attempt(victim.username, "bad-guess-00");
    expect((await attempt(victim.username, DEMO_PASSWORD)).status).toBe(429);
    expect((await attempt(colleague.username, DEMO_PASSWORD)).status).toBe(201);
  });

  it("a success resets the count of failures", async () => {
    const user = await createUser(db, { username: `forgetful-${uniqueSuffix()}` });
    for (let i = 0; i < MAX_FAILURES - 1; i++) await attempt(user.username, "typo-typo-1");
    expect((await attempt(user.username, DEMO_PASSWORD)).status).toBe(201);
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await attempt(user.username, "typo-typo-2")).status).toBe(401);
    expect((await attempt(user.username, DEMO_PASSWORD)).status).toBe(201);
  });

  it("parallel guesses cannot slip past the limit", async () => {
    const user = await createUser(db, { username: `raced-${uniqueSuffix()}` });
    const results = await Promise.all(
      Array.from({ length: MAX_FAILURES + 5 }, (_, i) => attempt(user.username, `parallel-${i}`)),
    );
    expect(results.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect((await attempt(user.username, DEMO_PASSWORD)).status).toBe(429);
  });

  it("a successful sign-in answers 201 with a token and its expiry", async () => {
    const user = await createUser(db, { username: `fine-${uniqueSuffix()}` });
    const r = await attempt(user.username, DEMO_PASSWORD);
    expect(r.status).toBe(201);
    const body = r.body as { token: string; expiresAt: string };
    expect(body.token.length).toBeGreaterThanOrEqual(32);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    // Only the token's hash is stored, never the token itself.
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.tokenHash).not.toBe(body.token);
    expect(session.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
