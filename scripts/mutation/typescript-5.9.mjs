/**
 * Loaded with `node --import` into Stryker's main process (`npm run test:mutation`) and its
 * type-checker process (`checkerNodeArgs` in stryker.config.mjs). Stryker's core (to rewrite the
 * tsconfig in its sandbox) and its TypeScript checker import `typescript` and need its JavaScript
 * compiler API, which TypeScript 7 — the project's `typescript`, used by `npx tsc` — no longer
 * has. npm cannot give them a copy of their own: `typescript` is a peer dependency of the checker
 * (an `overrides` entry for it fails with ERESOLVE against the project's 7.x) and core loads it
 * with a bare `import('typescript')`. So TypeScript 5.9 is installed under the alias
 * `typescript-5.9`, and this hook sends the `typescript` imports of the Stryker packages — and
 * only those — there.
 */
import { register } from "node:module";

register("./typescript-5.9-resolve.mjs", import.meta.url);
