import { expect, login, signedInContext, test } from "./helpers";

const ROUND = "第四季度八个方面反思（演示）";
const QUESTIONS = ["GOALS", "PROBLEMS", "PLAN", "MEASURES", "STYLE", "EFFORT", "PACE", "RESULTS"];

test("a unit answers the eight questions, a leader returns one answer, the unit revises and resubmits", async ({
  page,
  browser,
}) => {
  await login(page, "division", "/bottom-line/self-reviews");
  await page.getByRole("link", { name: ROUND }).click();
  await expect(page.getByTestId("rating-table")).toContainText("水生态环境处");
  await page.getByTestId("rating-table").getByRole("link", { name: "水生态环境处" }).click();
  await expect(page.getByTestId("sheet-form")).toBeVisible();

  for (const q of QUESTIONS) {
    const answer = page.getByTestId(`answer-${q}`);
    await answer.getByLabel("3", { exact: true }).check();
    await answer
      .getByLabel("查找的问题（至少 10 字）")
      .fill(q === "RESULTS" ? "太短了" : `${q}方面：断面达标率低于序时进度，原因未查清楚。`);
    await answer.getByLabel("整改打算").fill("本月底前完成专项排查，建立清单逐项销号。");
  }
  // A finding under 10 characters is refused on its own field, in Chinese; the draft is kept.
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByTestId("answer-RESULTS")).toContainText("查找的问题至少写 10 个字");
  await expect(page.getByTestId("sheet-status")).toHaveText("草稿");

  await page
    .getByTestId("answer-RESULTS")
    .getByLabel("查找的问题（至少 10 字）")
    .fill("整改后水质仍有反复，成效尚不稳固，需要持续跟踪。");
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByTestId("sheet-status")).toHaveText("已提交");
  const sheetUrl = page.url();

  // The leader returns the answer on pace with a reason.
  const leader = await signedInContext(browser, "leader", "/dashboard");
  await leader.page.goto(sheetUrl);
  await expect(leader.page.getByTestId("answer-PACE")).toContainText("3/5");
  await leader.page.getByRole("button", { name: "退回回答" }).click();
  const dialog = leader.page.getByTestId("return-dialog");
  await dialog.getByLabel("推进快不快").check();
  await dialog.getByLabel("退回理由").fill("推进慢的原因没有说透，请写明卡在哪个环节。");
  await dialog.getByRole("button", { name: "退回", exact: true }).click();
  await expect(leader.page.getByTestId("sheet-status")).toHaveText("已退回");
  await expect(leader.page.getByTestId("answer-PACE")).toContainText("需修改");
  await leader.context.close();

  // The unit sees why, revises that answer and resubmits.
  await page.reload();
  await expect(page.getByTestId("returned-banner")).toContainText("推进慢的原因没有说透");
  await expect(page.getByTestId("answer-PACE")).toContainText("需修改");
  await page.getByTestId("answer-PACE").getByLabel("查找的问题（至少 10 字）").fill("施工许可办理卡在规划审批环节，耗时两个月。");
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByTestId("sheet-status")).toHaveText("已提交");
  await expect(page.getByTestId("answer-PACE")).toContainText("施工许可办理卡在规划审批环节");
});

test("the Taihu board draws a season: today's status per point, trends with threshold lines, days over this season and last", async ({
  page,
}) => {
  await login(page, "leader", "/bottom-line/taihu");
  const today = page.getByTestId("taihu-today");
  await expect(today).toContainText("贡湖湾（演示）");
  await expect(today).toContainText("南泉水源地（演示）");
  await expect(page.getByText("演示数据，非真实监测值")).toBeVisible();
  const charts = page.getByTestId("taihu-trend");
  await expect(charts).toHaveCount(5);
  // The first chart (贡湖湾) has its line and both threshold lines labelled.
  await expect(charts.first().locator("svg")).toBeVisible();
  expect(await charts.first().locator("svg path").count()).toBeGreaterThan(2);
  await expect(charts.first()).toContainText("预警线 3000");
  await expect(charts.first()).toContainText("警报线 8000");
  const row = today.locator("tr", { hasText: "贡湖湾（演示）" });
  const cells = row.locator("td");
  await expect(cells.nth(3)).toHaveText(/^[1-9]\d*$/);
  await expect(cells.nth(4)).toHaveText(/^\d+$/);

  // The leaders' dashboard: the open round's answered units lead to the round's heat map.
  await page.goto("/dashboard");
  const watch = page.getByTestId("bottom-line-watch");
  await expect(watch).toContainText("太湖今日");
  await watch.getByRole("link", { name: /^已提交 \d+\/8$/ }).click();
  await expect(page).toHaveURL(/\/bottom-line\/self-reviews\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("rating-heatmap")).toBeVisible();
});
