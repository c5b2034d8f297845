import { getTranslations } from "next-intl/server";
import type { ProblemStatusName } from "@/lib/domain/enums";
import { PrintButton } from "./print-button";

const NOTICED: readonly ProblemStatusName[] = ["PUBLIC_NOTICE", "PENDING_SIGNOFF", "CLOSED"];

/** The problem page's printable records: the closure approval form once closed, the public-notice text once noticed, and the page itself. */
export async function ProblemDocuments({ problemId, status }: { problemId: string; status: ProblemStatusName }) {
  const t = await getTranslations("officeUi");
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden" data-print="hide">
      {status === "CLOSED" ? (
        <a href={`/api/v1/problems/${problemId}/closure-form`} className="btn-secondary" data-testid="closure-form" download>
          {t("closureForm")}
        </a>
      ) : null}
      {NOTICED.includes(status) ? (
        <a href={`/api/v1/problems/${problemId}/notice-document`} className="btn-secondary" download>
          {t("noticeDocument")}
        </a>
      ) : null}
      <PrintButton label={t("print")} />
    </div>
  );
}
