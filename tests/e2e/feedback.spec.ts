import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, jpegBytes, login, signedInContext, test } from "./helpers";

/**
 * What a person sees after each kind of action: a short message that it worked (a polite live
 * region), the page staying where it was, and the navigation keeping to one line in English.
 */

type Problem = { id: string; code: string; version: number };

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const r = await request.get(url);
  expect(r.status(), url).toBe(200);
  return (await r.json()) as T;
}

/** A fresh problem of the Water division, assigned, with the bureau head `leader` as lead official. */
async function assignedProblem(browser: Browser, title: string): Promise<Problem> {
  const { context, page } = await signedInContext(browser, "coordinator");
  const units = await json<{ items: { id: string; code: string }[] }>(page.request, "/api/v1/units");
  const leaders = await json<{ items: { id: string; username: string }[] }>(page.request, "/api/v1/users?role=LEADER");
  const created = await page.request.post("/api/v1/problems", {
    data: {
      title,
      description: "E2E：河道两岸堆放藻泥，群众反映异味。（交办原文）",
      source: "PETITION",
      category: "WATER",
      districtCode: "320211",
      leadUnitId: units.items.find((u) => u.code === "DIV-WATER")?.id,
      leadOfficialId: leaders.items.find((u) => u.username === "leader")?.id,
      deadlineBand: "SHORT",
      deadline: `${new Date().getFullYear() + 1}-06-30`,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const problem = (await created.json()) as Problem;
  const assigned = await page.request.post(`/api/v1/problems/${problem.id}/transitions`, {
    data: { action: "ASSIGN", version: problem.version },
  });
  expect(assigned.status(), await assigned.text()).toBe(200);
  const result = (await assigned.json()) as Problem;
  await context.close();
  return result;
}

const toasts = (page: Page) => page.getByTestId("toasts");

test("the manifest, its icons and robots.txt are served without a session", async ({ request }) => {
  const manifest = await request.get("/manifest.webmanifest", { maxRedirects: 0 });
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: { src: string; purpose: string }[];
  };
  expect(body).toMatchObject({ name: "整改督办", start_url: "/field", display: "standalone" });
  expect(body.icons.map((i) => i.purpose)).toContain("maskable");
  for (const icon of body.icons) {
    const png = await request.get(icon.src, { maxRedirects: 0 });
    expect(png.status(), icon.src).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
  }
  const robots = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toContain("Disallow: /");
});

test("the root page links the manifest", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});

test("the English navigation fits on one line at 1280 px; its menus open and close from the keyboard", async ({ browser }) => {
  // A fresh coordinator (the role with the most entries), so switching the language touches no shared account.
  const admin = await signedInContext(browser, "admin", "/admin/users");
  const username = `nav${Date.now()}`;
  const created = await admin.page.request.post("/api/v1/users", {
    data: { username, displayName: "导航测试", role: "COORDINATOR" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
  await admin.context.close();

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(oneTimePassword);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL("**/account/password");
  const next = `Nav@${DEMO_PASSWORD}`;
  await page.getByLabel("当前密码").fill(oneTimePassword);
  await page.getByLabel("新密码", { exact: true }).fill(next);
  await page.getByLabel("再次输入新密码").fill(next);
  await page.getByRole("button", { name: "修改密码" }).click();
  await page.waitForURL("**/work");

  await page.getByRole("button", { name: "English" }).first().click();
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav).toBeVisible();
  await expect(nav.getByRole("link", { name: "New problem" })).toBeVisible();
  // One line: the bar is as tall as one row of links, and every entry sits on the same row.
  const header = await page.locator("header").first().boundingBox();
  expect(header?.height ?? 999).toBeLessThanOrEqual(64);
  const tops = await nav
    .locator(":scope > a, :scope > div > button")
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  // Nothing spills past the right edge.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

  // A grouped menu: the button says whether it is open; Escape closes it and focus returns to it.
  const manage = nav.getByRole("button", { name: "Manage" });
  await expect(manage).toHaveAttribute("aria-expanded", "false");
  await manage.focus();
  await page.keyboard.press("Enter");
  await expect(manage).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "My account" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(manage).toHaveAttribute("aria-expanded", "false");
  await expect(manage).toBeFocused();
  await nav.getByRole("button", { name: "Indicators" }).click();
  await nav.getByRole("link", { name: "Water sections" }).click();
  await page.waitForURL("**/sections");
  await context.close();
});

test("saving a problem says 已保存 on the page it lands on", async ({ browser }) => {
  const problem = await assignedProblem(browser, `E2E 提示测试 ${Date.now()}`);
  const { context, page } = await signedInContext(browser, "coordinator");
  await page.goto(`/problems/${problem.id}/edit`);
  await page.getByLabel("标题").fill(`E2E 提示测试（已改） ${Date.now()}`);
  await page.getByRole("button", { name: "保存修改" }).click();
  await page.waitForURL(`**/problems/${problem.id}`);
  await expect(toasts(page).getByText("已保存", { exact: true })).toBeVisible();
  await expect(toasts(page)).toHaveAttribute("aria-live", "polite");
  // The message can be dismissed from the keyboard.
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("toast")).toHaveCount(0);
  await context.close();
});

test("adding a measure, submitting a plan, approving it and uploading a photo each say so, and the page stays where it was", async ({
  browser,
}) => {
  const problem = await assignedProblem(browser, `E2E 提示流程 ${Date.now()}`);
  const division = await signedInContext(browser, "division", "/work");
  const page = division.page;
  await page.goto(`/problems/${problem.id}`);

  await page.getByRole("button", { name: "+ 新增措施" }).click();
  const form = page.getByTestId("measure-add-form");
  await form.getByLabel("措施内容").fill("清理岸边藻泥并建立打捞台账");
  await form.getByLabel("节点时间").fill(`${new Date().getFullYear() + 1}-03-31`);
  const add = form.getByRole("button", { name: "添加措施" });
  await add.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(0);
  await add.click();
  await expect(toasts(page).getByText("已保存", { exact: true })).toBeVisible();
  await expect(page.getByTestId("measure-item")).toHaveCount(1);
  // No jump to the top: the person is still at the measures.
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(200);

  const planForm = page.getByTestId("plan-submit-form");
  await planForm.getByLabel("整改目标").fill("两岸无藻泥堆放，水面无漂浮物");
  await planForm.getByRole("button", { name: "提交整改方案" }).click();
  await expect(toasts(page).getByText("已提交", { exact: true })).toBeVisible();

  const leader = await signedInContext(browser, "leader", `/problems/${problem.id}`);
  const approve = leader.page.getByRole("button", { name: "批准方案" });
  await approve.click();
  const dialog = leader.page.getByTestId("plan-decision-dialog");
  await dialog.getByRole("button", { name: "确认批准" }).click();
  await expect(toasts(leader.page).getByText("已批准", { exact: true })).toBeVisible();
  await expect(leader.page.getByTestId("plan-version").first()).toHaveAttribute("data-status", "APPROVED");
  await leader.context.close();

  await page.reload();
  await page.getByTestId("photo-input-BEFORE_PHOTO").setInputFiles({
    name: "before-feedback.jpg",
    mimeType: "image/jpeg",
    buffer: await jpegBytes(40),
  });
  await expect(page.getByTestId("upload-item").filter({ hasText: "before-feedback.jpg" })).toHaveAttribute("data-state", "DONE");
  await expect(toasts(page).getByText("已上传", { exact: true })).toBeVisible();
  await division.context.close();
});

test("an administrator's save says 已保存", async ({ page }) => {
  await login(page, "admin", "/admin/settings");
  // Saving the settings as they are changes nothing (the audit keeps only real changes) but still says so.
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(toasts(page).getByText("已保存", { exact: true })).toBeVisible();
});

test("the timeline keeps its month axis in view while the rows scroll, and zooms to a year", async ({ page }) => {
  await login(page, "coordinator", "/timeline");
  const frame = page.getByTestId("timeline-frame");
  await expect(frame).toHaveAttribute("data-zoom", "fit");
  const axis = page.getByTestId("timeline-axis");
  const before = await axis.boundingBox();
  await frame.evaluate((el) => {
    el.scrollTop = 400;
  });
  await expect.poll(async () => (await axis.boundingBox())?.y).toBe(before?.y);
  await page.getByTestId("timeline-zoom-year").click();
  await page.waitForURL(/zoom=year/);
  await expect(frame).toHaveAttribute("data-zoom", "year");
  await expect(page.getByTestId("timeline-zoom-year")).toHaveAttribute("aria-current", "true");
});
