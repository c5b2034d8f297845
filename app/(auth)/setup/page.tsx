import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/admin/setup-form";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/lib/db";
import { HOME_CITY_CODE } from "@/lib/domain/indicators";
import { getSettings } from "@/lib/server/settings/get-settings";
import { cityReference } from "@/lib/server/setup/city-reference";
import { isInstalled } from "@/lib/server/setup/first-run";
import { setupAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("setupPage.title")} · ${t("common.appName")}` };
}

/** First run (`/setup?token=…`, the link `npm start` prints on an empty database): the first administrator. */
export default async function SetupPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const token = Array.isArray(params.token) ? params.token[0] : params.token;
  const t = await getTranslations("setupPage");
  if (await isInstalled(getDb())) {
    return <Notice title={t("already")} action={{ href: "/login", label: t("toLogin") }} />;
  }
  if (!token) return <Notice title={t("title")}>{t("noToken")}</Notice>;
  const [tr, settings] = await Promise.all([getTranslations("passwordRules"), getSettings()]);
  const city = cityReference(HOME_CITY_CODE)?.city.name ?? HOME_CITY_CODE;
  return (
    <div className="card w-full max-w-md p-6 sm:p-8">
      <h1 className="font-semibold text-slate-900 text-xl">{t("title")}</h1>
      <p className="mb-4 text-slate-600 text-sm">{t("hint", { city })}</p>
      <SetupForm
        token={token}
        action={setupAction}
        policy={tr("summary", { min: settings.passwordMinLength, classes: settings.passwordMinClasses })}
      />
    </div>
  );
}
