import { expect, jpegBytes, login, test } from "./helpers";

const PHONE = { width: 375, height: 812 };

test.describe("a field officer on a phone", () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test("records an inspection with a second officer and a photo taken with the camera", async ({ page }) => {
    await login(page, "field-jiangyin", "/enforcement/inspections/new");
    await expect(page.getByRole("heading", { name: "记录检查" })).toBeVisible();
    await page.getByLabel("输入名称筛选企业").fill("江阴");
    await page.getByLabel("企业", { exact: true }).selectOption({ index: 1 });
    const enterpriseId = await page.getByLabel("企业", { exact: true }).inputValue();
    await page.getByRole("checkbox", { name: /执法江阴1/ }).check();
    await page.getByLabel("检查情况").fill("废气收集罩破损一处，已当场责令修复。");
    await page.getByRole("radio", { name: "当场整改" }).check();
    const camera = page.locator("#f-photos");
    await expect(camera).toHaveAttribute("capture", "environment");
    await camera.setInputFiles({ name: "现场照片.jpg", mimeType: "image/jpeg", buffer: await jpegBytes(90) });
    await expect(page.getByText("已选 1 张")).toBeVisible();
    await expect(page.getByRole("img", { name: "现场照片.jpg" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole("button", { name: "保存检查" }).click();
    await page.waitForURL(new RegExp(`/enforcement/enterprises/${enterpriseId}\\?saved=1$`));
    const row = page.getByTestId("enterprise-inspection").filter({ hasText: "废气收集罩破损一处" });
    await expect(row).toContainText("当场整改");
    await expect(row.getByRole("img", { name: "现场照片.jpg" })).toBeVisible();
  });
});

test("a cross inspection with an inspector of the enterprise's own district is refused, the rule named", async ({ page }) => {
  await login(page, "coordinator", "/enforcement/inspections/new");
  await page.getByLabel("输入名称筛选企业").fill("江阴");
  await page.getByLabel("企业", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("执法方式").selectOption("CROSS");
  await page.getByLabel("牵头单位").selectOption({ label: "无锡市锡山生态环境局" });
  await page.getByRole("checkbox", { name: /执法江阴1/ }).check();
  await page.getByRole("checkbox", { name: /执法锡山1/ }).check();
  await page.getByLabel("检查情况").fill("交叉检查。");
  await page.getByRole("button", { name: "保存检查" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "交叉执法不得由企业所在地的执法人员参加" }).first()).toBeVisible();
  await expect(page).toHaveURL(/\/enforcement\/inspections\/new/);
});

test("the enforcement dashboard drills from a district's number to its inspections", async ({ page }) => {
  const year = new Date().getFullYear();
  await login(page, "leader", `/enforcement?from=${year}-01&to=${year}-12`);
  await expect(page.getByRole("heading", { name: "执法成效" })).toBeVisible();
  await expect(page.getByRole("img", { name: /柱状图/ })).toBeVisible();
  const link = page.getByTestId("drill-districtCode-320281");
  const shown = Number(await link.textContent());
  expect(shown).toBeGreaterThan(0);
  await link.click();
  await page.waitForURL(/\/enforcement\/inspections\?.*districtCode=320281/);
  await expect(page.getByTestId("inspection-total")).toHaveText(`共 ${shown} 条`);
  await expect(page.getByTestId("inspection-row").first()).toContainText("江阴市");
});
