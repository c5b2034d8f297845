/** `npm run restore -- FILE`: see scripts/ops/restore-main.ts. */
import "./server-only-hook";

await import("./ops/restore-main");
