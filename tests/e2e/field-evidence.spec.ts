import { type Browser, type BrowserContext, test as bare, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, jpegBytes, rectifyingProblem, SITE, signedInContext, test } from "./helpers";

const PHONE = { width: 375, height: 812 };
/** About 60 m north-east of the problem's site: where the field officer stands. */
const ON_SITE = { latitude: SITE.latitude + 0.0004, longitude: SITE.longitude + 0.0004 };

const PHONE_ON_SITE = {
  viewport: PHONE,
  isMobile: true,
  hasTouch: true,
  geolocation: ON_SITE,
  permissions: ["geolocation"],
};
test.use(PHONE_ON_SITE);
bare.use(PHONE_ON_SITE);

/**
 * Browser errors of a page the fixture does not watch (another browser, or a test that cuts the
 * connection on purpose: then `allow` names the network failures it expects).
 */
function watchErrors(page: Page, allow: RegExp = /status of 4\d\d/): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !allow.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

async function signInOnPhone(page: Page, landing: string): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(landing)}`);
  await page.getByLabel("用户名").fill("field-jiangyin");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL(`**${landing}`);
}

async function noHorizontalScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** Takes a "photo" with one of the big camera buttons and waits until the server has it. */
async function takePhoto(page: Page, kind: "BEFORE_PHOTO" | "AFTER_PHOTO", name: string, shade: number): Promise<void> {
  await page.getByTestId(`photo-input-${kind}`).setInputFiles({ name, mimeType: "image/jpeg", buffer: await jpegBytes(shade) });
  await expect(page.getByTestId("upload-item").filter({ hasText: name })).toHaveAttribute("data-state", "DONE");
}

function evidenceItem(scope: Page | Locator, kind: string): Locator {
  return scope.getByTestId("evidence-item").and(scope.locator(`[data-kind="${kind}"]`));
}

/** The coordinator at a desk, signed in on `landing`, with its own browser-error watch. */
async function coordinatorDesk(
  browser: Browser,
  landing: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const desk = await signedInContext(browser, "coordinator", landing);
  return { ...desk, errors: watchErrors(desk.page) };
}

test("a field officer proves a fix from the phone; the inspection office accepts one photo and returns the other; the officer corrects it", async ({
  page,
  browser,
}) => {
  const problem = await rectifyingProblem(browser, { districtCode: "320281", title: `E2E 现场取证 ${Date.now()}` });

  // Signing in without a deep link, a field office lands on its problems.
  await page.goto("/login");
  await page.getByLabel("用户名").fill("field-jiangyin");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/field");
  await expect(page.getByRole("heading", { name: "现场取证", level: 1 })).toBeVisible();
  await noHorizontalScroll(page);

  const card = page.getByTestId("field-card").and(page.locator(`[data-code="${problem.code}"]`));
  await expect(card).toContainText("整改中");
  await expect(card.getByTestId("field-card-missing")).toHaveText("还缺：整改前照片、整改后照片、监测报告");
  await card.click();
  await page.waitForURL(`**/field/${problem.id}`);
  await expect(page.getByTestId("field-problem-title")).toContainText("E2E 现场取证");
  await expect(page.getByTestId("field-navigate")).toHaveAttribute("href", /uri\.amap\.com\/marker/);
  await expect(page.getByTestId("evidence-empty")).toBeVisible();

  // The camera buttons sit at the bottom of the screen, within thumb reach.
  const bar = await page.getByTestId("field-camera-bar").boundingBox();
  expect(bar && bar.y + bar.height).toBeGreaterThan(PHONE.height - 4);

  await takePhoto(page, "BEFORE_PHOTO", "before.jpg", 40);
  await takePhoto(page, "AFTER_PHOTO", "after.jpg", 200);
  const before = evidenceItem(page, "BEFORE_PHOTO");
  const after = evidenceItem(page, "AFTER_PHOTO");
  await expect(page.getByTestId("evidence-item")).toHaveCount(2);
  for (const item of [before, after]) {
    await expect(item.getByTestId("review-status")).toHaveText("待审核");
    // No EXIF in these photos: the device's time and position stand in, about 60 m from the site.
    await expect(item.getByTestId("evidence-captured")).toContainText("上传设备");
    await expect(item.getByTestId("evidence-distance")).toHaveText(/距问题现场 \d+ 米/);
  }
  await expect(page.getByTestId("field-missing")).toHaveText("销号材料还缺：监测报告");
  await noHorizontalScroll(page);

  // A progress report from the site.
  await page.getByRole("button", { name: "报送进展" }).click();
  await page.getByLabel("进展情况").fill("E2E：藻泥已清运完毕，堆场正在硬化。");
  await page.getByRole("button", { name: "提交进展" }).click();
  await expect(page.getByTestId("report-form")).toHaveCount(0);

  // The inspection office finds both in its review queue and accepts the before photo there.
  const desk = await coordinatorDesk(browser, "/evidence");
  const queued = desk.page.getByTestId("review-queue-item").filter({ hasText: problem.code });
  await expect(queued).toHaveCount(2);
  await expect(desk.page.getByTestId("review-stats")).toBeVisible();
  await queued.and(desk.page.locator('[data-kind="BEFORE_PHOTO"]')).getByTestId("evidence-accept").click();
  await expect(queued).toHaveCount(1);

  // On the problem page: the accepted photo, its integrity check, and the after photo returned with a reason.
  await desk.page.goto(`/problems/${problem.id}`);
  const panel = desk.page.getByTestId("evidence-panel");
  await expect(evidenceItem(panel, "BEFORE_PHOTO").getByTestId("review-status")).toHaveText("已采纳");
  await evidenceItem(panel, "BEFORE_PHOTO").getByTestId("evidence-verify").click();
  await expect(evidenceItem(panel, "BEFORE_PHOTO").getByTestId("evidence-verified")).toContainText("一致");
  await expect(desk.page.getByTestId("report-list").getByText("E2E：藻泥已清运完毕，堆场正在硬化。")).toBeVisible();

  const returned = evidenceItem(panel, "AFTER_PHOTO");
  await expect(returned.getByTestId("review-status")).toHaveText("待审核");
  await returned.getByTestId("evidence-return").click();
  const dialog = desk.page.getByTestId("evidence-return-dialog");
  await dialog.getByRole("button", { name: "确认退回" }).click();
  await expect(dialog.getByText("请选择退回原因。")).toBeVisible();
  await dialog.getByLabel("退回原因").selectOption({ label: "照片模糊、无法辨认" });
  await dialog.getByLabel("具体说明（上传人会看到）").fill("看不清堆场地面，请靠近重拍。");
  await dialog.getByRole("button", { name: "确认退回" }).click();
  await expect(returned.getByTestId("review-status")).toHaveText("已退回");
  await expect(returned.getByTestId("evidence-return-reason")).toContainText("看不清堆场地面");

  // Back on the phone: the returned photo with its reason in words, and a correction.
  await page.goto("/field?filter=returned");
  await expect(page.getByTestId("field-card").and(page.locator(`[data-code="${problem.code}"]`))).toBeVisible();
  await page.goto(`/field/${problem.id}`);
  await expect(after.getByTestId("review-status")).toHaveText("已退回");
  await expect(after.getByTestId("evidence-return-reason")).toContainText("照片模糊、无法辨认");
  await expect(after.getByTestId("evidence-return-reason")).toContainText("看不清堆场地面，请靠近重拍。");
  await expect(page.getByTestId("field-missing")).toHaveText("销号材料还缺：整改后照片、监测报告");

  const returnedId = await after.getAttribute("data-id");
  await page.getByTestId(`correction-input-${returnedId}`).setInputFiles({
    name: "after-closer.jpg",
    mimeType: "image/jpeg",
    buffer: await jpegBytes(150),
  });
  await expect(page.getByTestId("upload-item").filter({ hasText: "after-closer.jpg" })).toHaveAttribute("data-state", "DONE");
  const corrected = evidenceItem(page, "AFTER_PHOTO");
  await expect(corrected.getByTestId("review-status").first()).toHaveText("待审核");
  await expect(corrected.getByText("更正版本")).toBeVisible();
  await expect(corrected.getByTestId("evidence-superseded")).toContainText("after.jpg");
  await expect(page.getByTestId("field-missing")).toHaveText("销号材料还缺：监测报告");
  await noHorizontalScroll(page);

  // The correction waits in the review queue.
  await desk.page.goto("/evidence");
  await expect(queued).toHaveCount(1);
  await expect(queued).toContainText("after-closer.jpg");
  expect(desk.errors, "coordinator browser errors").toEqual([]);
  await desk.context.close();
});

test("files the server would refuse are refused on the phone first, in words", async ({ page, browser }) => {
  const problem = await rectifyingProblem(browser, { districtCode: "320281", title: `E2E 拒收文件 ${Date.now()}` });
  await signInOnPhone(page, `/field/${problem.id}`);

  await page
    .getByTestId("document-input")
    .setInputFiles({ name: "page.html", mimeType: "text/html", buffer: Buffer.from("<p>x</p>") });
  const refused = page.getByTestId("upload-item").filter({ hasText: "page.html" });
  await expect(refused).toHaveAttribute("data-state", "REFUSED");
  await expect(refused).toContainText("不支持该文件类型");

  // A file that claims to be a PDF but is not: the server looks at the bytes and says no.
  await page.getByTestId("document-input").setInputFiles({
    name: "report.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<html><script>alert(1)</script></html>"),
  });
  const sniffed = page.getByTestId("upload-item").filter({ hasText: "report.pdf" });
  await expect(sniffed).toHaveAttribute("data-state", "REFUSED");
  await expect(sniffed).toContainText("服务器拒收");
  await expect(page.getByTestId("evidence-empty")).toBeVisible();
});

// Cutting the connection on purpose makes the browser log network failures: this test watches the
// page itself and lets exactly those through.
bare(
  "a photo whose answer was lost is retried under the same key, survives a reload and is stored once",
  async ({ page, browser }) => {
    const errors = watchErrors(page, /status of 4\d\d|net::ERR_(CONNECTION_RESET|FAILED)/);
    const problem = await rectifyingProblem(browser, { districtCode: "320281", title: `E2E 断网重传 ${Date.now()}` });
    await signInOnPhone(page, `/field/${problem.id}`);

    const url = `**/api/v1/problems/${problem.id}/evidence`;
    const keys: string[] = [];
    await page.route(url, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      keys.push(route.request().headers()["idempotency-key"] ?? "");
      // The first attempt reaches the server, but its answer never comes back; the next ones fail outright.
      if (keys.length === 1) await route.fetch();
      await route.abort("connectionreset");
    });
    await page.getByTestId("photo-input-AFTER_PHOTO").setInputFiles({
      name: "lost.jpg",
      mimeType: "image/jpeg",
      buffer: await jpegBytes(90),
    });
    const item = page.getByTestId("upload-item").filter({ hasText: "lost.jpg" });
    await expect(item).toHaveAttribute("data-state", "STALLED");
    await expect(item.getByRole("button", { name: "重试" })).toBeVisible();
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);

    // The connection is back; the page is reloaded (the phone dropped the tab): the photo resumes by itself.
    await page.unroute(url);
    await page.reload();
    await expect(item).toHaveAttribute("data-state", "DONE");
    await expect(item).toContainText("该文件此前已上传，未重复保存");
    await expect(page.getByTestId("evidence-item")).toHaveCount(1);
    await expect(page.getByTestId("evidence-item").getByTestId("review-status")).toHaveText("待审核");
    expect(errors, "browser errors").toEqual([]);
  },
);
