/** `npm run setup -- --admin NAME [--name 显示名] [--city 320500]`: see scripts/ops/setup-main.ts. */
import "./server-only-hook";

await import("./ops/setup-main");
