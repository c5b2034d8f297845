import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PasswordForm } from "@/components/admin/password-form";
import { getSettings } from "@/lib/server/settings/get-settings";
import { PASSWORD_CHANGE_PATH, requireActor } from "../../session";
import { changePasswordAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("account.mustTitle")} · ${t("common.appName")}` };
}

/** Where every page leads while a new password is required (new account, reset, expired); then on to the home page. */
export default async function MustChangePasswordPage() {
  const actor = await requireActor(PASSWORD_CHANGE_PATH);
  if (!actor.mustChangePassword) redirect("/account");
  const [t, tr, settings] = await Promise.all([getTranslations("account"), getTranslations("passwordRules"), getSettings()]);
  return (
    <section className="card mx-auto max-w-md p-6" aria-labelledby="must-title">
      <h1 id="must-title" className="font-semibold text-slate-900 text-xl">
        {t("mustTitle")}
      </h1>
      <p className="mt-1 mb-4 text-slate-700 text-sm">{t("mustHint")}</p>
      <PasswordForm
        action={changePasswordAction}
        afterChange="/"
        policy={tr("summary", { min: settings.passwordMinLength, classes: settings.passwordMinClasses })}
      />
    </section>
  );
}
