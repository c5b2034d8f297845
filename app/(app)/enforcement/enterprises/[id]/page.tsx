import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { listClues } from "@/lib/server/clues/list-clues";
import { getEnterprise } from "@/lib/server/enforcement/get-enterprise";
import { listProjects } from "@/lib/server/projects/list-projects";
import { requireActor } from "../../../session";

/** An enterprise's file: its inspections, cases, ledger problems, off-site clues and construction projects. */
export default async function EnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enforcement/enterprises/${id}`);
  const t = await getTranslations("enforcement");
  const tw = await getTranslations("enums");
  const file = await getEnterprise(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  const e = file.enterprise;
  const to = await getTranslations("offsiteEnums");
  const [clues, projects] = await Promise.all([
    can(actor, "clue.read") ? listClues(actor, { enterpriseId: e.id }).then((r) => r.items) : [],
    can(actor, "project.read") ? listProjects(actor, { enterpriseId: e.id }).then((r) => r.items) : [],
  ]);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="font-bold text-2xl">{e.name}</h1>
          <p className="text-slate-600 text-sm">
            <span className="font-mono">{e.creditCode}</span> · {e.districtName} · {t(`status.${e.status}` as "status.OPERATING")}
            {e.closedOn && ` ${e.closedOn}`}
            {e.industry && ` · ${e.industry}`}
          </p>
          <p className="text-slate-600 text-sm">
            {e.address}
            {e.tags.length > 0 && ` · ${e.tags.map((x) => t(`tags.${x}` as "tags.CHEMICAL")).join("、")}`}
            {e.isDemo && ` · ${t("common.demo")}`}
          </p>
        </div>
        {can(actor, "inspection.create") && (
          <Link href={`/enforcement/inspections/new?enterpriseId=${e.id}`} className="btn-primary">
            {t("enterprises.recordInspection")}
          </Link>
        )}
      </header>
      <section className="card p-3" aria-labelledby="h-inspections">
        <h2 id="h-inspections" className="mb-2 font-semibold">
          {t("enterprises.inspections")}（{file.inspections.length}）
        </h2>
        {file.inspections.length === 0 ? (
          <p className="text-slate-600 text-sm">{t("common.none")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {file.inspections.map((i) => (
              <li key={i.id} className="border-slate-100 border-t pt-2" data-testid="enterprise-inspection">
                <p>
                  {i.inspectedOn} · {t(`modes.${i.mode}` as "modes.CROSS")} · {t(`results.${i.result}` as "results.NO_ISSUE")} ·{" "}
                  {i.inspectors.map((p) => p.name).join("、")}
                </p>
                <p className="text-slate-700">{i.findings}</p>
                <div className="mt-1 flex flex-wrap gap-2">
                  {i.photos.map((p) => (
                    <a key={p.id} href={`/api/v1/inspections/${i.id}/photos/${p.id}`} target="_blank" rel="noreferrer">
                      {p.hasThumb ? (
                        // biome-ignore lint/performance/noImgElement: a streamed thumbnail of our own API
                        <img
                          src={`/api/v1/inspections/${i.id}/photos/${p.id}?variant=thumb`}
                          alt={p.name}
                          className="h-16 w-16 rounded object-cover"
                        />
                      ) : (
                        <span className="link text-xs">{p.name}</span>
                      )}
                    </a>
                  ))}
                  {i.result === "VIOLATION" && i.cases.length === 0 && can(actor, "case.file") && (
                    <Link className="link" href={`/enforcement/cases/new?inspectionId=${i.id}`}>
                      {t("inspections.fileCase")}
                    </Link>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card p-3" aria-labelledby="h-cases">
        <h2 id="h-cases" className="mb-2 font-semibold">
          {t("enterprises.cases")}（{file.cases.length}）
        </h2>
        {file.cases.length === 0 ? (
          <p className="text-slate-600 text-sm">{t("common.none")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {file.cases.map((c) => (
              <li key={c.id}>
                <Link className="link" href={`/enforcement/cases/${c.id}`}>
                  {c.number}
                </Link>{" "}
                {t(`caseStatus.${c.status}` as "caseStatus.FILED")} · {c.fineYuan.toLocaleString("zh-CN")} 元 · {c.violation}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card p-3" aria-labelledby="h-problems">
        <h2 id="h-problems" className="mb-2 font-semibold">
          {t("enterprises.problems")}（{file.problems.length}）
        </h2>
        {file.problems.length === 0 ? (
          <p className="text-slate-600 text-sm">{t("common.none")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {file.problems.map((p) => (
              <li key={p.id}>
                <Link className="link" href={`/problems/${p.id}`}>
                  {p.code}
                </Link>{" "}
                {p.title} · {tw(`status.${p.status}` as "status.CLOSED")}
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* Clues (非现场执法) and construction projects (源头管控) of this enterprise, in the caller's scope. */}
      <section className="card p-3 text-sm" aria-label={t("enterprises.clues")}>
        <h2 className="mb-1 font-semibold">{t("enterprises.clues")}</h2>
        {clues.length === 0 ? (
          <p className="text-slate-600">{t("enterprises.noneYet")}</p>
        ) : (
          <ul className="space-y-1">
            {clues.map((c) => (
              <li key={c.id}>
                <Link className="link" href={`/enforcement/clues/${c.id}`}>
                  {to(`rule.${c.rule}` as "rule.GAP")} · {c.pollutant}
                </Link>{" "}
                {c.windowStart.slice(0, 10)} · {to(`clueStatus.${c.status}` as "clueStatus.OPEN")}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card p-3 text-sm" aria-label={t("enterprises.projects")}>
        <h2 className="mb-1 font-semibold">{t("enterprises.projects")}</h2>
        {projects.length === 0 ? (
          <p className="text-slate-600">{t("enterprises.noneYet")}</p>
        ) : (
          <ul className="space-y-1">
            {projects.map((p) => (
              <li key={p.id}>
                <Link className="link" href={`/enforcement/projects/${p.id}`}>
                  {p.name}
                </Link>{" "}
                · {to(`projectStatus.${p.status}` as "projectStatus.SUBMITTED")}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
