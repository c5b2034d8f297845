import { expect, login, test } from "./helpers";

const WUXI_AREAS = ["320205", "320206", "320211", "320213", "320214", "320281", "320282", "320299"];

test("the dashboard's battle map draws Wuxi's districts and 经开区; a click on a district opens the ledger filtered by it", async ({
  page,
}) => {
  await login(page, "leader", "/dashboard");
  const map = page.getByTestId("district-map");
  await expect(map).toHaveAttribute("data-ready", "true");
  // Seven divisions from the offline boundary file and the functional zone as a marked area.
  const areas = JSON.parse((await map.getAttribute("data-areas")) ?? "{}") as Record<string, [number, number]>;
  expect(Object.keys(areas).sort()).toEqual(WUXI_AREAS);
  await expect(map.locator("svg path").first()).toBeVisible();
  // The same figures as a table, each district a link.
  const table = page.getByTestId("map-table");
  await expect(table.locator("tbody tr")).toHaveCount(8);
  await expect(page.getByTestId("map-row-320299")).toContainText("经开区");
  await expect(page.getByTestId("battle-map")).toContainText("在滨湖区内以虚线框标出");
  const open = Number(await page.getByTestId("map-row-320281").locator("td").first().textContent());

  // Shading by the selected indicator's rank is one choice of the selector.
  await page.getByTestId("map-mode").selectOption("rank");
  await expect(map).toHaveAttribute("data-ready", "true");

  const box = await map.boundingBox();
  // West of 江阴's label, inside its boundary and away from the demo's points (which lie around its centre).
  const [x, y] = areas["320281"] ?? [0, 0];
  await page.mouse.click((box?.x ?? 0) + x - 55, (box?.y ?? 0) + y);
  await page.waitForURL(/\/problems\?.*districtCode=320281/);
  await expect(page.getByTestId("ledger-total")).toBeVisible();
  expect(Number(await page.getByTestId("ledger-total").getAttribute("data-total"))).toBeGreaterThanOrEqual(open);

  // Beside the ledger: the same map over the ledger's filters.
  await page.getByTestId("ledger-map-toggle").click();
  await expect(page.getByTestId("district-map")).toHaveAttribute("data-ready", "true");
  // Beside the ledger the table is folded under the map; it opens with the same figures.
  await page.getByText("表格（与地图数字相同）").click();
  await expect(page.getByTestId("map-row-320281")).toBeVisible();
});

test("an indicator file with a bad row is refused in Chinese with the row number, and nothing of it is written", async ({
  page,
}) => {
  await login(page, "coordinator", "/indicators/import");
  await expect(page.getByRole("link", { name: /下载模板/ })).toHaveAttribute("href", "/api/v1/indicators/import/template");
  await page.getByText(/指标代码（取值范围）/).click();
  await expect(page.getByTestId("valid-codes").getByText("GOOD_AIR_RATIO")).toBeVisible();

  const header = "unit_code,unit_name,period,cumulative,indicator,value";
  const good = "320281,江阴市,2001-01,false,PM25,41";
  const file = page.getByLabel("数据文件（CSV UTF-8 或 XLSX）");
  await file.setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${header}\n${good}\n320282,宜兴市,2001-13,false,PM25,40\n`),
  });
  await page.getByRole("button", { name: "检查文件" }).click();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("未导入任何数据");
  await expect(errors).toContainText("第 3 行");
  await expect(errors).toContainText("年月");
  await expect(errors).toContainText("应为 YYYY-MM 格式的年月");
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);

  // The good row alone is still new: the refused file wrote nothing.
  await file.setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\n${good}\n`) });
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("共 1 行，将新增 1 条、替换 0 条");
  await expect(page.getByTestId("import-preview")).toContainText("江阴市");
});
