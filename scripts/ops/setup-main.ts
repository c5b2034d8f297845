/**
 * `npm run setup -- --admin NAME [--name 显示名] [--city 320500]`: first run on an empty database
 * without the browser. Loads the city's reference data (CITY_CODE, default 320200 Wuxi), creates
 * the administrator and prints a one-time password they must change at first sign-in.
 */

import { getDb } from "../../lib/db";
import { homeCityCode } from "../../lib/domain/indicators";
import { usernameSchema } from "../../lib/schemas/admin";
import { setupFromCommandLine } from "../../lib/server/setup/first-run";
import { resolveDatabaseUrl } from "../db/database-url";
import { runPrisma } from "../db/prisma-cli";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const username = usernameSchema.safeParse(arg("admin") ?? "");
if (!username.success) {
  console.error("usage: npm run setup -- --admin NAME [--name 显示名] [--city 320200]");
  console.error("NAME: letters, digits, dot, underscore and hyphen (2–50 characters)");
  process.exit(2);
}
const cityArg = arg("city") ?? process.env.CITY_CODE;
const cityCode = homeCityCode(cityArg);
if (cityArg && cityArg !== cityCode) {
  console.error(`Not a city code: ${cityArg} (six digits ending in 00, e.g. 320200 Wuxi, 320500 Suzhou)`);
  process.exit(2);
}

const { url, embedded } = await resolveDatabaseUrl();
runPrisma(["migrate", "deploy"], url, { capture: true });
const db = getDb();
let failed = false;
try {
  const r = await setupFromCommandLine(db, { username: username.data, displayName: arg("name"), cityCode });
  console.log(`Set up for ${r.cityName} (${cityCode}): ${r.districts} districts, ${r.units} units.`);
  console.log(`Administrator: ${r.username}`);
  console.log(`One-time password: ${r.oneTimePassword}`);
  console.log("It works once: a new password must be chosen at the first sign-in.");
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  failed = true;
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
// Stopping the embedded server leaves handles that would otherwise decide the exit code.
process.exit(failed ? 1 : 0);
