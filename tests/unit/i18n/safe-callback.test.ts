import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/i18n/labels";

describe("safeCallbackPath (post-login destination)", () => {
  it.each([
    "/\t/example.org",
    "/%09/example.org",
    "/\n/example.org",
    "/\r//example.org",
    "//example.org",
    "//x",
    "/\\x",
    "/\\/example.org",
    "\\\\example.org",
    "\t//example.org",
    "%5C%5Cexample.org",
    "/%5Cexample.org",
    "/%5C/example.org",
    "/%2F/example.org",
    "/%2Fexample.org",
    "/\u0000/example.org",
    "/%00/example.org",
    "/\u007f/example.org",
    "/\u202e/example.org",
    "/\u200b/example.org",
    "https://example.org/",
    "http://localhost.evil.example/work",
    "javascript:alert(1)",
    " /\t/example.org",
    "/login",
    "/api/v1/session",
  ])("%j → the fallback", (raw) => {
    expect(safeCallbackPath(raw, "/")).toBe("/");
  });

  it.each([
    ["/work", "/work"],
    ["/problems?status=OPEN&page=2", "/problems?status=OPEN&page=2"],
    ["/problems/abc#history", "/problems/abc#history"],
    ["/dashboard?q=%E5%A4%A7%E6%B0%94", "/dashboard?q=%E5%A4%A7%E6%B0%94"],
  ])("%j stays %j", (raw, expected) => {
    expect(safeCallbackPath(raw, "/")).toBe(expected);
  });

  it("never returns anything that resolves to another origin", () => {
    for (const raw of ["/\t/a.example", "/%09/a.example", "/%5C/a.example", "/./\t/a.example"]) {
      const out = safeCallbackPath(raw, "/");
      expect(new URL(out, "https://rectify.example").origin).toBe("https://rectify.example");
    }
  });
});
