import { expect, login, test } from "./helpers";

test("the leader confirms a penalty proposal on the dashboard; the table and the district's 惩戒 badge show it", async ({
  page,
}) => {
  await login(page, "leader");
  await page.goto("/dashboard?indicator=PM25");
  const panel = page.getByTestId("penalties");
  // The demo figures make 惠山区 (320206) worse than last year and the city: a proposal, not yet a decision.
  const district = panel.getByTestId("penalties-320206");
  await expect(district).toContainText("惠山区");
  const row = district.locator("tr", { has: page.getByRole("button", { name: "认定" }) }).first();
  await expect(row.getByTestId("penalty-status")).toHaveText("建议");
  const rowId = await row.getAttribute("data-testid");
  expect(rowId).toMatch(/^penalty-[0-9a-f-]{36}$/);

  // The figures behind it are one click away.
  await row.getByRole("button", { name: "查看明细" }).click();
  const details = page.locator(`#${(rowId as string).replace("penalty-", "penalty-details-")}`);
  await expect(details).toBeVisible();
  await expect(details).toContainText("触发");

  await row.getByRole("button", { name: "认定" }).click();
  // Every row holds its (closed) dialog; only the open one is in the accessibility tree.
  const dialog = page.getByRole("dialog", { name: /^认定惩戒/ });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("认定意见（选填）").fill("同意认定");
  await dialog.getByRole("button", { name: "认定" }).click();
  await expect(panel.getByRole("status")).toHaveText("已认定，惩戒决定已生成。");

  const decided = page.getByTestId(rowId as string);
  await expect(decided.getByTestId("penalty-status")).toHaveText("已认定");
  await expect(page.getByTestId("district-ranking").locator("tr", { hasText: "惠山区" }).getByTestId("penalty-badge")).toHaveText(
    "惩戒",
  );

  // The decision has its number, suspensions and fee notice on the penalties page.
  await page.goto("/penalties?districtCode=320206&status=CONFIRMED");
  const list = page.getByTestId("penalty-list");
  await list.getByRole("button", { name: "查看明细" }).first().click();
  await expect(list).toContainText(/锡环惩〔\d{4}〕\d+号/);
  await expect(list).toContainText("生态环境类表彰推荐");
  await expect(list.getByRole("link", { name: "下载缴款通知书" }).first()).toBeVisible();
});
