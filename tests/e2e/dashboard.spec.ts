import { expect, login, test } from "./helpers";

const CITIES = [
  "320100",
  "320200",
  "320300",
  "320400",
  "320500",
  "320600",
  "320700",
  "320800",
  "320900",
  "321000",
  "321100",
  "321200",
  "321300",
];

/** This month, which the demo data (published up to last month) does not have yet. */
function thisMonth(): { period: string; month: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(
    new Date(),
  );
  const [year, month] = parts.split("-");
  return { period: `${year}-${month}`, month: Number(month) };
}

test("the inspection office imports a month; the leader sees the city's rank, district badges and a penalty with its reason", async ({
  page,
  browser,
}) => {
  const { period, month } = thisMonth();
  await login(page, "coordinator");
  await page.goto("/indicators/import");

  // A bad file first: nothing is imported and the bad row is named.
  await page.getByLabel("数据文件（CSV UTF-8 或 XLSX）").setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`unit_code,unit_name,period,cumulative,indicator,value\n320200,无锡市,${period},true,PM25,abc\n`),
  });
  await page.getByRole("button", { name: "导入" }).click();
  await expect(page.getByTestId("import-errors")).toContainText("must be a number");
  await expect(page.getByTestId("import-errors")).toContainText("2");

  // Wuxi best in the province on PM2.5 this month (year to date), the province at 30.
  const rows = CITIES.map((c, i) => `${c},City ${c},${period},true,PM25,${c === "320200" ? 25 : 28 + (i % 6)}`);
  rows.push(`320000,江苏省,${period},true,PM25,30`);
  await page.getByLabel("数据文件（CSV UTF-8 或 XLSX）").setInputFiles({
    name: "pm25.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFFunit_code,unit_name,period,cumulative,indicator,value\n${rows.join("\n")}\n`),
  });
  await page.getByRole("button", { name: "导入" }).click();
  // New or replacing (a rerun against the same database replaces): 14 values either way.
  await expect(page.getByTestId("import-done")).toContainText(/导入完成：新增 (14 条，替换 0|0 条，替换 14) 条/);

  const leader = await browser.newContext();
  const lp = await leader.newPage();
  await login(lp, "leader");
  await lp.goto("/dashboard?indicator=PM25");
  await expect(lp.getByTestId("dashboard-period")).toContainText(`${month}月`);
  await expect(lp.getByTestId("city-rank-PM25")).toContainText("全省第 1 / 13");
  await expect(lp.getByTestId("standing-PM25")).toContainText("高于全省平均");
  await expect(lp.getByTestId("standing-PM25")).toContainText("前三");
  await expect(lp.getByTestId("trend-chart").locator("svg")).toBeVisible();

  // The demo district figures make 惠山区 worse than last year and the city: a penalty, explained.
  const penalties = lp.getByTestId("penalties");
  await expect(penalties).toContainText("惠山区");
  await expect(penalties).toContainText("PM2.5 同比上升且高于全市平均");
  await expect(lp.getByTestId("district-ranking").locator("tr", { hasText: "惠山区" })).toContainText("通报风险");

  // The problems the city may be named for are listed, each one click from its page.
  await expect(lp.getByTestId("at-risk").getByRole("link").first()).toBeVisible();

  // Every number leads to the rows behind it.
  await lp.getByTestId("district-ranking").locator("tr", { hasText: "惠山区" }).getByRole("link").click();
  await lp.waitForURL(/\/problems\?districtCode=320206/);
  await expect(lp.getByTestId("ledger-total")).toBeVisible();
  await leader.close();
});

test("a field officer cannot open the import page", async ({ page }) => {
  await login(page, "field-jiangyin");
  await page.goto("/indicators/import");
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await expect(page.getByLabel("数据文件（CSV UTF-8 或 XLSX）")).toHaveCount(0);
});
