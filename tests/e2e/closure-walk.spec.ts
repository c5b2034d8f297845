import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expect, login, signedInContext, test } from "./helpers";

/**
 * The closure half of the workflow in the browser, on the demo data: evidence review, acceptance,
 * public notice with a citizen's objection, the end of the notice, the lead official's sign-off
 * and the look-back that reopens a closed problem. Two problems, because a notice period cannot be
 * shortened: one waiting for acceptance walks to the notice and back, the one whose notice ends
 * today walks to 已销号 and back to 整改中.
 */

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

type Problem = { id: string; code: string; status: string; version: number; leadOfficialId: string | null };
type PublicNotice = { noticeId: string; code: string; daysLeft: number };

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const r = await request.get(url);
  expect(r.status(), url).toBe(200);
  return (await r.json()) as T;
}

/** Browser errors of a page the fixture does not watch (the fixture watches `page` only). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** A visitor without an account, on a phone. */
async function visitorOnPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const w = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(w.scroll).toBeLessThanOrEqual(w.client);
}

const workflowCard = (page: Page) => page.getByRole("region", { name: "办理" });
const closurePanel = (page: Page) => page.getByTestId("closure-panel");

/** The problem's status as the page shows it (the 办理 card) and as the API has it. */
async function expectStatus(page: Page, id: string, label: string, status: string): Promise<void> {
  // The status badge itself (the grade badge of a closed problem also reads "蓝色（已销号）").
  await expect(workflowCard(page).getByText(label, { exact: true }).first()).toBeVisible();
  expect((await json<Problem>(page.request, `/api/v1/problems/${id}`)).status).toBe(status);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test("a problem waiting for acceptance: evidence accepted, acceptance passed, a citizen objects on a phone, the objection is upheld, re-acceptance fails", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await login(page, "coordinator", "/work");

  // A: the first problem waiting for acceptance whose closure materials are all in, awaiting review.
  const waiting = await json<{ items: Problem[] }>(
    page.request,
    "/api/v1/problems?status=PENDING_ACCEPTANCE&sort=code&pageSize=50",
  );
  let a: Problem | undefined;
  for (const p of waiting.items) {
    const checklist = await json<{ items: { state: string }[]; complete: boolean; accepted: boolean }>(
      page.request,
      `/api/v1/problems/${p.id}/closure-checklist`,
    );
    if (checklist.complete && !checklist.accepted && checklist.items.some((i) => i.state === "SUBMITTED")) {
      a = p;
      break;
    }
  }
  if (!a) throw new Error("no problem pending acceptance with its closure materials awaiting review");
  const problem = a;

  // It is listed in the coordinator's work as waiting for acceptance.
  await expect(page.getByTestId("work-pendingAcceptance")).toBeVisible();
  await page.goto(`/problems/${problem.id}`);
  await expectStatus(page, problem.id, "待验收", "PENDING_ACCEPTANCE");
  const checklist = closurePanel(page).getByTestId("closure-checklist");
  await expect(checklist).toContainText("所需材料均已提交，部分待审核。");
  await expect(checklist.locator('li[data-state="SUBMITTED"]').first()).toBeVisible();

  // Refused: passing while materials await review (the choice is disabled and says why).
  const form = page.getByTestId("acceptance-form");
  await expect(form.getByRole("radio", { name: "通过", exact: true })).toBeDisabled();
  await expect(form.getByText("所需材料须全部审核通过才能验收通过")).toBeVisible();

  // The coordinator accepts every pending evidence item on the problem page.
  const evidence = page.getByTestId("evidence-panel");
  const accept = evidence.getByTestId("evidence-accept");
  await expect(accept.first()).toBeVisible();
  for (let left = await accept.count(); left > 0; left--) {
    await accept.first().click();
    await expect(accept).toHaveCount(left - 1);
  }
  await expect(evidence.locator('[data-testid="evidence-item"][data-status="PENDING"]')).toHaveCount(0);
  await expect(evidence.locator('[data-testid="evidence-item"][data-status="ACCEPTED"]').first()).toBeVisible();
  await expect(checklist).toContainText("所需材料均已审核通过。");
  await expect(checklist.locator("li:not([data-state='ACCEPTED'])")).toHaveCount(0);

  // Acceptance passed: date, on-site check, opinion, signers, and the notice (ending tomorrow, not
  // to take the place of the notices other tests object to).
  const pass = form.getByRole("radio", { name: "通过", exact: true });
  await expect(pass).toBeEnabled();
  await pass.check();
  const today = await form.getByLabel("验收日期").inputValue();
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(form.getByLabel("现场核查")).toBeChecked();
  const opinion = `E2E 现场核查整改到位，同意通过验收 ${Date.now()}`;
  await form.getByLabel("验收意见").fill(opinion);
  await form.getByLabel("签字人员").fill("王验收、李核查");
  await expect(form.getByLabel("公示开始")).toHaveValue(today);
  await form.getByLabel("公示结束").fill(nextDay(today));
  await form.getByLabel("监督电话").fill("0510-81821234");
  const summary = `E2E 整改已完成：现场垃圾清运完毕，周边环境恢复 ${Date.now()}`;
  await form.getByLabel("向社会公示的整改情况").fill(summary);
  await form.getByRole("button", { name: "验收通过并开始公示" }).click();
  await expectStatus(page, problem.id, "公示中", "PUBLIC_NOTICE");
  const notice = closurePanel(page).getByTestId("closure-notice");
  await expect(notice).toContainText(`${today} 至 ${nextDay(today)}`);
  await expect(notice).toContainText("1 天");
  await expect(notice).toContainText(summary);
  await expect(closurePanel(page).getByTestId("closure-history")).toContainText(opinion);
  await expect(page.getByTestId("transition-history")).toContainText("验收通过");

  // Refused: ending the notice while its period runs (not offered; the API says until when).
  await expect(notice.getByTestId("end-notice")).toHaveCount(0);
  await expect(notice).toContainText(`自 ${nextDay(today)} 起、且无待处理异议时可结束公示。`);
  const current = await json<Problem>(page.request, `/api/v1/problems/${problem.id}`);
  const early = await page.request.post(`/api/v1/problems/${problem.id}/notice/end`, {
    data: { version: current.version },
    headers: { "accept-language": "zh-CN" },
  });
  expect(early.status()).toBe(422);
  expect(await early.text()).toContain(`公示期至 ${nextDay(today)}`);

  // A visitor, without an account and on a phone, finds A on the public page and objects.
  const visitor = await visitorOnPhone(browser);
  await visitor.page.goto("/notices");
  const listed = visitor.page.locator(`[data-testid="public-notice"][data-code="${problem.code}"]`);
  await expect(listed).toBeVisible();
  await expect(listed).toContainText(summary);
  await expect(listed).toContainText("剩余 1 天");
  await noHorizontalScroll(visitor.page);
  await listed.getByText("提出异议").click();
  const objectionForm = listed.getByTestId("objection-form");
  await objectionForm.getByLabel("联系电话或邮箱").fill("13800001111");
  const objectionText = `E2E 雨后现场仍有垃圾堆放，请再次核查 ${Date.now()}`;
  await objectionForm.getByLabel("异议内容").fill(objectionText);
  await noHorizontalScroll(visitor.page);
  await objectionForm.getByRole("button", { name: "提交异议" }).click();
  await expect(listed.getByTestId("objection-sent")).toContainText(problem.code);

  // The coordinator upholds it with a note: the notice is withdrawn, A is back waiting for acceptance.
  await page.reload();
  const objection = closurePanel(page).getByTestId("objection").filter({ hasText: objectionText });
  await expect(objection).toContainText("待处理");
  await objection.getByRole("button", { name: "异议成立" }).click();
  const uphold = objection.getByTestId("objection-decision-dialog");
  await uphold.getByLabel("处理意见（必填）").fill("经现场复核，异议属实，撤回公示重新验收");
  await uphold.getByRole("button", { name: "异议成立：撤回公示，重新验收" }).click();
  await expectStatus(page, problem.id, "待验收", "PENDING_ACCEPTANCE");
  await expect(closurePanel(page).getByTestId("closure-notice")).toHaveCount(0);
  const history = closurePanel(page).getByTestId("closure-history");
  await expect(history).toContainText("已撤回");
  const handled = history.getByTestId("objection").filter({ hasText: objectionText });
  await expect(handled).toContainText("异议成立");
  await expect(handled).toContainText("经现场复核，异议属实，撤回公示重新验收");
  await expect(page.getByTestId("transition-history")).toContainText("公示异议成立");

  // The public page no longer lists A.
  await visitor.page.reload();
  await expect(visitor.page.getByTestId("public-notice").first()).toBeVisible();
  await expect(listed).toHaveCount(0);
  expect(visitor.errors, "visitor's browser errors").toEqual([]);
  await visitor.context.close();

  // Re-acceptance fails: A goes back to rectification with the reason.
  await page.getByTestId("acceptance-form").getByRole("radio", { name: "不通过", exact: true }).check();
  const failed = page.getByTestId("acceptance-form");
  await failed.getByLabel("不通过的理由（退回整改）").fill("复核发现堆放点仍有残留，退回继续整改");
  await failed.getByLabel("签字人员").fill("王验收");
  await expect(failed.getByLabel("公示结束")).toHaveCount(0);
  await failed.getByRole("button", { name: "登记为不通过" }).click();
  await expectStatus(page, problem.id, "整改中", "RECTIFYING");
  await expect(page.getByTestId("acceptance-form")).toHaveCount(0);
  await expect(history).toContainText("验收不通过");
  await expect(history).toContainText("复核发现堆放点仍有残留，退回继续整改");
  await expect(history).toContainText("验收通过");
  await expect(page.getByTestId("transition-history")).toContainText("验收不通过");
});

