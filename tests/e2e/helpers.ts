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
