import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, jpegBytes, login, signedInContext, test } from "./helpers";

type Problem = { id: string; code: string; status: string; version: number };
type Plan = { id: string; status: string; version: number };

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const r = await request.get(url);
  expect(r.status(), url).toBe(200);
  return (await r.json()) as T;
}

/**
 * As the inspection office: registers a problem of the Water division with the bureau head
 * (`leader`) as lead official and assigns it, so each test starts from its own fresh problem
 * whatever the demo data holds.
 */
async function assignedProblem(browser: Browser, districtCode: string, title: string): Promise<Problem> {
  const { context, page } = await signedInContext(browser, "coordinator");
  const units = await json<{ items: { id: string; code: string }[] }>(page.request, "/api/v1/units");
  const leaders = await json<{ items: { id: string; username: string }[] }>(page.request, "/api/v1/users?role=LEADER");
  const created = await page.request.post("/api/v1/problems", {
    data: {
      title,
      description: "E2E：群众反映河道漂浮物较多，岸边堆放藻泥。（交办原文）",
      source: "PETITION",
      category: "WATER",
      districtCode,
      leadUnitId: units.items.find((u) => u.code === "DIV-WATER")?.id,
      leadOfficialId: leaders.items.find((u) => u.username === "leader")?.id,
      deadlineBand: "SHORT",
      deadline: `${new Date().getFullYear() + 1}-06-30`,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const problem = (await created.json()) as Problem;
  const assigned = await page.request.post(`/api/v1/problems/${problem.id}/transitions`, {
    data: { action: "ASSIGN", version: problem.version },
  });
  expect(assigned.status(), await assigned.text()).toBe(200);
  const result = (await assigned.json()) as Problem;
  await context.close();
  return result;
}

const workflowCard = (page: Page) => page.getByRole("region", { name: "办理" });

test("a division head writes a plan, the lead official approves it from My work, the measures reach 100 % and the division applies for acceptance", async ({
  browser,
}) => {
  const problem = await assignedProblem(browser, "320211", `E2E 方案审批流程 ${Date.now()}`);
  const division = await signedInContext(browser, "division", "/work");

  // The division head's home lists the problem as waiting for a plan.
  await expect(division.page.getByTestId("work-plansToWrite")).toContainText(problem.code);
  await division.page.goto(`/problems/${problem.id}`);
  const page = division.page;
  await expect(workflowCard(page)).toContainText("已交办");

  // The plan's measures first: two, the second moved up to become the first.
  const measures = page.getByTestId("measure-item");
  for (const [description, milestone] of [
    ["清理淤积藻泥并建立日常打捞台账", `${new Date().getFullYear() + 1}-03-31`],
    ["排查沿岸排口并完成截污", `${new Date().getFullYear() + 1}-01-31`],
  ] as const) {
    await page.getByRole("button", { name: "+ 新增措施" }).click();
    const form = page.getByTestId("measure-add-form");
    await form.getByLabel("措施内容").fill(description);
    await form.getByLabel("节点时间").fill(milestone);
    await form.getByRole("button", { name: "添加措施" }).click();
    await expect(measures.last()).toContainText(description);
  }
  await expect(measures).toHaveCount(2);
  await page.getByRole("button", { name: "上移措施 2" }).click();
  await expect(measures.first()).toContainText("排查沿岸排口并完成截污");

  const target = `E2E 整改目标 ${Date.now()}`;
  const planForm = page.getByTestId("plan-submit-form");
  await planForm.getByLabel("整改目标").fill(target);
  await planForm.getByRole("button", { name: "提交整改方案" }).click();
  const current = page.getByTestId("plan-version").first();
  await expect(current).toHaveAttribute("data-status", "SUBMITTED");
  await expect(current).toContainText(target);
  await expect(page.getByText("方案已提交，等待挂钩领导审批。")).toBeVisible();
  // The division head cannot decide their own plan.
  await expect(page.getByRole("button", { name: "批准方案" })).toHaveCount(0);

  // The lead official is notified (the bell counts it; opening the notice reads it) and finds the plan in My work.
  const leader = await signedInContext(browser, "leader", "/notifications");
  const bell = leader.page.getByTestId("notification-bell");
  const unread = Number(await bell.getAttribute("data-unread"));
  expect(unread).toBeGreaterThan(0);
  const notice = leader.page.getByTestId("inbox-item").filter({ hasText: problem.code }).first();
  await expect(notice).toContainText("整改方案待审批");
  await notice.getByRole("button", { name: "查看" }).click();
  await leader.page.waitForURL(`**/problems/${problem.id}`);
  await expect(bell).toHaveAttribute("data-unread", String(unread - 1));
  await leader.page.goto("/work");
  const toApprove = leader.page.getByTestId("work-plansToApprove");
  await expect(toApprove).toContainText(problem.code);
  await toApprove.getByRole("link", { name: new RegExp(problem.code) }).click();
  await leader.page.waitForURL((url) => url.pathname === `/problems/${problem.id}` && url.hash === "#s-plan");
  await leader.page.getByRole("button", { name: "批准方案" }).click();
  const dialog = leader.page.getByTestId("plan-decision-dialog");
  await dialog.getByLabel("审批意见（可选）").fill("同意，按节点推进");
  await dialog.getByRole("button", { name: "确认批准" }).click();
  await expect(leader.page.getByTestId("plan-version").first()).toHaveAttribute("data-status", "APPROVED");
  await expect(workflowCard(leader.page)).toContainText("整改中");
  await expect(leader.page.getByTestId("transition-history")).toContainText("批准整改方案");
  await leader.context.close();

  // Back with the division head: every measure to 100 %, then apply for acceptance.
  await page.reload();
  await expect(workflowCard(page)).toContainText("整改中");
  // Not before every measure is done.
  await expect(page.getByRole("button", { name: "申请销号验收" })).toHaveCount(0);
  const first = measures.first();
  await first.getByRole("spinbutton").fill("100");
  await first.getByRole("button", { name: "保存进度" }).click();
  await expect(first.getByText("已完成", { exact: true })).toBeVisible();
  await expect(page.getByTestId("pace-meter")).toHaveAttribute("data-progress", "50");
  await measures.last().getByRole("button", { name: "将措施 2 标记完成" }).click();
  await expect(measures.last().getByText("已完成", { exact: true })).toBeVisible();
  await expect(page.getByTestId("pace-meter")).toHaveAttribute("data-progress", "100");

  // Measures done, closure materials not yet submitted: still no way to apply.
  await expect(page.getByRole("button", { name: "申请销号验收" })).toHaveCount(0);
  await expect(page.getByTestId("closure-checklist")).toContainText("缺失");
  const materials = [
    ["BEFORE_PHOTO", { name: "before.jpg", mimeType: "image/jpeg", buffer: await jpegBytes(20) }],
    ["AFTER_PHOTO", { name: "after.jpg", mimeType: "image/jpeg", buffer: await jpegBytes(220) }],
    // A scan of the monitoring report.
    ["MONITORING_REPORT", { name: "monitoring-scan.jpg", mimeType: "image/jpeg", buffer: await jpegBytes(120) }],
  ] as const;
  for (const [kind, file] of materials) {
    const uploaded = await page.request.post(`/api/v1/problems/${problem.id}/evidence`, { multipart: { kind, file } });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
  }
  await page.reload();
  await expect(page.getByTestId("closure-checklist")).toContainText("待审核");

  await workflowCard(page).getByRole("button", { name: "申请销号验收" }).click();
  const apply = page.getByTestId("workflow-dialog");
  await apply.getByLabel("说明（可选）").fill("全部措施已完成，申请验收");
  await apply.getByRole("button", { name: "确认申请销号验收" }).click();
  await expect(workflowCard(page)).toContainText("待验收");
  await expect(page.getByTestId("transition-history")).toContainText("申请销号验收");
  const after = await json<Problem>(page.request, `/api/v1/problems/${problem.id}`);
  expect(after.status).toBe("PENDING_ACCEPTANCE");
  // The measures are now the record under review: read-only.
  await expect(page.getByRole("button", { name: "保存进度" })).toHaveCount(0);
  await division.context.close();
});

test("a field officer cannot take the lead official's steps: no buttons, and the API refuses", async ({ browser, page }) => {
  // The inspection office writes a plan for an assigned problem in Jiangyin.
  const problem = await assignedProblem(browser, "320281", `E2E 越权测试 ${Date.now()}`);
  const coordinator = await signedInContext(browser, "coordinator");
  const submitted = await coordinator.page.request.post(`/api/v1/problems/${problem.id}/plans`, {
    data: { target: "由督察办代为提交的整改方案" },
  });
  expect(submitted.status()).toBe(201);
  const plan = (await submitted.json()) as Plan;
  await coordinator.context.close();

  await login(page, "field-jiangyin", `/problems/${problem.id}`);
  await expect(page.getByTestId("plan-version").first()).toHaveAttribute("data-status", "SUBMITTED");
  await expect(page.getByRole("button", { name: "批准方案" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "退回方案" })).toHaveCount(0);
  await expect(page.getByTestId("workflow-actions")).toHaveCount(0);
  await expect(page.getByTestId("workflow-none")).toBeVisible();

  const decision = await page.request.post(`/api/v1/plans/${plan.id}/decision`, {
    data: { decision: "APPROVE", version: plan.version },
  });
  expect(decision.status()).toBe(403);
  const transition = await page.request.post(`/api/v1/problems/${problem.id}/transitions`, {
    data: { action: "APPLY_ACCEPTANCE", version: problem.version },
  });
  expect(transition.status()).toBe(403);
  const plans = await json<{ items: Plan[] }>(page.request, `/api/v1/problems/${problem.id}/plans`);
  expect(plans.items[0]).toMatchObject({ id: plan.id, status: "SUBMITTED" });
});

test("two people record progress on the same measure: the second sees a conflict, keeps their number and saves it on the latest version", async ({
  browser,
}) => {
  const problem = await assignedProblem(browser, "320213", `E2E 并发进度 ${Date.now()}`);
  const first = await signedInContext(browser, "coordinator", `/problems/${problem.id}`);
  const added = await first.page.request.post(`/api/v1/problems/${problem.id}/measures`, {
    data: { description: "完成河道清淤", milestone: `${new Date().getFullYear() + 1}-05-31` },
  });
  expect(added.status(), await added.text()).toBe(201);
  const second = await signedInContext(browser, "division", `/problems/${problem.id}`);
  await first.page.reload();
  const mine = first.page.getByTestId("measure-item").first();
  const theirs = second.page.getByTestId("measure-item").first();

  await mine.getByRole("spinbutton").fill("30");
  await mine.getByRole("button", { name: "保存进度" }).click();
  await expect(first.page.getByTestId("pace-meter")).toHaveAttribute("data-progress", "30");

  await theirs.getByRole("spinbutton").fill("60");
  await theirs.getByRole("button", { name: "保存进度" }).click();
  const conflict = theirs.getByTestId("action-conflict");
  await expect(conflict).toContainText("该记录已被他人修改");
  await expect(theirs.getByRole("spinbutton")).toHaveValue("60");
  // The page shows the other person's 30 % behind the kept input.
  await expect(second.page.getByTestId("pace-meter")).toHaveAttribute("data-progress", "30");
  await conflict.getByRole("button", { name: "基于最新版本重试" }).click();
  await expect(second.page.getByTestId("pace-meter")).toHaveAttribute("data-progress", "60");
  await expect(theirs.getByTestId("action-conflict")).toHaveCount(0);
  await first.context.close();
  await second.context.close();
});

test("the division reports progress and asks for more time; the lead official approves and both deadlines stay visible", async ({
  browser,
}) => {
  const problem = await assignedProblem(browser, "320214", `E2E 延期申请 ${Date.now()}`);
  const year = new Date().getFullYear() + 1;
  const division = await signedInContext(browser, "division", `/problems/${problem.id}`);
  const page = division.page;

  await page.getByRole("button", { name: "报送进展" }).click();
  const report = page.getByTestId("report-form");
  await report.getByLabel("进展情况").fill("已完成现场排查，制定清淤方案。");
  await report.getByLabel("完成比例").fill("20");
  await report.getByRole("button", { name: "提交进展" }).click();
  await expect(page.getByTestId("report-list")).toContainText("已完成现场排查，制定清淤方案。");

  const extensions = page.getByRole("region", { name: "整改时限与延期" });
  await extensions.getByRole("button", { name: "申请延期" }).click();
  const request = page.getByTestId("extension-request-form");
  await request.getByLabel("申请延至").fill(`${year}-12-31`);
  await request.getByRole("button", { name: "提交延期申请" }).click();
  // The reason is required: the refusal names the field and keeps the date.
  await expect(request.locator("#x-reason-error")).toHaveText("必填");
  await expect(request.getByLabel("申请延至")).toHaveValue(`${year}-12-31`);
  await request.getByLabel("延期理由").fill("汛期无法施工");
  await request.getByRole("button", { name: "提交延期申请" }).click();
  await expect(extensions.getByTestId("extension-list").locator("li").first()).toHaveAttribute("data-status", "PENDING");
  await division.context.close();

  const leader = await signedInContext(browser, "leader", "/work");
  await expect(leader.page.getByTestId("work-extensionsToDecide")).toContainText(problem.code);
  await leader.page.goto(`/problems/${problem.id}`);
  await leader.page.getByRole("button", { name: "同意延期" }).click();
  await leader.page.getByTestId("extension-decision-dialog").getByRole("button", { name: "同意延期" }).click();
  const summary = leader.page.getByTestId("deadline-summary");
  await expect(summary).toContainText(`${year}-12-31`);
  await expect(summary).toContainText(`${year}-06-30`);
  await expect(summary).toContainText("已延期 1 次");
  await leader.context.close();
});

test("the timeline board draws the demo data: a row per problem, today's line, and a table of the same data", async ({
  page,
}) => {
  await login(page, "leader", "/timeline");
  const chart = page.getByTestId("timeline-chart");
  await expect(chart).toBeVisible();
  const rows = chart.getByTestId("timeline-row");
  expect(await rows.count()).toBeGreaterThan(20);
  await expect(chart.getByTestId("timeline-today")).toHaveCount(1);
  expect(await chart.getByTestId("timeline-measure").count()).toBeGreaterThan(20);

  // Filtered by district in the URL: only that district's rows, the same count in the table.
  await page.getByLabel("属地").selectOption({ label: "宜兴市" });
  await page.getByRole("button", { name: "筛选" }).click();
  await page.waitForURL(/districtCode=320282/);
  const filtered = await rows.count();
  expect(filtered).toBeGreaterThan(0);
  await page.getByTestId("timeline-table").locator("summary").click();
  await expect(page.getByTestId("timeline-table").locator("tbody tr")).toHaveCount(filtered);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test("My work, the timeline board and the problem's workflow fit the screen", async ({ page }) => {
    await login(page, "division", "/work");
    await expect(page.getByRole("heading", { name: "我的工作", level: 1 })).toBeVisible();
    await expect(page.getByTestId("notification-bell")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.goto("/timeline");
    await expect(page.getByTestId("timeline-chart")).toBeVisible();
    // The board scrolls inside its frame; the page itself does not.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.goto("/problems?status=RECTIFYING");
    await page.getByTestId("ledger-card").first().getByRole("link").click();
    await expect(page.getByRole("region", { name: "办理" })).toBeVisible();
    await expect(page.getByTestId("pace-meter")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
