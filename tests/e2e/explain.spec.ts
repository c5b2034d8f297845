import type { APIRequestContext, Browser } from "@playwright/test";
import { expect, login, signedInContext, test } from "./helpers";

type Problem = { id: string; code: string; version: number };

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const r = await request.get(url);
  expect(r.status(), url).toBe(200);
  return (await r.json()) as T;
}

/** A fresh problem of the Water division, assigned, whose first plan waits for the bureau head (`leader`). */
async function problemWithWaitingPlan(browser: Browser, title: string): Promise<Problem> {
  const { context, page } = await signedInContext(browser, "coordinator");
  const units = await json<{ items: { id: string; code: string }[] }>(page.request, "/api/v1/units");
  const leaders = await json<{ items: { id: string; username: string }[] }>(page.request, "/api/v1/users?role=LEADER");
  const created = await page.request.post("/api/v1/problems", {
    data: {
      title,
      description: "E2E：河岸堆放藻泥，雨后有渗滤液流入河道。（交办原文）",
      source: "PETITION",
      category: "WATER",
      districtCode: "320281",
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
  const plan = await page.request.post(`/api/v1/problems/${problem.id}/plans`, {
    data: { target: "清除岸边藻泥，渗滤液不再入河" },
  });
  expect(plan.status(), await plan.text()).toBe(201);
  await context.close();
  return problem;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test("a red problem says why on its ledger row and on its page", async ({ page }) => {
  await login(page, "leader", "/problems?colour=RED");
  const row = page.getByTestId("ledger-row").first();
  await expect(row).toBeVisible();
  const why = row.getByTestId("colour-why");
  await expect(why).toHaveAttribute("data-rule", /^(OVERDUE|RETURNED_TWICE)$/);
  // Keyboard: focus the badge and open the reason with Enter.
  await why.locator("summary").focus();
  await page.keyboard.press("Enter");
  const text = why.getByTestId("colour-why-text");
  await expect(text).toBeVisible();
  await expect(text).toContainText(/已逾期 \d+ 天|已被退回 \d+ 次/);

  await row.locator("td:first-child a").click();
  await expect(page).toHaveURL(/\/problems\/[0-9a-f-]{36}$/);
  const reason = page.getByTestId("colour-reason");
  await expect(reason).toContainText("严重滞后：");
  await expect(reason).toContainText(/已逾期 \d+ 天|已被退回 \d+ 次/);
});

test("the dashboard's red count opens exactly the red rows of the ledger", async ({ page }) => {
  await login(page, "leader", "/dashboard");
  const red = page.getByTestId("colour-count-RED");
  const count = Number((await red.locator("span.font-semibold").textContent()) ?? "0");
  expect(count).toBeGreaterThan(0);
  await red.click();
  await expect(page).toHaveURL(/\/problems\?colour=RED$/);
  await expect(page.getByTestId("ledger-total")).toHaveAttribute("data-total", String(count));
  const colours = await page
    .getByTestId("cell-colour")
    .getByTestId("colour-badge")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-colour")));
  expect(colours.length).toBeGreaterThan(0);
  expect(new Set(colours)).toEqual(new Set(["RED"]));
  await expect(page.getByTestId("colour-filter").getByRole("checkbox", { name: "严重滞后" })).toBeChecked();

  // The filter form: add the yellow ones.
  await page.getByTestId("colour-filter").getByRole("checkbox", { name: "滞后预警" }).check();
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/colour=(RED%2CYELLOW|YELLOW%2CRED)$/);
});

test("the action panel lists the plan waiting for the lead official, with a link to it, and the history names the step", async ({
  page,
  browser,
}) => {
  const problem = await problemWithWaitingPlan(browser, `E2E 待审方案 ${Date.now()}`);
  await login(page, "leader", `/problems/${problem.id}`);
  const waiting = page.getByTestId("waiting-list");
  const link = waiting.locator('[data-kind="PLAN_DECISION"] a');
  await expect(link).toContainText("审批整改方案");
  await expect(page.getByTestId("workflow-none")).toHaveCount(0);
  await link.click();
  await expect(page).toHaveURL(/#s-plan$/);

  const history = page.getByTestId("problem-history");
  await expect(history).toContainText("提交整改方案（第 1 版）");
  await expect(history).toContainText("沈佳怡");
  const shown = ((await history.textContent()) ?? "").replace(/\s+/g, " ");
  expect(shown).not.toMatch(UUID);
  // Times in Asia/Shanghai: today's bureau date and an hh:mm, whatever the browser's zone.
  const bureauDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  expect(shown).toMatch(new RegExp(`${bureauDay} \\d{2}:\\d{2}`));
});
