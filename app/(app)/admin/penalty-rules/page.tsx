import { getTranslations } from "next-intl/server";
import { PenaltyRulesForm } from "@/components/penalties/penalty-rules-form";
import { NoPermission } from "@/components/ui/no-permission";
import { PENALTY_RULE_KEYS } from "@/lib/domain/penalties";
import { can } from "@/lib/permissions";
import { getPenaltyRules } from "@/lib/server/penalties/penalty-rules";
import { requireActor } from "../../session";
import { updatePenaltyRulesAction } from "./actions";

const shanghai = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });

/** The penalty rules: the version in force, a form for a new version from a month, and every version. */
export default async function PenaltyRulesPage() {
  const actor = await requireActor("/admin/penalty-rules");
  if (!can(actor, "penaltyRules.manage")) return <NoPermission />;
  const t = await getTranslations("penaltyRules");
  const { inForce, month, versions } = await getPenaltyRules(actor);
  return (
    <div className="space-y-4">
      <header>
        <h1 className="font-bold text-2xl">{t("title")}</h1>
        <p className="max-w-3xl text-slate-600 text-sm">{t("intro")}</p>
        <p className="mt-1 font-medium text-sm" data-testid="rules-in-force">
          {t("inForce", { month: inForce.effectiveFrom })}
        </p>
      </header>
      <section className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <PenaltyRulesForm current={inForce.rules} defaultMonth={month} save={updatePenaltyRulesAction} />
      </section>
      <section className="overflow-x-auto rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-2 font-semibold">{t("versions")}</h2>
        <table className="w-full min-w-[48rem] text-sm" data-testid="rule-versions">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-2 py-1.5">{t("cols.effectiveFrom")}</th>
              <th className="px-2 py-1.5">{t("cols.setAt")}</th>
              <th className="px-2 py-1.5">{t("cols.setBy")}</th>
              <th className="px-2 py-1.5">{t("cols.reason")}</th>
              <th className="px-2 py-1.5">{t("cols.changes")}</th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.id ?? v.effectiveFrom} className="border-slate-100 border-b align-top">
                <td className="px-2 py-1.5 tabular-nums">{v.effectiveFrom}</td>
                <td className="px-2 py-1.5 tabular-nums">{v.id ? shanghai.format(v.setAt) : "—"}</td>
                <td className="px-2 py-1.5">{v.setByName ?? t("system")}</td>
                <td className="px-2 py-1.5">{v.reason}</td>
                <td className="px-2 py-1.5 text-xs">
                  <details>
                    <summary className="cursor-pointer text-blue-700">{t("cols.changes")}</summary>
                    <dl className="mt-1 grid grid-cols-[auto_auto] gap-x-3">
                      {PENALTY_RULE_KEYS.map((k) => (
                        <div key={k} className="contents">
                          <dt className="text-slate-600">{t(`keys.${k}`)}</dt>
                          <dd className="tabular-nums">{v.rules[k].toLocaleString("zh-CN")}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
