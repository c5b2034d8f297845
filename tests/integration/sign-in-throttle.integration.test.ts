import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as signIn } from "@/app/api/v1/session/route";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/request-meta";
import { loginLimits, unlockAccount } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { createUser, DEMO_PASSWORD, uniqueSuffix } from "../factories";
import { call } from "../support/api";

// The documented defaults, pinned here rather than read from the code under test.
const MAX_FAILURES = 10;
const LOCK_SECONDS = 900;

function attempt(username: string, password: string, headers?: Record<string, string>) {
  return call(signIn, "POST", "/session", { json: { username, password }, headers });
}

const LIMIT_ENV = [
  "LOGIN_MAX_FAILURES",
  "LOGIN_LOCK_SECONDS",
  "LOGIN_ACCOUNT_SLOW_AFTER",
  "LOGIN_ACCOUNT_MAX_FAILURES",
  "LOGIN_SLOW_STEP_MS",
  "LOGIN_SLOW_MAX_MS",
];

describe("sign-in throttling", () => {
  it("the defaults are the documented ones", () => {
    for (const k of LIMIT_ENV) expect(process.env[k], k).toBeUndefined();
    expect(loginLimits()).toMatchObject({ maxFailures: MAX_FAILURES, lockSeconds: LOCK_SECONDS, accountMaxFailures: 50 });
  });

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

  it("parallel guesses cannot slip past the limit: at most the limit are checked", async () => {
    const user = await createUser(db, { username: `raced-${uniqueSuffix()}` });
    const results = await Promise.all(
      Array.from({ length: MAX_FAILURES + 5 }, (_, i) => attempt(user.username, `parallel-${i}`)),
    );
    expect(results.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(results.filter((r) => r.status === 401).length).toBeLessThanOrEqual(MAX_FAILURES);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(5);
    expect((await attempt(user.username, DEMO_PASSWORD)).status).toBe(429);
  });

  it("a made-up X-Forwarded-For neither gives a fresh address nor unlocks an account", async () => {
    const user = await createUser(db, { username: `spoofed-${uniqueSuffix()}` });
    for (let i = 0; i < MAX_FAILURES; i++) {
      const r = await attempt(user.username, `guess-${i}`, { "x-forwarded-for": `203.0.113.${i}` });
      expect(r.status, `attempt ${i + 1}`).toBe(401);
    }
    const again = await attempt(user.username, DEMO_PASSWORD, { "x-forwarded-for": "198.51.100.77" });
    expect(again.status).toBe(429);
  });

  it("unlockAccount (by id or username) clears the lock at once", async () => {
    const user = await createUser(db, { username: `unlock-${uniqueSuffix()}` });
    for (let i = 0; i <= MAX_FAILURES; i++) await attempt(user.username, `guess-${i}`);
    expect((await attempt(user.username, DEMO_PASSWORD)).status).toBe(429);
    expect(await unlockAccount(user.id)).toBeGreaterThan(0);
    expect((await attempt(user.username, DEMO_PASSWORD)).status).toBe(201);
    for (let i = 0; i <= MAX_FAILURES; i++) await attempt(user.username, `guess-${i}`);
    expect((await attempt(user.username, DEMO_PASSWORD)).status).toBe(429);
    await unlockAccount(user.username);
    expect((await attempt(user.username, DEMO_PASSWORD)).status).toBe(201);
  });

  it("a sign-in body over 8 KB is refused with 413 before it is parsed", async () => {
    const r = await call(signIn, "POST", "/session", { raw: JSON.stringify({ username: "x", password: "y".repeat(9000) }) });
    expect(r.status).toBe(413);
    const chunked = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode(" ".repeat(1024)));
        c.close();
      },
    });
    const { NextRequest } = await import("next/server");
    const req = new NextRequest("http://localhost/api/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: chunked,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const res = await (signIn as (r: typeof req, c: { params: Promise<never> }) => Promise<Response>)(req, {
      params: Promise.resolve({}) as Promise<never>,
    });
    expect(res.status).toBe(413);
  });
});

describe("sign-in throttling per account over all addresses", () => {
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    for (const k of LIMIT_ENV) saved[k] = process.env[k];
    Object.assign(process.env, {
      LOGIN_MAX_FAILURES: "3",
      LOGIN_ACCOUNT_SLOW_AFTER: "4",
      LOGIN_ACCOUNT_MAX_FAILURES: "8",
      LOGIN_SLOW_STEP_MS: "150",
      LOGIN_SLOW_MAX_MS: "400",
    });
  });
  afterEach(() => {
    for (const k of LIMIT_ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  const from = (address: string) => ({ [CLIENT_ADDRESS_HEADER]: address });

  it("rotating addresses is slowed, then the account is locked whatever the address", async () => {
    const user = await createUser(db, { username: `rotated-${uniqueSuffix()}` });
    const took: number[] = [];
    for (let i = 0; i < 8; i++) {
      const started = performance.now();
      const r = await attempt(user.username, `guess-${i}`, from(`192.0.2.${i + 1}`));
      took.push(performance.now() - started);
      expect(r.status, `attempt ${i + 1}`).toBe(401);
    }
    // Attempts 6, 7, 8 wait 150, 300, 400 (capped) ms before they are checked.
    expect(took[5]).toBeGreaterThanOrEqual(140);
    expect(took[7]).toBeGreaterThanOrEqual(390);
    const fresh = await attempt(user.username, DEMO_PASSWORD, from("192.0.2.200"));
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("one address locks after its own limit while the account still signs in from another", async () => {
    const user = await createUser(db, { username: `pair-${uniqueSuffix()}` });
    for (let i = 0; i < 3; i++) expect((await attempt(user.username, `g-${i}`, from("192.0.2.10"))).status).toBe(401);
    expect((await attempt(user.username, DEMO_PASSWORD, from("192.0.2.10"))).status).toBe(429);
    expect((await attempt(user.username, DEMO_PASSWORD, from("192.0.2.11"))).status).toBe(201);
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
