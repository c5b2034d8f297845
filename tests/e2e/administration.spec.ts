import type { Browser, Page } from "@playwright/test";
import { expect, login, test } from "./helpers";

/**
 * Administration in the browser: the administrator opens an account and the new person, made to
 * choose a password at the first sign-in, lands on My work; the administrator resets a forgotten
 * password; a person changes their own password.
 */

async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

async function choosePassword(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel("当前密码").fill(current);
  await page.getByLabel("新密码", { exact: true }).fill(next);
  await page.getByLabel("再次输入新密码").fill(next);
  await page.getByRole("button", { name: "修改密码" }).click();
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("an administrator creates an account; the new person must choose a password and lands on My work", async ({
  page,
  browser,
}) => {
  const username = `e2e-${Date.now().toString(36)}`;
  await login(page, "admin", "/admin/users");
  await expect(page.getByRole("heading", { name: "账号管理" })).toBeVisible();
  const form = page.getByTestId("user-form-create");
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("钱新来");
  await form.getByLabel("角色").selectOption("COORDINATOR");
  await form.getByRole("button", { name: "创建账号" }).click();
  const otp = (await page.getByTestId("otp-value").textContent())?.trim() ?? "";
  expect(otp).toHaveLength(12);
  await expect(page.getByTestId("user-row").filter({ hasText: username })).toContainText("待改密码");

  const person = await freshPage(browser);
  await signInAs(person, username, otp);
  await person.waitForURL("**/account/password");
  await expect(person.getByRole("heading", { name: "请设置新密码" })).toBeVisible();
  // Any other page leads back to the password form until a new one is chosen.
  await person.goto("/problems");
  await person.waitForURL("**/account/password");

  await choosePassword(person, otp, "short");
  await expect(person.getByText("密码至少 8 个字符")).toBeVisible();
  await choosePassword(person, otp, `${username}-Lake1`);
  await expect(person.getByText("密码不能包含用户名")).toBeVisible();
  await choosePassword(person, otp, "Liangxi#River2026");
  await person.waitForURL("**/work");
  await expect(person.getByRole("heading", { name: "我的工作" })).toBeVisible();
  await expect(person.getByTestId("last-sign-in")).toContainText("这是你的首次登录");
  await person.context().close();
});

test("an administrator resets a forgotten password; a person changes their own", async ({ page, browser }) => {
  const username = `e2e-reset-${Date.now().toString(36)}`;
  await login(page, "admin", "/admin/users");
  const form = page.getByTestId("user-form-create");
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("孙忘记");
  await form.getByRole("button", { name: "创建账号" }).click();
  const first = (await page.getByTestId("otp-value").textContent())?.trim() ?? "";

  // The administrator opens the account and resets its password.
  await page.goto(`/admin/users?q=${username}`);
  await page.getByRole("link", { name: username }).click();
  await expect(page.getByRole("heading", { name: /编辑账号/ })).toBeVisible();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "重置密码" }).click();
  const second = (await page.getByTestId("otp-value").textContent())?.trim() ?? "";
  expect(second).toHaveLength(12);
  expect(second).not.toBe(first);

  const person = await freshPage(browser);
  await signInAs(person, username, first);
  await expect(person.getByText("用户名或密码错误")).toBeVisible();
  await signInAs(person, username, second);
  await person.waitForURL("**/account/password");
  await choosePassword(person, second, "Huishan@Hill2026");
  await person.waitForURL("**/work");

  // The person changes their own password on 我的账号: the current one is required.
  await person.goto("/account");
  await expect(person.getByRole("heading", { name: "我的账号" })).toBeVisible();
  await choosePassword(person, "not-my-password", "Binhu@Lake2027");
  await expect(person.getByText("当前密码不正确")).toBeVisible();
  await choosePassword(person, "Huishan@Hill2026", "Binhu@Lake2027");
  await expect(person.getByText("密码已修改")).toBeVisible();
  await expect(person.getByTestId("session-row").first()).toContainText("当前会话");
  await person.context().close();

  const again = await freshPage(browser);
  await signInAs(again, username, "Binhu@Lake2027");
  await again.waitForURL("**/work");
  await again.context().close();
});
