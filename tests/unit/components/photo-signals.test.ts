import { NextIntlClientProvider } from "next-intl";
import { createElement, type FunctionComponent, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PhotoSignalChips } from "@/components/evidence/photo-signals";
import { MESSAGES } from "@/lib/i18n/messages";
import type { PhotoSignalDto } from "@/lib/schemas/findings";

/** The provider with its children passed as createElement's third argument. */
const Provider = NextIntlClientProvider as unknown as FunctionComponent<{
  locale: string;
  messages: Record<string, unknown>;
  timeZone: string;
  children?: ReactNode;
}>;

const OTHER = "3f2b1c4d-0000-4000-8000-000000000001";
const PROBLEM = "3f2b1c4d-0000-4000-8000-000000000002";

function render(signals: PhotoSignalDto[] | null, locale: "zh-CN" | "en" = "zh-CN"): string {
  return renderToStaticMarkup(
    createElement(
      Provider,
      { locale, messages: MESSAGES[locale], timeZone: "Asia/Shanghai" },
      createElement(PhotoSignalChips, { signals, problemId: PROBLEM }),
    ),
  );
}

function chipTexts(signals: PhotoSignalDto[] | null, locale: "zh-CN" | "en" = "zh-CN"): string[] {
  const html = render(signals, locale);
  return [...html.matchAll(/<span class="break-words">([^<]*)<\/span>/g)].map((m) => m[1] ?? "");
}

describe("PhotoSignalChips", () => {
  it("says each signal in Chinese with its figures", () => {
    expect(
      chipTexts([
        { kind: "SAME_AS_BEFORE", evidenceId: OTHER, distance: 3 },
        { kind: "REUSED_PHOTO", evidenceId: OTHER, problemId: PROBLEM, problemCode: "WX-2026-017", distance: 0 },
        { kind: "CAPTURED_BEFORE_REGISTRATION", hours: 122 },
        { kind: "CAMERA_TIME_FAR_FROM_UPLOAD", hours: 30.4 },
        { kind: "EDITING_SOFTWARE", software: "Adobe Photoshop 25.0", editor: "Adobe Photoshop" },
      ]),
    ).toEqual([
      "与整改前照片高度相似（差异 3/64）",
      "与问题 WX-2026-017 的照片高度相似（差异 0/64）",
      "拍摄时间早于问题登记 5 天",
      "拍摄时间与上传时间相差 30 小时",
      "编辑软件：Adobe Photoshop 25.0",
    ]);
  });

  it("links a similar photo to its card and shows nothing without signals", () => {
    const html = render([{ kind: "SAME_AS_BEFORE", evidenceId: OTHER, distance: 1 }]);
    expect(html).toContain(`href="/problems/${PROBLEM}#evidence-${OTHER}"`);
    expect(html).toContain(`/api/v1/evidence/${OTHER}/file?variant=thumb`);
    expect(chipTexts([])).toEqual([]);
    expect(chipTexts(null)).toEqual([]);
  });

  it("speaks English too", () => {
    expect(chipTexts([{ kind: "CAPTURED_BEFORE_REGISTRATION", hours: 50 }], "en")).toEqual([
      "Taken 2 days before the problem was registered",
    ]);
  });
});
