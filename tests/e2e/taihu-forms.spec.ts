import ExcelJS from "exceljs";
import { expect, login, test } from "./helpers";

/** Today in Beijing, as the board shows it. */
function beijingToday(): { iso: string; y: number; m: number; d: number } {
  const iso = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return { iso, y, m, d };
}

test("a coordinator adds a point, uploads a day's readings as XLSX with a real date cell, the board shows the day; then records an incident", async ({
  page,
}) => {
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const name = `梅梁湾浏览器测试点 ${code}`;
  await login(page, "coordinator", "/bottom-line/taihu/points");

  // Add the point; a wrong threshold order is refused on its field in Chinese, then corrected.
  await page.getByRole("button", { name: "添加点位" }).click();
  const dialog = page.getByTestId("point-dialog");
  await dialog.getByLabel("点位编号").fill(code);
  await dialog.getByLabel("点位名称").fill(name);
  await dialog.getByLabel("位置").fill("梅梁湾 · 闾江口");
  await dialog.getByLabel("藻密度预警阈值（万个/L）").fill("1000");
  await dialog.getByLabel("藻密度警报阈值（万个/L）").fill("500");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toContainText("警报阈值不能低于预警阈值");
  await dialog.getByLabel("藻密度警报阈值（万个/L）").fill("5000");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("taihu-points")).toContainText(code);
  await expect(page.getByTestId("taihu-points").locator("tr", { hasText: code })).toContainText("1000 / 5000");

  // A workbook whose date is a real Excel date cell (not text).
  const today = beijingToday();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("读数");
  sheet.addRow(["点位编号", "日期", "藻密度", "湖泛"]);
  const row = sheet.addRow([code, new Date(Date.UTC(today.y, today.m - 1, today.d)), 1200, "否"]);
  row.getCell(2).numFmt = "yyyy/m/d";
  const bytes = Buffer.from(await book.xlsx.writeBuffer());

  await page.goto("/bottom-line/taihu");
  await page.getByLabel("选择 CSV 或 XLSX 文件").setInputFiles({
    name: "readings.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: bytes,
  });
  await page.getByRole("button", { name: "检查文件" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("共 1 行");
  await expect(preview).toContainText(today.iso);
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-done")).toContainText("已导入 1 行");
  // 1200 is over the 1000 warning line: the board shows today's warning for the new point.
  const boardRow = page.getByTestId("taihu-today").locator("tr", { hasText: name });
  await expect(boardRow).toContainText("预警");

  // Record an incident with a level and a linked problem picked from a search.
  const title = `闾江口藻类异常聚集 ${code}`;
  await page.goto("/bottom-line/incidents");
  await page.locator("#incident-title").fill(title);
  await page.locator("#incident-level").selectOption({ label: "较大" });
  await page.locator("#incident-cause").fill("持续高温少风，藻类在闾江口聚集。");
  await page.locator("#incident-response").fill("启动应急预案，加密监测，打捞蓝藻。");
  await page.getByPlaceholder("查找问题（编号或标题）").fill("WX-");
  const matches = page.getByTestId("problem-matches");
  await expect(matches.getByRole("button", { name: "关联" }).first()).toBeVisible();
  await matches.getByRole("button", { name: "关联" }).first().click();
  await expect(page.getByTestId("linked-problems")).toContainText("WX-");
  await page.getByRole("button", { name: "登记", exact: true }).click();
  const item = page.getByTestId("incident-list").locator("li", { hasText: title });
  await expect(item).toContainText("较大");
  await expect(item).toContainText("关联问题");
});
