import { describe, expect, it } from "vitest";
import { mergeSettings, SETTING_KEYS, SETTINGS_DEFAULTS, settingsSchema } from "@/lib/domain/settings";

describe("settings", () => {
  it("have the documented defaults", () => {
    expect(SETTINGS_DEFAULTS).toEqual({
      reportCycleDays: 10,
      paceMarginPct: 10,
      dueSoonDays: 15,
      reminderDaysBefore: 7,
      redOverdueDays: 15,
      lateReportGraceDays: 2,
      evidenceMaxBytes: 52_428_800,
      evidenceMaxPixels: 100_000_000,
      noticeDays: 7,
      objectionsPerHour: 5,
      rankingBottomN: 5,
      penaltyOverdueDays: 60,
      // Password and session policy (MLPS 2.0 level 3 practice).
      passwordMinLength: 8,
      passwordMinClasses: 3,
      passwordExpiryDays: 0,
      loginMaxFailures: 10,
      loginLockMinutes: 15,
      sessionIdleMinutes: 30,
      closedChemicalYears: 5,
      clueExceedanceHours: 4,
      clueFlatlineHours: 24,
      clueGapHours: 24,
    });
    expect(settingsSchema.safeParse(SETTINGS_DEFAULTS).success).toBe(true);
  });

  it("stored values override the defaults", () => {
    expect(mergeSettings([{ key: "dueSoonDays", value: 30 }])).toEqual({ ...SETTINGS_DEFAULTS, dueSoonDays: 30 });
    expect(mergeSettings([])).toEqual(SETTINGS_DEFAULTS);
  });

  it("ignores unknown keys and stored values out of range or of another type", () => {
    const merged = mergeSettings([
      { key: "somethingElse", value: 3 },
      { key: "reportCycleDays", value: 0 },
      { key: "paceMarginPct", value: "20" },
      { key: "redOverdueDays", value: 2.5 },
      { key: "reminderDaysBefore", value: null },
    ]);
    expect(merged).toEqual(SETTINGS_DEFAULTS);
  });

  it("refuses a setting out of range", () => {
    expect(settingsSchema.shape.paceMarginPct.safeParse(101).success).toBe(false);
    expect(settingsSchema.shape.reportCycleDays.safeParse(0).success).toBe(false);
    expect(settingsSchema.shape.reportCycleDays.safeParse(367).success).toBe(false);
    expect(settingsSchema.shape.lateReportGraceDays.safeParse(0).success).toBe(true);
  });

  it("lists every key once", () => {
    expect([...SETTING_KEYS].sort()).toEqual(Object.keys(settingsSchema.shape).sort());
  });
});
