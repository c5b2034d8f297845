import { expect, login, test } from "./helpers";

test("switches the interface to English and back; the choice follows the account", async ({ page, browser }) => {
  await login(page, "field-yixing");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Ledger", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByLabel("District")).toBeVisible();

  // A fresh browser (no locale cookie) gets the account's language after signing in, on a field office's home page.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/login");
  await otherPage.getByLabel("用户名").fill("field-yixing");
  await otherPage.getByLabel("密码").fill("Rectify@2026");
  await otherPage.getByRole("button", { name: "登录", exact: true }).click();
  await expect(otherPage.getByRole("heading", { name: "My problems", level: 1 })).toBeVisible();
  await expect(otherPage).toHaveURL(/\/field$/);
  await other.close();

  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "问题台账", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test("the ledger is a list of cards and the menu folds away", async ({ page }) => {
    await login(page, "field-liangxi");
    await expect(page.getByTestId("ledger-card").first()).toBeVisible();
    await expect(page.getByTestId("ledger-table")).toBeHidden();
    const logout = page.getByRole("button", { name: "退出登录" });
    await expect(logout).toBeHidden();
    await page.getByRole("button", { name: "菜单" }).click();
    await expect(logout).toBeVisible();

    await expect(page.getByLabel("属地")).toBeHidden();
    await page.getByRole("button", { name: "展开筛选" }).click();
    await expect(page.getByLabel("属地")).toBeVisible();

    await page.getByTestId("ledger-card").first().getByRole("link").click();
    await expect(page.getByTestId("problem-title")).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });
});
