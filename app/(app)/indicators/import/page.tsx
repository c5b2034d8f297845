import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { IndicatorImportForm } from "@/components/dashboard/import-form";
import { ValidCodes } from "@/components/import/import-flow";
import { can } from "@/lib/permissions";
import { indicatorImportCodes } from "@/lib/server/indicators/import-template";
import { requireActor } from "../../session";

export default async function IndicatorImportPage() {
  const actor = await requireActor("/indicators/import");
  const t = await getTranslations("indicatorImport");
  const tl = await getTranslations("publishedLists");
  if (!can(actor, "indicator.import")) {
    return (
      <div className="rounded bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-bold">{t("forbiddenTitle")}</h1>
        <p className="mt-2 text-slate-600">{t("forbidden")}</p>
      </div>
    );
  }
  const tk = await getTranslations("importKit");
  const [units, indicators] = await indicatorImportCodes(actor);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <IndicatorImportForm />
      <ValidCodes
        groups={[
          {
            title: tk("unitsTitle"),
            rows: (units?.rows ?? []).map(([code = "", name = "", level = ""]) => ({ code, name: `${name}（${level}）` })),
          },
          {
            title: tk("indicatorsTitle"),
            rows: (indicators?.rows ?? []).map(([code = "", name = "", unit = "", range = ""]) => ({
              code,
              name: `${name}${unit ? ` · ${unit}` : ""} · ${range}`,
            })),
          },
        ]}
      />
      <p className="text-sm">
        <Link className="text-blue-700 hover:underline" href="/indicators/published-lists">
          {tl("manage")}
        </Link>
      </p>
    </div>
  );
}
