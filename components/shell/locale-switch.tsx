import { useLocale, useTranslations } from "next-intl";
import { LOCALES } from "@/lib/schemas/parse";

/** Two buttons in a plain form: works before hydration and without JavaScript. */
export function LocaleSwitch({ action, className = "" }: { action: (formData: FormData) => Promise<void>; className?: string }) {
  const t = useTranslations();
  const current = useLocale();
  return (
    <form action={action} className={`inline-flex ${className}`}>
      <fieldset className="inline-flex overflow-hidden rounded-md border border-slate-300">
        <legend className="sr-only">{t("nav.language")}</legend>
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={locale === current}
            className={`min-h-9 px-2.5 text-xs ${locale === current ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {t(`locale.${locale}`)}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
