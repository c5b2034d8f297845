import { afterEach, beforeEach } from "vitest";

/**
 * A test fails when something writes to console.error that it did not expect (an unexpected
 * error the API wrapper logged, a React warning…). A test that provokes one on purpose calls
 * `allowConsoleError()` first. State lives on globalThis so the setup file and tests share it.
 */
type GuardState = { allowed: boolean; calls: unknown[][]; original: typeof console.error };

const holder = globalThis as { __consoleGuard?: GuardState };
holder.__consoleGuard ??= { allowed: false, calls: [], original: console.error };
const state = holder.__consoleGuard;

export function allowConsoleError(): void {
  state.allowed = true;
}

beforeEach(() => {
  state.allowed = false;
  state.calls = [];
  console.error = (...args: unknown[]) => {
    if (state.allowed) return;
    state.calls.push(args);
    state.original(...args);
  };
});

afterEach(() => {
  console.error = state.original;
  const calls = state.calls;
  state.calls = [];
  if (calls.length) {
    const first = calls[0]?.map((a) => (a instanceof Error ? a.message : String(a))).join(" ");
    throw new Error(`Unexpected console.error (${calls.length}×): ${first}`);
  }
});
