import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClassStrip, stripSummary } from "@/components/sections/class-strip";
import { SectionForm } from "@/components/sections/section-form";
import { Notice } from "@/components/ui/notice";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { formatBureauDateTime } from "@/lib/i18n/labels";
import { can } from "@/lib/permissions";
import { getSection } from "@/lib/server/sections/list-sections";
import { getSectionHistory } from "@/lib/server/sections/section-history";
import { requireActor } from "../../session";

export default async function SectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/sections/${id}`);
  const t = await getTranslations("sections");
  const section = await getSection(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) return null;
    throw e;
  });
  if (!section) return <Notice title={t("notFound")} action={{ href: "/sections", label: t("cancel") }} />;
  const [history, districts] = await Promise.all([
    getSectionHistory(actor, id),
    db.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } }),
  ]);
  const manage = can(actor, "section.manage");
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <header>
        <h1 className="font-bold text-2xl">
          {section.name} <span className="font-mono text-base text-slate-500">{section.code}</span>
        </h1>
        <p className="text-slate-600 text-sm">
          {section.districtName} · {section.waterBody} · {t(`levels.${section.level}`)} · {t("targetClass")}{" "}
          {section.targetClassLabel}
        </p>
      </header>
      <section className="overflow-x-auto rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-2 font-semibold">{t("strip")}</h2>
        <ClassStrip
          months={section.months}
          testId={`strip-${section.code}`}
          noResult={t("noResult")}
          missedText={t("missed")}
          label={t("stripLabel", { name: section.name, summary: stripSummary(section.months, t("missed"), t("noResult")) })}
        />
        <p className="mt-1 flex justify-between text-slate-500 text-xs">
          <span>{section.months[0]?.period}</span>
          <span>{section.months.at(-1)?.period}</span>
        </p>
        <p className="mt-1 text-slate-500 text-xs">{t("classes")}</p>
      </section>
      {manage && (
        <section className="space-y-2">
          <h2 className="font-semibold">{t("editTitle", { code: section.code })}</h2>
          <SectionForm
            districts={districts}
            initial={{
              id: section.id,
              version: section.version,
              code: section.code,
              name: section.name,
              waterBody: section.waterBody,
              districtCode: section.districtCode,
              level: section.level,
              targetClass: section.targetClass,
              active: section.active,
            }}
          />
        </section>
      )}
      <section className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-2 font-semibold">{t("history")}</h2>
        {history.length === 0 ? (
          <p className="text-slate-600 text-sm">{t("noHistory")}</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {history.map((h) => (
              <li key={`${h.at}-${h.action}`}>
                {t("historyEntry", {
                  time: formatBureauDateTime(h.at),
                  actor: h.actorName ?? "—",
                  action: t.has(`actions.${h.action}`) ? t(`actions.${h.action}`) : h.action,
                })}
                {h.after ? (
                  <span className="ml-2 break-all font-mono text-slate-500 text-xs">{JSON.stringify(h.after)}</span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <Link href="/sections" className="text-blue-700 text-sm hover:underline">
        {t("cancel")}
      </Link>
    </div>
  );
}
