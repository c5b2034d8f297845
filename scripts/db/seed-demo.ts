/** Loads the demo data into an empty database (DATABASE_URL or the embedded one); run through scripts/db/seed.ts. */
import { getDb } from "../../lib/db";
import { isDatabaseEmpty, seedDemo } from "../../prisma/seed";
import { ensureDemoIndicators } from "../../prisma/seed-indicators";
import { DEMO_PASSWORD } from "../../tests/factories";
import { resolveDatabaseUrl } from "./database-url";

const { embedded } = await resolveDatabaseUrl();
const db = getDb();
try {
  if (await isDatabaseEmpty(db)) {
    const started = performance.now();
    const { problems, users } = await seedDemo(db, { log: (s) => console.log(`  ${s}`) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${problems} problems and ${users} users in ${seconds} s. Every demo account's password is ${DEMO_PASSWORD}.`,
    );
  } else {
    console.log("The database already has a ledger; it was left as it is.");
  }
  await ensureDemoIndicators(db, (s) => console.log(`  ${s}`));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
