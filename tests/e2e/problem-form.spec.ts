import { expect, ledgerProblemIds, login, PROBLEM_URL, signedInContext, test } from "./helpers";

test("the inspection office registers a problem; an empty title is refused field by field", async ({ page }) => {
  await login(page, "coordinator");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "新增问题" }).click();
  await page.waitForURL("**/problems/new");
  await expect(page.getByRole("heading", { name: "新增问题", level: 1 })).toBeVisible();

  const description = "群众来信反映：某企业夜间偷排废水，\n河面出现白色泡沫。\n（交办原文）";
  await page.getByLabel("问题描述").fill(description);
  await page.getByLabel("来源").selectOption({ label: "信访" });
  await page.getByLabel("问题类型").selectOption({ label: "水" });
  await page.getByLabel("属地").selectOption({ label: "江阴市" });
  await page.getByLabel("牵头责任单位").selectOption({ label: "水生态环境处" });
  await page.getByLabel("时限类别").selectOption({ label: "短期（1年内）" });
  await page.getByLabel("整改时限").fill("2027-06-30");
  await page
    .getByRole("group", { name: /配合单位/ })
    .getByLabel("无锡市江阴生态环境局")
    .check();

  await page.getByRole("button", { name: "登记问题" }).click();
  await expect(page.locator("#p-title-error")).toHaveText("必填");
  await expect(page.getByLabel("标题")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/problems\/new$/);
  // What was typed is still there after the refusal.
  await expect(page.getByLabel("问题描述")).toHaveValue(description);

  const title = `E2E 登记测试 ${Date.now()}`;
  await page.getByLabel("标题").fill(title);
  await page.getByRole("button", { name: "登记问题" }).click();
  await page.waitForURL(PROBLEM_URL);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByTestId("problem-description")).toHaveText(description);
  await expect(page.getByText("已登记").first()).toBeVisible();
  await expect(page.getByTestId("problem-history")).toContainText("登记了该问题");
});

test("two people edit the same problem: the second sees a conflict, keeps their input, and saves on the latest version", async ({
  browser,
}) => {
  const first = await signedInContext(browser, "coordinator");
  const second = await signedInContext(browser, "coordinator");
  await first.page.goto("/problems?status=ASSIGNED&sort=code");
  const [id] = await ledgerProblemIds(first.page);
  expect(id).toBeTruthy();

  const { version } = (await (await first.page.request.get(`/api/v1/problems/${id}`)).json()) as { version: number };
  await first.page.goto(`/problems/${id}/edit`);
  await second.page.goto(`/problems/${id}/edit`);
  await expect(first.page.getByLabel("标题")).not.toHaveValue("");
  await expect(second.page.getByLabel("标题")).not.toHaveValue("");

  const target = `第一位编辑的整改目标 ${Date.now()}`;
  await first.page.getByLabel("整改目标").fill(target);
  await first.page.getByRole("button", { name: "保存修改" }).click();
  await first.page.waitForURL(PROBLEM_URL);
  await expect(first.page.getByRole("region", { name: "整改要求与进展" })).toContainText(target);

  const title = `第二位编辑的标题 ${Date.now()}`;
  await second.page.getByLabel("标题").fill(title);
  await second.page.getByRole("button", { name: "保存修改" }).click();
  const panel = second.page.getByTestId("conflict-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { name: "该问题已被他人修改" })).toBeVisible();
  await expect(panel).toContainText("你的修改");
  await expect(panel).toContainText("最新内容");
  await expect(panel).toContainText(title);
  await expect(second.page.getByLabel("标题")).toHaveValue(title);
  await expect(second.page).toHaveURL(/\/edit$/);

  await panel.getByRole("button", { name: "基于最新版本重新保存" }).click();
  await second.page.waitForURL(PROBLEM_URL);
  await expect(second.page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  // The first person's change survives: only the second person's own field was sent.
  await expect(second.page.getByRole("region", { name: "整改要求与进展" })).toContainText(target);
  // Two saves on top of the version both started from.
  await expect(second.page.getByText(`第 ${version + 2} 版`).first()).toBeVisible();

  await first.context.close();
  await second.context.close();
});

test("a division head may change only their fields; the others are read-only", async ({ page }) => {
  await login(page, "division");
  await page.goto("/problems?status=RECTIFYING&sort=code");
  const ids = await page
    .getByTestId("ledger-row")
    .evaluateAll((rows) =>
      rows
        .filter((r) => r.querySelector("[data-testid=cell-lead-unit]")?.textContent?.trim() === "水生态环境处")
        .map((r) => r.querySelector("a")?.getAttribute("href") ?? ""),
    );
  expect(ids.length).toBeGreaterThan(0);
  await page.goto(`${ids[0]}/edit`);
  await expect(page.getByText("处室负责人可修改整改目标")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "标题" })).toHaveCount(0);
  const person = `责任人${Date.now() % 10000}`;
  await page.getByLabel("责任人", { exact: true }).fill(person);
  // A wrong location can be removed: both coordinates go together.
  await page.getByLabel("纬度").fill("");
  await page.getByLabel("经度").fill("");
  await page.getByRole("button", { name: "保存修改" }).click();
  await page.waitForURL(PROBLEM_URL);
  await expect(page.getByText(person).first()).toBeVisible();
  await expect(page.locator("dt", { hasText: "坐标" }).locator("xpath=following-sibling::dd")).toHaveText("—");
});
