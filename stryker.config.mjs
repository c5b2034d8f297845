// @ts-check
import { fileURLToPath } from "node:url";

/**
 * Mutation testing of the pure rules in lib/domain (`npm run test:mutation`, not part of
 * `npm test`/CI). One file: `npm run test:mutation -- --mutate lib/domain/what-if.ts`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  mutate: ["lib/domain/**/*.ts"],
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  coverageAnalysis: "perTest",
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.mutation.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // The checker needs TypeScript 5.9's compiler API (see scripts/mutation/typescript-5.9.mjs).
  checkerNodeArgs: ["--import", fileURLToPath(new URL("./scripts/mutation/typescript-5.9.mjs", import.meta.url))],
  // The machine is shared: one test runner and one checker process.
  concurrency: 1,
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  tempDirName: ".stryker-tmp",
  ignorePatterns: [".data", ".next", "storage", "coverage", "test-results", "playwright-report", "reports"],
  reporters: ["clear-text", "html", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 95, low: 85, break: null },
  timeoutMS: 10000,
};
