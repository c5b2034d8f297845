import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * Vitest for mutation testing (`npm run test:mutation`): the unit project only. Stryker runs the
 * tests related to each mutated file, and the integration tests would need PostgreSQL.
 */
const projects = (base.test?.projects ?? []).filter(
  (project) => typeof project === "object" && "test" in project && project.test?.name === "unit",
);

export default defineConfig({ ...base, test: { ...base.test, projects } });
