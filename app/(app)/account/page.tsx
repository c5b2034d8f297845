import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasswordForm } from "@/components/admin/password-form";
import { SessionList } from "@/components/admin/session-list";
import { shanghaiMinute } from "@/lib/i18n/format-time";
import { listMySessions, previousSignIn } from "@/lib/server/account/my-sessions";
import { getSettings } from "@/lib/server/settings/get-settings";
import { requireActor } from "../session";
import { changePasswordAction, endSessionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("account.title")} · ${t("common.appName")}` };
}

/** 我的账号: change my password, see and end my sessions, my last sign-in. */
export default async function AccountPage() {
  const actor = await requireActor("/account");
  const [t, tr, sessions, previous, settings] = await Promise.all([
    getTranslations("account"),
    getTranslations("passwordRules"),
    listMySessions(actor),
    previousSignIn(actor),
    getSettings(),
  ]);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="font-semibold text-slate-900 text-xl">{t("title")}</h1>
        <p className="mt-1 text-slate-600 text-sm" data-testid="last-sign-in">
          {previous
            ? previous.ip
              ? t("lastSignIn", { at: shanghaiMinute(previous.at), ip: previous.ip })
              : t("lastSignInNoIp", { at: shanghaiMinute(previous.at) })
            : t("firstSignIn")}
        </p>
      </div>
      <section className="card max-w-md p-5" aria-labelledby="pw-title">
        <h2 id="pw-title" className="mb-3 font-semibold text-slate-900">
          {t("passwordTitle")}
        </h2>
        <PasswordForm
          action={changePasswordAction}
          policy={tr("summary", { min: settings.passwordMinLength, classes: settings.passwordMinClasses })}
        />
      </section>
      <section className="card p-5" aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="font-semibold text-slate-900">
          {t("sessionsTitle")}
        </h2>
        <p className="mb-3 text-slate-600 text-sm">{t("sessionsHint")}</p>
        <SessionList
          end={endSessionAction}
          sessions={sessions.map((s) => ({
            id: s.id,
            kind: s.kind,
            started: shanghaiMinute(s.createdAt),
            lastSeen: shanghaiMinute(s.lastSeenAt),
            ip: s.ip,
            device: s.userAgent,
            current: s.current,
          }))}
        />
      </section>
    </div>
  );
}
