import { expect, ledgerProblemIds, login, signedInContext, test } from "./helpers";

test("a field officer cannot register problems and gets 404 for a problem outside their district", async ({ page, browser }) => {
  const leader = await signedInContext(browser, "leader");
  await leader.page.goto("/problems?districtCode=320282");
  const [yixingId] = await ledgerProblemIds(leader.page);
  expect(yixingId).toBeTruthy();
  await leader.context.close();

  await login(page, "field-jiangyin");
  await expect(page.getByRole("link", { name: "新增问题" })).toHaveCount(0);
  await page.goto("/problems/new");
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await expect(page.getByLabel("标题")).toHaveCount(0);

  const response = await page.goto(`/problems/${yixingId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByRole("heading", { name: "问题不存在" })).toBeVisible();

  const edit = await page.goto(`/problems/${yixingId}/edit`);
  expect(edit?.status()).toBe(404);
});

test("a read-only viewer sees problems but no edit button", async ({ page }) => {
  await login(page, "viewer");
  const [id] = await ledgerProblemIds(page);
  await page.goto(`/problems/${id}`);
  await expect(page.getByTestId("problem-title")).toBeVisible();
  await expect(page.getByRole("link", { name: "编辑" })).toHaveCount(0);
  await page.goto(`/problems/${id}/edit`);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("after logout the ledger is gone: back button, revisit and the old cookie all lead to the login page", async ({
  page,
  context,
  browser,
}) => {
  await login(page, "viewer");
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL("**/login**");

  await page.goBack();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();

  await page.goto("/problems");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("用户名")).toBeVisible();

  // The session was ended on the server: replaying the old cookie does not sign anyone in.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/problems");
  await expect(replayPage).toHaveURL(/\/login/);
  await replay.close();
});

test("the login page refuses a wrong password and then goes to its callback URL", async ({ page }) => {
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/problems?status=CLOSED")}`);
  await page.getByLabel("用户名").fill("viewer");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.locator("#login-error")).toHaveText("用户名或密码错误");
  await expect(page.getByLabel("用户名")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("密码").fill("Rectify@2026");
  await page.getByLabel("密码").press("Enter");
  await page.waitForURL(/\/problems\?status=CLOSED$/);
  await expect(page.getByLabel("状态")).toHaveValue("CLOSED");
});

test("a callback URL pointing to another site is ignored after login: the home page opens", async ({ page }) => {
  await page.goto(`/login?callbackUrl=${encodeURIComponent("//example.com/problems")}`);
  await page.getByLabel("用户名").fill("viewer");
  await page.getByLabel("密码").fill("Rectify@2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/work");
  expect(new URL(page.url()).host).toBe(`127.0.0.1:${process.env.E2E_PORT || "3100"}`);
});

test("callback URLs hiding another site behind tabs, backslashes or encoded control characters land on this site", async ({
  browser,
}) => {
  const host = `127.0.0.1:${process.env.E2E_PORT || "3100"}`;
  // Each raw value goes into the query string as is (some already percent-encoded, as an attacker would send them).
  for (const raw of [
    "/%09/example.org",
    "//x",
    "/%5Cx",
    "%09//example.org",
    "/%5C/example.org",
    "/%00/example.org",
    "https://example.org/",
  ]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/login?callbackUrl=${raw}`);
    await page.getByLabel("用户名").fill("viewer");
    await page.getByLabel("密码").fill("Rectify@2026");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.waitForURL((url) => url.host === host && !url.pathname.startsWith("/login"));
    expect(new URL(page.url()).host, raw).toBe(host);
    await context.close();
  }
});

test("after ten failed attempts the login form says how many minutes to wait", async ({ page }) => {
  await page.goto("/login");
  const username = `ghost-${Date.now()}`;
  await page.getByLabel("用户名").fill(username);
  const error = page.locator("#login-error");
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel("密码").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(error).toHaveText("用户名或密码错误");
    await expect(page.getByRole("button", { name: "登录", exact: true })).toBeEnabled();
  }
  await page.getByLabel("密码").fill("Rectify@2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(error).toHaveText(/^登录失败次数过多，请 \d+ 分钟后再试$/);
  await expect(page).toHaveURL(/\/login/);
});

test("a deep link opened while signed out comes back after login", async ({ page, browser }) => {
  const leader = await signedInContext(browser, "leader");
  const [id] = await ledgerProblemIds(leader.page);
  await leader.context.close();

  await page.goto(`/problems/${id}`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("用户名").fill("viewer");
  await page.getByLabel("密码").fill("Rectify@2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL(`**/problems/${id}`);
  await expect(page.getByTestId("problem-title")).toBeVisible();
});

test("the browser session works for the API, but a cross-site write with that cookie is refused", async ({ page }) => {
  await login(page, "coordinator");
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).username).toBe("coordinator");

  const [id] = await ledgerProblemIds(page);
  const current = await (await page.request.get(`/api/v1/problems/${id}`)).json();
  for (const origin of ["https://evil.example", "null"]) {
    const r = await page.request.patch(`/api/v1/problems/${id}`, {
      headers: { origin, "content-type": "application/json" },
      data: { target: "被篡改的目标", version: current.version },
    });
    expect(r.status(), `Origin: ${origin}`).toBe(403);
  }
  const after = await (await page.request.get(`/api/v1/problems/${id}`)).json();
  expect(after.version).toBe(current.version);
  expect(after.target).toBe(current.target);
});

test("pages carry a nonce CSP and a Permissions-Policy, and the charts and translations still run under it", async ({ page }) => {
  const loginPage = await page.goto("/login");
  const csp = loginPage?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(loginPage?.headers()["permissions-policy"]).toContain("camera=(self)");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
  // Next puts the request's nonce on its own scripts (the property: browsers hide the attribute).
  const nonces = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(nonces.every((n) => n === nonce)).toBe(true);

  // A leader's dashboard: ECharts draws and next-intl translates with no CSP violation (the fixture fails on console errors).
  await login(page, "leader", "/dashboard");
  await page.goto("/dashboard?indicator=PM25");
  await expect(page.getByTestId("trend-chart").locator("svg")).toBeVisible();
});

test("TRACE and a cross-origin form post to a page answer 405 and 403, not 500", async ({ page }) => {
  const trace = await page.request.fetch("/problems", { method: "TRACE" });
  expect(trace.status()).toBe(405);
  const post = await page.request.post("/problems", {
    headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
    data: "title=x",
  });
  expect(post.status()).toBe(403);
  const plain = await page.request.post("/problems", { form: { title: "x" } });
  expect(plain.status()).toBe(405);
});

test("a made-up X-Forwarded-For does not reset the sign-in lock: the server counts the socket's address", async ({ page }) => {
  const username = `spoof-${Date.now()}`;
  for (let i = 0; i < 10; i++) {
    const r = await page.request.post("/api/v1/session", {
      headers: { "x-forwarded-for": `203.0.113.${i}`, "x-rectify-client-address": `198.51.100.${i}` },
      data: { username, password: `guess-${i}` },
    });
    expect(r.status(), `attempt ${i + 1}`).toBe(401);
  }
  const locked = await page.request.post("/api/v1/session", {
    headers: { "x-forwarded-for": "192.0.2.99", "x-rectify-client-address": "192.0.2.99" },
    data: { username, password: "Rectify@2026" },
  });
  expect(locked.status()).toBe(429);
});
