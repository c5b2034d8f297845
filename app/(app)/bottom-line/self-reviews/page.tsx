import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RoundForm } from "@/components/reflection/round-form";
import { Badge } from "@/components/ui/badge";
import { NoPermission } from "@/components/ui/no-permission";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listRounds } from "@/lib/server/self-reviews/get-round";
import { getWorstQuestions } from "@/lib/server/self-reviews/self-review-views";
import { requireActor } from "../../session";

export default async function SelfReviewsPage() {
  const actor = await requireActor("/bottom-line/self-reviews");
  if (!can(actor, "selfReview.read")) return <NoPermission />;
  const t = await getTranslations("selfReview");
  const [rounds, worst, units] = await Promise.all([
    listRounds(actor),
    getWorstQuestions(actor),
    can(actor, "selfReview.manage")
      ? db.unit.findMany({
          where: { active: true, kind: { not: "BUREAU" } },
          orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
          select: { id: true, name: true },
        })
      : Promise.resolve(null),
  ]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="font-bold text-2xl">{t("title")}</h1>
        <p className="max-w-3xl text-slate-600 text-sm">{t("respectHint")}</p>
      </header>
      {actor.unitId && can(actor, "selfReview.answer") ? (
        <p>
          <Link className="link" href={`/bottom-line/self-reviews/units/${actor.unitId}`}>
            {t("history")}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="rounds-title" className="space-y-2">
        <h2 id="rounds-title" className="font-semibold text-lg">
          {t("rounds")}
        </h2>
        {rounds.length === 0 ? (
          <p className="text-slate-600">{t("noRounds")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-sm">
              <thead className="text-left text-slate-600">
                <tr>
                  <th className="py-2">{t("roundTitle")}</th>
                  <th>{t("period")}</th>
                  <th>{t("dueOn")}</th>
                  <th>{t("status")}</th>
                  <th className="text-right">{t("submitted")}</th>
                  <th className="text-right">{t("late")}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r.id} className="border-slate-200 border-t">
                    <td className="py-2">
                      <Link className="link" href={`/bottom-line/self-reviews/${r.id}`}>
                        {r.title}
                      </Link>
                      {r.isDemo ? (
                        <Badge tone="amber" className="ml-2">
                          {t("demo")}
                        </Badge>
                      ) : null}
                    </td>
                    <td>{r.period}</td>
                    <td>{r.dueOn}</td>
                    <td>{t(`roundStatuses.${r.status}`)}</td>
                    <td className="text-right tabular-nums">
                      {r.submitted}/{r.units}
                    </td>
                    <td className={`text-right tabular-nums ${r.late ? "font-semibold text-red-700" : ""}`}>{r.late}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="worst-title" className="space-y-2">
        <h2 id="worst-title" className="font-semibold text-lg">
          {t("worst")}
        </h2>
        <ol className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4" data-testid="worst-questions">
          {worst.map((w) => (
            <li key={w.question} className="card p-3">
              <p className="font-medium">{t(`questions.${w.question}`)}</p>
              <p className="text-slate-600 text-xs">{t(`respects.${w.respect}`)}</p>
              <p className="mt-1 font-bold text-2xl tabular-nums">{w.mean ?? "—"}</p>
              <p className="text-slate-600 text-xs">
                {w.answers} {t("answers")} · {t("lowCount")} {w.low}
              </p>
            </li>
          ))}
        </ol>
      </section>
      {units ? <RoundForm units={units} /> : null}
    </div>
  );
}
