import sharp from "sharp";
import { expect, login, test } from "./helpers";

const PHONE = { width: 390, height: 844 };
const stamp = Date.now().toString(36);
/** A site photo as a phone writes it: EXIF time (+08:00) and a GPS position in 江阴 (31.9102 N, 120.2851 E). */
function sitePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 96, height: 64, channels: 3, background: "#3a7" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "Rectify Test", Model: "Field Phone" },
      IFD2: { DateTimeOriginal: "2026:06:01 09:30:00", OffsetTimeOriginal: "+08:00" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "31/1 54/1 36720/1000",
        GPSLongitudeRef: "E",
        GPSLongitude: "120/1 17/1 6360/1000",
      },
    })
    .toBuffer();
}
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: "serial" });

let sweepUrl = "";

test("a coordinator opens a sweep with two checklist items and a tag target, and sees its targets", async ({ page }) => {
  await login(page, "coordinator", "/bottom-line/sweeps");
  await page.getByTestId("new-sweep-link").click();
  await page.waitForURL(/\/bottom-line\/sweeps\/new$/);

  // Nothing filled in: refused field by field, in Chinese, and nothing is opened.
  await page.getByLabel("新编清单").check();
  await page.getByTestId("sweep-submit").click();
  await expect(page.getByText("必填").first()).toBeVisible();
  await expect(page).toHaveURL(/\/new$/);

  // Started well before the demo sweep, so the demo one stays first in the list.
  await page.getByLabel("任务名称").fill(`涉重金属企业专项排查${stamp}`);
  await page.getByLabel("开始日期").fill(day(-60));
  await page.getByLabel("截止日期").fill(day(20));
  await page.getByLabel("清单名称").fill(`涉重清单${stamp}`);
  await page.getByLabel("第 1 项 检查内容").fill("重金属废水是否单独收集");
  await page.getByLabel("第 1 项 检查要点（选填）").fill("查看分流管线与标识");
  await page.getByTestId("add-checklist-row").click();
  // The new row takes the focus, so typing goes on from the keyboard.
  await expect(page.getByLabel("第 2 项 检查内容")).toBeFocused();
  await page.keyboard.type("危废贮存是否规范");
  // Reorder: the second item moves up, the first becomes second.
  await page.getByRole("button", { name: "第 2 项上移" }).click();
  await expect(page.getByLabel("第 1 项 检查内容")).toHaveValue("危废贮存是否规范");
  await expect(page.getByLabel("第 2 项 检查内容")).toHaveValue("重金属废水是否单独收集");

  await page.getByLabel("涉重金属").check();
  const count = page.getByTestId("tag-target-count");
  await expect(count).toHaveText(/按所选标签匹配 \d+ 家企业/);
  const matched = Number((await count.textContent())?.match(/\d+/)?.[0] ?? "0");
  expect(matched).toBeGreaterThan(0);

  await page.getByTestId("sweep-submit").click();
  await page.waitForURL(/\/bottom-line\/sweeps\/[0-9a-f-]{36}$/);
  sweepUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`涉重金属企业专项排查${stamp}`);
  await expect(page.getByTestId("sweep-target")).toHaveCount(matched);
  await page.getByText("排查清单（2 项）").click();
  await expect(page.locator("details ol li").first()).toContainText("危废贮存是否规范");
  // Nothing checked yet: the sweep can still be edited; the form comes back filled in.
  await page.getByTestId("sweep-edit-link").click();
  await page.waitForURL(/\/edit$/);
  await expect(page.getByLabel("任务名称")).toHaveValue(`涉重金属企业专项排查${stamp}`);
  await expect(page.getByLabel("涉重金属")).toBeChecked();
  await expect(page.getByTestId("template-preview")).toContainText("危废贮存是否规范");
  await page.getByLabel("任务名称").fill(`涉重金属企业专项排查（调整）${stamp}`);
  await page.getByTestId("sweep-submit").click();
  await page.waitForURL(new RegExp(`${sweepUrl}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`涉重金属企业专项排查（调整）${stamp}`);
  await expect(page.getByTestId("sweep-target")).toHaveCount(matched);
});

test("a coordinator registers a park with an enterprise and adds and edits a plan item", async ({ page }) => {
  await login(page, "coordinator", "/bottom-line/parks");
  await page.getByTestId("new-park-link").click();
  await page.waitForURL(/\/bottom-line\/parks\/new$/);
  await page.getByTestId("park-submit").click();
  await expect(page.getByText("必填").first()).toBeVisible();

  await page.getByLabel("园区名称").fill(`锡山东港化工集中区${stamp}`);
  await page.getByLabel("类型").selectOption("CONCENTRATION_ZONE");
  await page.getByLabel("属地").selectOption({ label: "锡山区" });
  const candidates = page.getByTestId("park-candidates").getByRole("button");
  await expect(candidates.first()).toBeVisible();
  const firm = ((await candidates.first().textContent()) ?? "").replace(/^\+\s*/, "").split(/\s/)[0] ?? "";
  await candidates.first().click();
  await expect(page.getByTestId("park-chosen")).toContainText(firm);
  await page.getByTestId("park-submit").click();

  await page.waitForURL(/\/bottom-line\/parks\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`锡山东港化工集中区${stamp}`);
  await expect(page.locator("main")).toContainText(firm);

  await page.getByText("新增建设项").first().click();
  await page.locator("#item-level").selectOption("PARK");
  await page.locator("#item-kind").selectOption("EMERGENCY_POOL");
  await page.locator("#item-name").fill("园区公共应急池");
  await page.locator("#item-target").fill("3000");
  await page.locator("#item-deadline").fill(day(200));
  await page.locator("button[type=submit]").filter({ hasText: "新增建设项" }).click();
  const row = page.getByTestId("plan-table").locator("tbody tr").filter({ hasText: "园区公共应急池" });
  await expect(row).toContainText("0/3000");

  await row.getByTestId("item-edit").click();
  const dialog = page.getByTestId("item-edit-dialog");
  await dialog.getByLabel("已完成数量").fill("1200");
  await dialog.getByLabel("目标数量").fill("abc");
  await dialog.getByRole("button", { name: "保存", exact: true }).click();
  await expect(dialog.locator(".field-error")).toBeVisible();
  await dialog.getByLabel("目标数量").fill("4000");
  await dialog.getByRole("button", { name: "保存", exact: true }).click();
  await expect(row).toContainText("1200/4000");
});

test.describe("on a phone", () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test("the check page of a checked target shows its photo, which opens large", async ({ page }) => {
    expect(sweepUrl).not.toBe("");
    await login(page, "coordinator", sweepUrl);
    const target = page.getByTestId("sweep-target").first();
    const name = ((await target.locator(".font-medium").first().textContent()) ?? "").trim();
    await target.getByTestId("sweep-check-link").click();
    await page.waitForURL(/\/check\//);
    const checkUrl = new URL(page.url()).pathname;
    const items = page.getByTestId("check-item");
    await expect(items).toHaveCount(2);
    for (let i = 0; i < 2; i++) await items.nth(i).getByText("合格", { exact: true }).click();
    await items
      .nth(0)
      .getByTestId("check-photos")
      .setInputFiles({ name: "site.jpg", mimeType: "image/jpeg", buffer: await sitePhoto() });
    await page.getByTestId("check-submit").click();
    await page.waitForURL(new RegExp(`${sweepUrl}$`));

    await page.goto(checkUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByTestId("check-done")).toBeVisible();
    const photo = page.getByTestId("sweep-photo");
    await expect(photo).toHaveCount(1);
    await expect(photo.locator("img")).toHaveJSProperty("complete", true);
    expect(await photo.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await photo.click();
    const viewer = page.getByTestId("photo-viewer");
    await expect(viewer).toBeVisible();
    await expect(viewer).toContainText("危废贮存是否规范");
    await expect(viewer).toContainText(name);
    await expect(viewer.getByTestId("photo-captured")).toHaveText("2026-06-01 09:30");
    await expect(viewer.getByTestId("photo-gps")).toContainText("纬度 31.91020，经度 120.28510");
    await page.keyboard.press("Escape");
    await expect(viewer).toBeHidden();

    // Checked now: the sweep can no longer be edited, and the page says why.
    await page.goto(sweepUrl);
    await expect(page.getByTestId("sweep-edit-link")).toHaveCount(0);
    await expect(page.locator("main")).toContainText("已开始现场排查，任务不能再修改");
  });
});
