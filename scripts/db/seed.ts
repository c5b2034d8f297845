/** `npm run db:seed`: loads the demo data into an empty database (DATABASE_URL or the embedded one). */
import "../server-only-hook";

await import("./seed-demo");
