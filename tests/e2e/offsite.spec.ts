import { demoCreditCode } from "../../prisma/seed/demo-credit-codes";
import { expect, login, signedInContext, test } from "./helpers";

/**
 * Off-site enforcement and source control in the browser: the coordinator imports a small
 * monitoring file, the exceedance it holds appears as a clue with its chart and is dismissed with
 * a reason; a field officer submits a project with a NOT_MET item and a division head's pass is
 * refused naming the item.
 */

test("a monitoring CSV raises a clue with its chart; the clue is dismissed with a reason", async ({ page }) => {
  const outlet = `E2E${Date.now().toString(36).slice(-5).toUpperCase()}`;
  // The first demo enterprise (锡山区, serial 1000) is in the register.
  const code = demoCreditCode("320205", 1000);
  const lines = ["credit_code,outlet_code,pollutant,time,value,limit,unit"];
  for (let h = 0; h < 12; h++) {
    const value = h >= 3 && h <= 8 ? 80 + h : 20 + h;
    lines.push(`${code},${outlet},COD,2026-06-01 ${String(h).padStart(2, "0")}:00,${value},50,mg/L`);
  }
  lines.push(`${code},${outlet},COD,2026-06-01 12:30,10,50,mg/L`);

  await login(page, "coordinator", "/enforcement/clues/import");
  await expect(page.getByRole("heading", { name: "导入在线监测数据" })).toBeVisible();
  await page.getByLabel("监测数据文件（CSV 或 XLSX）").setInputFiles({
    name: "monitoring.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(lines.join("\n"), "utf8"),
  });
  await page.getByRole("button", { name: "导入" }).click();
  await expect(page.getByTestId("import-done")).toContainText("新导入 12 条");
  await expect(page.getByTestId("import-done")).toContainText("新发现线索 1 条");
  await expect(page.getByRole("table")).toContainText("整点");

  const res = await page.request.get("/api/v1/clues?rule=EXCEEDANCE");
  const clues = (await res.json()) as { items: { id: string; outletCode: string }[] };
  const clue = clues.items.find((c) => c.outletCode === outlet);
  expect(clue).toBeTruthy();
  await page.goto(`/enforcement/clues/${clue?.id}`);
  await expect(page.getByTestId("clue-window")).toHaveText("2026-06-01 03:00 – 2026-06-01 08:00");
  await expect(page.getByTestId("clue-chart").locator("svg")).toBeVisible();

  await page.getByRole("button", { name: "排除线索" }).click();
  const dialog = page.getByTestId("dismiss-dialog");
  await dialog.getByLabel("其他").check();
  await dialog.getByRole("button", { name: "确认排除" }).click();
  await expect(dialog.getByText("选择“其他”时须填写说明")).toBeVisible();
  await dialog.getByLabel("仪器校准").check();
  await dialog.getByLabel("说明").fill("当日校准已报备");
  await dialog.getByRole("button", { name: "确认排除" }).click();
  await expect(page.getByTestId("clue-dismissed")).toContainText("已排除：仪器校准：当日校准已报备");
  await expect(page.getByText("排除线索").last()).toBeVisible();
});

test("a review that passes a project with a NOT_MET item is refused naming the item", async ({ page, browser }) => {
  const name = `E2E 涂装线技改项目 ${Date.now().toString(36)}`;
  await login(page, "field-jiangyin", "/enforcement/projects/new");
  await page.getByLabel("项目名称").fill(name);
  await page.getByLabel("环评文件类型").selectOption("REPORT_TABLE");
  await page.getByLabel("环评阶段").fill("报告编制");
  await page.getByRole("button", { name: "报送", exact: true }).click();
  await page.waitForURL(/\/enforcement\/projects\/[0-9a-f-]{36}$/);
  const projectUrl = page.url();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  for (const item of ["PROCESS", "EQUIPMENT", "CONDITIONS", "RECOVERY", "REUSE", "FACILITY_STANDARD", "FACILITY_EFFICIENCY"]) {
    await page.getByTestId(`check-${item}`).getByLabel("符合", { exact: true }).check();
  }
  await page.getByTestId("check-MATERIALS").getByLabel("不符合", { exact: true }).check();
  await page.getByTestId("check-MATERIALS").getByRole("textbox").fill("仍使用溶剂型涂料");
  await page.getByRole("button", { name: "保存清单" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();

  const { context, page: reviewer } = await signedInContext(browser, "division-air", new URL(projectUrl).pathname);
  await reviewer.getByLabel("审查通过").check();
  await reviewer.getByRole("button", { name: "审查通过" }).click();
  const alert = reviewer.getByTestId("action-error");
  await expect(alert).toContainText("最干净原料");
  await expect(alert).toContainText("不能审查通过");
  await reviewer.getByLabel("审查不通过").check();
  await reviewer.getByLabel("审查意见").fill("原料替代方案不足");
  await reviewer.getByRole("button", { name: "审查不通过" }).click();
  await expect(reviewer.getByText("原料替代方案不足")).toBeVisible();
  await context.close();
});
