import { defineConfig, devices } from "@playwright/test";

const port = process.env.E2E_PORT || "3100";

/**
 * Browser tests against the production build on a fresh, seeded embedded PostgreSQL
 * (tests/e2e/serve.ts). Chromium from the system, so nothing is downloaded.
 */
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "tsx tests/e2e/serve.ts",
    url: `http://127.0.0.1:${port}/login`,
    // The production build runs first and takes minutes on a 2-core machine.
    timeout: 900_000,
    reuseExistingServer: false,
    // SIGTERM lets serve.ts stop Next and the embedded database cleanly (the default is SIGKILL).
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
