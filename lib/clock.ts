/**
 * The app's "now" for calendar days: "today" in Asia/Shanghai, overdue days, due dates, the month
 * of a ranking. Production reads the system clock. Tests replace the source (`setClockSource`) to
 * pin the time: the integration setup holds it inside the Shanghai day a test file started in, so
 * a run crossing midnight cannot shift the days the test computed from those the server computes;
 * a test may also set a fixed instant to assert a calendar-day result exactly.
 * Instants that are not about days (rate-limit windows, session expiry, log times) read Date itself.
 */
let source: () => number = Date.now;

export function clockNow(): Date {
  return new Date(source());
}

/** Replaces the clock's source (null: back to the system clock). For tests. */
export function setClockSource(next: (() => number) | null): void {
  source = next ?? Date.now;
}
