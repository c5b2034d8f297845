import { z } from "zod";

/** Rule settings the bureau tunes without a release; the defaults apply until a `Setting` row overrides one. */
export const SETTINGS_DEFAULTS = {
  /** Days between two progress reports (旬报: every 10 days). */
  reportCycleDays: 10,
  /** A problem is behind planned pace (序时进度) when its progress trails the share of time elapsed by more than this many points. */
  paceMarginPct: 10,
  /** A problem due within this many days while measures are still open is YELLOW. */
  dueSoonDays: 15,
  /** The reminder goes out this many days before the deadline. */
  reminderDaysBefore: 7,
  /** The red notice (红牌督办) goes out after this many overdue days. */
  redOverdueDays: 15,
  /** A report is late once the cycle plus this many days has passed without one. */
  lateReportGraceDays: 2,
  /** Largest evidence file accepted, in bytes (50 MiB). */
  evidenceMaxBytes: 52_428_800,
  /** Largest image accepted, in pixels (width × height); guards against decompression bombs. */
  evidenceMaxPixels: 100_000_000,
  /** Length of a public notice period (公示期), in days. */
  noticeDays: 7,
  /** Objections one sender may raise per hour on the public notice page. */
  objectionsPerHour: 5,
  /** The last this many of a ranking are "named" (被通报), ties at the boundary included. */
  rankingBottomN: 5,
  /** A problem overdue by more than this many days counts as not rectified for the penalty rules. */
  penaltyOverdueDays: 60,
  /** Shortest password accepted (MLPS 2.0 level 3 practice: at least 8). */
  passwordMinLength: 8,
  /** Character classes (lower case, upper case, digits, symbols) a password must mix. */
  passwordMinClasses: 3,
  /** Days after which a password must be changed; 0 = it never expires. */
  passwordExpiryDays: 0,
  /** Consecutive failed sign-ins that lock an account. */
  loginMaxFailures: 10,
  /** Minutes an account stays locked after that many failures. */
  loginLockMinutes: 15,
  /** Minutes without a request after which a session ends. */
  sessionIdleMinutes: 30,
  /** Off-site clue EXCEEDANCE (超标): over the limit for at least this many consecutive hours. */
  clueExceedanceHours: 4,
  /** Off-site clue FLATLINE (数据恒值): the same value for at least this many consecutive hours. */
  clueFlatlineHours: 24,
  /** Off-site clue GAP (数据缺失): no reading for at least this many hours. */
  clueGapHours: 24,
  /** Chemical enterprises closed within this many years are re-checked (退出化工企业复查). */
  closedChemicalYears: 5,
} as const;

export type Settings = { -readonly [K in keyof typeof SETTINGS_DEFAULTS]: number };
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(SETTINGS_DEFAULTS) as SettingKey[];

const whole = (min: number, max: number) => z.number({ error: "v.invalidNumber" }).int().min(min).max(max);

/** Each setting's allowed range. */
export const settingsSchema = z
  .strictObject({
    reportCycleDays: whole(1, 366),
    paceMarginPct: whole(0, 100),
    dueSoonDays: whole(0, 366),
    reminderDaysBefore: whole(0, 366),
    redOverdueDays: whole(0, 366),
    lateReportGraceDays: whole(0, 366),
    evidenceMaxBytes: whole(1024, 1_073_741_824),
    evidenceMaxPixels: whole(1_000_000, 1_000_000_000),
    noticeDays: whole(1, 60),
    objectionsPerHour: whole(1, 1000),
    rankingBottomN: whole(1, 50),
    penaltyOverdueDays: whole(0, 3650),
    passwordMinLength: whole(8, 128),
    passwordMinClasses: whole(1, 4),
    passwordExpiryDays: whole(0, 3650),
    loginMaxFailures: whole(3, 100),
    loginLockMinutes: whole(1, 1440),
    sessionIdleMinutes: whole(5, 1440),
    clueExceedanceHours: whole(1, 720),
    clueFlatlineHours: whole(2, 720),
    clueGapHours: whole(1, 720),
    closedChemicalYears: whole(1, 30),
  })
  .meta({ id: "Settings" });

/** Stored values over the defaults; a stored value that is out of range (or of another type) is ignored. */
export function mergeSettings(stored: readonly { key: string; value: unknown }[]): Settings {
  const out: Settings = { ...SETTINGS_DEFAULTS };
  const shape = settingsSchema.shape;
  for (const row of stored) {
    if (!(row.key in shape)) continue;
    const key = row.key as SettingKey;
    const parsed = shape[key].safeParse(row.value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}
