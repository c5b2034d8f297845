/**
 * Lighthouse on the pages people use most, against a running app (npm start):
 *   npm run bench:lighthouse [-- http://localhost:3000]
 * Signs in through next-auth's credentials endpoint as a demo account (password Rectify@2026,
 * or LIGHTHOUSE_PASSWORD), then runs Lighthouse with the system Chromium (CHROME_PATH, default
 * /usr/bin/chromium, headless) on login, My work, the ledger, a problem and the dashboard as a
 * desktop, and a field page as a phone; prints the four category scores per page. Asserts nothing.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Flags } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const base = (process.argv[2] ?? "http://localhost:3000").replace(/\/$/, "");
const password = process.env.LIGHTHOUSE_PASSWORD ?? "Rectify@2026";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

/** A next-auth session cookie for `username`, through the same endpoints the login form uses. */
async function signIn(username: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) jar.set(k.trim(), v.join("="));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: base,
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: new URLSearchParams({ username, password, csrfToken, callbackUrl: `${base}/work`, json: "true" }),
  });
  keep(res);
  const session = [...jar.keys()].find((k) => k.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return `${session}=${jar.get(session)}`;
}

async function firstProblemId(cookie: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/problems?pageSize=1&sort=-createdAt`, { headers: { cookie } });
  const body = (await res.json()) as { items?: { id: string }[] };
  const id = body.items?.[0]?.id;
  if (!id) throw new Error(`no problem to open (${res.status})`);
  return id;
}

type Target = { name: string; path: string; cookie?: string; phone?: boolean };

const leader = await signIn("leader");
const field = await signIn("field-jiangyin");
const problemId = await firstProblemId(leader);
const targets: Target[] = [
  { name: "login 登录", path: "/login" },
  { name: "my work 我的工作", path: "/work", cookie: leader },
  { name: "ledger 台账", path: "/problems", cookie: leader },
  { name: "problem 问题", path: `/problems/${problemId}`, cookie: leader },
  { name: "dashboard 驾驶舱", path: "/dashboard", cookie: leader },
  { name: "field (phone) 现场", path: "/field", cookie: field, phone: true },
];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"],
});
const rows: { page: string; scores: (number | null)[] }[] = [];
try {
  for (const t of targets) {
    const flags: Flags = {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      extraHeaders: t.cookie ? { Cookie: t.cookie } : undefined,
    };
    const result = await lighthouse(`${base}${t.path}`, flags, t.phone ? undefined : desktopConfig);
    if (!result) throw new Error(`no result for ${t.path}`);
    const lhr = result.lhr;
    if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname !== t.path.split("?")[0]) {
      console.warn(`${t.path} ended on ${lhr.finalDisplayedUrl}`);
    }
    rows.push({
      page: t.name,
      scores: CATEGORIES.map((c) =>
        lhr.categories[c]?.score == null ? null : Math.round((lhr.categories[c]?.score ?? 0) * 100),
      ),
    });
    const below = Object.values(lhr.audits).filter(
      (a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual",
    );
    if (process.env.LIGHTHOUSE_VERBOSE)
      for (const a of below) console.log(`  ${t.path}: ${a.id} ${a.score} ${a.displayValue ?? ""}`);
  }
} finally {
  chrome.kill();
}

const head = ["page", ...CATEGORIES];
console.log(`| ${head.join(" | ")} |\n|${head.map(() => "---").join("|")}|`);
for (const r of rows) console.log(`| ${r.page} | ${r.scores.map((s) => (s === null ? "—" : String(s))).join(" | ")} |`);
