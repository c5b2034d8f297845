import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

/**
 * Every server action of the app, found by reading every `"use server"` file under app/: each must
 * be in the role × action matrix (the integration file named here, which calls it as every role),
 * or be public by design (with the reason), or be on the short list of actions still waiting for
 * their matrix. A new exported action that is in none of them fails this test. And every page a
 * server action is posted to refuses a foreign Origin (the proxy runs on it and answers 403).
 */

const ROOT = join(__dirname, "../../..");
const APP = join(ROOT, "app");

/** action → the integration test file that runs it as every role (a refusal writes nothing). */
const MATRIX: Record<string, string> = {
  createProblemAction: "server-actions-matrix",
  updateProblemAction: "server-actions-matrix",
  addMeasureAction: "server-actions-matrix",
  reorderMeasuresAction: "server-actions-matrix",
  createReportAction: "server-actions-matrix",
  requestExtensionAction: "server-actions-matrix",
  submitPlanAction: "server-actions-matrix",
  updateMeasureAction: "server-actions-matrix",
  completeMeasureAction: "server-actions-matrix",
  decideExtensionAction: "server-actions-matrix",
  decidePlanAction: "server-actions-matrix",
  transitionAction: "server-actions-matrix",
  recordPerfunctoryAction: "server-actions-matrix",
  withdrawFindingAction: "server-actions-matrix",
  recordAcceptanceAction: "server-actions-closure",
  endNoticeAction: "server-actions-closure",
  decideObjectionAction: "server-actions-closure",
  dismissObjectionsAction: "server-actions-closure",
  signOffAction: "server-actions-closure",
  lookbackAction: "server-actions-closure",
  markReadAction: "server-actions-closure",
  markAllReadAction: "server-actions-closure",
  openNotificationAction: "server-actions-closure",
  endSessionAction: "server-actions-closure",
  setActiveAction: "server-actions-admin",
  resetPasswordAction: "server-actions-admin",
  unlockUserAction: "server-actions-admin",
  createUnitAction: "server-actions-admin",
  deleteUnitAction: "server-actions-admin",
  createDistrictAction: "server-actions-admin",
  decidePenaltyAction: "server-actions-admin",
  openRoundAction: "server-actions-self-review",
  closeRoundAction: "server-actions-self-review",
  saveSheetAction: "server-actions-self-review",
  submitSheetAction: "server-actions-self-review",
  commentSheetAction: "server-actions-self-review",
  returnSheetAction: "server-actions-self-review",
  raiseProblemAction: "server-actions-self-review",
  recordIncidentAction: "server-actions-bottom-line",
  updateIncidentAction: "server-actions-bottom-line",
  findProblemsAction: "server-actions-bottom-line",
  recordReadingAction: "server-actions-bottom-line",
  createPointAction: "server-actions-bottom-line",
  updatePointAction: "server-actions-bottom-line",
  createParkAction: "server-actions-bottom-line",
  updateParkAction: "server-actions-bottom-line",
  editPreventionItemAction: "server-actions-bottom-line",
  createSweepAction: "server-actions-bottom-line",
  updateSweepAction: "server-actions-bottom-line",
  countTaggedTargetsAction: "server-actions-bottom-line",
  createProjectAction: "server-actions-enforcement",
  // Two pages export this name (a project's "422" checklist, the administrator's closure checklist): both files call theirs.
  saveChecklistAction: "server-actions-enforcement",
  reviewProjectAction: "server-actions-enforcement",
  assignClueAction: "server-actions-enforcement",
  dismissClueAction: "server-actions-enforcement",
  recordCheckAction: "server-actions-enforcement",
  hazardsToProblemsAction: "server-actions-enforcement",
  recordStageAction: "server-actions-enforcement",
  recordRecheckAction: "server-actions-enforcement",
  addPreventionItemAction: "server-actions-enforcement",
  updatePreventionItemAction: "server-actions-enforcement",
  recordAssessmentAction: "server-actions-enforcement",
  recordDrillAction: "server-actions-enforcement",
  createUserAction: "server-actions-settings",
  updateUserAction: "server-actions-settings",
  updateUnitAction: "server-actions-settings",
  saveSettingsAction: "server-actions-settings",
  updatePenaltyRulesAction: "server-actions-settings",
  changePasswordAction: "server-actions-settings",
  recordPenaltyPaymentAction: "server-actions-settings",
};

