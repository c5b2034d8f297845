/** `npm run prisma -- <args>`: the Prisma CLI against DATABASE_URL or the embedded database. */
import { resolveDatabaseUrl } from "./database-url";
import { runPrisma } from "./prisma-cli";

const { url, embedded } = await resolveDatabaseUrl();
try {
  runPrisma(process.argv.slice(2), url);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
