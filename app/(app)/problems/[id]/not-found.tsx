import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";

export default function ProblemNotFound() {
  const t = useTranslations();
  return (
    <div data-testid="not-found">
      <Notice title={t("problem.notFoundTitle")} action={{ href: "/problems", label: t("common.backToLedger") }}>
        <p>{t("problem.notFoundBody")}</p>
      </Notice>
    </div>
  );
}