/** Open to anyone by design, and why. */
const PUBLIC: Record<string, string> = {
  signInLockMinutes: "the login form asks how long a lock lasts; answers only for the caller's own address",
  setupAction: "the first-run setup; refuses once an administrator exists",
  setLocaleAction: "switches the interface language (cookie; the account's own setting when signed in)",
};

/**
 * Actions waiting for their row in a matrix. Empty: every action is in MATRIX or PUBLIC, and a
 * new one must come with its row. Were a name ever put here, it must still be exported and not
 * yet in MATRIX, or the test fails.
 */
const NOT_YET: string[] = [];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The files under app/ that start with "use server", and the functions each exports. */
const FILES = walk(APP)
  .map((file) => ({ file: relative(ROOT, file), text: readFileSync(file, "utf8") }))
  .filter(({ text }) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(text))
  .map(({ file, text }) => ({
    file,
    actions: [...text.matchAll(/export\s+(?:async\s+)?function\s+(\w+)|export\s+const\s+(\w+)/g)].map(
      (m) => (m[1] ?? m[2]) as string,
    ),
  }));
const EXPORTED = FILES.flatMap((f) => f.actions);

/** The page path a file's actions are posted from: route groups dropped, dynamic segments filled. */
function pagePath(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => (/^\[.*\]$/.test(s) ? "6f1c1d0e-1111-4a4a-8b8b-000000000001" : s));
  return `/${segments.join("/")}`;
}

describe("every server action is accounted for", () => {
  it("finds the server-action files (the walk works)", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(18);
    expect(EXPORTED).toContain("dismissObjectionsAction");
  });

  it("each exported action is in the role × action matrix, public by design, or on the waiting list", () => {
    const unaccounted = [...new Set(EXPORTED)].filter((a) => !(a in MATRIX) && !(a in PUBLIC) && !NOT_YET.includes(a));
    expect(unaccounted, "add these to a role × action matrix test and to MATRIX").toEqual([]);
  });

  it("the waiting list only shrinks: every name on it still exists and is not yet in the matrix", () => {
    for (const a of NOT_YET) {
      expect(EXPORTED, a).toContain(a);
      expect(a in MATRIX || a in PUBLIC, a).toBe(false);
    }
    for (const a of [...Object.keys(MATRIX), ...Object.keys(PUBLIC)]) expect(EXPORTED, a).toContain(a);
  });

  it("each action in MATRIX is called in the matrix file that is named for it", () => {
    for (const [action, file] of Object.entries(MATRIX)) {
      const text = readFileSync(join(ROOT, "tests/integration", `${file}.integration.test.ts`), "utf8");
      expect(text.match(new RegExp(`\\b${action}\\(`, "g"))?.length ?? 0, `${action} in ${file}`).toBeGreaterThanOrEqual(1);
      expect(text, file).toMatch(/for \(const who of WHO\)|it\.each\(WHO\)/);
    }
  });
});

describe("a server action posted from another site is refused on every page that has one", () => {
  const matcher = new RegExp(`^${(config.matcher as string[])[0]}$`);
  const post = (path: string, headers: Record<string, string>) =>
    proxy(
      new NextRequest(`http://rectify.test${path}`, {
        method: "POST",
        headers: { host: "rectify.test", "next-action": "0123456789abcdef", ...headers },
      }),
    );

  for (const { file } of FILES) {
    const path = pagePath(file);
    it(`${file} (${path})`, () => {
      expect(matcher.test(path), `the proxy runs on ${path}`).toBe(true);
      expect(post(path, { origin: "https://evil.example" }).status).toBe(403);
      expect(post(path, { origin: "null" }).status).toBe(403);
      expect(post(path, { origin: "https://evil.example", "x-forwarded-host": "evil.example" }).status).toBe(403);
      expect(post(path, { "sec-fetch-site": "cross-site" }).status).toBe(403);
      // The same post from the app itself goes on to the action (which then authorizes itself).
      expect(post(path, { origin: "http://rectify.test" }).status).toBe(200);
    });
  }
});