test("the problem whose notice ends today: the notice is ended, the lead official signs it off, a look-back reopens it as a relapse", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);

  // B: the one notice whose period ends today, found on the public API and seen on a phone.
  const open = await json<{ items: PublicNotice[] }>(page.request, "/api/v1/public/notices");
  const due = open.items.filter((n) => n.daysLeft === 0);
  expect(due, "notices ending today").toHaveLength(1);
  const code = (due[0] as PublicNotice).code;
  const visitor = await visitorOnPhone(browser);
  await visitor.page.goto("/notices");
  const listed = visitor.page.locator(`[data-testid="public-notice"][data-code="${code}"]`);
  await expect(listed).toContainText("今天截止");
  await noHorizontalScroll(visitor.page);

  await login(page, "coordinator");
  const found = await json<{ items: Problem[] }>(page.request, `/api/v1/problems?q=${encodeURIComponent(code)}&pageSize=5`);
  const problem = found.items.find((p) => p.code === code) as Problem;
  expect(problem, code).toBeDefined();
  await page.goto(`/problems/${problem.id}`);
  await expectStatus(page, problem.id, "公示中", "PUBLIC_NOTICE");
  const notice = closurePanel(page).getByTestId("closure-notice");
  await expect(notice).toContainText("今天结束");

  // The coordinator ends the notice: B waits for the lead official's sign-off.
  await notice.getByTestId("end-notice").click();
  const end = page.getByTestId("end-notice-dialog");
  await expect(end).toContainText("公示期已满且无待处理异议");
  await end.getByRole("button", { name: "结束公示" }).click();
  await expectStatus(page, problem.id, "待审签", "PENDING_SIGNOFF");
  await expect(closurePanel(page).getByTestId("closure-notice")).toHaveCount(0);
  await expect(closurePanel(page).getByTestId("closure-history")).toContainText("公示期满");
  await expect(page.getByTestId("transition-history")).toContainText("公示期满");
  // Refused: the coordinator does not sign off.
  await expect(page.getByTestId("sign-off")).toHaveCount(0);
  // The public page no longer lists B.
  await visitor.page.reload();
  await expect(visitor.page.getByTestId("public-notice").first()).toBeVisible();
  await expect(listed).toHaveCount(0);
  expect(visitor.errors, "visitor's browser errors").toEqual([]);
  await visitor.context.close();

  // B's lead official, named on the page, signs it off.
  const record = await json<Problem & { leadOfficialName: string | null }>(page.request, `/api/v1/problems/${problem.id}`);
  const leaders = await json<{ items: { id: string; username: string; displayName?: string }[] }>(
    page.request,
    "/api/v1/users?role=LEADER",
  );
  const lead = leaders.items.find((u) => u.id === record.leadOfficialId);
  expect(lead, "B's lead official").toBeDefined();
  const leadName = record.leadOfficialName ?? "";
  await expect(page.getByRole("region", { name: "责任分工" })).toContainText(leadName);

  // Refused: another lead official may not sign it.
  const other = leaders.items.find((u) => u.id !== record.leadOfficialId && /^leader\d?$/.test(u.username));
  expect(other, "another lead official").toBeDefined();
  const stranger = await signedInContext(browser, other?.username ?? "");
  const refused = await stranger.page.request.post(`/api/v1/problems/${problem.id}/sign-off`, {
    data: { decision: "SIGN", version: record.version },
  });
  expect(refused.status()).toBe(403);
  await stranger.context.close();

  const leader = await signedInContext(browser, lead?.username ?? "", `/problems/${problem.id}`);
  const leaderErrors = watchErrors(leader.page);
  await expect(workflowCard(leader.page)).toContainText("待审签");
  const signOff = leader.page.getByTestId("sign-off");
  await signOff.getByRole("button", { name: "审签销号" }).click();
  const sign = leader.page.getByTestId("sign-off-dialog");
  await sign.getByLabel("意见（选填）").fill("整改到位，同意销号");
  await sign.getByRole("button", { name: "审签并销号" }).click();
  await expectStatus(leader.page, problem.id, "已销号", "CLOSED");
  const leaderHistory = closurePanel(leader.page).getByTestId("closure-history");
  await expect(leaderHistory).toContainText(`销号，审签人 ${leadName}`);
  await expect(leaderHistory).toContainText("整改到位，同意销号");
  await expect(leader.page.getByTestId("sign-off")).toHaveCount(0);
  expect(leaderErrors, "lead official's browser errors").toEqual([]);
  await leader.context.close();

  // The look-back finds a relapse: the coordinator reopens it, the closure stays on record.
  await page.reload();
  await expectStatus(page, problem.id, "已销号", "CLOSED");
  await closurePanel(page).getByRole("button", { name: "回头看发现反弹，重新整改" }).click();
  const lookback = page.getByTestId("lookback-dialog");
  const reason = `E2E 回头看发现河道再次出现漂浮垃圾 ${Date.now()}`;
  await lookback.getByLabel("回头看发现的问题（必填）").fill(reason);
  await lookback.getByRole("button", { name: "重新整改" }).click();
  await expectStatus(page, problem.id, "整改中", "RECTIFYING");
  expect((await json<Problem & { relapse: boolean }>(page.request, `/api/v1/problems/${problem.id}`)).relapse).toBe(true);
  await expect(page.getByRole("region", { name: "整改要求与进展" }).getByText("复发", { exact: true })).toBeVisible();
  const history: Locator = closurePanel(page).getByTestId("closure-history");
  await expect(history).toContainText(`销号，审签人 ${leadName}`);
  await expect(history).toContainText(`重新整改：${reason}`);
  await expect(page.getByTestId("transition-history")).toContainText("回头看发现反弹");
  await expect(page.getByRole("button", { name: "回头看发现反弹，重新整改" })).toHaveCount(0);
});
