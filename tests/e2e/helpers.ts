import { type Browser, type BrowserContext, test as base, expect, type Page } from "@playwright/test";

/**
 * The test function the specs use: it fails a test whose page threw or logged a console error
 * (a resource answered 4xx is an expected refusal: not found, wrong password, throttled).
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) errors.push(`console: ${m.text()}`);
      });
      await use(errors);
      expect(errors, "browser errors").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const DEMO_PASSWORD = "Rectify@2026";

/**
 * Signs in through the login form and waits for `landing` (by default the ledger; the login page
 * is opened with it as its callback, as a deep link would).
 */
export async function login(page: Page, username: string, landing = "/problems"): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(landing)}`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith(landing.split("?")[0] ?? landing));
}

/** A separate browser (own cookies) signed in as `username`, on `landing`. */
export async function signedInContext(
  browser: Browser,
  username: string,
  landing = "/problems",
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, username, landing);
  return { context, page };
}

/** The ledger's "共 N 条". */
export async function ledgerTotal(page: Page): Promise<number> {
  const total = page.getByTestId("ledger-total");
  await expect(total).toBeVisible();
  return Number(await total.getAttribute("data-total"));
}

/** Problem ids linked from the ledger rows on the current page, in order. */
export async function ledgerProblemIds(page: Page): Promise<string[]> {
  const hrefs = await page
    .getByTestId("ledger-row")
    .locator("td:first-child a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.split("/").pop() ?? "").filter(Boolean);
}

export const PROBLEM_URL = /\/problems\/[0-9a-f-]{36}$/;

/** Where the rectifying problems of the evidence tests are (the Jiangyin riverbank, WGS-84). */
export const SITE = { latitude: 31.9102, longitude: 120.2851 };

/**
 * A fresh problem in RECTIFYING, made through the API: the inspection office registers a Water
 * problem in `districtCode` at SITE (due in `dueInDays`), adds one measure, assigns it and
 * writes the plan; the lead official (`leader`) approves it, which starts the rectification.
 */
export async function rectifyingProblem(
  browser: Browser,
  { districtCode, title, dueInDays = 10 }: { districtCode: string; title: string; dueInDays?: number },
): Promise<{ id: string; code: string; version: number; measureId: string }> {
  const { context, page } = await signedInContext(browser, "coordinator");
  const read = async <T>(url: string): Promise<T> => {
    const r = await page.request.get(url);
    expect(r.status(), url).toBe(200);
    return (await r.json()) as T;
  };
  const units = await read<{ items: { id: string; code: string }[] }>("/api/v1/units");
  const leaders = await read<{ items: { id: string; username: string }[] }>("/api/v1/users?role=LEADER");
  const due = new Date(Date.now() + dueInDays * 86_400_000).toISOString().slice(0, 10);
  const created = await page.request.post("/api/v1/problems", {
    data: {
      title,
      description: "E2E：河岸堆放藻泥，雨后有渗滤液流入河道。（交办原文）",
      source: "PETITION",
      category: "WATER",
      districtCode,
      locationText: "澄江街道 东横河北岸",
      lat: SITE.latitude,
      lng: SITE.longitude,
      leadUnitId: units.items.find((u) => u.code === "DIV-WATER")?.id,
      leadOfficialId: leaders.items.find((u) => u.username === "leader")?.id,
      target: "清除岸边藻泥，渗滤液不再入河",
      deadlineBand: "SHORT",
      deadline: due,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  let problem = (await created.json()) as { id: string; code: string; version: number };
  const measure = await page.request.post(`/api/v1/problems/${problem.id}/measures`, {
    data: { description: "清运岸边藻泥并硬化堆场", milestone: due },
  });
  expect(measure.status(), await measure.text()).toBe(201);
  const measureId = ((await measure.json()) as { id: string }).id;
  problem = await read(`/api/v1/problems/${problem.id}`);
  const assigned = await page.request.post(`/api/v1/problems/${problem.id}/transitions`, {
    data: { action: "ASSIGN", version: problem.version },
  });
  expect(assigned.status(), await assigned.text()).toBe(200);
  const submitted = await page.request.post(`/api/v1/problems/${problem.id}/plans`, {
    data: { target: "清除岸边藻泥，渗滤液不再入河" },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const plan = (await submitted.json()) as { id: string; version: number };
  await context.close();

  const leader = await signedInContext(browser, "leader");
  const approved = await leader.page.request.post(`/api/v1/plans/${plan.id}/decision`, {
    data: { decision: "APPROVE", version: plan.version },
  });
  expect(approved.status(), await approved.text()).toBe(200);
  const now = (await (await leader.page.request.get(`/api/v1/problems/${problem.id}`)).json()) as {
    status: string;
    version: number;
  };
  expect(now.status).toBe("RECTIFYING");
  await leader.context.close();
  return { id: problem.id, code: problem.code, version: now.version, measureId };
}

/** A small JPEG made now (no binary in the repository); `shade` 0–255 makes different bytes. */
export async function jpegBytes(shade: number): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  return sharp({ create: { width: 96, height: 64, channels: 3, background: { r: shade, g: 120, b: 255 - shade } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}
