/** `npm run backup [-- --out FILE]`: see scripts/ops/backup-main.ts. */
import "./server-only-hook";

await import("./ops/backup-main");
