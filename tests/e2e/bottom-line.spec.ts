import { expect, login, signedInContext, test } from "./helpers";

const PHONE = { width: 375, height: 812 };
/** The demo sweep's target in 江阴 that the seed leaves unchecked. */
const TARGET = "江阴申港助剂有限公司（演示）";

test.describe.configure({ mode: "serial" });

test.describe("on a phone", () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test("a field officer checks a target and a FAIL becomes a ledger problem", async ({ page, browser }) => {
    await login(page, "field-jiangyin", "/bottom-line/sweeps");
    await page.getByTestId("sweep-link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("隐患排查");
    const target = page.getByTestId("sweep-target").filter({ hasText: TARGET });
    // Only the officer's own district is listed.
    await expect(page.getByTestId("sweep-target").filter({ hasText: "宜兴" })).toHaveCount(0);
    await target.getByTestId("sweep-check-link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TARGET);

    const items = page.getByTestId("check-item");
    const count = await items.count();
    expect(count).toBeGreaterThan(2);
    // Submitting with nothing answered is refused item by item, and nothing is recorded.
    await page.getByTestId("check-submit").click();
    await expect(items.nth(0).locator(".field-error")).toBeVisible();

    await items.nth(0).getByText("不合格", { exact: true }).click();
    await items.nth(0).getByTestId("hazard-level").selectOption("MAJOR");
    await items.nth(0).getByTestId("check-note").fill("应急池被杂物占用约三分之一");
    for (let i = 1; i < count; i++) await items.nth(i).getByText("合格", { exact: true }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId("check-submit").click();

    await page.waitForURL(/\/bottom-line\/sweeps\/[0-9a-f-]+$/);
    await expect(page.getByTestId("sweep-target").filter({ hasText: TARGET })).toContainText("发现隐患 1 个");
    const sweepUrl = new URL(page.url());
    const sweepId = sweepUrl.pathname.split("/").at(-1);

    // At the desk, the coordinator turns the hazard into a problem.
    const desk = await signedInContext(browser, "coordinator", `/bottom-line/sweeps?sweep=${sweepId}`);
    const row = desk.page.getByTestId("hazard-row").filter({ hasText: TARGET });
    await expect(row).toContainText("较大");
    await expect(row).toContainText("应急池被杂物占用约三分之一");
    await row.getByTestId("hazard-convert").click();
    const link = row.getByTestId("hazard-problem-link");
    await expect(link).toHaveText(/^WX-\d{4}-\d{4}$/);
    await link.click();
    await desk.page.waitForURL(/\/problems\/[0-9a-f-]+$/);
    await expect(desk.page.locator("main")).toContainText(TARGET);
    await expect(desk.page.locator("main")).toContainText("隐患排查");
    await desk.context.close();
  });
});

test("the hub's numbers lead to their rows", async ({ page }) => {
  await login(page, "leader", "/bottom-line");
  await expect(page.getByRole("link", { name: "隐患排查", exact: true })).toBeVisible();

  const major = page.getByTestId("bl-hazards-MAJOR");
  const majorCount = Number((await major.locator("span").first().textContent()) ?? "-1");
  await major.click();
  await page.waitForURL(/level=MAJOR/);
  await expect(page.getByTestId("hazard-row")).toHaveCount(majorCount);

  await page.goto("/bottom-line");
  const overdue = page.getByTestId("bl-hazards-overdue");
  const overdueCount = Number((await overdue.locator("span").first().textContent()) ?? "-1");
  expect(overdueCount).toBeGreaterThan(0);
  await overdue.click();
  await page.waitForURL(/overdue=true/);
  await expect(page.getByTestId("hazard-row")).toHaveCount(overdueCount);
  for (const badge of await page.getByTestId("colour-badge").all()) await expect(badge).toHaveAttribute("data-colour", "RED");

  await page.goto("/bottom-line");
  const notRechecked = page.getByTestId("bl-not-rechecked");
  const pending = Number((await notRechecked.locator("span").first().textContent()) ?? "-1");
  expect(pending).toBeGreaterThan(0);
  await notRechecked.click();
  await page.waitForURL(/notRechecked=true/);
  await expect(page.getByTestId("closed-row")).toHaveCount(pending);
  await expect(page.getByTestId("closed-row").first()).toContainText("今年待复查");

  await page.goto("/bottom-line");
  // The demo's four parks, and any a coordinator registered since: the figure says how many.
  const parksFigure = (await page.getByTestId("bl-parks").textContent()) ?? "";
  const parkCount = Number(/(\d+) 个园区/.exec(parksFigure)?.[1] ?? "-1");
  expect(parkCount).toBeGreaterThanOrEqual(4);
  await page.getByTestId("bl-parks").click();
  await page.waitForURL(/\/bottom-line\/parks$/);
  await expect(page.getByTestId("park-row")).toHaveCount(parkCount);

  // The same panel on the leaders' dashboard.
  await page.goto("/dashboard");
  await expect(page.getByTestId("bottom-line-panel")).toBeVisible();
  await page.getByTestId("bottom-line-panel").getByTestId("bl-not-rechecked").click();
  await page.waitForURL(/notRechecked=true/);
  await expect(page.getByTestId("closed-row")).toHaveCount(pending);
});
