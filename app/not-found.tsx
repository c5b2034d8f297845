import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";

export default function NotFound() {
  const t = useTranslations("common");
  return (
    <main className="px-4 py-16" data-testid="not-found">
      <Notice title={t("notFoundTitle")} action={{ href: "/problems", label: t("backToLedger") }}>
        <p>{t("notFoundBody")}</p>
      </Notice>
    </main>
  );
}
