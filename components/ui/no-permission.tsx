import { useTranslations } from "next-intl";
import { Notice } from "./notice";

/** What a person sees when their role may not do what the page offers (the 403 of a page). */
export function NoPermission() {
  const t = useTranslations("common");
  return (
    <Notice title={t("forbiddenTitle")} tone="amber" action={{ href: "/problems", label: t("backToLedger") }}>
      <p>{t("forbiddenBody")}</p>
    </Notice>
  );
}
