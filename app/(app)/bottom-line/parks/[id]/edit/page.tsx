import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ParkRegisterForm } from "@/components/bottom-line/park-register-form";
import { BottomLineTabs } from "@/components/bottom-line/tabs";
import { NoPermission } from "@/components/ui/no-permission";
import { can } from "@/lib/permissions";
import { getPark } from "@/lib/server/parks/list-parks";
import { parkFormOptions } from "@/lib/server/parks/park-form-options";
import { requireActor } from "../../../../session";
import { updateParkAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("bottomLineForms.park.editTitle")} · ${t("common.appName")}` };
}

/** 修改园区登记: name, kind, district and its enterprises. */
export default async function EditParkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/bottom-line/parks/${id}/edit`);
  if (!can(actor, "park.manage")) return <NoPermission />;
  const [park, options, t] = await Promise.all([
    getPark(actor, id),
    parkFormOptions(actor),
    getTranslations("bottomLineForms.park"),
  ]);
  return (
    <div className="mx-auto max-w-3xl">
      <BottomLineTabs current="parks" />
      <Link href={`/bottom-line/parks/${id}`} className="link text-sm">
        ← {park.name}
      </Link>
      <h1 className="mt-1 mb-3 font-semibold text-slate-900 text-xl">{t("editTitle")}</h1>
      <ParkRegisterForm
        districts={options.districts}
        enterprises={options.enterprises}
        initial={{
          id: park.id,
          name: park.name,
          kind: park.kind,
          districtId: park.district.id,
          enterpriseIds: park.enterprises.map((e) => e.id),
        }}
        submit={updateParkAction.bind(null, id)}
      />
    </div>
  );
}
