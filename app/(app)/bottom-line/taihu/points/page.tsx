import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PointManager } from "@/components/taihu/point-manager";
import { NoPermission } from "@/components/ui/no-permission";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listPoints } from "@/lib/server/taihu/list-points";
import { requireActor } from "../../../session";

/** Monitoring points and their thresholds, added and edited by the inspection office (监测点位管理). */
export default async function TaihuPointsPage() {
  const actor = await requireActor("/bottom-line/taihu/points");
  if (!can(actor, "taihu.manage")) return <NoPermission />;
  const t = await getTranslations("taihuPoints");
  const [points, districts, leaders] = await Promise.all([
    listPoints(actor, { includeInactive: true }),
    db.district.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, name: true } }),
    db.user.findMany({
      where: { role: "LEADER", active: true },
      orderBy: { displayName: "asc" },
      select: { id: true, displayName: true },
    }),
  ]);
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="font-bold text-2xl">{t("title")}</h1>
        <Link className="link text-sm" href="/bottom-line/taihu">
          ← {t("back")}
        </Link>
      </header>
      <PointManager
        points={points}
        districts={districts.map((d) => ({ value: d.code, label: d.name }))}
        leaders={leaders.map((l) => ({ value: l.id, label: l.displayName }))}
      />
    </div>
  );
}
