/**
 * Lets scripts run outside Next.js (tsx / node) load `lib/server`: every module there starts with
 * `import "server-only"`, whose default export throws outside React Server Components. This hook
 * resolves that one package with the `react-server` condition, i.e. to its empty module — nothing
 * else changes. Import it first, then import the rest dynamically (static imports are resolved
 * before any code runs):
 *
 *     import "../server-only-hook";
 *     await import("./the-real-script");
 *
 * (Scripts run through npm with `--conditions=react-server`, which has the same effect.)
 */
import { register } from "node:module";

const hooks = `export async function resolve(specifier, context, next) {
  if (specifier !== "server-only") return next(specifier, context);
  return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url);
