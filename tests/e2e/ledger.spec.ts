import { expect, ledgerProblemIds, ledgerTotal, login, test } from "./helpers";

test.describe("ledger scope", () => {
  test("a bureau leader sees the whole ledger", async ({ page }) => {
    await login(page, "leader");
    await expect(page.getByRole("heading", { name: "问题台账", level: 1 })).toBeVisible();
    expect(await ledgerTotal(page)).toBeGreaterThanOrEqual(150);
    await expect(page.getByTestId("ledger-row")).toHaveCount(20);
    // Leaders do not register problems: no "新增问题" in the navigation.
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "新增问题" })).toHaveCount(0);
  });

  test("a division head sees only their division's problems (lead or co-operating)", async ({ page, browser }) => {
    const leader = await browser.newContext();
    const leaderPage = await leader.newPage();
    await login(leaderPage, "leader");
    const leaderTotal = await ledgerTotal(leaderPage);
    await leader.close();

    await login(page, "division");
    // Total and rows from one page load: other browser tests register problems meanwhile.
    await page.goto("/problems?pageSize=100");
    const total = await ledgerTotal(page);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(leaderTotal);
    const rows = page.getByTestId("ledger-row");
    await expect(rows).toHaveCount(total);
    const leadUnits = await page.getByTestId("cell-lead-unit").allInnerTexts();
    const ids = await ledgerProblemIds(page);
    const coOperating = ids.filter((_, i) => leadUnits[i]?.trim() !== "水生态环境处");
    expect(coOperating.length).toBeLessThan(total);
    // Where another unit leads, the division must be one of the co-operating units.
    for (const id of coOperating) {
      await page.goto(`/problems/${id}`);
      const coUnits = page.locator("dt", { hasText: "配合单位" }).locator("xpath=following-sibling::dd");
      await expect(coUnits).toContainText("水生态环境处");
    }
  });

  test("a Jiangyin field officer sees Jiangyin problems and no Yixing ones", async ({ page }) => {
    await login(page, "field-jiangyin");
    // Total and rows from one page load: other browser tests register problems meanwhile.
    await page.goto("/problems?pageSize=100");
    const total = await ledgerTotal(page);
    await expect(page.getByTestId("ledger-row")).toHaveCount(Math.min(total, 100));
    const districts = await page.getByTestId("cell-district").allInnerTexts();
    expect(districts).toContain("江阴市");
    expect(districts).not.toContain("宜兴市");
    await expect(page.getByTestId("ledger-table")).not.toContainText("宜兴");
  });
});

test.describe("ledger filters", () => {
  test("filters by district and status, kept in the URL across a reload", async ({ page }) => {
    await login(page, "leader");
    const all = await ledgerTotal(page);
    await page.getByLabel("属地").selectOption({ label: "江阴市" });
    await page.getByLabel("状态").selectOption({ label: "整改中" });
    await page.getByRole("button", { name: "查询" }).click();
    await page.waitForURL(/districtCode=320281/);
    expect(page.url()).toContain("status=RECTIFYING");

    const check = async () => {
      const total = await ledgerTotal(page);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThan(all);
      await expect(page.getByLabel("属地")).toHaveValue("320281");
      await expect(page.getByLabel("状态")).toHaveValue("RECTIFYING");
      for (const d of await page.getByTestId("cell-district").allInnerTexts()) expect(d).toBe("江阴市");
      for (const s of await page.getByTestId("cell-status").allInnerTexts()) expect(s).toBe("整改中");
      return total;
    };
    // Other browser tests move problems through the workflow meanwhile: compare what the filters
    // show (every row matches), not exact totals between two reads.
    const filtered = await check();
    await page.reload();
    await check();

    await page.getByRole("link", { name: "清除筛选" }).first().click();
    await page.waitForURL((url) => url.pathname === "/problems" && url.search === "");
    const cleared = await ledgerTotal(page);
    expect(cleared).toBeGreaterThanOrEqual(all);
    expect(cleared).toBeGreaterThan(filtered);
    await expect(page.getByLabel("属地")).toHaveValue("");
  });

  test("overdue problems carry a red day count; paging and page size stay in the URL", async ({ page }) => {
    await login(page, "leader");
    await page.goto("/problems?overdue=true&pageSize=50");
    const total = await ledgerTotal(page);
    expect(total).toBeGreaterThan(0);
    const badges = page.getByTestId("ledger-row").getByText(/^逾期 \d+ 天$/);
    await expect(badges.first()).toBeVisible();
    expect(await badges.count()).toBe(Math.min(total, 50));

    await page.goto("/problems?pageSize=50");
    await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" }).click();
    await page.waitForURL(/page=2/);
    expect(page.url()).toContain("pageSize=50");
    await expect(page.getByTestId("ledger-row")).toHaveCount(50);
  });

  test("an invalid URL parameter shows a message and a way back, not an error page", async ({ page }) => {
    await login(page, "leader");
    await page.goto("/problems?status=NOPE&pageSize=5000");
    await expect(page.getByRole("heading", { name: "筛选条件有误，无法查询" })).toBeVisible();
    await page.getByRole("link", { name: "查看全部问题" }).click();
    await page.waitForURL((url) => url.pathname === "/problems" && url.search === "");
    expect(await ledgerTotal(page)).toBeGreaterThanOrEqual(150);
  });
});
