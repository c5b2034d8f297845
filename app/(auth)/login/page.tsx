import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/(app)/locale-actions";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { getCookieActor } from "@/lib/auth/next-auth";
import { safeCallbackPath } from "@/lib/i18n/labels";
import { signInLockMinutes } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("login.title")} · ${t("common.appName")}` };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // Without a deep link the home page decides where the person lands (by role).
  const callbackUrl = safeCallbackPath(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl, "/");
  if (await getCookieActor()) redirect(callbackUrl);
  const t = await getTranslations();
  return (
    <div className="w-full max-w-sm">
      <div className="mb-4 flex justify-end">
        <LocaleSwitch action={setLocaleAction} />
      </div>
      <div className="card p-6 sm:p-8">
        <div className="mb-6 flex items-center gap-3">
          <span
            aria-hidden
            className="flex h-10 w-10 items-center justify-center rounded-md bg-blue-800 font-bold text-lg text-white"
          >
            {t("common.appName").slice(0, 1)}
          </span>
          <div>
            <p className="font-semibold text-lg text-slate-900">{t("common.appName")}</p>
            <p className="text-slate-500 text-xs">{t("common.appTagline")}</p>
          </div>
        </div>
        <h1 className="font-semibold text-slate-900 text-xl">{t("login.title")}</h1>
        <p className="mb-5 text-slate-600 text-sm">{t("login.subtitle")}</p>
        <LoginForm callbackUrl={callbackUrl} lockMinutes={signInLockMinutes} />
      </div>
    </div>
  );
}
