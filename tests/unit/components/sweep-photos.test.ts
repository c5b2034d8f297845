import { NextIntlClientProvider } from "next-intl";
import { createElement, type FunctionComponent, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PhotoFacts, type SweepPhoto, SweepPhotos } from "@/components/bottom-line/sweep-photos";
import { MESSAGES } from "@/lib/i18n/messages";

const Provider = NextIntlClientProvider as unknown as FunctionComponent<{
  locale: string;
  messages: Record<string, unknown>;
  timeZone: string;
  children?: ReactNode;
}>;

function render(node: ReturnType<typeof createElement>, locale: "zh-CN" | "en" = "zh-CN"): string {
  return renderToStaticMarkup(createElement(Provider, { locale, messages: MESSAGES[locale], timeZone: "Asia/Shanghai" }, node));
}

const text = (html: string, testId: string) => html.match(new RegExp(`data-testid="${testId}">([^<]*)<`))?.[1];

const PHOTO: SweepPhoto = {
  id: "3f2b1c4d-0000-4000-8000-000000000001",
  originalName: "现场.jpg",
  mime: "image/jpeg",
  hasThumb: true,
  capturedAt: "2026-06-01T01:30:00.000Z",
  latitude: 31.9102,
  longitude: 120.2851,
  uploadedAt: "2026-06-01T02:05:00.000Z",
  itemTitle: "危废贮存是否规范",
};

describe("PhotoFacts", () => {
  it("says when (Shanghai time) and where a photo was taken, from its EXIF time and GPS", () => {
    const html = render(createElement(PhotoFacts, { photo: PHOTO, place: "甲化工 · 甲路1号" }));
    expect(text(html, "photo-captured")).toBe("2026-06-01 09:30");
    expect(text(html, "photo-gps")).toBe("纬度 31.91020，经度 120.28510（照片 GPS）");
    expect(html).toContain("2026-06-01 10:05");
    expect(html).toContain("甲化工 · 甲路1号");
  });

  it("says so when the photo carries no time or position", () => {
    const html = render(
      createElement(PhotoFacts, { photo: { ...PHOTO, capturedAt: null, latitude: null, longitude: null }, place: "" }),
    );
    expect(text(html, "photo-captured")).toBe("照片未记录拍摄时间");
    expect(text(html, "photo-gps")).toBe("照片未记录 GPS 位置");
    const en = render(createElement(PhotoFacts, { photo: { ...PHOTO, latitude: null, longitude: null }, place: "" }), "en");
    expect(text(en, "photo-gps")).toBe("The photo records no GPS position");
  });
});

describe("SweepPhotos", () => {
  it("shows images as thumbnails that open the viewer, and other files as downloads", () => {
    const pdf = { ...PHOTO, id: "3f2b1c4d-0000-4000-8000-000000000002", mime: "application/pdf", originalName: "报告.pdf" };
    const html = render(createElement(SweepPhotos, { photos: [PHOTO, pdf], place: "" }));
    expect(html.match(/data-testid="sweep-photo"/g)).toHaveLength(1);
    expect(html).toContain(`src="/api/v1/bottom-line-files/${PHOTO.id}?variant=thumb"`);
    expect(html).toContain(`href="/api/v1/bottom-line-files/${pdf.id}"`);
    expect(html).toContain('aria-label="照片 2 张"');
  });

  it("renders nothing without photos", () => {
    expect(render(createElement(SweepPhotos, { photos: [], place: "" }))).toBe("");
  });
});
