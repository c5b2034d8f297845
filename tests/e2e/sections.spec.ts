import { expect, login, test } from "./helpers";

/** This month (Asia/Shanghai), which the demo results (ending last month) do not have yet. */
function thisMonth(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(new Date());
}

test("the inspection office imports section results and sees the section's strip; the dashboard shows a district's annual target", async ({
  page,
}) => {
  const period = thisMonth();
  await login(page, "coordinator");
  await page.goto("/sections/import");
  const file = page.getByLabel("结果文件（CSV UTF-8 或 XLSX）");

  // A bad file: every bad row named in Chinese, nothing imported.
  await file.setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`section_code,period,class,key_pollutant\nDEMO-WX-01,${period},Ⅶ,\nNOPE,${period},Ⅲ,\n`),
  });
  await page.getByRole("button", { name: "检查文件" }).click();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("水质类别应为 Ⅰ–Ⅴ、I–V、1–5 或 劣Ⅴ/劣V/6");
  await expect(errors).toContainText("未登记的断面：NOPE");

  // A good file: previewed first, imported on confirmation (a rerun replaces the same month).
  await file.setInputFiles({
    name: "results.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFFsection_code,period,class,key_pollutant\nDEMO-WX-01,${period},III,总磷\n`),
  });
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("校验通过：共 1 行");
  await expect(page.getByTestId("import-preview")).toContainText("Ⅲ");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-done")).toContainText(/导入完成：新增 (1 条，替换 0|0 条，替换 1) 条/);

  await page.getByRole("link", { name: "查看断面" }).click();
  await page.waitForURL(/\/sections$/);
  const row = page.getByTestId("section-DEMO-WX-01");
  await expect(row).toContainText("沙渚（演示）");
  await expect(row).toContainText("Ⅲ · 达标");
  const strip = page.getByTestId("strip-DEMO-WX-01");
  await expect(strip.locator("span")).toHaveCount(24);
  await expect(strip.locator(`[data-period="${period}"]`)).toHaveAttribute("data-class", "Ⅲ");
  await expect(strip).toHaveAttribute("aria-label", new RegExp(`${period} Ⅲ`));

  // The district filter shows that district's sections only.
  await page.getByLabel("属地").selectOption({ label: "滨湖区" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("section-DEMO-WX-01")).toBeVisible();
  await expect(page.getByTestId("section-DEMO-WX-05")).toHaveCount(0);

  // The leaders' dashboard: the city against its annual PM2.5 target (the city has figures for the
  // dashboard's month whichever other test imported a month meanwhile).
  await page.goto("/dashboard");
  const target = page.getByTestId("target-320200-PM25");
  await expect(target).toContainText("无锡市");
  await expect(target).toContainText("≤ 35 μg/m³");
  await expect(target).toContainText(/目前达标|目前未达标|已确保完成|已无法完成|全年达标|全年未达标/);
});
