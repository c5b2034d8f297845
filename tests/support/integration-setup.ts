import { afterAll, beforeAll, inject, vi } from "vitest";
import { setClockSource } from "@/lib/clock";
import { heldWithinShanghaiDay, MIDNIGHT_MARGIN_MS, msUntilShanghaiDayIsSafe } from "./midnight-guard";

// lib/db.ts reads the URL lazily, on the first query; set it before any test touches the database.
process.env.DATABASE_URL = inject("databaseUrl");

// Browser (cookie) sessions need a live Next request; here every caller is anonymous or uses a
// bearer token, so a request without an Authorization header simply has no cookie session.
vi.mock("@/lib/auth/next-auth", () => ({ getCookieActor: async () => null }));

// Tests compute calendar days (deadlines, "overdue by N days") from the clock while the server code
// reads it again later: a file that starts just before midnight in Shanghai and ends after it would
// see the days shift under it. So the app's clock (lib/clock.ts, which "today" and every use case's
// default `now` read) and the factories' calendarDay() are held within the Shanghai day the file
// starts in. A file that would start in the last minutes of a day first waits for the new day, so
// that the database's own timestamps (defaults of now()) fall in the same day too.
beforeAll(async () => {
  const wait = msUntilShanghaiDayIsSafe();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  setClockSource(heldWithinShanghaiDay());
}, MIDNIGHT_MARGIN_MS + 60_000);

afterAll(async () => {
  setClockSource(null);
  const holder = globalThis as { rectifyDb?: { $disconnect: () => Promise<void> } };
  await holder.rectifyDb?.$disconnect();
  holder.rectifyDb = undefined;
});
