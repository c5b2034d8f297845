import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChecklistForm, type SettingGroup, SettingsForm } from "@/components/admin/settings-forms";
import { EVIDENCE_KINDS, PROBLEM_CATEGORIES } from "@/lib/domain/enums";
import { type SettingKey, settingsSchema } from "@/lib/domain/settings";
import { authorize } from "@/lib/permissions";
import { getClosureChecklistSetting } from "@/lib/server/closure/get-closure-checklist-setting";
import { readSettings } from "@/lib/server/settings/get-settings";
import { requireActor } from "../../session";
import { saveChecklistAction, saveSettingsAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("adminUi.settingsTitle")} · ${t("common.appName")}` };
}

const GROUPS: Record<"workflow" | "evidence" | "ranking" | "security" | "monitoring", SettingKey[]> = {
  workflow: ["reportCycleDays", "paceMarginPct", "dueSoonDays", "reminderDaysBefore", "redOverdueDays", "lateReportGraceDays"],
  evidence: ["evidenceMaxBytes", "evidenceMaxPixels", "noticeDays", "objectionsPerHour"],
  ranking: ["rankingBottomN", "penaltyOverdueDays", "closedChemicalYears"],
  security: [
    "passwordMinLength",
    "passwordMinClasses",
    "passwordExpiryDays",
    "loginMaxFailures",
    "loginLockMinutes",
    "sessionIdleMinutes",
  ],
  monitoring: ["clueExceedanceHours", "clueFlatlineHours", "clueGapHours"],
};

/** The range of a setting, read from its schema (one source for the form, the API and the checks). */
function range(key: SettingKey): { min: number; max: number } {
  const js = settingsSchema.shape[key].toJSONSchema() as { minimum?: number; maximum?: number };
  return { min: js.minimum ?? 0, max: js.maximum ?? Number.MAX_SAFE_INTEGER };
}

/** 规则设置: every validated setting and the closure checklist, each save audited; penalty rules on their own page. */
export default async function SettingsPage() {
  const actor = await requireActor("/admin/settings");
  authorize(actor, "settings.manage");
  const [t, tl, tc, te, settings, checklist] = await Promise.all([
    getTranslations("adminUi"),
    getTranslations("adminSettings.labels"),
    getTranslations("enums.category"),
    getTranslations("enums.evidenceKind"),
    readSettings(actor),
    getClosureChecklistSetting(actor),
  ]);
  const groups: SettingGroup[] = Object.entries(GROUPS).map(([g, keys]) => ({
    title: t(`groups.${g}` as "groups.workflow"),
    items: keys.map((key) => ({ key, label: tl(key), value: settings[key], ...range(key) })),
  }));
  return (
    <div className="space-y-5">
      <div>
        <h1 className="font-semibold text-slate-900 text-xl">{t("settingsTitle")}</h1>
        <p className="text-slate-600 text-sm">{t("settingsHint")}</p>
        <p className="mt-1">
          <Link href="/admin/penalty-rules" className="link text-sm">
            {t("penaltyLink")}
          </Link>
        </p>
      </div>
      <section className="card p-4">
        <SettingsForm groups={groups} action={saveSettingsAction} />
      </section>
      <section className="card space-y-2 p-4" aria-labelledby="checklist-title">
        <h2 id="checklist-title" className="font-semibold text-slate-900">
          {t("checklistTitle")}
        </h2>
        <p className="text-slate-600 text-sm">{t("checklistHint")}</p>
        <ChecklistForm
          action={saveChecklistAction.bind(null, [...PROBLEM_CATEGORIES])}
          categories={PROBLEM_CATEGORIES.map((c) => ({ key: c, label: tc(c) }))}
          kinds={EVIDENCE_KINDS.map((k) => ({ key: k, label: te(k) }))}
          checked={checklist}
        />
      </section>
    </div>
  );
}
