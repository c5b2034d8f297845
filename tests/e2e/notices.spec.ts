import { expect, signedInContext, test } from "./helpers";

/**
 * The public notice page (公示): anyone, without an account, sees the problems in notice with
 * public information only, and may object; the inspection office sees the objection on the
 * problem page.
 */

test("a visitor without an account sees the problems in public notice, with public information only", async ({ page }) => {
  await page.goto("/notices");
  await expect(page).toHaveURL(/\/notices$/);
  await expect(page.getByRole("heading", { level: 1, name: "突出生态环境问题整改销号公示" })).toBeVisible();
  const notices = page.getByTestId("public-notice");
  expect(await notices.count()).toBeGreaterThanOrEqual(3);
  const first = notices.first();
  await expect(first.getByText(/^WX-\d{4}-\d{4}$/)).toBeVisible();
  await expect(first.getByText("公示期")).toBeVisible();
  await expect(first.getByRole("heading", { name: "整改措施", exact: true })).toBeVisible();
  await expect(first.getByRole("link", { name: "0510-81821234" })).toHaveAttribute("href", "tel:051081821234");
  // Nothing internal: no way into the app's records, no staff names or colour grades.
  await expect(page.locator('a[href^="/problems"]')).toHaveCount(0);
  const text = (await page.locator("main").textContent()) ?? "";
  for (const internal of ["挂钩领导", "责任人", "红色", "黄色", "佐证材料", "督察办主任"]) expect(text).not.toContain(internal);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Public notices of rectification" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "突出生态环境问题整改销号公示" })).toBeVisible();
});

test("a visitor objects: the form checks the fields, then confirms receipt", async ({ page, browser }) => {
  await page.goto("/notices");
  const notice = page.getByTestId("public-notice").last();
  const code = (await notice.getAttribute("data-code")) ?? "";
  await notice.getByText("提出异议").click();
  const form = notice.getByTestId("objection-form");
  await form.getByRole("button", { name: "提交异议" }).click();
  await expect(form.getByLabel("联系电话或邮箱")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("必填").first()).toBeVisible();

  await form.getByLabel("您的姓名（选填）").fill("E2E 市民");
  await form.getByLabel("联系电话或邮箱").fill("13800009999");
  await form.getByLabel("异议内容").fill("<b>E2E</b> 河边仍有异味，请再次核查。");
  await form.getByRole("button", { name: "提交异议" }).click();
  await expect(notice.getByTestId("objection-sent")).toContainText(code);

  // The inspection office finds it on the problem page, pending, with uphold / dismiss.
  const { context, page: office } = await signedInContext(browser, "coordinator");
  const list = await office.request.get(`/api/v1/problems?q=${encodeURIComponent(code)}&pageSize=5`);
  const items = ((await list.json()) as { items: { id: string; code: string }[] }).items;
  const problem = items.find((p) => p.code === code);
  expect(problem).toBeDefined();
  await office.goto(`/problems/${problem?.id}`);
  const panel = office.getByTestId("closure-panel");
  await expect(panel).toBeVisible();
  const objection = panel.getByTestId("objection").filter({ hasText: "河边仍有异味" });
  await expect(objection).toContainText("<b>E2E</b>");
  await expect(objection.getByRole("button", { name: "异议成立" })).toBeVisible();
  await expect(objection.getByRole("button", { name: "不予采纳" })).toBeVisible();
  await context.close();
});

test("on a phone the notice page fits the screen and the form is usable by keyboard", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto("/notices");
  await expect(page.getByTestId("public-notice").first()).toBeVisible();
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  const summary = page.getByTestId("public-notice").first().locator("summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("public-notice").first().getByLabel("异议内容")).toBeVisible();
  const opened = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(opened.scroll).toBeLessThanOrEqual(opened.client);
  expect(errors).toEqual([]);
  await context.close();
});
