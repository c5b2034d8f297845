import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ExportButtons } from "@/components/office/export-buttons";
import { CloseRoundButton } from "@/components/reflection/close-round-button";
import { RatingHeatmap } from "@/components/reflection/rating-heatmap";
import { Badge } from "@/components/ui/badge";
import { NoPermission } from "@/components/ui/no-permission";
import { RESPECT_OF, SELF_REVIEW_QUESTIONS } from "@/lib/domain/self-review";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { getRound } from "@/lib/server/self-reviews/get-round";
import { requireActor } from "../../../session";

const TONE = { NOT_STARTED: "slate", DRAFT: "sky", SUBMITTED: "emerald", RETURNED: "amber" } as const;

export default async function RoundPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/bottom-line/self-reviews/${id}`);
  if (!can(actor, "selfReview.read")) return <NoPermission />;
  const t = await getTranslations("selfReview");
  const round = await getRound(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  const questions = SELF_REVIEW_QUESTIONS.map((q) => t(`questions.${q}`));
  const cells: [number, number, number][] = round.sheets.flatMap((s, row) =>
    SELF_REVIEW_QUESTIONS.flatMap((q, col) => {
      const v = s.ratings[q];
      return typeof v === "number" ? [[col, row, v] as [number, number, number]] : [];
    }),
  );
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <p>
            <Link className="link text-sm" href="/bottom-line/self-reviews">
              ← {t("rounds")}
            </Link>
          </p>
          <h1 className="font-bold text-2xl">
            {round.title}
            {round.isDemo ? (
              <Badge tone="amber" className="ml-2 align-middle">
                {t("demo")}
              </Badge>
            ) : null}
          </h1>
          <p className="text-slate-600 text-sm">
            {t("period")} {round.period} · {t("dueOn")} {round.dueOn} · {t(`roundStatuses.${round.status}`)} · {t("submitted")}{" "}
            {round.submitted}/{round.units} · {t("late")} {round.late}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {can(actor, "listExport.read") && (
            <ExportButtons endpoint={`/api/v1/self-reviews/${round.id}/export`} query={{}} testId="self-review" />
          )}
          {round.status === "OPEN" && can(actor, "selfReview.manage") ? (
            <CloseRoundButton roundId={round.id} version={round.version} />
          ) : null}
        </div>
      </header>
      {round.sheets.length > 1 ? (
        <section aria-labelledby="heat-title" className="card p-4">
          <h2 id="heat-title" className="font-semibold text-lg">
            {t("heatmap")}
          </h2>
          <RatingHeatmap units={round.sheets.map((s) => s.unit.name)} questions={questions} cells={cells} label={t("heatmap")} />
        </section>
      ) : null}
      <section aria-labelledby="table-title" className="space-y-2">
        <h2 id="table-title" className="font-semibold text-lg">
          {t("heatmapTable")}
        </h2>
        {round.sheets.length === 0 ? (
          <p className="text-slate-600">{t("noSheet")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[48rem] text-sm" data-testid="rating-table">
              <thead className="text-left text-slate-600">
                <tr>
                  <th className="py-2">{t("unit")}</th>
                  <th>{t("status")}</th>
                  {SELF_REVIEW_QUESTIONS.map((q) => (
                    <th key={q} className="text-center" title={t(`respects.${RESPECT_OF[q]}`)}>
                      {t(`questions.${q}`)}
                    </th>
                  ))}
                  <th className="text-right">{t("mean")}</th>
                </tr>
              </thead>
              <tbody>
                {round.sheets.map((s) => (
                  <tr key={s.id} className="border-slate-200 border-t">
                    <td className="py-2">
                      <Link className="link" href={`/bottom-line/self-reviews/${round.id}/units/${s.unit.id}`}>
                        {s.unit.name}
                      </Link>
                    </td>
                    <td>
                      <Badge tone={TONE[s.status]}>{t(`statuses.${s.status}`)}</Badge>
                      {s.late ? (
                        <Badge tone="red" className="ml-1">
                          {t("late")}
                        </Badge>
                      ) : null}
                    </td>
                    {SELF_REVIEW_QUESTIONS.map((q) => (
                      <td key={q} className="text-center tabular-nums">
                        {s.ratings[q] ?? "—"}
                      </td>
                    ))}
                    <td className="text-right tabular-nums">{s.mean ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
