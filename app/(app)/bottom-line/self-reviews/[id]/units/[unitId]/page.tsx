import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RaiseProblemButton, ReviewPanel } from "@/components/reflection/review-panel";
import { SheetForm } from "@/components/reflection/sheet-form";
import { Badge } from "@/components/ui/badge";
import { NoPermission } from "@/components/ui/no-permission";
import { db } from "@/lib/db";
import { sheetAllows } from "@/lib/domain/self-review";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { getSheet } from "@/lib/server/self-reviews/get-sheet";
import { requireActor } from "../../../../../session";

export default async function SheetPage({ params }: { params: Promise<{ id: string; unitId: string }> }) {
  const { id, unitId } = await params;
  const actor = await requireActor(`/bottom-line/self-reviews/${id}/units/${unitId}`);
  if (!can(actor, "selfReview.read")) return <NoPermission />;
  const t = await getTranslations("selfReview");
  const sheet = await getSheet(actor, id, unitId).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  const editable = can(actor, "selfReview.answer") && sheetAllows(sheet.round.status, sheet.status, "save");
  const reviewable = can(actor, "selfReview.review") && sheetAllows(sheet.round.status, sheet.status, "return");
  const raisable = can(actor, "selfReview.raiseProblem") && sheet.status === "SUBMITTED";
  const districts = raisable
    ? await db.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } })
    : [];
  return (
    <div className="space-y-6">
      <header>
        <p>
          <Link className="link text-sm" href={`/bottom-line/self-reviews/${id}`}>
            ← {sheet.round.title}
          </Link>
        </p>
        <h1 className="font-bold text-2xl">
          {sheet.unit.name} · {t("title")}
        </h1>
        <p className="text-slate-600 text-sm">
          {t("period")} {sheet.round.period} · {t("dueOn")} {sheet.round.dueOn} ·{" "}
          <span data-testid="sheet-status">{t(`statuses.${sheet.status}`)}</span>
          {sheet.late ? (
            <Badge tone="red" className="ml-1">
              {t("late")}
            </Badge>
          ) : null}{" "}
          ·{" "}
          <Link className="link" href={`/bottom-line/self-reviews/units/${sheet.unit.id}`}>
            {t("history")}
          </Link>
        </p>
      </header>
      {editable ? (
        <SheetForm sheet={sheet} />
      ) : (
        <ol className="space-y-3">
          {sheet.answers.map((a, i) => (
            <li
              key={a.question}
              className={`card p-4 ${a.returned ? "border-amber-400" : ""}`}
              data-testid={`answer-${a.question}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h3 className="font-semibold">
                  {i + 1}. {t(`questions.${a.question}`)} <span className="ml-2 tabular-nums">{a.rating ?? "—"}/5</span>
                  {a.returned ? (
                    <Badge tone="amber" className="ml-2">
                      {t("returnedMark")}
                    </Badge>
                  ) : null}
                </h3>
                {a.problem ? (
                  <Link className="link text-sm" href={`/problems/${a.problem.id}`}>
                    {t("raised", { code: a.problem.code })}
                  </Link>
                ) : raisable && a.found.trim().length >= 10 ? (
                  <RaiseProblemButton
                    sheet={sheet}
                    question={a.question}
                    districts={districts}
                    needsDistrict={!sheet.unit.districtId}
                  />
                ) : null}
              </div>
              <p className="mt-2 whitespace-pre-wrap text-sm">
                <span className="text-slate-600">{t("found")}：</span>
                {a.found || "—"}
              </p>
              <p className="mt-1 whitespace-pre-wrap text-sm">
                <span className="text-slate-600">{t("willDo")}：</span>
                {a.willDo || "—"}
              </p>
            </li>
          ))}
        </ol>
      )}
      {sheet.leaderComment ? (
        <section className="card p-4" aria-labelledby="comment-title">
          <h2 id="comment-title" className="font-semibold">
            {t("leaderComment")}
          </h2>
          <p className="mt-1 whitespace-pre-wrap text-sm">{sheet.leaderComment}</p>
          <p className="text-slate-600 text-xs">{sheet.commentedBy}</p>
        </section>
      ) : null}
      {!editable && sheet.status === "RETURNED" && sheet.returnReason ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" role="status">
          {t("returnedBanner", { reason: sheet.returnReason })} — {sheet.returnedBy}
        </p>
      ) : null}
      {reviewable ? <ReviewPanel sheet={sheet} /> : null}
    </div>
  );
}
