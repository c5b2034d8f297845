import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, login, test } from "./helpers";

/** Spreadsheets and Word documents: the ledger leaves as Excel, an office ledger comes in, the briefing downloads. */

test("exporting the filtered ledger downloads an Excel file with its rows", async ({ page }) => {
  await login(page, "leader");
  await page.goto("/problems?districtCode=320281");
  const download = page.waitForEvent("download");
  await page.getByTestId("ledger-export-xlsx").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  expect(sheet?.getRow(1).getCell(2).value).toBe("问题编号");
  expect(sheet?.actualRowCount ?? 0).toBeGreaterThan(1);
  expect(String(sheet?.getRow(2).getCell(8).value)).toBe("江阴市");
});

test("the coordinator imports an office ledger: mapping shown, a bad row listed, then fixed and imported", async ({ page }) => {
  const code = `E2E-${randomUUID().slice(0, 8)}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "ledger-"));
  const write = async (unit: string) => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("台账");
    s.addRow(["江阴市生态环境问题整改台账"]);
    s.mergeCells("A1:F1");
    s.addRow(["问题编号", "问题内容", "属地", "责任单位", "完成时限", "整改措施"]);
    s.addRow([code, "浏览器测试导入的问题：河道漂浮物。", "江阴市", unit, "2027年6月底", "1、打捞漂浮物\n2、建立巡河制度"]);
    const file = path.join(dir, `${unit}.xlsx`);
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    return file;
  };
  await login(page, "coordinator");
  await page.goto("/problems");
  await page.getByTestId("ledger-import").click();
  await expect(page.getByRole("heading", { name: "导入台账", level: 1 })).toBeVisible();

  await page.getByTestId("import-file").setInputFiles(await write("不存在的处室"));
  await page.getByTestId("import-preview").click();
  await expect(page.getByTestId("import-errors")).toContainText("系统中没有名为“不存在的处室”的单位");
  await expect(page.getByTestId("import-errors")).toContainText("责任单位");
  await expect(page.getByTestId("mapping-1")).toHaveValue("description");
  await expect(page.getByTestId("import-commit")).toBeDisabled();

  await page.getByTestId("import-file").setInputFiles(await write("水生态环境处"));
  await page.getByTestId("import-preview").click();
  await expect(page.getByTestId("import-summary")).toContainText("新增 1");
  await page.getByTestId("import-commit").click();
  await expect(page.getByTestId("import-message")).toContainText("导入完成：新增 1");
  await page.goto(`/problems?q=${code}`);
  await expect(page.getByTestId("ledger-row")).toHaveCount(1);
});

test("the briefing button on the dashboard downloads the month's Word document", async ({ page }) => {
  await login(page, "leader", "/dashboard");
  await expect(page.getByTestId("briefing-download")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByTestId("briefing-link").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^briefing-\d{4}-\d{2}\.docx$|调度简报/);
  const bytes = readFileSync(await file.path());
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
});
