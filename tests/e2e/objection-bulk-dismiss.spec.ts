import { expect, signedInContext, test } from "./helpers";

/**
 * Spam during a public notice: a visitor floods a notice with objections; the coordinator filters
 * them by text, selects all shown, gives one reason, confirms, and all of them are dismissed in
 * one go — each shows who dismissed it and when, and none is left pending.
 */

type PublicNotice = { noticeId: string; code: string; daysLeft: number };

test("the coordinator dismisses a notice's spam objections in bulk, with one reason and a confirmation", async ({
  page,
  browser,
}) => {
  const notices = ((await (await page.request.get("/api/v1/public/notices")).json()) as { items: PublicNotice[] }).items;
  // A notice that stays open for the whole test (the closure walk ends the one whose period ends today).
  const notice = notices.find((n) => n.daysLeft > 1) ?? notices[0];
  expect(notice, "a demo notice in its period").toBeDefined();
  const { noticeId, code } = notice as PublicNotice;
  const stamp = `E2E刷屏${Date.now()}`;
  for (const n of [1, 2, 3]) {
    const r = await page.request.post(`/api/v1/public/notices/${noticeId}/objections`, {
      data: { contact: "13900000000", text: `${stamp} 第${n}条 重复内容` },
    });
    expect(r.status(), await r.text()).toBe(201);
  }

  const { context, page: office } = await signedInContext(browser, "coordinator");
  const found = await office.request.get(`/api/v1/problems?q=${encodeURIComponent(code)}&pageSize=5`);
  const problem = ((await found.json()) as { items: { id: string; code: string }[] }).items.find((p) => p.code === code);
  expect(problem).toBeDefined();
  await office.goto(`/problems/${problem?.id}`);

  const bulk = office.getByTestId("objection-bulk");
  await expect(bulk).toBeVisible();
  await bulk.getByLabel("内容包含").fill(stamp);
  const rows = bulk.getByTestId("objection-bulk-row");
  await expect(rows).toHaveCount(3);
  const dismiss = bulk.getByRole("button", { name: /批量不予采纳/ });
  await expect(dismiss).toBeDisabled();

  // Select all shown, by keyboard: space on the "select all" checkbox.
  await bulk.getByLabel("全选筛选结果").focus();
  await office.keyboard.press("Space");
  await expect(bulk.getByRole("checkbox", { checked: true })).toHaveCount(4);
  await expect(dismiss).toHaveText("批量不予采纳（3 条）");

  // Without a reason the server refuses it and says what is missing.
  await dismiss.click();
  const dialog = office.getByTestId("objection-bulk-confirm");
  await expect(dialog).toContainText("3 条");
  await dialog.getByRole("button", { name: "确认不予采纳" }).click();
  await expect(bulk.getByText("必填", { exact: true })).toBeVisible();

  await bulk.getByLabel("处理意见（必填）").fill("同一来源短时间内重复提交无实质内容，按刷屏处理");
  await dismiss.click();
  await dialog.getByRole("button", { name: "确认不予采纳" }).click();
  await expect(office.getByTestId("toast").filter({ hasText: "已将 3 条异议标为不予采纳" })).toBeVisible();

  // Each objection now reads: dismissed (异议不成立), by whom, when (Shanghai time), why.
  const handled = office.getByTestId("objection").filter({ hasText: stamp });
  await expect(handled).toHaveCount(3);
  for (const i of [0, 1, 2]) {
    const one = handled.nth(i);
    await expect(one).toContainText("异议不成立");
    await expect(one.getByRole("button")).toHaveCount(0);
    await expect(one).toContainText(/于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 处理：同一来源短时间内重复提交无实质内容/);
  }
  await bulk.getByLabel("内容包含").fill(stamp);
  await expect(bulk.getByTestId("objection-bulk-row")).toHaveCount(0);
  await context.close();
});
