import { useLocale, useTranslations } from "next-intl";
import { LOCALES } from "@/lib/schemas/parse";

/**
 * One button in a plain form that switches to the other language, named in that language
 * ("English" / "中文"): works before hydration and without JavaScript, and keeps the bar narrow.
 */
export function LocaleSwitch({ action, className = "" }: { action: (formData: FormData) => Promise<void>; className?: string }) {
  const t = useTranslations();
  const current = useLocale();
  const other = LOCALES.find((l) => l !== current) ?? LOCALES[0];
  return (
    <form action={action} className={`inline-flex ${className}`}>
      <button
        type="submit"
        name="locale"
        value={other}
        lang={other}
        title={t("nav.language")}
        className="min-h-9 rounded-md border border-slate-300 bg-white px-2.5 text-slate-700 text-xs hover:bg-slate-100"
      >
        {t(`locale.${other}`)}
      </button>
    </form>
  );
}
