import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect, rectifyingProblem, signedInContext, test } from "./helpers";

const cat = readFileSync(path.join(process.cwd(), "tests/fixtures/photos/cat.jpg"));

test("the inspection office sees an after photo that is the before photo again, confirms it as fake, and the problem shows the finding", async ({
  page,
  browser,
}) => {
  // Many steps through the API and two signed-in people: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const problem = await rectifyingProblem(browser, { districtCode: "320281", title: `E2E 虚假整改 ${Date.now()}` });

  // The field office sends the same picture twice: once as before, once (saved again) as after.
  const field = await signedInContext(browser, "field-jiangyin", "/field");
  for (const [kind, name, buffer] of [
    ["BEFORE_PHOTO", "整改前.jpg", cat],
    ["AFTER_PHOTO", "整改后.jpg", await sharp(cat).jpeg({ quality: 60 }).toBuffer()],
  ] as const) {
    const r = await field.page.request.post(`/api/v1/problems/${problem.id}/evidence`, {
      multipart: { kind, file: { name, mimeType: "image/jpeg", buffer } },
    });
    expect(r.status(), await r.text()).toBe(201);
  }
  await field.context.close();

  // The review queue, filtered to 有疑点, shows the after photo with its chip.
  await page.goto("/login?callbackUrl=%2Fevidence");
  await page.getByLabel("用户名").fill("coordinator");
  await page.getByLabel("密码").fill("Rectify@2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL("**/evidence");
  await page.getByTestId("filter-suspect").click();
  await page.waitForURL("**/evidence?suspect=1");
  const queued = page.getByTestId("review-queue-item").filter({ hasText: problem.code });
  await expect(queued).toHaveCount(1);
  await expect(queued).toHaveAttribute("data-kind", "AFTER_PHOTO");
  await expect(queued.getByTestId("photo-signal")).toHaveText(/与整改前照片高度相似（差异 \d+\/64）/);

  // On the problem page the gallery shows the same chip next to the after photo; the reviewer confirms it as fake.
  await page.goto(`/problems/${problem.id}`);
  const after = page.getByTestId("evidence-item").and(page.locator('[data-kind="AFTER_PHOTO"]'));
  await expect(after.getByTestId("photo-signal").first()).toHaveAttribute("data-kind", "SAME_AS_BEFORE", { timeout: 30_000 });
  await after.getByTestId("confirm-fake").click();
  const dialog = after.getByTestId("confirm-fake-dialog");
  await dialog.getByRole("button", { name: "确认", exact: true }).click();
  await expect(dialog.getByRole("alert")).toHaveText("请填写理由。");
  await dialog.getByLabel("理由").fill("整改后照片与整改前照片为同一张图片，仅重新保存。");
  await dialog.getByRole("button", { name: "确认", exact: true }).click();

  await expect(after).toHaveAttribute("data-status", "RETURNED");
  await expect(after.getByTestId("evidence-fake")).toHaveText("已确认为虚假材料");
  await page.reload();
  const banner = page.getByTestId("finding-banner");
  await expect(banner).toHaveCount(1);
  await expect(banner).toContainText("已认定虚假整改");
  await expect(banner).toContainText("沈佳怡");
  await expect(banner).toContainText("整改后照片与整改前照片为同一张图片");
  await expect(page.getByTestId("problem-history")).toContainText("已认定虚假整改");
});
