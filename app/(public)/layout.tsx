import { getTranslations } from "next-intl/server";

/** Pages for the public, outside the signed-in app: no account, no navigation of the app. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 text-blue-800 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("skipToContent")}
      </a>
      {children}
    </>
  );
}
