"use client";

import { useTranslations } from "next-intl";

/** Unexpected failures inside the app: a plain message and a way to try again, never the error itself. */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <section role="alert" className="mx-auto max-w-xl rounded-lg border border-red-300 bg-red-50 p-6">
      <h1 className="font-semibold text-lg text-red-900">{t("genericError")}</h1>
      {error.digest ? <p className="mt-2 text-red-800 text-xs">{t("errorRef", { digest: error.digest })}</p> : null}
      <button type="button" className="btn-secondary mt-4" onClick={() => reset()}>
        {t("retry")}
      </button>
    </section>
  );
}
