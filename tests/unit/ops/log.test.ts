import { describe, expect, it } from "vitest";
import { formatLogLine, logFormat } from "@/lib/ops/log";
import { metricsAccess } from "@/lib/server/ops/authorize-metrics";

const at = new Date("2026-12-03T08:00:00.000Z");

describe("structured logs", () => {
  it("writes one JSON object per line with time, level, message and fields", () => {
    const line = formatLogLine("info", "request", { requestId: "r1", status: 200, skipped: undefined, big: 10n }, "json", at);
    expect(JSON.parse(line)).toEqual({
      time: "2026-12-03T08:00:00.000Z",
      level: "info",
      msg: "request",
      requestId: "r1",
      status: 200,
      big: "10",
    });
    expect(line).not.toContain("\n");
  });

  it("spreads an error into message, name and stack", () => {
    const parsed = JSON.parse(formatLogLine("error", "unexpected error", { err: new TypeError("boom") }, "json", at));
    expect(parsed.error).toBe("boom");
    expect(parsed.errorName).toBe("TypeError");
    expect(parsed.stack).toContain("TypeError: boom");
  });

  it("prints readable text on request", () => {
    expect(formatLogLine("warn", "slow", { ms: 1200, path: "/dashboard" }, "text", at)).toBe(
      "2026-12-03T08:00:00.000Z WARN slow ms=1200 path=/dashboard",
    );
  });

  it("is JSON in production and text elsewhere unless LOG_FORMAT says", () => {
    expect(logFormat({ NODE_ENV: "production" })).toBe("json");
    expect(logFormat({ NODE_ENV: "development" })).toBe("text");
    expect(logFormat({ NODE_ENV: "production", LOG_FORMAT: "TEXT" })).toBe("text");
    expect(logFormat({ NODE_ENV: "development", LOG_FORMAT: "json" })).toBe("json");
  });
});

describe("metrics access", () => {
  const token = "s3cret-metrics-token-0123";
  it("is off without a token of at least 16 characters", () => {
    expect(metricsAccess(`Bearer ${token}`, undefined)).toBe("off");
    expect(metricsAccess("Bearer short", "short")).toBe("off");
  });
  it("needs the exact bearer token", () => {
    expect(metricsAccess(`Bearer ${token}`, token)).toBe("granted");
    expect(metricsAccess(`bearer ${token}`, token)).toBe("granted");
    expect(metricsAccess(`Bearer ${token}x`, token)).toBe("denied");
    expect(metricsAccess(token, token)).toBe("denied");
    expect(metricsAccess(null, token)).toBe("denied");
  });
});
