import { describe, expect, it } from "vitest";
import { routeLabel } from "@/lib/domain/route-label";

describe("route labels of the request metrics", () => {
  it("folds record ids, numbers and codes", () => {
    expect(routeLabel("/api/v1/problems/6f1c2b8e-3a41-4c7e-9d2f-0a1b2c3d4e5f/plans")).toBe("/api/v1/problems/:id/plans");
    expect(routeLabel("/problems/WX-2026-0042")).toBe("/problems/:code");
    expect(routeLabel("/api/v1/indicators/2026/11")).toBe("/api/v1/indicators/:n/:n");
    expect(routeLabel("/api/v1/problems?colour=RED")).toBe("/api/v1/problems");
  });

  it("keeps plain words and the root", () => {
    expect(routeLabel("/")).toBe("/");
    expect(routeLabel("/dashboard")).toBe("/dashboard");
    expect(routeLabel("/api/v1/published-lists")).toBe("/api/v1/published-lists");
  });

  it("bounds what a client can invent", () => {
    expect(routeLabel("/_next/static/chunks/abc.js")).toBe("/_next/*");
    expect(routeLabel(`/x/${"a".repeat(80)}`)).toBe("/x/:x");
    expect(routeLabel("/%E6%97%A0%E9%94%A1")).toBe("/:x");
    expect(routeLabel("/%E0%A4%A")).toBe("/:x");
    expect(routeLabel("/a/b/c/d/e/f/g/h")).toBe("/a/b/c/d/e/f/…");
  });
});
