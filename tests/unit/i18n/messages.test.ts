import { describe, expect, it } from "vitest";
import { CORE, MESSAGES, MODULES } from "@/lib/i18n/messages";

function keys(value: unknown, prefix = ""): string[] {
  if (!value || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("has the same keys in Chinese and English, every one with text", () => {
    const zh = keys(MESSAGES["zh-CN"]).sort();
    const en = keys(MESSAGES.en).sort();
    expect(zh).toEqual(en);
    expect(zh.length).toBeGreaterThan(500);
  });

  it("has text for every message in both languages (or in neither, like the unit of a unitless index)", () => {
    const at = (locale: "zh-CN" | "en", k: string) =>
      k.split(".").reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], MESSAGES[locale]);
    const uneven = keys(MESSAGES["zh-CN"]).filter((k) => {
      const zh = at("zh-CN", k);
      const en = at("en", k);
      return typeof zh !== "string" || typeof en !== "string" || (zh.trim() === "") !== (en.trim() === "");
    });
    expect(uneven).toEqual([]);
  });

  it("gives every module namespaces of its own", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const namespaces = [CORE[locale], ...MODULES[locale]].flatMap((m) => Object.keys(m));
      expect(new Set(namespaces).size, locale).toBe(namespaces.length);
    }
  });
});
