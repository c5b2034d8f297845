import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NoPermission } from "@/components/ui/no-permission";
import { SELF_REVIEW_QUESTIONS } from "@/lib/domain/self-review";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { getUnitHistory } from "@/lib/server/self-reviews/self-review-views";
import { requireActor } from "../../../../session";

/** A unit's rounds side by side: its ratings per question, round after round. */
export default async function UnitHistoryPage({ params }: { params: Promise<{ unitId: string }> }) {
  const { unitId } = await params;
  const actor = await requireActor(`/bottom-line/self-reviews/units/${unitId}`);
  if (!can(actor, "selfReview.read")) return <NoPermission />;
  const t = await getTranslations("selfReview");
  const history = await getUnitHistory(actor, unitId).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  return (
    <div className="space-y-4">
      <p>
        <Link className="link text-sm" href="/bottom-line/self-reviews">
          ← {t("rounds")}
        </Link>
      </p>
      <h1 className="font-bold text-2xl">
        {history.unit.name} · {t("history")}
      </h1>
      {history.rounds.length === 0 ? (
        <p className="text-slate-600">{t("noRounds")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm" data-testid="unit-history">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="py-2">{t("unit")}</th>
                {history.rounds.map((r) => (
                  <th key={r.id} className="text-center">
                    <Link className="link" href={`/bottom-line/self-reviews/${r.id}/units/${history.unit.id}`}>
                      {r.period}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {SELF_REVIEW_QUESTIONS.map((q) => (
                <tr key={q} className="border-slate-200 border-t">
                  <th scope="row" className="py-2 text-left font-normal">
                    {t(`questions.${q}`)}
                  </th>
                  {history.rounds.map((r) => {
                    const v = r.ratings[q];
                    return (
                      <td
                        key={r.id}
                        className={`text-center tabular-nums ${v !== null && v <= 2 ? "font-semibold text-red-700" : ""}`}
                      >
                        {v ?? "—"}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr className="border-slate-300 border-t-2">
                <th scope="row" className="py-2 text-left">
                  {t("mean")}
                </th>
                {history.rounds.map((r) => (
                  <td key={r.id} className="text-center font-semibold tabular-nums">
                    {r.mean ?? "—"}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
