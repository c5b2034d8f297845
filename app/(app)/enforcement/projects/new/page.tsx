import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewProjectForm } from "@/components/offsite/project-forms";
import { NoPermission } from "@/components/ui/no-permission";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { requireActor } from "../../../session";
import { createProjectAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("offsiteProjects.newTitle")} · ${t("common.appName")}` };
}

export default async function NewProjectPage() {
  const actor = await requireActor("/enforcement/projects/new");
  if (!can(actor, "project.submit")) return <NoPermission />;
  const t = await getTranslations("offsiteProjects");
  // A field officer submits for their own district only: offer only its enterprises.
  const own = actor.role === "FIELD_OFFICER" ? { districtId: actor.districtId ?? "" } : {};
  const [enterprises, districts] = await Promise.all([
    db.enterprise.findMany({
      where: { ...own, status: { not: "CLOSED" } },
      orderBy: { name: "asc" },
      take: 1000,
      select: { id: true, name: true, district: { select: { name: true } } },
    }),
    db.district.findMany({
      where: actor.role === "FIELD_OFFICER" ? { id: actor.districtId ?? "" } : {},
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/enforcement/projects" className="link text-sm">
        {t("back")}
      </Link>
      <h1 className="font-bold text-2xl">{t("newTitle")}</h1>
      <NewProjectForm
        enterprises={enterprises.map((e) => ({ id: e.id, name: e.name, districtName: e.district.name }))}
        districts={districts}
        defaultDistrictId={actor.role === "FIELD_OFFICER" ? (actor.districtId ?? "") : ""}
        action={createProjectAction}
      />
    </div>
  );
}
